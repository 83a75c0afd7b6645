import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { claimProblems, quoteForce, unusedExceptions, type Claim, type ClaimException, type ClaimSources } from '../../src/domain/claims.ts';
import { catalogueSchema } from '../../src/domain/duties.ts';
import { faqEntrySchema } from '../../src/domain/faq.ts';
import { buildDeck, deckRoles } from '../../src/domain/deck.ts';
import { parseSiteConfig } from '../../src/domain/site-config.ts';
import { TEMPLATES, TEMPLATE_BASIS } from '../../src/domain/messages.ts';
import { parentsPageSchema } from '../../src/domain/parents.ts';
import { TYPES_FOR } from '../../src/domain/checklist.ts';
import { PAGE_CLAIMS } from '../../src/domain/page-claims.ts';
import { parsePlatformFacts } from '../../src/domain/platform.ts';
import { documentTitle, documents, repositorySources } from '../support/claims.ts';
import { groundingOf, soleModelSource } from '../../src/domain/grounding.ts';
import { ROOT } from '../support/project.ts';
import { collapse } from '../support/text.ts';

const read = (path: string): unknown => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));

/** Reasoned departures from the force, condition and scope rules (content/claim-exceptions.json). */
const exceptions = read('content/claim-exceptions.json') as ClaimException[];

const catalogue = catalogueSchema.parse(read('content/duties.json'));
/**
 * Where a duty is shown, it is labelled with its institution types («Для колледжей и техникумов») when they are not
 * all three, and each of its clause links names the document («Порядок техникума, п. 21.4»).
 */
const dutyClaims: Claim[] = catalogue.duties.map((duty) => ({
  where: `content/duties.json: ${duty.id}`,
  text: duty.text,
  basis: duty.basis,
  place: [
    duty.types.length < 3 ? `Для ${duty.types.map((type) => TYPES_FOR[type]).join(' и ')}` : '',
    ...new Set(duty.refs.map((ref) => documentTitle(ref.split('#')[0]))),
  ].join('; '),
}));

const faq = faqEntrySchema.array().parse(read('content/faq.json'));
/** A Q&A answer is read on its own: a rule of one institution names it in the answer. */
const faqClaims: Claim[] = faq.map((entry) => ({ where: `content/faq.json: ${entry.id}`, text: entry.answer.join(' '), basis: entry.basis }));

const institutionSettings = parseSiteConfig(read('content/site.json')).institutions[0];

/** The deck, its quotes standing for themselves: a slide's notes are labelled by the documents the slide quotes. */
const slides = buildDeck({
  institution: institutionSettings,
  roles: deckRoles(catalogue),
  facts: parsePlatformFacts(read('content/platform-facts.json')),
  links: [],
  quote: ({ doc, items = [] }) => ({ to: '', label: documentTitle(doc), text: '', items }),
  formatDate: (iso) => iso,
});
const deckClaims: Claim[] = slides.flatMap((slide) =>
  slide.body.kind === 'quotes' || slide.basis
    ? [{ where: `src/domain/deck.ts: ${slide.id}`, text: slide.notes, basis: slide.basis ?? [], place: slide.body.kind === 'quotes' ? slide.body.quotes.map((quote) => quote.label).join('; ') : undefined }]
    : [],
);

/**
 * A role slide's task lines, for an institution of each type without its own act (every duty a model): the task, read
 * with what the slide sets beside it — the act it rests on alone (soleModelSource) — against the duty's basis.
 */
const taskClaims: Claim[] = (['ДОУ', 'школа', 'СПО'] as const).flatMap((type): Claim[] => {
  const grounding = groundingOf({ short: 'Без своего документа', documents: [] }, ['minprosveshcheniya-04-423']);
  const roles = deckRoles(catalogue, type, (refs) => soleModelSource(refs, grounding, documents));
  return buildDeck({ institution: institutionSettings, roles, facts: [], links: [], quote: () => ({ to: '', label: '', text: '', items: [] }), formatDate: (iso) => iso })
    .flatMap((slide) => (slide.body.kind === 'role' ? slide.body.topics.map((topic) => ({ slide, topic })) : []))
    .map(({ topic }) => ({
      where: `src/domain/deck.ts: task ${topic.duty}`,
      text: topic.task,
      basis: catalogue.duties.find((duty) => duty.id === topic.duty)!.basis,
      place: topic.scope,
    }));
}).filter((claim, i, all) => all.findIndex((other) => other.where === claim.where && other.place === claim.place) === i);

/** A ready-made text's rules are read with its intro, which names the documents they come from. */
const templateClaims: Claim[] = TEMPLATES.flatMap((template) =>
  TEMPLATE_BASIS[template.id].map((item, i) => ({ where: `src/domain/messages.ts: ${template.id} ${i + 1}`, text: item.text, basis: item.basis, place: template.intro })),
);

/** The parents' page (content/parents.json): every step, rule and note, read as the page shows it. */
const parents = parentsPageSchema.parse(read('content/parents.json'));
/** The rules' section names the institutions whose acts it quotes, in the line under its heading. */
const rulesLabel = /id="pravila">[^<]*<\/h2>[^<]*<p>([^<]*)</.exec(readFileSync(join(ROOT, 'src/pages/[...section]/roditelyam/index.astro'), 'utf8'))?.[1] ?? '';
const parentsClaims: Claim[] = [
  ...parents.steps.map((step) => ({ where: `content/parents.json: ${step.id}`, text: `${step.title}. ${step.text}`, basis: step.basis })),
  ...parents.rules.map((rule, i) => ({ where: `content/parents.json: rules ${i + 1}`, text: `${rule.kind}: ${rule.text}`, basis: rule.basis, place: rulesLabel })),
  ...parents.privacy.map((item, i) => ({ where: `content/parents.json: privacy ${i + 1}`, text: item.text, basis: item.basis })),
  { where: 'content/parents.json: ask', text: parents.ask.text, basis: parents.ask.basis },
  // The poster hangs under the institution's name but names no one else's: each step is read on its own.
  ...parents.poster.map((step, i) => ({ where: `content/parents.json: poster ${i + 1}`, text: step.text, basis: step.basis })),
];

/** The reference pages' and the pedagogical-hour page's own words, each read on its own. */
const pageClaims: Claim[] = Object.entries(PAGE_CLAIMS).map(([id, claim]) => ({ where: `src/domain/page-claims.ts: ${id}`, text: claim.text, basis: claim.basis }));

const allClaims = [...dutyClaims, ...faqClaims, ...deckClaims, ...taskClaims, ...templateClaims, ...parentsClaims, ...pageClaims];
/** Clause references of a claim's place (duty or answer) next to the clauses its basis quotes. */
const citedAndQuoted = [
  ...catalogue.duties.map((duty) => ({ id: duty.id, refs: duty.refs, basis: duty.basis })),
  ...faq.map((entry) => ({ id: entry.id, refs: entry.refs.map(({ doc, anchor }) => `${doc}#${anchor}`), basis: entry.basis })),
];

describe('claim checker', () => {
  const sources: ClaimSources = {
    clauseText: (ref) =>
      ({
        'tekhnikum#p-21-4-5': 'Модератор имеет право ограничить доступ к чату участникам, не соблюдающим правила.',
        'kerch-shkola-12#p-2-3-2': 'проходит процесс верификации статуса «учитель» (при необходимости);',
        'kerch-shkola-12#p-2-3-1': 'присоединяется к образовательной организации по ссылке-приглашению;',
        'tekhnikum#p-20-3-1': 'присоединяется к Техникуму по ссылке-приглашению, полученной от администратора сообщества;',
        'minprosveshcheniya-04-423#p-5-abz-2': 'Педагогам рекомендуется использовать платформу.',
      })[ref],
    factText: (id) => (id === 'max-safe-mode' ? 'В MAX у роли «учащийся» по умолчанию включён «Безопасный режим».' : undefined),
    institutionNames: (doc) => ({ tekhnikum: ['Техникум'], 'kerch-shkola-12': ['Школа № 12 (Керчь)', '№ 12'] })[doc],
    saidElsewhere: () => false,
  };
  const claim = (text: string, ...basis: Claim['basis']): Claim => ({ where: 'test', text, basis });

  it('fails a claim without basis and a quote that is not verbatim in the clause it names', () => {
    expect(claimProblems(claim('Текст'), sources)).toEqual(['test: нет основания (basis)']);
    const problems = claimProblems(claim('В техникуме модератор вправе ограничить доступ.', { ref: 'tekhnikum#p-21-4-5', quote: 'Модератор ограничивает доступ' }), sources);
    expect(problems.join()).toMatch(/нет дословно/);
    expect(claimProblems(claim('В школе № 12 …', { ref: 'kerch-shkola-12#p-9', quote: 'нет' }), sources).join()).toMatch(/нет такого источника/);
    expect(claimProblems(claim('Безопасный режим', { fact: 'max-safe-mode', quote: 'выключен' }), sources).join()).toMatch(/нет дословно/);
  });

  it('accepts a quote whose whitespace differs, and nothing else', () => {
    const quote = 'Модератор  имеет право\nограничить доступ';
    expect(claimProblems(claim('В техникуме модератор вправе ограничить доступ.', { ref: 'tekhnikum#p-21-4-5', quote }), sources)).toEqual([]);
    expect(claimProblems(claim('В техникуме модератор вправе ограничить доступ.', { ref: 'tekhnikum#p-21-4-5', quote: 'модератор имеет право' }), sources)).not.toEqual([]);
  });

  it('classes the force of source words', () => {
    expect(quoteForce('обязан присоединиться')).toBe('duty');
    expect(quoteForce('создает чаты')).toBe('duty');
    expect(quoteForce('имеют право посещать семинары')).toBe('right');
    expect(quoteForce('Родитель вправе')).toBe('right');
    expect(quoteForce('имеется возможность пройти обучение')).toBe('possibility');
    expect(quoteForce('рекомендуется обеспечить')).toBe('recommendation');
    expect(quoteForce('Мы рекомендуем')).toBe('recommendation');
    expect(quoteForce('применять Методические рекомендации')).toBe('duty');
    expect(quoteForce('подтверждает статус (при необходимости)')).toBe('condition');
  });

  it('fails an imperative where the source gives a right, and accepts «вправе»', () => {
    const basis = { ref: 'tekhnikum#p-21-4-5', quote: 'Модератор имеет право ограничить доступ' };
    expect(claimProblems(claim('Ограничивайте доступ к чату в техникуме.', basis), sources).join()).toMatch(/сила источника — right/);
    expect(claimProblems(claim('В техникуме модератор вправе ограничить доступ.', basis), sources)).toEqual([]);
  });

  it('lets a duty in one document carry the claim over a right in another, not in the same one', () => {
    const right = { ref: 'tekhnikum#p-21-4-5', quote: 'Модератор имеет право ограничить доступ' };
    const duty = { ref: 'kerch-shkola-12#p-2-3-1', quote: 'присоединяется к образовательной организации' };
    expect(claimProblems(claim('В техникуме и школе № 12 ограничьте доступ.', right, duty), sources)).toEqual([]);
    const sameDocument = { ref: 'tekhnikum#p-21-4-5', quote: 'ограничить доступ к чату участникам' };
    expect(claimProblems(claim('В техникуме ограничьте доступ.', right, sameDocument), sources).join()).toMatch(/сила источника — right/);
    expect(quoteForce('Модератор не вправе удалять участников')).toBe('duty');
  });

  it('fails a recommendation turned into a rule', () => {
    const basis = { ref: 'minprosveshcheniya-04-423#p-5-abz-2', quote: 'Педагогам рекомендуется использовать платформу' };
    expect(claimProblems(claim('Используйте платформу.', basis), sources).join()).toMatch(/recommendation/);
    expect(claimProblems(claim('Минпросвещения рекомендует педагогам пользоваться платформой.', basis), sources)).toEqual([]);
  });

  it('fails a claim that drops the source\'s «при необходимости»', () => {
    const basis = { ref: 'kerch-shkola-12#p-2-3-2', quote: 'проходит процесс верификации статуса «учитель» (при необходимости)' };
    expect(claimProblems(claim('В школе № 12 подтверждение роли обязательно.', basis), sources).join()).toMatch(/условие/);
    expect(claimProblems(claim('В школе № 12 при необходимости пройдите верификацию.', basis), sources)).toEqual([]);
  });

  it('fails a rule of one institution that names neither it nor its place', () => {
    const basis = { ref: 'kerch-shkola-12#p-2-3-1', quote: 'присоединяется к образовательной организации по ссылке-приглашению' };
    expect(claimProblems(claim('Присоединитесь по ссылке-приглашению.', basis), sources).join()).toMatch(/одного учреждения/);
    expect(claimProblems(claim('В школе №\u00a012 педагог присоединяется по ссылке.', basis), sources)).toEqual([]);
    expect(claimProblems({ ...claim('Присоединитесь по ссылке-приглашению.', basis), place: 'Школа № 12 (Керчь)' }, sources)).toEqual([]);
  });

  it('fails a rule one institution states beside others\' rules, unless another document says the same', () => {
    const shared = { ref: 'kerch-shkola-12#p-2-3-1', quote: 'присоединяется к образовательной организации по ссылке-приглашению' };
    const own = { ref: 'tekhnikum#p-21-4-5', quote: 'Модератор имеет право ограничить доступ' };
    const text = 'Педагог присоединяется по ссылке-приглашению, а модератор вправе ограничить доступ.';
    expect(claimProblems(claim(text, shared, own), sources).join()).toMatch(/одного учреждения \(tekhnikum\)/);
    expect(claimProblems(claim(text, shared, own), { ...sources, saidElsewhere: (doc) => doc === 'tekhnikum' }).join()).toMatch(/одного учреждения \(kerch-shkola-12\)/);
    const twice = { ref: 'tekhnikum#p-20-3-1', quote: 'присоединяется к Техникуму по ссылке-приглашению' };
    expect(claimProblems(claim('Педагог присоединяется по ссылке-приглашению.', shared, twice), sources)).toEqual([]);
  });

  it('binds the wording to a platform fact\'s softer words too', () => {
    const sourcesWithFact = { ...sources, factText: () => 'Министр: «Мы рекомендуем MAX».' };
    const basis = { fact: 'max-recommended', quote: 'Мы рекомендуем MAX' };
    expect(claimProblems(claim('Установите MAX.', basis), sourcesWithFact).join()).toMatch(/recommendation/);
    expect(claimProblems(claim('Министр рекомендует MAX.', basis), sourcesWithFact)).toEqual([]);
  });

  it('says exactly what is wrong, naming the claim\'s place once', () => {
    expect(claimProblems(claim('В техникуме модератор вправе ограничить доступ.', { ref: 'tekhnikum#p-21-4-5', quote: 'Модератор  ограничивает' }), sources)).toEqual([
      'test: цитаты «Модератор  ограничивает» нет дословно в источнике пункт tekhnikum#p-21-4-5',
    ]);
    expect(claimProblems(claim('Безопасный режим', { fact: 'max-gone', quote: 'включён' }), sources)).toEqual(['test: нет такого источника: сведение max-gone']);
    const right = { ref: 'tekhnikum#p-21-4-5', quote: 'Модератор имеет право ограничить доступ' };
    const recommended = { ref: 'minprosveshcheniya-04-423#p-5-abz-2', quote: 'Педагогам рекомендуется использовать платформу' };
    expect(claimProblems({ where: 'content/duties.json: x', text: 'Ограничьте доступ в техникуме.', basis: [right, recommended] }, sources)).toEqual([
      'content/duties.json: x: сила источника — right, recommendation, а в тексте нет «можно», «вправе», «рекомендовано»: «Ограничьте доступ в техникуме.»',
    ]);
    const conditional = { ref: 'kerch-shkola-12#p-2-3-2', quote: 'проходит процесс верификации статуса «учитель» (при необходимости)' };
    expect(claimProblems(claim('Пройдите верификацию в школе № 12.', conditional), sources)).toEqual([
      'test: источник ставит условие («при необходимости», «в случае…»), а текст — нет: «Пройдите верификацию в школе № 12.»',
    ]);
    expect(claimProblems(claim('Присоединитесь.', { ref: 'kerch-shkola-12#p-2-3-1', quote: 'присоединяется' }), sources)).toEqual([
      'test: правило только одного учреждения (kerch-shkola-12), но ни текст, ни место его не называют: «Присоединитесь.»',
    ]);
  });

  it('accepts the source\'s own softness in the site\'s words: «может» for a possibility, a named place in any case and spacing', () => {
    const possible = { ref: 'tekhnikum#p-21-4-5', quote: 'Модератор имеет право' };
    expect(claimProblems(claim('В ТЕХНИКУМЕ модератор может ограничить доступ.', possible), sources)).toEqual([]);
    expect(claimProblems({ ...claim('Модератор может ограничить доступ.', possible), place: 'Порядок\nтехникума' }, sources)).toEqual([]);
  });

  it('lists the exceptions that name no claim', () => {
    const exceptions: ClaimException[] = [{ where: 'test', rule: 'force', reason: 'проверка' }, { where: 'нет такого', rule: 'scope', reason: 'устарело' }];
    expect(unusedExceptions([claim('Текст')], exceptions)).toEqual([exceptions[1]]);
  });

  it('lets a listed exception through, for its rule only', () => {
    const basis = { ref: 'tekhnikum#p-21-4-5', quote: 'Модератор имеет право ограничить доступ' };
    const excepted: ClaimException[] = [{ where: 'test', rule: 'force', reason: 'проверка' }];
    expect(claimProblems(claim('Ограничивайте доступ в техникуме.', basis), sources, excepted)).toEqual([]);
    expect(claimProblems(claim('Ограничивайте доступ.', basis), sources, excepted).join()).toMatch(/одного учреждения/);
    expect(claimProblems(claim('Ограничивайте доступ в техникуме.', basis), sources, [{ ...excepted[0], where: 'другое место' }]).join()).toMatch(/сила источника/);
  });
});

describe('the site\'s own words rest on quoted sources', () => {
  it('quotes every clause a duty or an answer cites, and cites every clause it quotes', () => {
    const mismatched = citedAndQuoted.filter((item) => {
      const quoted = new Set(item.basis.flatMap((entry) => ('ref' in entry ? [entry.ref] : [])));
      return [...quoted].sort().join() !== [...new Set(item.refs)].sort().join();
    });
    expect(mismatched.map((item) => item.id)).toEqual([]);
  });

  it('keeps each claim\'s quotes verbatim, its force and its scope', () => {
    expect(allClaims.flatMap((item) => claimProblems(item, repositorySources, exceptions))).toEqual([]);
  });

  it('checks only words the ready-made texts really say', () => {
    for (const template of TEMPLATES) {
      const said = collapse([template.intro, ...template.fields.map((field) => field.hint ?? ''), ...template.lines].join('\n'));
      for (const item of TEMPLATE_BASIS[template.id]) expect(said, template.id).toContain(collapse(item.text));
    }
  });

  it('lists each exception with a reason, against a claim that exists', () => {
    for (const exception of exceptions) expect(exception.reason.length, exception.where).toBeGreaterThan(20);
    expect(unusedExceptions(allClaims, exceptions)).toEqual([]);
  });
});

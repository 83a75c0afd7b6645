/** Search logic without a build: normalisation, query words, plurals, ranking, and the search content. */
import { describe, expect, it } from 'vitest';
import faqRaw from '../../content/faq.json';
import synonymsRaw from '../../content/search-synonyms.json';
import { z } from 'zod';
import { normalizeText, queryTerms, pluralRu, MAX_TERMS } from '../../src/domain/search-text.ts';
import { buildSearchIndex, shardOf, stem, decodePostings, enclosingSection, termLookup, chunkOf, shownSection, SECTIONS_PER_CHUNK, type SectionInput } from '../../src/domain/search-index.ts';
import { Vocabulary, planQuery, rank, compose, excerpt, matchedWords, suggestions, editDistance, soundKey, shardsFor } from '../../src/domain/search-engine.ts';
import { faqEntrySchema, synonymsSchema } from '../../src/domain/faq.ts';
import { documentAnchors } from '../../src/domain/anchors.ts';
import { regulationFiles } from '../support/project.ts';

describe('normalizeText', () => {
  it('reads ё as е and keeps the length', () => {
    expect(normalizeText('Создаёт, ЁЛКА')).toBe('Создает, ЕЛКА');
  });
  it('turns Latin look-alikes inside a Cyrillic word into Cyrillic, leaves Latin words alone', () => {
    const defect = 'видеoinформацией';
    expect(normalizeText(defect)).toBe('видеоинформацией');
    expect(normalizeText(defect)).toHaveLength(defect.length);
    expect(normalizeText('WhatsApp и VK Мессенджер')).toBe('WhatsApp и VK Мессенджер');
  });
});

describe('queryTerms', () => {
  it('drops question words and keeps the meaning', () => {
    expect(queryTerms('Как подтвердить, что я учитель?').terms).toEqual(['подтвердить', 'учитель']);
    expect(queryTerms('что такое учебный профиль').terms).toEqual(['учебный', 'профиль']);
    expect(queryTerms('кому писать, куда и сколько ждать').terms).toEqual(['писать', 'ждать']);
    expect(queryTerms('каким родителям видно нашего ребёнка и моего').terms).toEqual(['родителям', 'видно', 'ребенка']);
    expect(queryTerms('руководитель должен иметь роль, может ли он').terms).toEqual(['руководитель', 'роль']);
    // Verbs of motion and giving carry no subject, and their stems meet nouns («стать» → «стат» of «статья», «дать» → «дат» of «дата»).
    expect(queryTerms('как стать учителем и дать ссылку').terms).toEqual(['учителем', 'ссылку']);
  });
  it('gives nothing for an empty query or punctuation only', () => {
    expect(queryTerms('').terms).toEqual([]);
    expect(queryTerms('?!… — «»').terms).toEqual([]);
  });
  it('keeps stop words when nothing else is left', () => {
    expect(queryTerms('что это').terms).toEqual(['что', 'это']);
  });
  it('reads HTML in a query as words, never as markup', () => {
    expect(queryTerms('<img src=x onerror=alert(1)>').terms).toEqual(['img', 'src', 'x', 'onerror', 'alert', '1']);
  });
  it('cuts a 1000-character query and says so', () => {
    const result = queryTerms('чат '.repeat(250));
    expect(result.truncated).toBe(true);
    expect(result.terms).toEqual(['чат']);
    expect(queryTerms('а б в г д е ж з и к л м н о п').terms.length).toBeLessThanOrEqual(MAX_TERMS);
  });
  it('says the query was cut only past 200 characters or 8 different words', () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `слово${'а'.repeat(i)}`).join(' ');
    expect(queryTerms(words(8))).toEqual({ terms: words(8).split(' '), truncated: false });
    expect(queryTerms(words(9))).toEqual({ terms: words(8).split(' '), truncated: true });
    expect(queryTerms(`${'чат '.repeat(49)}чат!`)).toEqual({ terms: ['чат'], truncated: false });
    expect(queryTerms(`${'чат '.repeat(50)}модератор`)).toEqual({ terms: ['чат'], truncated: true });
  });
  it('normalises ё and mixed scripts in the query', () => {
    expect(queryTerms('создаёт видеoinформацию').terms).toEqual(['создает', 'видеоинформацию']);
  });
});

describe('pluralRu', () => {
  it.each([
    [1, '1\u00a0результат'], [2, '2\u00a0результата'], [5, '5\u00a0результатов'], [11, '11\u00a0результатов'],
    [21, '21\u00a0результат'], [22, '22\u00a0результата'], [0, '0\u00a0результатов'],
  ])('%i → %s', (count, text) => {
    expect(pluralRu(count, ['результат', 'результата', 'результатов'])).toBe(text);
  });
});

/** A small index built the way the site builds its own. */
function engineFor(sections: SectionInput[], synonyms: string[][] = [['ватсап', 'whatsapp'], ['удалить', 'исключить']], terms: { term: string; definitions: string[] }[] = []) {
  const documents = [...new Set(sections.map((section) => section.url))].map((url) => ({ url, title: url, types: ['школа'], about: url === '/docs/dou/' ? 'Детский сад ДОУ' : 'Школа' }));
  const built = buildSearchIndex({
    documents,
    sections,
    synonyms,
    terms,
    abbreviations: { фз: 'федеральный закон' },
    laws: [
      { kind: 'федеральный закон', number: '273-ФЗ', title: 'Об образовании в Российской Федерации', patterns: ['273-ФЗ'] },
      { kind: 'федеральный закон', title: 'О персональных данных', patterns: ['[«"]О персональных данных[»"]'] },
      { kind: 'постановление Правительства РФ', number: '1241', title: 'О федеральной государственной информационной системе «Моя школа»', patterns: ['1241'] },
    ],
  });
  const vocabulary = new Vocabulary(built.index);
  const lookup = termLookup(new Map(built.shards.map((shard, i) => [i, shard])), built.index.shards);
  const anchorOf = (section: number) => shownSection(built.chunks[chunkOf(section)], section)[0];
  const search = (query: string) => compose(rank(planQuery(query, vocabulary), built.index, lookup), built.index, () => true)
    .map(({ hit, source }) => `${anchorOf(hit.section)}${source ? `>${anchorOf(source.section)}` : ''}`);
  return { built, vocabulary, lookup, anchorOf, search };
}

const clause = (anchor: string, text: string, url = '/docs/x/'): SectionInput => ({ url, anchor, label: anchor, text, roles: [] });

describe('search engine', () => {
  const { built, vocabulary, lookup, anchorOf, search } = engineFor([
    clause('p-1', 'Модератор удаляет из чата выбывшего обучающегося и его родителей.'),
    clause('p-2', 'Педагог проходит верификацию статуса «учитель» при необходимости.'),
    clause('p-3', 'Запрещено использовать WhatsApp, Telegram, Discord и Skype.'),
    clause('p-4', 'Положение разработано в соответствии с Федеральным законом № 273-ФЗ.'),
    clause('p-5', 'Хранение ведётся по требованиям закона «О персональных данных».'),
    clause('p-6', 'Платформа внедряется по постановлению № 1241 о системе «Моя школа».'),
    clause('p-8', 'Обучающийся обеспечивает безопасность своего учебного профиля.'),
    clause('p-9', 'Классный руководитель создаёт чат класса.'),
    clause('p-7', 'Администратор назначается заведующим ДОУ и ведёт чаты учреждения.', '/docs/dou/'),
    { url: '/voprosy/', anchor: 'udalenie', label: 'Может ли педагог удалить меня из чата?', title: 'Может ли педагог удалить меня из чата?', text: 'Только за нарушение правил общения, говорит документ.', hidden: 'выгнали из беседы', roles: [], refs: ['/docs/x/#p-1'] },
    { url: '/voprosy/', anchor: 'chat', label: 'Как попасть в чат?', title: 'Как попасть в чат?', text: 'По ссылке-приглашению от педагога.', roles: [], refs: ['/docs/x/#p-1'] },
  ]);

  it('matches word forms on both sides (Snowball stems)', () => {
    expect(search('верификации учителя')[0]).toBe('p-2');
    expect(search('безопасность профиля')[0]).toBe('p-8');
  });
  it('reads a word with a fleeting vowel as one word in every form, in the text, the query and the synonyms', () => {
    expect(stem('видеозвонок')).toBe(stem('видеозвонку'));
    expect(stem('ребёнок')).toBe(stem('ребенка'));
    const { search: find, vocabulary: words } = engineFor([
      clause('c-1', 'Доступен видеозвонок для проведения занятий.'),
      clause('c-2', 'Обучающийся присоединяется к чату.'),
    ], [['ребенок', 'обучающийся']]);
    expect(find('видеозвонку')).toEqual(['c-1']);
    expect(find('ребенка')).toEqual(['c-2']);
    expect(excerpt('Доступен видеозвонок.', new Set(planQuery('видеозвонки', words).groups.flat().flatMap((alternative) => alternative.stems))))
      .toEqual([{ text: 'Доступен ', mark: false }, { text: 'видеозвонок', mark: true }, { text: '.', mark: false }]);
  });
  it('tolerates one typo in a word of five letters or more, against the vocabulary', () => {
    expect(search('верефикация')[0]).toBe('p-2');
    expect(search('безопастность')[0]).toBe('p-8');
    expect(vocabulary.typos('чаты', 'чат')).toEqual([]);
  });
  it('reads Russian spellings of Latin names', () => {
    for (const query of ['вотсап', 'дискорд', 'телеграм', 'скайп']) expect(search(query)[0], query).toBe('p-3');
  });
  it('expands abbreviations', () => {
    expect(search('фз')).toContain('p-4');
  });
  it('finds the clauses citing an act by its common name, from the acts list', () => {
    expect(search('закон об образовании')[0]).toBe('p-4');
    expect(search('закон о персональных данных')[0]).toBe('p-5');
    expect(search('моя школа')[0]).toBe('p-6');
  });
  it('lifts the sections of a document whose name matches', () => {
    expect(search('кто назначает администратора в детском саду')[0]).toBe('p-7');
  });
  it('leads with a matching answer shown with its clause, which is not listed again; one answer in the top three', () => {
    const found = search('выгнали из чата');
    expect(found[0]).toBe('udalenie>p-1');
    expect(found).not.toContain('p-1');
    expect(found.slice(0, 3).filter((result) => result.includes('>')).length).toBe(1);
  });
  it('shows the words around the match verbatim, with «ё», never the hidden phrasings', () => {
    const text = built.chunks.flat(2);
    expect(text.join(' ')).not.toContain('выгнали из беседы');
    const parts = excerpt('Хранение ведётся по требованиям закона.', new Set([stem('ведётся')]));
    expect(parts.map((part) => part.text).join('')).toBe('Хранение ведётся по требованиям закона.');
    expect(parts.filter((part) => part.mark).map((part) => part.text)).toEqual(['ведётся']);
    expect(matchedWords('Хранение ведётся по требованиям', new Set([stem('ведётся')]))).toEqual(['ведётся']);
  });
  it('offers close words and questions when nothing is found', () => {
    expect(search('ыыыыы')).toEqual([]);
    expect(suggestions('модератар', vocabulary).words).toContain('модератор');
    expect(suggestions('как мне попасть в чатик', vocabulary).answers.map(anchorOf)).toContain('chat');
  });
  it('measures one typo as one edit, a swap of neighbours included', () => {
    expect(editDistance('учитель', 'уичтель', 1)).toBe(1);
    expect(editDistance('учитель', 'учительница', 2)).toBe(3);
  });
  it('reads each query word as the word itself, or failing that its typo, transliteration or synonym; an abbreviation also as its expansion', () => {
    const groups = (query: string) => planQuery(query, vocabulary).groups;
    expect(groups('фз')).toEqual([[{ stems: ['фз'], weight: 1 }, { stems: ['федеральн', 'закон'], weight: 0.9 }]]);
    expect(groups('исключить')).toEqual([[{ stems: ['удал'], weight: 0.8 }]]);
    expect(groups('вотсап')).toEqual([[{ stems: ['whatsapp'], weight: 0.9 }]]);
    expect(groups('верефикация')).toEqual([[{ stems: ['верификац'], weight: 0.8 }]]);
    expect(planQuery('ыыыыы чат', vocabulary)).toEqual({ groups: [[{ stems: ['чат'], weight: 1 }]], unknown: ['ыыыыы'], truncated: false });
  });
  it('finds an act by its number alone, by its name of several words, or by its subject when an act is asked for', () => {
    expect(planQuery('1241', vocabulary).groups.at(-1)).toEqual([{ stems: ['1241', 'моя', 'школ'], weight: 1, sections: [5] }]);
    expect(planQuery('персональных данных', vocabulary).groups.at(-1)).toEqual([{ stems: ['персональн', 'дан'], weight: 1, sections: [4] }]);
    expect(planQuery('закон образовании', vocabulary).groups.at(-1)).toEqual([{ stems: ['273', 'образован'], weight: 1, sections: [3] }]);
    // The subject alone, or an act word alone, names no act.
    expect(planQuery('образовании', vocabulary).groups).toEqual([]);
    expect(planQuery('закон', vocabulary).groups).toEqual([[{ stems: ['закон'], weight: 1 }, { stems: ['фз'], weight: 0.5 }]]);
    expect(planQuery('школа', vocabulary).groups.some((group) => group.some((alternative) => alternative.sections))).toBe(false);
  });
  it('hears a Latin name and its Russian spelling alike', () => {
    expect(soundKey('Discord')).toBe(soundKey('дискорд'));
    expect(soundKey('WhatsApp')).toBe(soundKey('ватсап'));
    expect(soundKey('Skype')).toBe(soundKey('скайп'));
    expect(soundKey('Telegram')).toBe('телеграм');
    expect(vocabulary.transliterations('скайп')).toEqual(['skype']);
    // A Latin word is not transliterated back, nor a Cyrillic word under four letters.
    expect(vocabulary.transliterations('skype')).toEqual([]);
    expect(vocabulary.transliterations('скп')).toEqual([]);
  });
  it('suggests the closest known words, never the word itself or one for a word under four letters', () => {
    expect(vocabulary.nearest('модератр', 3)).toEqual(['модератор']);
    expect(vocabulary.nearest('модератор', 3)).toEqual([]);
    expect(vocabulary.nearest('удалять', 3)).toEqual(['удалить', 'удаляет']);
    expect(vocabulary.nearest('чат', 3)).toEqual([]);
  });
  it('loads only the postings shards of the query\'s own words', () => {
    const plan = planQuery('модератор удаляет', vocabulary);
    const shards = built.index.shards;
    expect(shardsFor(plan, built.index)).toEqual([...new Set(['модератор', 'удаля'].map((term) => shardOf(term, shards)))]);
    // An act found by its name brings its citing clauses along: no shard to load for it.
    expect(shardsFor(planQuery('1241', vocabulary), built.index)).toEqual([shardOf('1241', shards)]);
    expect(shardsFor({ groups: [[{ stems: ['1241'], weight: 1, sections: [5] }]], unknown: [], truncated: false }, built.index)).toEqual([]);
  });
  it('shows an answer only with a clause the filters keep, and the clause it rests on even when the clause did not match', () => {
    const labels = (query: string, keep: (section: number) => boolean) =>
      compose(rank(planQuery(query, vocabulary), built.index, lookup), built.index, keep).map(({ hit, source }) => `${anchorOf(hit.section)}${source ? `>${anchorOf(source.section)}` : ''}`);
    const notFirst = (section: number) => anchorOf(section) !== 'p-1';
    expect(labels('выгнали из чата', () => true).slice(0, 1)).toEqual(['udalenie>p-1']);
    expect(labels('выгнали из чата', notFirst)).not.toContain('udalenie>p-1');
    expect(labels('выгнали из чата', notFirst).every((label) => !label.includes('>'))).toBe(true);
    // The clause ranked above its own answer is not listed twice either.
    const query = 'модератор удаляет выбывшего из чата, может ли педагог удалить';
    expect(anchorOf(rank(planQuery(query, vocabulary), built.index, lookup)[0].section)).toBe('p-1');
    expect(labels(query, () => true).slice(0, 1)).toEqual(['udalenie>p-1']);
    expect(labels(query, () => true)).not.toContain('p-1');
    // «нарушение правил общения» is in the answer only: it is still shown with p-1, the clause it rests on.
    expect(labels('нарушение правил общения', () => true)).toEqual(['udalenie>p-1']);
  });
  it('shows an answer with the clause it cites first unless a later one matches clearly better', () => {
    const { built: own, anchorOf: ownAnchor } = engineFor([
      clause('c-1', 'Доступ безвозмездный.'),
      clause('c-2', 'Доступ круглосуточный.'),
      { url: '/voprosy/', anchor: 'q-1', label: 'Платно?', title: 'Платно?', text: 'Нет.', roles: [], refs: ['/docs/x/#c-1', '/docs/x/#c-2'] },
    ]);
    const at = (anchor: string) => own.index.lengths.findIndex((_, section) => ownAnchor(section) === anchor);
    const shown = (first: number, second: number) => compose([
      { section: at('q-1'), score: 10, matched: new Set<string>() },
      { section: at('c-2'), score: second, matched: new Set<string>() },
      { section: at('c-1'), score: first, matched: new Set<string>() },
    ], own.index, () => true).map(({ hit, source }) => `${ownAnchor(hit.section)}${source ? `>${ownAnchor(source.section)}` : ''}`);
    expect(shown(4, 5)).toEqual(['q-1>c-1', 'c-2']);
    expect(shown(4, 8)).toEqual(['q-1>c-2', 'c-1']);
  });
  it('shows a clause copied into several documents once in the top three; the copies follow', () => {
    const { search: find } = engineFor([
      clause('a-1', 'Модератор удаляет лишние сообщения в чате.'),
      clause('a-2', 'Модератор удаляет участника из чата за нарушение правил общения.'),
      clause('a-3', 'Сообщения в чате видят все его участники, модератор тоже.'),
      clause('a-1', 'Модератор удаляет лишние сообщения в чате.', '/docs/y/'),
    ]);
    const found = find('модератор удаляет сообщения');
    expect(found.slice(0, 3).filter((anchor) => anchor === 'a-1')).toHaveLength(1);
    expect(found.filter((anchor) => anchor === 'a-1')).toHaveLength(2);
    // Nor beside an answer that shows it.
    const { search: withAnswer } = engineFor([
      clause('a-1', 'Модератор удаляет лишние сообщения в чате.'),
      clause('a-2', 'Модератор удаляет участника из чата за нарушение правил общения.'),
      clause('a-3', 'Сообщения в чате видят все его участники, модератор тоже.'),
      clause('a-1', 'Модератор удаляет лишние сообщения в чате.', '/docs/y/'),
      { url: '/voprosy/', anchor: 'q-1', label: 'Кто удаляет сообщения?', title: 'Кто удаляет сообщения?', text: 'Модератор.', roles: [], refs: ['/docs/x/#a-1'] },
    ]);
    const answered = withAnswer('модератор удаляет сообщения');
    expect(answered[0]).toBe('q-1>a-1');
    expect(answered.slice(0, 3)).not.toContain('a-1');
    expect(answered).toContain('a-1');
  });
  it('keeps a clause in its place when an answer ranked below it rests on it', () => {
    const answer = (anchor: string, question: string, text: string, ref: string): SectionInput => ({ url: '/voprosy/', anchor, label: question, title: question, text, roles: [], refs: [`/docs/x/#${ref}`] });
    const { built: own, vocabulary: words, lookup: ownLookup, anchorOf: ownAnchor, search: find } = engineFor([
      clause('c-1', 'Журнал класса ведёт классный руководитель, журнал класса хранится у руководителя.'),
      clause('c-2', 'Журнал хранится в архиве.'),
      clause('c-3', 'Журнал класса.'),
      clause('c-4', 'Классный журнал заполняет руководитель.'),
      answer('q-1', 'Где журнал класса?', 'В архиве.', 'c-2'),
      answer('q-2', 'Кто ведёт записи?', 'Об этом говорит положение о классе и его журнале, а также о многих других вещах.', 'c-1'),
    ]);
    const query = 'журнал класса руководитель';
    const order = rank(planQuery(query, words), own.index, ownLookup).map((hit) => ownAnchor(hit.section));
    expect(order[0]).toBe('c-1');
    expect(order.indexOf('q-2')).toBeGreaterThan(2);
    const found = find(query);
    expect(found[0]).toBe('c-1');
    expect(found.filter((result) => result.endsWith('c-1'))).toHaveLength(1);
    expect(found.slice(0, 3).filter((result) => result.includes('>'))).toHaveLength(1);
  });
  it('shows the part of a long text with the most matches, marked, with «…» where it was cut', () => {
    const text = `Первое слово текста. ${'обычные слова '.repeat(20)}Модератор удаляет из чата модератор ${'другие слова '.repeat(20)}конец.`;
    expect(excerpt(text, new Set([stem('модератор'), stem('чата')]), 8)).toEqual([
      { text: '… ', mark: false },
      { text: 'слова обычные слова ', mark: false },
      { text: 'Модератор', mark: true },
      { text: ' удаляет из ', mark: false },
      { text: 'чата', mark: true },
      { text: ' ', mark: false },
      { text: 'модератор', mark: true },
      { text: ' …', mark: false },
    ]);
    // Without a match, the text's opening; an empty text stays empty.
    expect(excerpt('Один два три четыре.', new Set(['нет']), 2)).toEqual([{ text: 'Один два', mark: false }, { text: ' …', mark: false }]);
    expect(excerpt('', new Set(['нет']))).toEqual([{ text: '', mark: false }]);
    expect(excerpt('Раз два три модератор.', new Set([stem('модератор')]), 2)).toEqual([{ text: '… ', mark: false }, { text: 'три ', mark: false }, { text: 'модератор', mark: true }, { text: '.', mark: false }]);
  });
  it('stops building the index on a section outside every document, or an answer citing a clause there is not', () => {
    const documents = [{ url: '/docs/x/', title: 'x', types: ['школа'], about: 'x' }];
    const build = (sections: SectionInput[]) => buildSearchIndex({ documents, sections, synonyms: [], abbreviations: {}, laws: [] });
    expect(() => build([{ ...clause('p-1', 'Текст.'), url: '/docs/y/' }])).toThrow('поиск: раздел /docs/y/#p-1 не принадлежит ни одному документу');
    expect(() => build([clause('p-1', 'Текст.'), { ...clause('q', 'Ответ.'), refs: ['/docs/x/#p-2'] }])).toThrow('поиск: ответ q ссылается на /docs/x/#p-2, такого раздела нет');
  });
  it(`keeps what a result shows in chunks of ${SECTIONS_PER_CHUNK} consecutive sections, each text whole`, () => {
    const long = (anchor: string) => clause(anchor, `${'Слово '.repeat(400)}конец ${anchor}.`);
    const anchors = Array.from({ length: SECTIONS_PER_CHUNK + 1 }, (_, i) => `p-${i + 1}`);
    const { built: big, anchorOf: anchorIn } = engineFor(anchors.map(long));
    expect(big.chunks.map((chunk) => chunk.length)).toEqual([SECTIONS_PER_CHUNK, 1]);
    expect(anchors.map((_, i) => anchorIn(i))).toEqual(anchors);
    expect(shownSection(big.chunks[1], SECTIONS_PER_CHUNK)).toEqual([`p-${SECTIONS_PER_CHUNK + 1}`, `p-${SECTIONS_PER_CHUNK + 1}`, `${'Слово '.repeat(400)}конец p-${SECTIONS_PER_CHUNK + 1}.`]);
  });
  it('offers the two questions closest to the query, closest first', () => {
    const questions = (query: string) => suggestions(query, vocabulary).answers.map(anchorOf);
    expect(questions('может ли педагог удалить из чата')).toEqual(['udalenie']);
    expect(questions('попасть в чат педагог')).toEqual(['chat', 'udalenie']);
    expect(questions('погода')).toEqual([]);
  });
});

describe('search engine: morphology beyond one stem, phrases, field weights', () => {
  const { built, search } = engineFor([
    clause('p-1', 'Законный представитель обучающегося присоединяется к чату по ссылке.'),
    clause('p-2', 'Положение принято в соответствии с законом об образовании.'),
    clause('p-3', 'Администратор прикрепляет классного руководителя к классу.'),
    clause('p-4', 'Заявку подают до 1 сентября в письменной форме.'),
    clause('p-5', 'Заведующий ДОУ назначает администратора платформы.'),
    clause('p-6', 'Сведения направляются руководителю, а модератор следит за порядком в чате.'),
    clause('p-7', 'Модератор следит за порядком в чате и сообщает руководителю о нарушениях.'),
    clause('p-8', 'Организация ведёт хранение результатов на бумаге.'),
    clause('p-9', 'Запрещено собирать персональные данные других лиц.'),
    clause('p-10', 'Личные сведения в личных сообщениях, личные данные.'),
    clause('p-11', 'Так требует 149-ФЗ.'),
  ], [['родитель', 'законный представитель'], ['данные', 'персональные', 'личные']]);

  it('finds a synonym of several words only where all of them are, and never by a part of it', () => {
    expect(search('что делает родитель')).toEqual(['p-1']);
  });
  it('keeps words of three letters whole, so an abbreviation is not read as a preposition', () => {
    expect(search('доу')).toEqual(['p-5']);
    expect(search('до')).toEqual(['p-4']);
  });
  it('finds the other aspect of a verb or a derived word when the query word is not in the text', () => {
    expect(search('прикрепить')).toEqual(['p-3']);
    // A stem of four letters: «хранятся» → «хран», found in «хранение».
    expect(search('где хранятся')).toEqual(['p-8']);
  });
  it('finds an abbreviation by the last word of its expansion, below the word itself', () => {
    const found = search('закон');
    expect(found).toContain('p-11');
    expect(found.indexOf('p-2')).toBeLessThan(found.indexOf('p-11'));
  });
  it('counts a word of the text once, for one word of the query', () => {
    // «личные» is a synonym of both «персональные» and «данные»: it answers one of them, not both.
    expect(search('персональные данные')[0]).toBe('p-9');
    expect(search('персональные данные')).toContain('p-10');
  });
  it('ranks a clause that opens with the word above one that mentions it later', () => {
    expect(search('модератор')).toEqual(['p-7', 'p-6']);
  });
  it('answers «что такое» with the clause that defines the term (content/glossary.json), not with a shorter mention', () => {
    const { search: define } = engineFor([
      clause('p-1', 'Понятия: учебный профиль — отдельное закрытое пространство для общения учителей, учеников и родителей.'),
      clause('p-2', 'Учебный профиль защищён паролем.'),
    ], [], [{ term: 'учебный профиль', definitions: ['/docs/x/#p-1'] }]);
    expect(define('что такое учебный профиль')[0]).toBe('p-1');
    expect(define('учебный профиль')[0]).toBe('p-2');
  });
  it('stores postings as gaps between sections and reads them back', () => {
    const term = stem('модератор');
    const list = built.shards[shardOf(term, built.index.shards)].p[term];
    expect(list).toEqual([5, 1, 1, 2]);
    expect(decodePostings(list)).toEqual([5, 1, 6, 2]);
  });
});

describe('search ranking', () => {
  const filler = (n: number) => ' Текст положения о платформе.'.repeat(n);
  const { search } = engineFor([
    clause('common-1', `Чат класса.${filler(1)}`),
    clause('common-2', `Чат родителей.${filler(1)}`),
    clause('common-3', `Чат педагогов.${filler(1)}`),
    clause('common-4', `Чат учреждения.${filler(1)}`),
    clause('rare', `Модератор назначается приказом.${filler(1)}`),
    clause('short', 'Верификация педагога.'),
    clause('long', `Верификация педагога.${filler(12)}`),
    clause('twice', `Куратор и снова куратор.${filler(1)}`),
    clause('once', `Куратор и снова педагог.${filler(1)}`),
    clause('both', `Заявка на регистрацию.${filler(1)}`),
    clause('one-word', `Заявка, заявка, заявка и заявка.${filler(1)}`),
    clause('exact', `Удалить участника.${filler(1)}`),
    clause('synonym', `Исключить участника.${filler(1)}`),
  ]);

  it('puts a rare word above a word on many pages', () => {
    expect(search('чат модератор')[0]).toBe('rare');
  });
  it('puts a short clause above a long one with the same words, and two uses above one', () => {
    expect(search('верификация педагога').slice(0, 2)).toEqual(['short', 'long']);
    expect(search('куратор').slice(0, 2)).toEqual(['twice', 'once']);
  });
  it('puts a clause with every word of the query above one repeating a single word', () => {
    expect(search('заявка регистрация').slice(0, 2)).toEqual(['both', 'one-word']);
  });
  it('puts the word itself above its synonym', () => {
    expect(search('удалить участника').slice(0, 2)).toEqual(['exact', 'synonym']);
  });
});

describe('search content', () => {
  const anchors = new Map(regulationFiles().map(({ slug, body }) => [slug, new Set(documentAnchors(slug, body).map((anchor) => anchor.id))]));
  const faq = z.array(faqEntrySchema).parse(faqRaw);

  it('has at least 30 questions with unique ids, each citing existing clauses', () => {
    expect(faq.length).toBeGreaterThanOrEqual(30);
    expect(new Set(faq.map((entry) => entry.id)).size).toBe(faq.length);
    const dangling = faq.flatMap((entry) => entry.refs.filter((ref) => !anchors.get(ref.doc)?.has(ref.anchor)).map((ref) => `${entry.id}: ${ref.doc}#${ref.anchor}`));
    expect(dangling).toEqual([]);
  });
  it('rejects an answer without a source', () => {
    expect(faqEntrySchema.safeParse({ id: 'x', question: 'Можно ли так?', answer: ['Можно, говорит документ, всегда.'], refs: [] }).success).toBe(false);
  });
  it('credits a cited list item to the clause search returns', () => {
    const sections = ['p-3', 'p-3-1', 'p-3-1-abz-2', 'p-30'];
    expect(enclosingSection('p-3-1-4', sections)).toBe('p-3-1');
    expect(enclosingSection('p-3-1-abz-2', sections)).toBe('p-3-1-abz-2');
    expect(enclosingSection('p-30-1', sections)).toBe('p-30');
    expect(enclosingSection('p-4-1', sections)).toBeUndefined();
  });
  it('has valid synonym groups', () => {
    expect(synonymsSchema.parse(synonymsRaw).groups.length).toBeGreaterThan(10);
  });
});

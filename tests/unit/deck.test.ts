import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDeck, contactLines, deckRoles, phaseTask, type QuoteSpec, type Slide } from '../../src/domain/deck.ts';
import { nearestSlide, requestedSlide, slideMessage } from '../../src/domain/deck-navigation.ts';
import { institutionSchema } from '../../src/domain/site-config.ts';
import { catalogueSchema } from '../../src/domain/duties.ts';
import { ROOT } from '../support/project.ts';

const read = (file: string) => JSON.parse(readFileSync(join(ROOT, file), 'utf8'));
const settings = read('content/site.json').institutions[0];
const catalogue = catalogueSchema.parse(read('content/duties.json'));
const facts = read('content/platform-facts.json');

function deck(overrides: Record<string, unknown> = {}): Slide[] {
  return buildDeck({
    institution: institutionSchema.parse({ ...settings, ...overrides }),
    roles: deckRoles(catalogue),
    facts,
    links: [{ label: 'Родителям', url: 'https://school.example/roditelyam/' }],
    quote: ({ doc, anchor, items = [] }: QuoteSpec) => ({ to: `docs/${doc}/#${anchor}`, label: anchor, text: `текст ${anchor}`, items }),
    formatDate: (iso) => `дата ${iso}`,
  });
}

describe('the «педагогический час» deck', () => {
  it('has one slide per role, and every slide has a unique id, a title and notes', () => {
    const slides = deck();
    const ids = slides.map((slide) => slide.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => id.startsWith('rol-'))).toEqual(catalogue.roles.map((role) => `rol-${role.slug}`));
    for (const slide of slides) expect(slide.title && slide.notes, slide.id).toBeTruthy();
  });

  it('gives the role pages\' MAX notice right before the role slides, linking the changes page', () => {
    const slides = deck();
    const first = slides.findIndex((slide) => slide.body.kind === 'role');
    expect(slides[first - 1].body).toEqual({ kind: 'notice', text: expect.stringMatching(/^С 2025 года «Сферум» работает в мессенджере MAX\. Документы написаны, когда «учебный профиль» был в VK Мессенджере/), page: 'reference/changes/' });
  });

  it('shows every dated fact, oldest first, with its sources', () => {
    const shown = deck().flatMap((slide) => (slide.body.kind === 'facts' ? slide.body.facts : []));
    const byDate = facts.filter((fact: { date: string }) => /^\d{4}-\d{2}/.test(fact.date)).sort((a: { date: string }, b: { date: string }) => a.date.localeCompare(b.date));
    expect(shown.map((fact) => fact.id)).toEqual(byDate.map((fact: { id: string }) => fact.id));
    expect(shown[0].date).toBe(`дата ${byDate[0].date}`);
    expect(shown.every((fact) => fact.sources.length > 0)).toBe(true);
  });

  it('shows the configured deadlines, or a placeholder naming the setting — never «undefined»', () => {
    const slideOf = (slides: Slide[]) => slides.find((slide) => slide.id === 'sroki-i-kontakty')!.body;
    const filled = slideOf(deck({ deadlines: [{ what: 'Все педагоги вошли', date: '2026-09-25' }] }));
    expect(filled).toMatchObject({ deadlines: [{ what: 'Все педагоги вошли', date: 'дата 2026-09-25' }], missing: undefined });
    const { deadlines: _, ...withoutDeadlines } = settings;
    const empty = buildDeck({
      institution: institutionSchema.parse(withoutDeadlines),
      roles: [],
      facts: [],
      links: [],
      quote: () => ({ to: '', label: '', text: '', items: [] }),
      formatDate: (iso) => iso,
    });
    const { admin } = settings;
    const bare = buildDeck({
      institution: institutionSchema.parse({ ...withoutDeadlines, admin: { name: admin.name } }),
      roles: [],
      facts: [],
      links: [],
      quote: () => ({ to: '', label: '', text: '', items: [] }),
      formatDate: (iso) => iso,
    });
    expect(slideOf(empty)).toMatchObject({ deadlines: [], missing: expect.stringContaining('укажите в content/site.json: «deadlines»') });
    const text = JSON.stringify(slideOf(bare));
    expect(text).toContain('укажите в content/site.json: «admin.phone»');
    expect(text).toContain('укажите в content/site.json: «admin.email»');
    expect(JSON.stringify(bare)).not.toMatch(/undefined|null/);
  });

  it('lists the administrator\'s contacts, naming the settings to fill where they are missing', () => {
    const admin = (fields: Record<string, string>) => contactLines(institutionSchema.parse({ ...settings, admin: { name: 'Иванова М. П.', ...fields } }));
    expect(admin({ position: 'завуч', phone: '+7 900 000-00-00', email: 'a@b.ru', hours: 'по средам' })).toEqual([
      'Иванова М. П., завуч', 'Телефон: +7 900 000-00-00', 'Эл. почта: a@b.ru', 'Когда: по средам',
    ]);
    expect(admin({})).toEqual([
      'Иванова М. П.',
      'Телефон: укажите в content/site.json: «admin.phone» — телефон администратора',
      'Эл. почта: укажите в content/site.json: «admin.email» — почта администратора',
    ]);
  });

  it('puts three dated facts on a slide, numbering the slides only when there are several; undated tips stay out', () => {
    const fact = (id: string, date: string) => ({ id, date, text: id, sources: ['https://sferum.ru'] });
    const titles = (facts: ReturnType<typeof fact>[]) =>
      buildDeck({ institution: institutionSchema.parse(settings), roles: [], facts, links: [], quote: () => ({ to: '', label: '', text: '', items: [] }), formatDate: (iso) => iso })
        .filter((slide) => slide.body.kind === 'facts')
        .map((slide) => [slide.title, slide.body.kind === 'facts' ? slide.body.facts.map((shown) => shown.id) : []]);
    expect(titles([fact('c', '2025-09'), fact('a', '2025-03-01'), fact('tip', '2022–2025'), fact('b', '2025-06-15')])).toEqual([['Что изменилось с 2025 года', ['a', 'b', 'c']]]);
    expect(titles([fact('a', '2025-01'), fact('b', '2025-02'), fact('c', '2025-03'), fact('d', '2025-04')])).toEqual([
      ['Что изменилось с 2025 года (1/2)', ['a', 'b', 'c']],
      ['Что изменилось с 2025 года (2/2)', ['d']],
    ]);
  });

  it('quotes the clauses the issue names: foreign messengers (002, 003) and the rules of communication (21.4)', () => {
    const quoted = deck().flatMap((slide) => (slide.body.kind === 'quotes' ? slide.body.quotes.map((q) => q.to) : []));
    expect(quoted).toEqual(expect.arrayContaining(['docs/orenburg-dou-111/#p-1', 'docs/tekhnikum/#p-8', 'docs/tekhnikum/#p-21-4']));
  });
});

/** The deck as the presenter reads it: each slide's title, what it shows, the notes and the source words they rest on. */
function outline(slides: Slide[]): string {
  const body = (slide: Slide): string[] => {
    switch (slide.body.kind) {
      case 'title':
        return slide.body.lines.map((line) => `- ${line}`);
      case 'quotes':
        return slide.body.quotes.map((quote) => `- цитата ${quote.to}${quote.items.length ? ` (${quote.items.join(', ')})` : ''}`);
      // Duties and facts come from their own files (content/duties.json, platform-facts.json), checked above and below.
      case 'role':
        return [`- страница ${slide.body.page}`];
      case 'notice':
        return [`- ${slide.body.text}`, `- страница ${slide.body.page}`];
      case 'facts':
        return [`- факты с датой и источником`];
      case 'deadlines':
        return [...slide.body.deadlines.map((deadline) => `- ${deadline.date}: ${deadline.what}`), ...(slide.body.missing ? [`- ${slide.body.missing}`] : []), ...slide.body.contact.map((line) => `- ${line}`)];
      case 'qr':
        return slide.body.links.map((link) => `- QR ${link.label}: ${link.url}`);
    }
  };
  return `${slides
    .map((slide) => [`## ${slide.id}: ${slide.title}`, ...body(slide), `Заметки: ${slide.notes}`, ...(slide.basis ?? []).map((entry) => `Основание ${'ref' in entry ? entry.ref : entry.fact}: «${entry.quote}»`)].join('\n'))
    .join('\n\n')
    .replaceAll('\u00a0', ' ')}\n`;
}

describe('what the deck says', () => {
  /**
   * A reviewed snapshot (tests/unit/snapshots/deck.md): a changed title, note or quoted clause shows as a diff.
   * After a deliberate change: npm run test:unit -- -u tests/unit/deck.test.ts, then review the diff in git.
   */
  it('matches the reviewed outline: titles, quoted clauses, notes and their sources', async () => {
    await expect(outline(deck())).toMatchFileSnapshot('snapshots/deck.md');
  });

  it('names on each role\'s slide a task of each phase its page lists, and whether more follow', () => {
    const slides = deck().filter((slide) => slide.body.kind === 'role');
    const heads = slides.find((slide) => slide.id === 'rol-heads')!.body;
    expect(heads).toMatchObject({ kind: 'role', page: 'roles/heads/' });
    expect(heads.kind === 'role' && heads.topics[0]).toEqual({ title: 'Регистрация', duty: 'head-local-act', task: 'Издайте локальный акт (приказ или положение) об использовании платформы «Сферум» в учреждении', more: true });
    const parents = deckRoles(catalogue).find((role) => role.id === 'parents')!;
    // A phase without a duty of the role is left out: parents have nothing to verify.
    expect(parents.topics.map((topic) => topic.title)).toEqual(['Регистрация', 'Структура, чаты и каналы', 'Правила общения и безопасность', 'Поддержка']);
    const join = catalogue.duties.find((duty) => duty.id === 'parent-join')!;
    expect(parents.topics[0].duties[0]).toEqual({ id: 'parent-join', text: join.text, refs: join.refs.map((ref) => ({ doc: ref.split('#')[0], anchor: ref.split('#')[1] })), conditions: [] });
  });

  it('shows an institution only the roles and duties that hold for its type', () => {
    const tasks = (type: 'ДОУ' | 'школа' | 'СПО', role: string) =>
      Object.fromEntries(deckRoles(catalogue, type).find((entry) => entry.id === role)!.topics.map((topic) => [topic.title, phaseTask(topic.duties)]));
    expect(deckRoles(catalogue, 'ДОУ').map((role) => role.id)).toEqual(['admins', 'heads', 'teachers', 'parents']);
    // Only детский сад № 111 restricts foreign messengers: a school's heads are not told to.
    expect(tasks('ДОУ', 'heads')['Правила общения и безопасность']).toBe('Ограничьте применение работниками иностранных мессенджеров в рабочих чатах и в общении с родителями');
    expect(tasks('школа', 'heads')['Правила общения и безопасность']).toBeUndefined();
    // The техникум's rule on introducing the chat rules is not a school parent's task.
    expect(tasks('СПО', 'parents')['Правила общения и безопасность']).toBe('Если участник нарушает правила общения в чате, модератор напоминает ему правила и вправе ограничить доступ к чату');
    expect(tasks('школа', 'parents')['Правила общения и безопасность']).toBeUndefined();
  });

  it('says under which condition a task holds when no task of the phase holds without one', () => {
    const teachers = deckRoles(catalogue, 'школа').find((role) => role.id === 'teachers')!;
    expect(phaseTask(teachers.topics[0].duties)).toBe('Если чаты не создаёт региональная ГИС: присоединитесь к учреждению по ссылке-приглашению от администратора платформы в роли «учитель»');
    const gis = deckRoles(catalogue, 'школа').find((role) => role.id === 'gis-staff')!;
    expect(phaseTask(gis.topics[0].duties)).toMatch(/^Если чаты создаёт региональная ГИС: создайте учебный профиль/);
    // A duty that holds without a condition is preferred to one that holds only before registration.
    const admins = deckRoles(catalogue, 'школа').find((role) => role.id === 'admins')!;
    expect(admins.topics[0].duties[0].conditions).toEqual(['Если учреждение ещё не зарегистрировано']);
    expect(phaseTask(admins.topics[0].duties)).toBe('Войдите на платформу по тому номеру мобильного телефона, который указан в заявке учреждения');
  });
});

describe('role slides of an institution without its own act', () => {
  const names: Record<string, string> = { 'novosibirsk-sosh-215': 'СОШ № 215 (Новосибирск), приложение', tekhnikum: 'Техникум, порядок' };
  // As src/deck.ts does with soleModelSource: only a duty of one other institution's act names it.
  const scopeOf = (refs: readonly { doc: string }[]) => (new Set(refs.map((ref) => ref.doc)).size === 1 ? names[refs[0].doc] : undefined);
  const slide = (type: 'школа' | 'СПО', role: string) => {
    const body = buildDeck({
      institution: institutionSchema.parse(settings),
      roles: deckRoles(catalogue, type, scopeOf),
      facts: [],
      links: [],
      quote: () => ({ to: '', label: '', text: '', items: [] }),
      formatDate: (iso) => iso,
    }).find((entry) => entry.id === `rol-${role}`)!.body;
    if (body.kind !== 'role') throw new Error('not a role slide');
    return body;
  };

  it('names the institution beside a task only its act states, and no one beside a task several documents state', () => {
    const heads = Object.fromEntries(slide('школа', 'heads').topics.map((topic) => [topic.duty, topic.scope]));
    expect(heads['head-chat-strategy']).toBe('СОШ № 215 (Новосибирск), приложение');
    expect(heads['head-local-act']).toBeUndefined();
    expect(slide('школа', 'gis-staff').topics[0]).toMatchObject({ duty: 'gis-profile', scope: 'СОШ № 215 (Новосибирск), приложение' });
    expect(slide('СПО', 'class-teachers').topics.find((topic) => topic.duty === 'moderator-rules-first')?.scope).toBe('Техникум, порядок');
  });

});

describe('deep links to a slide', () => {
  it.each([
    ['#slide-5', 20, 5], ['#slide-99', 20, 20], ['#slide-0', 20, 1], ['#slide--3', 20, 1], ['#slide-abc', 20, 1], ['', 20, 1],
    ['slide-7', 20, 7], ['#7', 20, 7], ['#x-slide-7', 20, 1], ['#slide-1', 20, 1], ['#slide-3', 0, 1], ['#slide-1', 1, 1],
  ] as const)('«%s» of %i slides opens slide %i: the one asked for, or the nearest when out of range or unreadable', (hash, count, slide) => {
    expect(nearestSlide(hash, count)).toBe(slide);
  });
});

describe('the deck channel', () => {
  it('moves only on a well-formed message of its own protocol', () => {
    expect(requestedSlide(slideMessage(3), 10)).toBe(3);
    expect(requestedSlide(structuredClone(slideMessage(10)), 10)).toBe(10);
    expect(requestedSlide(slideMessage(1), 10)).toBe(1);
    for (const stray of ['hello', null, undefined, {}, 0, [], { slide: 3 }, { protocol: 'sferum-pedchas' }, { protocol: 'sferum-pedchas', slide: '3' },
      { protocol: 'sferum-pedchas', slide: 2.5 }, { protocol: 'sferum-pedchas', slide: 0 }, { protocol: 'sferum-pedchas', slide: 11 },
      { protocol: 'other', slide: 3 }, { protocol: 'sferum-pedchas', slide: 3, extra: true }]) {
      expect(requestedSlide(stray, 10), JSON.stringify(stray) ?? String(stray)).toBeUndefined();
    }
  });
});

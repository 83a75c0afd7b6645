/**
 * A checklist from duties, on small duties whose outcome is known: which duties a situation gets, the conditions
 * written beside a variant left open, the platform notes, the text «Скопировать текстом» copies, and the split of
 * an institution's own rules from the rules of others. tests/unit/wizard-flow.test.ts walks the real catalogue.
 */
import { describe, expect, it } from 'vitest';
import { askAbout, buildChecklist, checklistText, fullSituation, groundedChecklist, withEmails, type ClauseLink, type DutyView, type Fact, type Situation } from '../../src/domain/checklist.ts';
import { groundingOf } from '../../src/domain/grounding.ts';

const link = (doc: string, clause: string): ClauseLink => ({ href: `/docs/${doc}/#p`, doc, clause, label: `${doc}, ${clause}` });
const FACTS = new Map<string, Fact>([['max-invite', { id: 'max-invite', date: '2026-09-01', text: 'В MAX приглашение приходит ссылкой.', sources: ['https://sferum.ru'] }]]);
const DUTIES: DutyView[] = [
  { id: 'join', roles: ['teacher', 'parent'], types: ['школа', 'ДОУ'], phase: 'registration', text: 'Войдите в «Сферум».', refs: [link('kerch-shkola-12', 'п.\u00a02.6')], platform: { MAX: ['max-invite', 'ask-admin'], VK: ['ask-admin'] } },
  { id: 'apply', roles: ['admin'], types: ['школа'], phase: 'registration', text: 'Подайте заявку.', refs: [link('tekhnikum', 'п.\u00a01')], when: { registered: false } },
  { id: 'chats-gis', roles: ['teacher'], types: ['школа'], phase: 'structure', text: 'Проверьте чаты от ГИС.', refs: [link('minprosveshcheniya-04-423', 'п.\u00a04')], when: { gis: true } },
  { id: 'chats-own', roles: ['teacher'], types: ['школа', 'СПО'], phase: 'structure', text: 'Создайте чаты.', refs: [link('tekhnikum', 'п.\u00a021.4')], when: { gis: false } },
  { id: 'verify', roles: ['teacher'], types: ['СПО'], phase: 'verification', text: 'Подтвердите статус.', refs: [link('tekhnikum', 'п.\u00a03')] },
];
const teacher = (changes: Partial<Situation> = {}): Situation => ({ role: 'teacher', types: ['школа'], platforms: ['MAX'], registered: [true], gis: [true], ...changes });
const ids = (situation: Situation, duties = DUTIES) => buildChecklist(duties, FACTS, situation).map((group) => [group.title, group.items.map((item) => item.id)]);

describe('checklist for a situation', () => {
  it('lists the role\'s duties of its type and variant, grouped by phase in the phases\' order', () => {
    expect(ids(teacher())).toEqual([
      ['Регистрация', ['join']],
      ['Структура, чаты и каналы', ['chats-gis']],
    ]);
    expect(ids(teacher({ types: ['СПО'], gis: [false] }))).toEqual([
      ['Подтверждение статуса «учитель»', ['verify']],
      ['Структура, чаты и каналы', ['chats-own']],
    ]);
    expect(ids({ ...teacher(), role: 'admin', registered: [true] })).toEqual([]);
    expect(ids({ ...teacher(), role: 'admin', registered: [false] })).toEqual([['Регистрация', ['apply']]]);
  });

  it('keeps both variants of what the person does not know, each labelled, and names the types a duty holds for', () => {
    const items = buildChecklist(DUTIES, FACTS, teacher({ types: ['школа', 'СПО'], gis: [true, false] })).flatMap((group) => group.items);
    expect(items.map((item) => [item.id, item.conditions])).toEqual([
      ['join', ['Для школ']],
      ['verify', ['Для колледжей и техникумов']],
      ['chats-gis', ['Если чаты создаёт региональная ГИС', 'Для школ']],
      ['chats-own', ['Если чаты не создаёт региональная ГИС']],
    ]);
    // What the person knows needs no label.
    expect(buildChecklist(DUTIES, FACTS, teacher()).flatMap((group) => group.items.map((item) => item.conditions))).toEqual([[], []]);
    const everywhere = buildChecklist(DUTIES, FACTS, teacher({ types: ['школа', 'ДОУ', 'СПО'], gis: [true] })).flatMap((group) => group.items);
    expect(everywhere.find((item) => item.id === 'join')!.conditions).toEqual(['Для школ и детских садов']);
    const admin = buildChecklist(DUTIES, FACTS, { ...teacher(), role: 'admin', registered: [true, false] }).flatMap((group) => group.items);
    expect(admin.map((item) => item.conditions)).toEqual([['Если учреждение ещё не зарегистрировано']]);
  });

  it('adds what is known of each platform the person uses, and where to ask the administrator', () => {
    const notes = (platforms: Situation['platforms']) => buildChecklist(DUTIES, FACTS, teacher({ platforms }))[0].items[0].notes;
    expect(notes(['MAX'])).toEqual([{ platform: 'MAX', facts: [FACTS.get('max-invite')], askAdmin: true }]);
    expect(notes(['VK'])).toEqual([{ platform: 'VK', facts: [], askAdmin: true }]);
    expect(notes(['MAX', 'VK']).map((note) => note.platform)).toEqual(['MAX', 'VK']);
    expect(buildChecklist(DUTIES, FACTS, teacher({ gis: [true] }))[1].items[0].notes).toEqual([]);
    const unknown = [{ ...DUTIES[0], platform: { MAX: ['max-gone'] } }];
    expect(() => buildChecklist(unknown, FACTS, teacher())).toThrow('обязанность «join»: нет сведения о платформе «max-gone»');
  });

  it('on a role page, shows every variant of every platform', () => {
    expect(fullSituation('teacher', ['школа'])).toEqual({ role: 'teacher', types: ['школа'], platforms: ['MAX', 'VK'], registered: [true, false], gis: [true, false] });
  });

  it('copies as text: the title, phases in capitals, ticks, conditions and the grounds of each duty', () => {
    const groups = buildChecklist(DUTIES, FACTS, teacher({ gis: [true, false] }));
    expect(checklistText('Чек-лист: Педагог', groups, new Set(['join']))).toBe(
      [
        'Чек-лист: Педагог',
        '',
        'РЕГИСТРАЦИЯ',
        '[x] Войдите в «Сферум».',
        '    Основание: kerch-shkola-12, п.\u00a02.6',
        '',
        'СТРУКТУРА, ЧАТЫ И КАНАЛЫ',
        '[ ] Если чаты создаёт региональная ГИС: Проверьте чаты от ГИС.',
        '    Основание: minprosveshcheniya-04-423, п.\u00a04',
        '[ ] Если чаты не создаёт региональная ГИС: Создайте чаты.',
        '    Основание: tekhnikum, п.\u00a021.4',
      ].join('\n'),
    );
    expect(checklistText('Чек-лист', groups.slice(0, 1))).toContain('[ ] Войдите в «Сферум».');
    const twice = buildChecklist([{ ...DUTIES[2], refs: [link('tekhnikum', 'п.\u00a01'), link('kerch-shkola-12', 'п.\u00a02')] }], FACTS, teacher({ types: ['школа', 'СПО'], gis: [true, false] }));
    expect(checklistText('Т', twice).split('\n').slice(3)).toEqual([
      '[ ] Если чаты создаёт региональная ГИС; Для школ: Проверьте чаты от ГИС.',
      '    Основание: tekhnikum, п.\u00a01; kerch-shkola-12, п.\u00a02',
    ]);
  });
});

describe('whom to ask', () => {
  it('sends everyone to the administrator, and the administrator to the platform\'s support with its address', () => {
    expect(askAbout('teacher')).toEqual({
      step: 'Как этот шаг выполняется сейчас, уточните у администратора платформы (контакты — в разделе «Кого спросить» ниже).',
      whom: 'С вопросами о регистрации и работе на платформе обращайтесь к администратору платформы в учреждении',
    });
    expect(askAbout('parent')).toEqual(askAbout('teacher'));
    expect(askAbout('admin')).toEqual({
      step: 'Как этот шаг выполняется сейчас, источники не описывают: уточните в службе технической поддержки «Сферума» (info@sferum.ru).',
      whom: 'Вопросы о работе платформы — в службу технической поддержки «Сферума»',
    });
  });

  it('marks each e-mail address in a text, so it can become a link, and leaves the rest as text', () => {
    expect(withEmails('Пишите на info@sferum.ru или a.b+c@school-1.example.ru.')).toEqual([
      { text: 'Пишите на ' },
      { text: 'info@sferum.ru', email: true },
      { text: ' или ' },
      { text: 'a.b+c@school-1.example.ru', email: true },
      { text: '.' },
    ]);
    expect(withEmails('Без адреса, но с @ собакой')).toEqual([{ text: 'Без адреса, но с @ собакой' }]);
  });
});

describe('checklist in an institution', () => {
  const documents = {
    'kerch-shkola-12': { institution: 'Школа № 12 (Керчь)', kind: 'положение' },
    tekhnikum: { institution: 'Техникум', kind: 'порядок' },
    'minprosveshcheniya-04-423': { institution: 'Минпросвещения России', kind: 'письмо' },
  };
  const situation = teacher({ gis: [true, false] });

  it('lists the own act\'s duties as its rules, grounded «по нашему…», and the others apart, each naming its source', () => {
    const school = groundedChecklist(DUTIES, FACTS, situation, groundingOf({ short: 'Школа № 12 (Керчь)', documents: ['kerch-shkola-12'] }, ['minprosveshcheniya-04-423']), documents);
    expect(school.notice).toBeUndefined();
    expect(school.groups.map((group) => [group.title, group.items.map((item) => [item.id, item.refs.map((ref) => ref.label)])])).toEqual([
      ['Регистрация', [['join', ['по нашему положению, п.\u00a02.6']]]],
    ]);
    expect(school.elsewhere.map((group) => [group.title, group.items.map((item) => [item.id, item.refs.map((ref) => ref.label)])])).toEqual([
      ['Структура, чаты и каналы: в других учреждениях', [
        ['chats-gis', ['Минпросвещения России, письмо (рекомендации для всех учреждений), п.\u00a04']],
        ['chats-own', ['в других учреждениях так: Техникум, порядок, п.\u00a021.4']],
      ]],
    ]);
  });

  it('without an own act, lists every duty as a model and says so first', () => {
    const none = groundedChecklist(DUTIES, FACTS, situation, groundingOf({ short: 'Школа № 1', documents: [] }, ['minprosveshcheniya-04-423']), documents);
    expect(none.groups.flatMap((group) => group.items.map((item) => item.id))).toEqual(['join', 'chats-gis', 'chats-own']);
    expect(none.groups[0].items[0].refs[0].label).toBe('Школа № 12 (Керчь), положение, п.\u00a02.6');
    expect(none.elsewhere).toEqual([]);
    expect(none.notice).toMatch(/^У учреждения «Школа № 1» своего документа о «Сферуме» на этом сайте нет/);
  });
});

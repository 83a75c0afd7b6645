/**
 * content/draft-models.json read against a small published document: what the draft page gets, and the messages
 * that stop the build on a wrong reference. tests/unit/draft.test.ts assembles drafts from the real models.
 */
import { describe, expect, it } from 'vitest';
import { anchorTexts, documentAnchors } from '../../src/domain/anchors.ts';
import { buildDraftSource, type ModelDocument } from '../../src/domain/draft-source.ts';
import {
  assembleDraft, clauseChanges, clauseLabel, defaultOptions, draftText, modelText, NAME_PLACEHOLDER, optionsQuery, parseOptions, SHORT_PLACEHOLDER, substitution, VK_NOTE, type DraftOptions,
} from '../../src/domain/draft.ts';

const BODY = `
<Section id="p-1" n="1.">ОБЩИЕ ПОЛОЖЕНИЯ</Section>

<Clause id="p-1-1" n="1.1.">Порядок определяет правила работы в «Сферуме».</Clause>

<Clause id="p-1-2" n="1.2.">Чаты Техникуме ведутся в VK Мессенджер; их создаёт региональная ГИС. Cлово с латинской буквой.</Clause>

<Section id="p-2" n="2.">ЧАТЫ</Section>

<Clause id="p-2-1" n="2.1.">
Классный руководитель:

<Para id="p-2-1-abz-2">создаёт чаты класса в Техникуме.</Para>

<Items>
<Item id="p-2-1-1">добавляет обучающихся;</Item>
<Item id="p-2-1-2">
следит за порядком:

<Items>
<Item id="p-2-1-2-1">удаляет чужих.</Item>
</Items>
</Item>
</Items>
</Clause>
`;
const documents = new Map<string, ModelDocument>([
  ['tekhnikum', { title: 'Порядок использования «Сферума» в техникуме', shortTitle: 'Порядок техникума', anchors: documentAnchors('tekhnikum', BODY), texts: anchorTexts(BODY) }],
]);
/** A regional ГИС creates chats for colleges here: the catalogue's ГИС role serves them. */
const roles = [{ id: 'class-teacher' as const, name: 'Классный руководитель', types: ['СПО' as const] }, { id: 'gis-staff' as const, name: 'Сотрудник ГИС', types: ['СПО' as const] }];
const MODELS = {
  models: { tekhnikum: { type: 'СПО', names: { Техникуме: 'short', 'Техникум-колледж': 'name' } } },
  platformNames: ['VK Мессенджер'],
  sections: [
    { id: 'general', title: 'Общие положения', options: { tekhnikum: ['p-1-1'] } },
    { id: 'chats', title: 'Чаты', roles: { 'class-teacher': { tekhnikum: ['p-2-1'] } } },
  ],
};

describe('draft models', () => {
  it('gives each clause its text with its nested paragraphs and items, by depth, and the heading of its section', () => {
    const source = buildDraftSource(MODELS, documents, roles);
    expect(source.models).toEqual({ tekhnikum: { type: 'СПО', names: { Техникуме: 'short', 'Техникум-колледж': 'name' }, document: 'Порядок техникума', title: 'Порядок использования «Сферума» в техникуме' } });
    expect(source.platformNames).toEqual(['VK Мессенджер']);
    expect(source.roles).toEqual(roles);
    expect(source.sections).toEqual([
      { id: 'general', title: 'Общие положения', options: [{ doc: 'tekhnikum', clauses: ['tekhnikum#p-1-1'], heading: 'ОБЩИЕ ПОЛОЖЕНИЯ' }], roles: undefined },
      { id: 'chats', title: 'Чаты', options: undefined, roles: { 'class-teacher': [{ doc: 'tekhnikum', clauses: ['tekhnikum#p-2-1'], heading: 'ЧАТЫ' }] } },
    ]);
    expect(source.clauses['tekhnikum#p-2-1']).toEqual({
      doc: 'tekhnikum',
      anchor: 'p-2-1',
      label: 'п.\u00a02.1',
      paragraphs: [
        { depth: 0, text: 'Классный руководитель:' },
        { depth: 0, text: 'создаёт чаты класса в Техникуме.' },
        { depth: 1, text: 'добавляет обучающихся;' },
        { depth: 1, text: 'следит за порядком:' },
        { depth: 2, text: 'удаляет чужих.' },
      ],
    });
    expect(Object.keys(source.clauses)).toEqual(['tekhnikum#p-1-1', 'tekhnikum#p-2-1']);
    expect(buildDraftSource({ ...MODELS, sections: [{ id: 'general', title: 'Общие положения', options: { tekhnikum: ['p-1-2'] } }] }, documents, roles).sections[0].options![0].heading).toBe('ОБЩИЕ ПОЛОЖЕНИЯ');
  });

  it('stops the build on a wrong file, naming it and what is wrong', () => {
    expect(() => buildDraftSource({ ...MODELS, platformNames: 'VK' }, documents, roles)).toThrow(/^content\/draft-models\.json: platformNames: /);
    const both = { ...MODELS, sections: [{ id: 'general', title: 'Общие положения', options: { tekhnikum: ['p-1-1'] }, roles: { 'class-teacher': { tekhnikum: ['p-2-1'] } } }] };
    expect(() => buildDraftSource(both, documents, roles)).toThrow('content/draft-models.json: sections.0: у раздела должны быть либо options, либо roles');
    expect(() => buildDraftSource({ ...MODELS, models: { 'arsenev-dou-27': { type: 'ДОУ', names: {} } } }, documents, roles)).toThrow('content/draft-models.json: нет документа «arsenev-dou-27»');
    const missing = { ...MODELS, sections: [{ id: 'general', title: 'Общие положения', options: { tekhnikum: ['p-1-1', 'p-7'] } }] };
    expect(() => buildDraftSource(missing, documents, roles)).toThrow('content/draft-models.json: в документе «tekhnikum» нет пункта «p-7»');
    // An item or a section is not a clause a draft can take whole.
    const item = { ...MODELS, sections: [{ id: 'general', title: 'Общие положения', options: { tekhnikum: ['p-2-1-1'] } }] };
    expect(() => buildDraftSource(item, documents, roles)).toThrow('content/draft-models.json: в документе «tekhnikum» нет пункта «p-2-1-1»');
  });
});

describe('a draft assembled from the small models', () => {
  const source = buildDraftSource({ ...MODELS, sections: [{ id: 'general', title: 'Общие положения', options: { tekhnikum: ['p-1-1', 'p-1-2'] } }, MODELS.sections[1]] }, documents, roles);
  const settings = defaultOptions(source, { type: 'СПО', platform: null, name: 'ГБПОУ «Колледж связи»', short: 'Колледж связи' });
  /** Chats created by the regional ГИС: the clause that speaks of it is offered. */
  const base = { ...settings, gis: true };

  it('starts from the site\'s settings: its type, MAX, every section and role the type has', () => {
    expect(settings).toEqual({ type: 'СПО', platform: 'MAX', gis: false, name: 'ГБПОУ «Колледж связи»', short: 'Колледж связи', roles: ['class-teacher'], sections: ['general', 'chats'], models: {} });
    expect(defaultOptions(source, { type: null, platform: 'VK', name: '', short: '' })).toMatchObject({ type: 'школа', platform: 'VK', roles: [] });
  });

  it('leaves out a model that speaks of a regional ГИС where no ГИС creates the chats', () => {
    expect(assembleDraft(source, settings).sections.map((section) => [section.number, draftText(section.heading)])).toEqual([['1.', 'ЧАТЫ']]);
  });

  it('renumbers the clauses, replaces the model\'s name and the platform, and says where each clause comes from', () => {
    const draft = assembleDraft(source, base);
    expect(draftText(draft.title)).toBe('Порядок использования «Сферума» в техникуме');
    expect(draft.titleSource).toBe('Порядок техникума, заголовок');
    expect(draft.sections.map((section) => [section.number, draftText(section.heading), section.headingSource])).toEqual([
      ['1.', 'ОБЩИЕ ПОЛОЖЕНИЯ', 'Порядок техникума, заголовок раздела'],
      ['2.', 'ЧАТЫ', 'Порядок техникума, заголовок раздела'],
    ]);
    const [first, second] = draft.sections[0].clauses;
    expect([first.number, first.source, second.number, second.source]).toEqual(['1.1.', 'Порядок техникума, п. 1.1', '1.2.', 'Порядок техникума, п. 1.2']);
    expect(second.paragraphs[0].pieces).toEqual([
      { text: 'Чаты ' },
      { text: 'Колледж связи', was: 'Техникуме', kind: 'name' },
      { text: ' ведутся в ' },
      { text: 'MAX', was: 'VK Мессенджер', kind: 'platform' },
      { text: '; их создаёт региональная ГИС. Cлово с латинской буквой.' },
    ]);
    expect(clauseChanges(second)).toBe('«Техникуме» → «Колледж связи»; «VK Мессенджер» → «MAX»');
    expect(clauseChanges(first)).toBe('—');
    // The title and headings have none here; the chats clause has one more («в Техникуме»).
    expect(draft.substitutions).toBe(3);
    expect(draft.sections[1].clauses[0].paragraphs.map((paragraph) => [paragraph.depth, draftText(paragraph.pieces)])).toEqual([
      [0, 'Классный руководитель:'], [0, 'создаёт чаты класса в Колледж связи.'], [1, 'добавляет обучающихся;'], [1, 'следит за порядком:'], [2, 'удаляет чужих.'],
    ]);
  });

  it('keeps the platform on VK, marks what the reviewer must check beside the clause, and leaves blank names as placeholders', () => {
    const draft = assembleDraft(source, { ...base, platform: 'VK', name: ' ', short: '' });
    const clause = draft.sections[0].clauses[1];
    expect(draftText(clause.paragraphs[0].pieces)).toBe(`Чаты ${SHORT_PLACEHOLDER} ведутся в VK Мессенджер; их создаёт региональная ГИС. Cлово с латинской буквой.`);
    expect([draft.name, draft.short]).toEqual([NAME_PLACEHOLDER, SHORT_PLACEHOLDER]);
    expect(clause.notes).toEqual([
      VK_NOTE,
      'Пункт образца говорит о региональной ГИС Новосибирской области; проверьте, как чаты создаёт ГИС вашего региона.',
      'В образце слово «Cлово» набрано частично латиницей; наберите его заново кириллицей.',
    ]);
    expect(draft.sections[0].clauses[0].notes).toEqual([]);
    expect(draft.substitutions).toBe(2);
  });

  it('takes a section\'s heading from the form when the model has none there', () => {
    const untitled = buildDraftSource({ ...MODELS, sections: [{ id: 'intro', title: 'Вводная часть', options: { tekhnikum: ['p-1-1'] } }] }, new Map([['tekhnikum', { ...documents.get('tekhnikum')!, anchors: documents.get('tekhnikum')!.anchors.filter((anchor) => anchor.kind !== 'section') }]]), roles);
    const [section] = assembleDraft(untitled, { ...base, sections: ['intro'] }).sections;
    expect([draftText(section.heading), section.headingSource]).toEqual(['Вводная часть', 'название раздела в форме сайта']);
  });

  it('replaces whole words only, the longest first, and gives the model\'s words back', () => {
    const patterns = [{ words: 'Техникум', by: 'Школа', kind: 'name' as const }, { words: 'Техникум-колледж', by: 'Школа № 5', kind: 'name' as const }];
    const pieces = substitution(patterns)('Техникум-колледж и Техникумом, Техникум');
    expect(pieces).toEqual([
      { text: 'Школа № 5', was: 'Техникум-колледж', kind: 'name' },
      { text: ' и Техникумом, ' },
      { text: 'Школа', was: 'Техникум', kind: 'name' },
    ]);
    expect(modelText(pieces)).toBe('Техникум-колледж и Техникумом, Техникум');
    expect(substitution([])('Без замен.')).toEqual([{ text: 'Без замен.' }]);
    expect(clauseLabel('2.10.')).toBe('п. 2.10');
  });

  it('keeps the answers in the address, and reads each one back', () => {
    const options: DraftOptions = { ...settings, platform: 'VK', gis: true, name: '', short: '', models: { general: 'tekhnikum' } };
    expect(optionsQuery(options)).toBe('?type=spo&platform=vk&gis=1&roles=class-teacher&sections=general.chats&models=general%3Atekhnikum');
    // Blank names are not written: the site's own names fill the form again.
    expect(parseOptions(optionsQuery(options), source, base).options).toMatchObject({ name: base.name, short: base.short });
    const named = { ...options, name: 'Колледж № 1', short: 'Колледж' };
    expect(parseOptions(optionsQuery(named), source, base)).toEqual({ options: named, problems: [] });
    expect(optionsQuery(settings)).toBe('?type=spo&platform=max&gis=0&name=%D0%93%D0%91%D0%9F%D0%9E%D0%A3+%C2%AB%D0%9A%D0%BE%D0%BB%D0%BB%D0%B5%D0%B4%D0%B6+%D1%81%D0%B2%D1%8F%D0%B7%D0%B8%C2%BB&short=%D0%9A%D0%BE%D0%BB%D0%BB%D0%B5%D0%B4%D0%B6+%D1%81%D0%B2%D1%8F%D0%B7%D0%B8&roles=class-teacher&sections=general.chats');
    expect(parseOptions('?gis=0&platform=max', source, { ...base, gis: true, platform: 'VK' }).options).toMatchObject({ gis: false, platform: 'MAX' });
    expect(parseOptions('', source, base)).toEqual({ options: base, problems: [] });
  });

  it('says in Russian what it could not use in the address, and cuts an over-long name', () => {
    const long = 'Ш'.repeat(301);
    const parsed = parseOptions(`?platform=tg&name=${long}&short=${long}&roles=&sections=&models=general.x:nowhere`, source, { ...base, platform: 'VK' });
    expect(parsed.options).toMatchObject({ platform: 'VK', name: 'Ш'.repeat(300), short: 'Ш'.repeat(300), roles: [], sections: [], models: {} });
    expect(parsed.problems).toEqual([
      'Платформа «tg» не известна; выбрана VK Мессенджер.',
      'Название длиннее 300 знаков обрезано.',
      'Название длиннее 300 знаков обрезано.',
      'Выбор образца «general» в адресе не распознан; использован образец по умолчанию.',
      'Выбор образца «x:nowhere» в адресе не распознан; использован образец по умолчанию.',
    ]);
    expect(parseOptions(`?name=${'Ш'.repeat(300)}`, source, base).problems).toEqual([]);
    expect(parseOptions('?roles=class-teacher.admin&sections=chats.general.y', source, base)).toMatchObject({
      options: { roles: ['class-teacher'], sections: ['general', 'chats'] },
      problems: ['Роли «admin» нет среди ролей для этого типа учреждения; они пропущены.', 'Разделов «y» нет; они пропущены.'],
    });
  });
});

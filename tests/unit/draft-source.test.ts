/**
 * content/draft-models.json read against a small published document: what the draft page gets, and the messages
 * that stop the build on a wrong reference. tests/unit/draft.test.ts assembles drafts from the real models.
 */
import { describe, expect, it } from 'vitest';
import { anchorTexts, documentAnchors } from '../../src/domain/anchors.ts';
import { buildDraftSource, type ModelDocument } from '../../src/domain/draft-source.ts';

const BODY = `
<Section id="p-1" n="1.">ОБЩИЕ ПОЛОЖЕНИЯ</Section>

<Clause id="p-1-1" n="1.1.">Порядок определяет правила работы в «Сферуме».</Clause>

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
const roles = [{ id: 'class-teacher' as const, name: 'Классный руководитель', types: ['СПО' as const] }];
const MODELS = {
  models: { tekhnikum: { type: 'СПО', names: { Техникуме: 'short' } } },
  platformNames: ['VK Мессенджер'],
  sections: [
    { id: 'general', title: 'Общие положения', options: { tekhnikum: ['p-1-1'] } },
    { id: 'chats', title: 'Чаты', roles: { 'class-teacher': { tekhnikum: ['p-2-1'] } } },
  ],
};

describe('draft models', () => {
  it('gives each clause its text with its nested paragraphs and items, by depth, and the heading of its section', () => {
    const source = buildDraftSource(MODELS, documents, roles);
    expect(source.models).toEqual({ tekhnikum: { type: 'СПО', names: { Техникуме: 'short' }, document: 'Порядок техникума', title: 'Порядок использования «Сферума» в техникуме' } });
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

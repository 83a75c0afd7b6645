import { describe, expect, it } from 'vitest';
import { extractAnchors, duplicateIds, documentAnchors, clauseLevel, openingWords, anchorTexts } from '../../src/domain/anchors.ts';

const body = `
<Section id="p-3" n="3.">ОРГАНИЗАЦИЯ РАБОТЫ</Section>

<Clause id="p-3-1" n="3.1.">
Действия администратора ИКОП «Сферум»: координирует процессы, а именно:

<Para id="p-3-1-abz-2">Администратор назначается заведующим ДОУ в соответствии с приказом.</Para>

<Items>
<Item id="p-3-1-1">направляет заявку;</Item>
<Item id="p-3-1-2">
создает чаты:

<Items>
<Item id="p-3-1-2-1">чат с родителями;</Item>
</Items>
</Item>
</Items>
</Clause>
`;

describe('clause anchors', () => {
  it('lists sections, clauses, items and paragraphs in document order with citations a reader understands', () => {
    const anchors = extractAnchors(body);
    expect(anchors.map((a) => [a.id, a.kind, a.label])).toEqual([
      ['p-3', 'section', 'разд.\u00a03'],
      ['p-3-1', 'clause', 'п.\u00a03.1'],
      ['p-3-1-abz-2', 'paragraph', 'п.\u00a03.1, абз.\u00a02'],
      ['p-3-1-1', 'item', 'п.\u00a03.1, подп.\u00a01'],
      ['p-3-1-2', 'item', 'п.\u00a03.1, подп.\u00a02'],
      ['p-3-1-2-1', 'item', 'п.\u00a03.1, подп.\u00a02.1'],
    ]);
  });

  it('gives clauses a heading level from their number and an excerpt for the contents', () => {
    expect(clauseLevel('3.')).toBe(2);
    expect(clauseLevel('20.1.')).toBe(3);
    const clause = extractAnchors(body).find((a) => a.id === 'p-3-1');
    expect(clause?.excerpt).toBe('Действия администратора ИКОП «Сферум»: координирует процессы, а именно:');
    expect(openingWords('<Sic fix="x">видеo</Sic> **жирный** [ссылка](https://x.ru) ' + 'слово '.repeat(30), 0, 40)).toMatch(/^видеo жирный ссылка слово[^…]*…$/);
  });

  it('gives each anchor its own text: without nested anchors, notes and markup', () => {
    const withNote = body.replace('направляет заявку;', 'направляет <Sic fix="заявку">заявкy</Sic> **срочно**;\n\n<Note>Примечание.</Note>');
    expect([...anchorTexts(withNote)]).toEqual([
      ['p-3', 'ОРГАНИЗАЦИЯ РАБОТЫ'],
      ['p-3-1', 'Действия администратора ИКОП «Сферум»: координирует процессы, а именно:'],
      ['p-3-1-abz-2', 'Администратор назначается заведующим ДОУ в соответствии с приказом.'],
      ['p-3-1-1', 'направляет заявкy срочно;'],
      ['p-3-1-2', 'создает чаты:'],
      ['p-3-1-2-1', 'чат с родителями;'],
    ]);
    expect(() => anchorTexts('<Clause id="p-1" n="1.">не закрыт')).toThrow(/не закрыт/);
    expect(() => anchorTexts('<Clause id="p-1" n="1.">текст</Item>')).toThrow(/без открывающего/);
  });

  it('fails the build on an id collision, naming the file and the id', () => {
    const collision = `${body}\n<Clause id="p-3-1" n="3.1.">Повтор</Clause>`;
    expect(duplicateIds(extractAnchors(collision))).toEqual(['p-3-1']);
    expect(() => documentAnchors('arsenev-dou-27', collision)).toThrow(/arsenev-dou-27\.mdx.*p-3-1/);
  });

  it('rejects an anchor without an id or with one that would not survive in a URL', () => {
    expect(() => extractAnchors('<Item>без id</Item>')).toThrow(/без атрибута id/);
    expect(() => extractAnchors('<Item id="П-3">кириллица</Item>')).toThrow(/недопустимый id/);
    expect(() => extractAnchors('<Clause id="p-1">без номера</Clause>')).toThrow(/без номера/);
  });
});

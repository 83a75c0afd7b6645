import { describe, expect, it } from 'vitest';
import { extractAnchors, duplicateIds, documentAnchors, clauseLevel, openingWords, anchorTexts, plainText } from '../../src/domain/anchors.ts';

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

  it('cites a preamble, a section\'s paragraphs and items without a number in their id as a reader counts them', () => {
    const body = [
      '<Para id="preambula">Вступление.</Para>',
      '<Para id="preambula-abz-2">Второй абзац.</Para>',
      '<Section id="p-4" n="4.">ПОРЯДОК</Section>',
      '<Para id="p-4-abz-3">Абзац раздела.</Para>',
      '<Para id="p-4-abz-3-1">Подпункт абзаца.</Para>',
      '<Clause id="p-5" n="5.">Пункт пять:</Clause>',
      '<Items>\n<Item id="p-5-spisok">без номера в id;</Item>\n<Item id="p-5-2">второй;</Item>\n</Items>',
      '<Clause id="p-5-1" n="5.1.">Подпункт.</Clause>',
    ].join('\n\n');
    expect(extractAnchors(body).map((a) => [a.id, a.label, a.excerpt ?? a.title, a.level])).toEqual([
      ['preambula', 'преамбула', 'Вступление.', undefined],
      ['preambula-abz-2', 'преамбула, абз.\u00a02', 'Второй абзац.', undefined],
      ['p-4', 'разд.\u00a04', 'ПОРЯДОК', 2],
      ['p-4-abz-3', 'разд.\u00a04, абз.\u00a03', 'Абзац раздела.', undefined],
      ['p-4-abz-3-1', 'разд.\u00a04, абз.\u00a03, подп.\u00a01', 'Подпункт абзаца.', undefined],
      ['p-5', 'п.\u00a05', 'Пункт пять:', 2],
      ['p-5-spisok', 'п.\u00a05, подп.\u00a01', 'без номера в id;', undefined],
      ['p-5-2', 'п.\u00a05, подп.\u00a02', 'второй;', undefined],
      ['p-5-1', 'п.\u00a05.1', 'Подпункт.', 3],
    ]);
    // Before any section or clause: counted within the document.
    expect(extractAnchors('<Para id="vvodnaya-chast">Текст.</Para>\n\n<Item id="pervyy">Пункт.</Item>').map((a) => a.label)).toEqual(['абз.\u00a01', 'подп.\u00a01']);
  });

  it('reads markup as a reader sees it: notes dropped, links and emphasis reduced to their text, spaces collapsed', () => {
    expect(plainText('Текст <Note>примечание</Note> и <https://sferum.ru/x>, **жирный** \\*звёздочка, [ссылка](https://x.ru)  и\n  перенос. ')).toBe(
      'Текст и https://sferum.ru/x, жирный *звёздочка, ссылка и перенос.',
    );
    expect(plainText('<http://school.example/>')).toBe('http://school.example/');
  });

  it('cuts the opening words at a word, without a dangling comma, and only past 80 characters', () => {
    expect(openingWords('Слово, '.repeat(20), 0)).toBe(`${'Слово, '.repeat(10)}Слово…`);
    expect(openingWords(`  \n${'а'.repeat(80)}\nвторая строка`, 0)).toBe('а'.repeat(80));
    expect(openingWords(`пропуск ${'б '.repeat(50)}`, 8, 10)).toBe('б б б б б…');
  });

  it('gives a clause the text around its nested anchors, and names a wrong tag in full', () => {
    expect([...anchorTexts('<Clause id="p-1" n="1.">Начало <Item id="p-1-1">вложенный</Item> конец.</Clause>')]).toEqual([['p-1', 'Начало конец.'], ['p-1-1', 'вложенный']]);
    expect(() => anchorTexts(`<Clause id="p-1" n="1.">текст</Item>${'х'.repeat(200)}`)).toThrow(`</Item> без открывающего тега: </Item>${'х'.repeat(73)}`);
    expect(() => anchorTexts('<Item n="1">без id</Item>')).toThrow('<Item> без атрибута id: <Item n="1">');
    expect(() => extractAnchors('<Item>без id</Item>')).toThrow('<Item> без атрибута id: <Item>');
    expect(() => documentAnchors('x', '<Item id="a">1</Item><Item id="a">2</Item><Item id="b">1</Item><Item id="b">2</Item>')).toThrow('content/regulations/x.mdx: повторяются id пунктов: a, b');
    expect(() => extractAnchors('<Item id="p-1-">конец дефисом</Item>')).toThrow('недопустимый id «p-1-»');
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

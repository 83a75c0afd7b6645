import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lawSchema } from '../../src/domain/regulation.ts';
import { anchorTexts } from '../../src/domain/anchors.ts';
import { actLikeCitations, citationsOf, findLaw, lawsCitedIn } from '../../src/domain/legal-basis.ts';
import { regulationFiles, ROOT } from '../support/project.ts';

const laws = (JSON.parse(readFileSync(join(ROOT, 'content/laws.json'), 'utf8')) as unknown[]).map((law) => lawSchema.parse(law));
const files = regulationFiles();
const documents = new Map(files.map((file) => [file.slug, anchorTexts(file.body)]));
/** Not a cited act: the order each document tells the head to issue («издает … приказ «Об использовании … «Сферум»…»). */
const OWN_ORDER = /^(?:приказ|распоряжение)\p{L}*\)? «Об использовании информационно-коммуникационной образовательной платформы/u;

describe('legal basis', () => {
  it('finds, in the text alone, every act the documents cite, and each is an act of content/laws.json', () => {
    const citations = [...documents].flatMap(([doc, texts]) => [...texts].flatMap(([anchor, text]) => actLikeCitations(text).map((citation) => ({ where: `${doc}#${anchor}`, citation }))));
    expect(citations.length).toBeGreaterThan(25);
    const unknown = citations.filter(({ citation }) => !OWN_ORDER.test(citation) && !laws.some((law) => findLaw(law, citation)));
    expect(unknown).toEqual([]);
  });

  it.each(files.map((file) => [file.slug, file] as const))('%s: the acts in the frontmatter are exactly the acts its text cites', (slug, file) => {
    expect(lawsCitedIn(laws, documents.get(slug)!).map((law) => law.id).toSorted()).toEqual((file.frontmatter.laws as string[] | undefined ?? []).toSorted());
  });

  it('cites every act at least once, quoting the words around the citation verbatim', () => {
    for (const law of laws) {
      const citations = citationsOf(law, documents);
      expect(citations.length, law.id).toBeGreaterThan(0);
      for (const { doc, anchor, before, match, after } of citations) {
        const text = documents.get(doc)!.get(anchor)!;
        expect(text).toContain(`${before.replace(/^…/, '')}${match}${after.replace(/…$/, '')}`);
      }
    }
  });

  it('quotes up to 120 characters either side of a citation, cut between words with «…», in document order', () => {
    const law = lawSchema.parse({ id: 'pp-1241', kind: 'постановление', title: 'О системе «Моя школа»', patterns: ['(?<!\\d)1241(?!\\d)', 'Моя школа'] });
    const words = (n: number, word: string) => Array.from({ length: n }, (_, i) => `${word}${i}`).join(' ');
    const long = `${words(30, 'слово')} постановлением № 1241 установлено ${words(30, 'дальше')}`;
    const texts = new Map([
      ['a', new Map([['p-1', 'Без ссылки.'], ['p-2', long], ['p-3', 'Система «Моя школа».']])],
      ['b', new Map([['p-9', 'По постановлению 1241.']])],
    ]);
    const found = citationsOf(law, texts);
    expect(found.map(({ doc, anchor, match }) => `${doc}#${anchor}: ${match}`)).toEqual(['a#p-2: 1241', 'a#p-3: Моя школа', 'b#p-9: 1241']);
    const [{ before, after }] = found;
    expect(before).toMatch(/^…слово1[0-9] /);
    expect(before.endsWith('слово29 постановлением № ')).toBe(true);
    expect(before.length).toBeLessThanOrEqual(121);
    expect(after).toMatch(/^ установлено дальше0 /);
    expect(after).toMatch(/ дальше\d+…$/);
    expect(after.length).toBeLessThanOrEqual(121);
    expect(long).toContain(`${before.slice(1)}1241${after.slice(0, -1)}`);
    expect(found[2]).toEqual({ doc: 'b', anchor: 'p-9', before: 'По постановлению ', match: '1241', after: '.' });
    expect(findLaw(law, 'Номер 12415.')).toBeUndefined();
    expect(lawsCitedIn([law], new Map([['p-1', 'Без ссылки.']]))).toEqual([]);
  });

  it('tells act citations from ordinary words', () => {
    expect(actLikeCitations('по приказу N 2040, распоряжение 1545-р от 2020 г.; ФГОС начального общего образования')).toEqual([
      'приказу N 2040,',
      'распоряжение 1545-р от 2020 г.',
      'ФГОС начального общего образования',
    ]);
    expect(actLikeCitations('законный представитель и законодательство; письмо коллеге')).toEqual([]);
    expect(actLikeCitations(`закон «${'о'.repeat(300)}»`)).toEqual([`закон «${'о'.repeat(243)}`]);
    expect(actLikeCitations('родители (законные представители) действуют в соответствии с законодательством РФ и приказом о назначении')).toEqual([]);
    expect(actLikeCitations('Постановлением Правительства РФ от 13 июля 2022 г. № 1241 «О ФГИС «Моя школа»»; письмом от 12.09.2024 №ИШ-244/04')).toEqual([
      'Постановлением Правительства РФ от 13 июля 2022 г. № 1241 «О ФГИС «Моя школа»»',
      'письмом от 12.09.2024 №ИШ-244/04',
    ]);
    expect(() => lawSchema.parse({ ...laws[0], patterns: ['(незакрытая'] })).toThrow(/не регулярное выражение/);
  });
});

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

  it('tells act citations from ordinary words', () => {
    expect(actLikeCitations('родители (законные представители) действуют в соответствии с законодательством РФ и приказом о назначении')).toEqual([]);
    expect(actLikeCitations('Постановлением Правительства РФ от 13 июля 2022 г. № 1241 «О ФГИС «Моя школа»»; письмом от 12.09.2024 №ИШ-244/04')).toEqual([
      'Постановлением Правительства РФ от 13 июля 2022 г. № 1241 «О ФГИС «Моя школа»»',
      'письмом от 12.09.2024 №ИШ-244/04',
    ]);
    expect(() => lawSchema.parse({ ...laws[0], patterns: ['(незакрытая'] })).toThrow(/не регулярное выражение/);
  });
});

/** Shared by the import tests: the seed sources, importing a source with its attachments, comparing with the curated documents. */
import { expect } from 'vitest';
import { mdxToJs } from 'satteri'; // the MDX compiler the build uses (through @astrojs/markdown-satteri)
import { anchorTexts, documentAnchors } from '../../src/domain/anchors.ts';
import { importRegulation, type ImportResult } from '../../src/import/index.ts';
import { regulationFiles } from './project.ts';

const curated = new Map(regulationFiles().map((file) => [file.slug, file]));

/** Each source and the curated documents it holds, in order (002: order 141-од with the letter 04-423 attached). */
export const SEED_SOURCES: [string, string[]][] = [
  ['000_b35ab8a95db90d95.txt', ['arsenev-dou-27']],
  ['001_6088b5ffa6c329c9.txt', ['kerch-shkola-12']],
  ['002_0c6b8841986b4b4b.txt', ['orenburg-dou-111', 'minprosveshcheniya-04-423']],
  ['003_f87a6b8aeed9eb0e.txt', ['tekhnikum']],
  ['004_18a6fce7775b0155.txt', ['novosibirsk-sosh-215']],
];

export function body(mdx: string): string {
  return mdx.replace(/^---\n[\s\S]*?\n---\n/, '');
}

/** Imports a source and the documents attached to it, one result per document. */
export async function importAll(fileName: string, bytes: Uint8Array): Promise<ImportResult[]> {
  const results = [await importRegulation({ fileName, bytes })];
  while (results.at(-1)!.attached) results.push(await importRegulation({ fileName: 'attached.txt', bytes: new TextEncoder().encode(results.at(-1)!.attached!) }));
  return results;
}

/** Ids in order and each id's own text, as the site reads them. */
export function expectSameAsCurated(result: ImportResult, slug: string): void {
  const mine = anchorTexts(body(result.mdx));
  const theirs = anchorTexts(curated.get(slug)!.body);
  expect([...mine.keys()], `${slug}: id`).toEqual([...theirs.keys()]);
  const differing = [...theirs].filter(([id, text]) => mine.get(id) !== text).map(([id]) => id);
  expect(differing, `${slug}: текст пунктов`).toEqual([]);
  expect(() => documentAnchors(slug, body(result.mdx))).not.toThrow();
  expectCompiles(result.mdx);
}

/** The document compiles as MDX, as the site build will compile it. */
export function expectCompiles(mdx: string): void {
  expect(() => mdxToJs(mdx)).not.toThrow();
}


import { describe, expect, it } from 'vitest';
import { readFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { regulationBody, regulationSchema, lawSchema } from '../../src/domain/regulation.ts';
import { documentAnchors } from '../../src/domain/anchors.ts';
import { readRegulations } from '../../src/regulation-files.ts';
import { REGULATIONS_DIR, regulationFiles, ROOT, SOURCES_DIR } from '../support/project.ts';

const files = regulationFiles();
const laws = (JSON.parse(readFileSync(join(ROOT, 'content/laws.json'), 'utf8')) as unknown[]).map((law) => lawSchema.parse(law));
const lawIds = new Set(laws.map((law) => law.id));
const slugs = new Set(files.map((file) => file.slug));
const sources = [...new Set(files.map((file) => String(file.frontmatter.source)))];

describe('regulations content', () => {
  it('publishes the six documents: five sources, the Ministry letter on its own', () => {
    expect(files).toHaveLength(6);
    const sources = new Set(files.map((file) => file.frontmatter.source));
    expect(sources.size).toBe(5);
  });

  it.each(files.map((file) => [file.slug, file] as const))('%s: frontmatter matches the schema and its references resolve', (_, file) => {
    const data = regulationSchema.parse(file.frontmatter);
    expect(existsSync(join(SOURCES_DIR, data.source)), `content/sources/${data.source}`).toBe(true);
    expect(data.laws.filter((id) => !lawIds.has(id)), 'laws missing from content/laws.json').toEqual([]);
    expect(data.related.filter((slug) => !slugs.has(slug)), 'related documents').toEqual([]);
  });

  it.each(files.map((file) => [file.slug] as const))('%s: the text read from the file is the body @astrojs/mdx reads', (slug) => {
    const source = readFileSync(join(ROOT, 'content/regulations', `${slug}.mdx`), 'utf8');
    // As @astrojs/mdx reads an entry: frontmatter blanked out, then trimmed.
    const astroBody = parseFrontmatter(source, { frontmatter: 'empty-with-spaces' }).content.trim();
    expect(regulationBody(source)).toBe(astroBody);
    expect(regulationBody(`\uFEFF${source}\n\n`)).toBe(astroBody);
  });

  it('links order 141-од and the Ministry letter 04-423 both ways', () => {
    const order = files.find((file) => file.slug === 'orenburg-dou-111')!;
    const letter = files.find((file) => file.slug === 'minprosveshcheniya-04-423')!;
    expect(order.frontmatter.related).toContain(letter.slug);
    expect(letter.frontmatter.related).toContain(order.slug);
  });

  it.each(sources)('%s: every numbered clause of the source has an anchor with its number, in the source\'s order', (source) => {
    const text = readFileSync(join(SOURCES_DIR, source), 'utf8');
    // «1. ОБЩИЕ ПОЛОЖЕНИЯ», «**3.1.** Действия…»: a number at the start of a line, then a space.
    const numbered = [...text.matchAll(/^\s*\**(\d+(?:\.\d+)*\.)(?=[\s*])/gm)].map((match) => match[1]);
    // Documents published from one source follow each other in it: order them by where their first clause stands.
    const documents = files
      .filter((file) => file.frontmatter.source === source)
      .map((file) => ({ file, anchors: documentAnchors(file.slug, file.body).filter((anchor) => anchor.number) }))
      .sort((a, b) => text.indexOf(a.anchors[0].excerpt ?? a.anchors[0].title ?? '') - text.indexOf(b.anchors[0].excerpt ?? b.anchors[0].title ?? ''));
    expect(documents.flatMap(({ anchors }) => anchors.map((anchor) => anchor.number!.trim()))).toEqual(numbered);
    expect(numbered.length).toBeGreaterThanOrEqual(4);
  });

  it('anchors the clauses a reader cites by the ids of their numbers', () => {
    const ids = (slug: string) => documentAnchors(slug, files.find((file) => file.slug === slug)!.body).map((a) => a.id);
    for (let n = 1; n <= 21; n++) expect(ids('tekhnikum')).toContain(`p-${n}`);
    expect(ids('tekhnikum')).toEqual(expect.arrayContaining(['p-20-1', 'p-20-6', 'p-21-4']));
    expect(ids('orenburg-dou-111')).toEqual(expect.arrayContaining(['p-4-1', 'p-4-4', 'p-5-2', 'p-7']));
    expect(ids('minprosveshcheniya-04-423')).toEqual(expect.arrayContaining(['p-1', 'p-6']));
  });

  it('does not publish the staff acknowledgment sheet of order 141-од, and says so', () => {
    const source = readFileSync(join(SOURCES_DIR, '002_0c6b8841986b4b4b.txt'), 'utf8');
    const names = source.split('\n').filter((line) => /^\S+ \S+ \S+\t/.test(line)).map((line) => line.split('\t')[0]);
    expect(names).toHaveLength(23);
    const published = files.map((file) => file.body + JSON.stringify(file.frontmatter)).join('\n');
    expect(names.filter((name) => published.includes(name))).toEqual([]);
    expect(published).toMatch(/лист ознакомления|ознакомлен/i);
  });

  it('marks every known defect of the sources with a visible editorial note beside it', () => {
    const defects: Array<[string, string]> = [
      ['arsenev-dou-27', 'видеoinформацией'],
      ['tekhnikum', 'видеoinформацией'],
      ['novosibirsk-sosh-215', 'видеoinформацией'],
      ['orenburg-dou-111', 'Discjrd'],
      ['orenburg-dou-111', '37.07.2023'],
      ['kerch-shkola-12', 'организывает'],
      ['tekhnikum', 'Колледжа'],
    ];
    for (const [slug, defect] of defects) {
      const body = files.find((file) => file.slug === slug)!.body;
      let from = body.indexOf(defect);
      expect(from, `${slug}: «${defect}» в тексте`).toBeGreaterThanOrEqual(0);
      while (from >= 0) {
        const rest = body.slice(from);
        const clauseEnd = rest.search(/\n<(Clause|Section) /);
        const sameClause = clauseEnd < 0 ? rest : rest.slice(0, clauseEnd);
        expect(sameClause, `${slug}: примечание в том же пункте, что «${defect}»`).toMatch(/<Note>/);
        from = body.indexOf(defect, from + defect.length);
      }
    }
  });
});

describe('reading the regulation files (what the build reads)', () => {
  const tekhnikum = readFileSync(join(REGULATIONS_DIR, 'tekhnikum.mdx'), 'utf8');

  /** The build's reading of a folder holding the техникум's document as `name`, edited by `edit`. */
  function readOne(name: string, edit: (text: string) => string = (text) => text) {
    const dir = mkdtempSync(join(tmpdir(), 'sferum-regulations-'));
    try {
      writeFileSync(join(dir, name), edit(tekhnikum));
      return readRegulations(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('reads every document with its id, its file and its checked frontmatter, in the site\'s order', () => {
    const read = readRegulations(REGULATIONS_DIR);
    expect(read.map((entry) => entry.id).sort()).toEqual([...slugs].sort());
    const orders = read.map((entry) => entry.data.order);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    const arsenev = read.find((entry) => entry.id === 'arsenev-dou-27')!;
    expect(arsenev.filePath).toMatch(/arsenev-dou-27\.mdx$/);
    expect(arsenev.data.approval?.date).toEqual(new Date('2024-10-17'));
  });

  it.each([
    ['a file name that cannot be an address', 'Порядок техникума.mdx', undefined, /Порядок техникума\.mdx \(имя файла — адрес документа\)/],
    ['no frontmatter', 'tekhnikum.mdx', (text: string) => text.replace(/^---\n[\s\S]*?\n---\n/, ''), /tekhnikum\.mdx: файл не начинается с frontmatter/],
    ['frontmatter that is not YAML', 'tekhnikum.mdx', (text: string) => text.replace(/^kind: (.*)$/m, 'kind: [$1'), /tekhnikum\.mdx: frontmatter не читается как YAML/],
    ['a field the schema refuses', 'tekhnikum.mdx', (text: string) => text.replace(/^order: .*$/m, 'order: первый'), /Ошибка в .*tekhnikum\.mdx:\n\s+– order: /],
  ])('stops on %s, naming the file in Russian', (_, name, edit, message) => {
    expect(() => readOne(name, edit)).toThrow(message);
  });
});

import { describe, expect, it } from 'vitest';
import { readFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { regulationSchema, lawSchema } from '../../src/domain/regulation.ts';
import { documentAnchors } from '../../src/domain/anchors.ts';
import { regulationFiles, ROOT, SOURCES_DIR } from '../support/project.ts';

const files = regulationFiles();
const laws = (JSON.parse(readFileSync(join(ROOT, 'content/laws.json'), 'utf8')) as unknown[]).map((law) => lawSchema.parse(law));
const lawIds = new Set(laws.map((law) => law.id));
const slugs = new Set(files.map((file) => file.slug));
const PUBLISHED = join(ROOT, 'tests/unit/published-anchors.json');

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

  it('links order 141-од and the Ministry letter 04-423 both ways', () => {
    const order = files.find((file) => file.slug === 'orenburg-dou-111')!;
    const letter = files.find((file) => file.slug === 'minprosveshcheniya-04-423')!;
    expect(order.frontmatter.related).toContain(letter.slug);
    expect(letter.frontmatter.related).toContain(order.slug);
  });

  it('keeps the published clause ids: none disappears, and new ones are added on purpose', () => {
    const current = Object.fromEntries(files.map((file) => [file.slug, documentAnchors(file.slug, file.body).map((a) => a.id)]));
    if (process.env.UPDATE_PUBLISHED_ANCHORS) writeFileSync(PUBLISHED, `${JSON.stringify(current, null, 1)}\n`);
    const published: Record<string, string[]> = JSON.parse(readFileSync(PUBLISHED, 'utf8'));
    for (const [slug, ids] of Object.entries(published)) {
      const now = new Set(current[slug] ?? []);
      expect(ids.filter((id) => !now.has(id)), `${slug}: опубликованные id пропали`).toEqual([]);
    }
    for (const [slug, ids] of Object.entries(current)) {
      const before = new Set(published[slug] ?? []);
      expect(ids.filter((id) => !before.has(id)), `${slug}: новые id — добавьте их: UPDATE_PUBLISHED_ANCHORS=1 npx vitest run`).toEqual([]);
    }
  });

  it('gives every numbered clause of every source an anchor', () => {
    for (const file of files) {
      const numbers = new Set(documentAnchors(file.slug, file.body).flatMap((a) => (a.number ? [a.number.trim()] : [])));
      expect(numbers.size, file.slug).toBeGreaterThan(0);
    }
    const tekhnikum = files.find((file) => file.slug === 'tekhnikum')!;
    const ids = documentAnchors(tekhnikum.slug, tekhnikum.body).map((a) => a.id);
    for (let n = 1; n <= 21; n++) expect(ids).toContain(`p-${n}`);
    expect(ids).toEqual(expect.arrayContaining(['p-20-1', 'p-20-6', 'p-21-4']));
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

/**
 * A permanent clause id keeps pointing at the same text: each published id is recorded with a hash of its
 * normalised text (tests/unit/published-clause-texts.json). A changed text passes only as a reviewed redaction
 * (tests/unit/clause-redactions.json); an id that disappears, moves or swaps its text with another fails.
 * New ids are recorded with UPDATE_PUBLISHED_ANCHORS=1 npm run test:unit — existing records are never rewritten.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { regulationFiles, ROOT } from '../support/project.ts';
import { clauseIdentities, identityProblems, textHash, type Redaction } from '../support/clauses.ts';

const PUBLISHED_IDS = join(ROOT, 'tests/unit/published-anchors.json');
const PUBLISHED_TEXTS = join(ROOT, 'tests/unit/published-clause-texts.json');
const REDACTIONS = join(ROOT, 'tests/unit/clause-redactions.json');
const UPDATE_COMMAND = 'UPDATE_PUBLISHED_ANCHORS=1 npm run test:unit';

const files = regulationFiles();
const current = new Map(files.map((file) => [file.slug, clauseIdentities(file.body)]));
const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

if (process.env.UPDATE_PUBLISHED_ANCHORS) {
  // Adds the new ids with their present texts; what was published stays as it was, so a changed text still fails.
  const ids = readJson<Record<string, string[]>>(PUBLISHED_IDS);
  const texts = readJson<Record<string, Record<string, string>>>(PUBLISHED_TEXTS);
  for (const [slug, identities] of current) {
    const before = texts[slug] ?? {};
    const order = Object.keys(before);
    const after: Record<string, string> = {};
    for (const [id, text] of identities) {
      // A new id goes where it stands in the document; published ids keep their published order.
      if (!(id in before)) after[id] = textHash(text);
      else for (const earlier of order.splice(0, order.indexOf(id) + 1)) after[earlier] = before[earlier];
    }
    for (const rest of order) after[rest] = before[rest];
    texts[slug] = after;
    ids[slug] = Object.keys(after);
  }
  writeFileSync(PUBLISHED_IDS, `${JSON.stringify(ids, null, 1)}\n`);
  writeFileSync(PUBLISHED_TEXTS, `${JSON.stringify(texts, null, 1)}\n`);
}

const publishedIds = readJson<Record<string, string[]>>(PUBLISHED_IDS);
const publishedTexts = readJson<Record<string, Record<string, string>>>(PUBLISHED_TEXTS);
const redactions = readJson<Redaction[]>(REDACTIONS);

describe('published clause ids keep their text', () => {
  it('records a text for every published id and an id for every recorded text', () => {
    for (const [slug, ids] of Object.entries(publishedIds)) expect(Object.keys(publishedTexts[slug] ?? {}), slug).toEqual(ids);
    expect(Object.keys(publishedTexts)).toEqual(Object.keys(publishedIds));
  });

  it.each(files.map((file) => file.slug))('%s: no published id is gone, moved or bound to another text', (slug) => {
    expect(identityProblems(slug, publishedTexts[slug] ?? {}, current.get(slug)!, redactions)).toEqual([]);
  });

  it.each(files.map((file) => file.slug))(`%s: every id is published (new ones: ${UPDATE_COMMAND})`, (slug) => {
    const before = new Set(publishedIds[slug] ?? []);
    expect([...current.get(slug)!.keys()].filter((id) => !before.has(id))).toEqual([]);
  });

  it('names each reviewed redaction: a published id, a date, what changed and why', () => {
    for (const entry of redactions) {
      expect(publishedTexts[entry.document]?.[entry.id], `${entry.document}#${entry.id}`).toBeDefined();
      expect(entry.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(entry.what.trim() && entry.why.trim(), `${entry.document}#${entry.id}: что и почему`).toBeTruthy();
    }
  });
});

describe('the identity check fails on the edits that break a saved link', () => {
  const file = files.find((candidate) => candidate.slug === 'arsenev-dou-27')!;
  const published = publishedTexts[file.slug];
  const problems = (body: string, reviewed: Redaction[] = []) => identityProblems(file.slug, published, clauseIdentities(body), reviewed);

  it('a sentence appended to a clause', () => {
    const body = file.body.replace('<Clause id="p-3-1" n="3.1.">', '<Clause id="p-3-1" n="3.1.">\nПосещение обязательно.');
    expect(problems(body)).toEqual([expect.stringMatching(/^arsenev-dou-27#p-3-1: текст изменился без записи о новой редакции: «3\.1\. Посещение обязательно\. /)]);
  });

  it('two ids swapping their clauses', () => {
    const body = file.body.replace('id="p-3-1"', 'id="SWAP"').replace('id="p-3-2"', 'id="p-3-1"').replace('id="SWAP"', 'id="p-3-2"');
    const found = problems(body);
    expect(found[0]).toBe('arsenev-dou-27: id переставлены: p-3-2, p-3-1');
    expect(found.slice(1).map((problem) => problem.split(':')[0])).toEqual(['arsenev-dou-27#p-3-1', 'arsenev-dou-27#p-3-2']);
  });

  it('a renumbered clause, and an id that disappears', () => {
    expect(problems(file.body.replace('<Clause id="p-3-1" n="3.1.">', '<Clause id="p-3-1" n="3.2.">'))).toHaveLength(1);
    expect(problems(file.body.replace('<Item id="p-3-1-15">', '<Item id="p-3-1-16">'))).toEqual(['arsenev-dou-27: опубликованные id пропали: p-3-1-15']);
  });

  it('passes a changed text once a redaction with that text is recorded, and only that text', () => {
    const body = file.body.replace('<Clause id="p-3-1" n="3.1.">', '<Clause id="p-3-1" n="3.1.">\nПосещение обязательно.');
    const text = clauseIdentities(body).get('p-3-1')!;
    const entry: Redaction = { document: file.slug, id: 'p-3-1', date: '2026-11-24', what: 'добавлено предложение', why: 'новая редакция', text };
    expect(problems(body, [entry])).toEqual([]);
    expect(problems(body, [{ ...entry, text: `${text} ` }])).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseComparison, wordDiff } from '../../src/domain/compare.ts';
import { readFilter } from '../../src/domain/filter.ts';
import { documentAnchors } from '../../src/domain/anchors.ts';
import { regulationFiles, ROOT } from '../support/project.ts';

const data = JSON.parse(readFileSync(join(ROOT, 'content/comparison.json'), 'utf8'));

describe('comparison', () => {
  it('maps every duty and role clause to an existing clause of its document', () => {
    const comparison = parseComparison(data);
    const anchors = new Map(regulationFiles().map((file) => [file.slug, new Set(documentAnchors(file.slug, file.body).map((a) => a.id))]));
    for (const { doc, roleClauses } of comparison.documents) for (const anchor of Object.values(roleClauses)) expect(anchors.get(doc)?.has(anchor), `${doc}#${anchor}`).toBe(true);
    for (const duty of comparison.duties) {
      for (const [doc, anchor] of Object.entries(duty.clauses)) {
        expect(anchors.get(doc)?.has(anchor), `${duty.id}: ${doc}#${anchor}`).toBe(true);
        // A duty of a role lies within that role's clause in each document.
        const roleClause = comparison.documents.find((d) => d.doc === doc)!.roleClauses[duty.role];
        expect(anchor.startsWith(`${roleClause}-`), `${duty.id}: ${doc}#${anchor} в ${roleClause}`).toBe(true);
      }
    }
  });

  it('stops the build on an unknown role or document, naming the duty', () => {
    expect(() => parseComparison({ ...data, duties: [{ id: 'x', role: 'director', clauses: {} }] })).toThrow(/«x».*неизвестная роль «director»/);
    expect(() => parseComparison({ ...data, duties: [{ id: 'y', role: 'admin', clauses: { nowhere: 'p-1' } }] })).toThrow(/«y».*«nowhere»/);
  });

  it('reads URL filters: known values, «все», and anything else as «все» with the value kept for the note', () => {
    expect(readFilter('teacher', ['teacher'])).toEqual({ value: 'teacher' });
    expect(readFilter(null, ['teacher'])).toEqual({});
    expect(readFilter('vse', ['teacher'])).toEqual({});
    expect(readFilter('<script>', ['teacher'])).toEqual({ unknown: '<script>' });
  });

  it('marks word differences between two versions of a clause', () => {
    expect(wordDiff('создает группу «Учительская»', 'создает класс «Учительская»').filter((part) => part.kind !== 'same')).toEqual([
      { kind: 'removed', text: 'группу' },
      { kind: 'added', text: 'класс' },
    ]);
  });
});

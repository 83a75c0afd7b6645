import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { comparedDocuments, comparisonGroups, wordDiff, worthMarking } from '../../src/domain/compare.ts';
import { catalogueSchema, splitRef } from '../../src/domain/duties.ts';
import { regulationSchema } from '../../src/domain/regulation.ts';
import { readFilter } from '../../src/domain/filter.ts';
import { INSTITUTION_TYPES } from '../../src/domain/site-config.ts';
import { regulationFiles, ROOT } from '../support/project.ts';

const catalogue = catalogueSchema.parse(JSON.parse(readFileSync(join(ROOT, 'content/duties.json'), 'utf8')));
const documents = regulationFiles().map((file) => ({ id: file.slug, appliesTo: regulationSchema.parse(file.frontmatter).appliesTo }));
const rowsOf = (groups: ReturnType<typeof comparisonGroups>) => groups.flatMap((group) => group.rows.map((row) => ({ role: group.role.id, ...row })));

describe('comparison from the duty catalogue', () => {
  it('compares all six documents, the letter 04-423 and order 141-од included', () => {
    expect(comparedDocuments(documents).map((document) => document.id).toSorted()).toEqual(
      ['arsenev-dou-27', 'kerch-shkola-12', 'minprosveshcheniya-04-423', 'novosibirsk-sosh-215', 'orenburg-dou-111', 'tekhnikum'],
    );
  });

  it('shows every duty once, under its first role, naming its other roles', () => {
    const rows = rowsOf(comparisonGroups(catalogue, documents));
    expect(rows.map((row) => row.duty.id).toSorted()).toEqual(catalogue.duties.map((duty) => duty.id).toSorted());
    for (const row of rows) {
      expect(row.role, row.duty.id).toBe(row.duty.roles[0]);
      expect(row.alsoFor.map((role) => role.id)).toEqual(row.duty.roles.slice(1));
    }
    const teacherJoin = rows.find((row) => row.duty.id === 'teacher-join')!;
    expect([teacherJoin.role, teacherJoin.alsoFor.map((role) => role.name)]).toEqual(['class-teacher', ['Педагог']]);
  });

  it('on a role filter shows every duty of that role, also those it shares', () => {
    for (const role of catalogue.roles) {
      const groups = comparisonGroups(catalogue, documents, { role: role.id });
      expect(groups.map((group) => group.role.id)).toEqual([role.id]);
      expect(groups[0].rows.map((row) => row.duty.id)).toEqual(catalogue.duties.filter((duty) => duty.roles.includes(role.id)).map((duty) => duty.id));
    }
    expect(comparisonGroups(catalogue, documents, { role: 'teacher' })[0].rows.map((row) => row.duty.id)).toContain('teacher-join');
  });

  it('on a type filter shows only that type’s duties and documents, each duty stated by at least one of them', () => {
    // A role without duties for the type gets no empty group: in a kindergarten, no pupils and no class teachers.
    const kindergarten = comparisonGroups(catalogue, documents, { type: 'ДОУ' });
    expect(kindergarten.map((group) => group.role.id).filter((id) => id === 'student' || id === 'gis-staff')).toEqual([]);
    expect(kindergarten.filter((group) => group.rows.length === 0)).toEqual([]);
    for (const type of INSTITUTION_TYPES) {
      const columns = comparedDocuments(documents, type);
      expect(columns.length).toBeGreaterThan(1);
      expect(columns.every((document) => document.appliesTo.includes(type))).toBe(true);
      const rows = rowsOf(comparisonGroups(catalogue, columns, { type }));
      expect(rows.map((row) => row.duty.id).toSorted()).toEqual(catalogue.duties.filter((duty) => duty.types.includes(type)).map((duty) => duty.id).toSorted());
      for (const row of rows) {
        expect(row.cells.map((cell) => cell.doc)).toEqual(columns.map((document) => document.id));
        expect(row.cells.some((cell) => cell.anchors.length > 0), `${type}: ${row.duty.id}`).toBe(true);
      }
    }
  });

  it('puts each cited clause in its document’s cell, several where the catalogue cites several, and leaves silent documents empty', () => {
    const rows = rowsOf(comparisonGroups(catalogue, documents));
    const cells = (id: string) => Object.fromEntries(rows.find((row) => row.duty.id === id)!.cells.map((cell) => [cell.doc, cell.anchors]));
    expect(cells('head-join')).toEqual({
      'arsenev-dou-27': [],
      'kerch-shkola-12': ['p-2-2-3'],
      'orenburg-dou-111': [],
      'minprosveshcheniya-04-423': [],
      tekhnikum: ['p-20-2-3'],
      'novosibirsk-sosh-215': [],
    });
    expect(cells('teacher-join')['kerch-shkola-12']).toEqual(['p-2-3-1', 'p-2-4-1']);
    // Nothing cited is lost and nothing is added.
    for (const row of rows) expect(row.cells.flatMap((cell) => cell.anchors.map((anchor) => `${cell.doc}#${anchor}`)).toSorted(), row.duty.id).toEqual(row.duty.refs.toSorted());
    expect(new Set(catalogue.duties.flatMap((duty) => duty.refs.map((ref) => splitRef(ref).doc)))).toEqual(new Set(documents.map((document) => document.id)));
  });

  it('reads URL filters: known values, «все», and anything else as «все» with the value kept for the note', () => {
    expect(readFilter('teacher', ['teacher'])).toEqual({ value: 'teacher' });
    expect(readFilter(null, ['teacher'])).toEqual({});
    expect(readFilter('vse', ['teacher'])).toEqual({});
    expect(readFilter('<script>', ['teacher'])).toEqual({ unknown: '<script>' });
    expect(readFilter(' teacher ', ['teacher'])).toEqual({ value: 'teacher' });
    expect(readFilter(`${'x'.repeat(60)}y`, ['teacher'])).toEqual({ unknown: 'x'.repeat(60) });
  });

  it('marks word differences between two versions of a clause, only where the versions share most words', () => {
    const parts = wordDiff('создает группу «Учительская»', 'создает класс «Учительская»');
    expect(parts.filter((part) => part.kind !== 'same')).toEqual([
      { kind: 'removed', text: 'группу' },
      { kind: 'added', text: 'класс' },
    ]);
    expect(worthMarking(parts)).toBe(true);
    // Whole Russian words, never single letters that happen to match.
    expect(wordDiff('работников образовательной организации', 'работников Техникума').filter((part) => part.kind !== 'same')).toEqual([
      { kind: 'removed', text: 'образовательной организации' },
      { kind: 'added', text: 'Техникума' },
    ]);
    expect(worthMarking(wordDiff('назначает администратора платформы', 'Сопровождать и координировать процессы внутри учреждения'))).toBe(false);
    // Exactly half the text shared still marks; less does not.
    expect(worthMarking([{ kind: 'same', text: 'аб' }, { kind: 'removed', text: 'вг' }, { kind: 'added', text: 'де' }])).toBe(true);
    expect(worthMarking([{ kind: 'same', text: 'аб' }, { kind: 'removed', text: 'вг' }, { kind: 'added', text: 'деё' }])).toBe(false);
  });
});

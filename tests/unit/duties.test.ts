import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogueSchema, dutyHeadline, splitRef } from '../../src/domain/duties.ts';
import { documentAnchors } from '../../src/domain/anchors.ts';
import { regulationSchema } from '../../src/domain/regulation.ts';
import { ROLES } from '../../src/domain/roles.ts';
import { ASK_ADMIN } from '../../src/domain/checklist.ts';
import { regulationFiles, ROOT } from '../support/project.ts';

const catalogue = catalogueSchema.parse(JSON.parse(readFileSync(join(ROOT, 'content/duties.json'), 'utf8')));
const facts: { id: string }[] = JSON.parse(readFileSync(join(ROOT, 'content/platform-facts.json'), 'utf8'));
const files = regulationFiles();
const anchors = new Map(files.map((file) => [file.slug, documentAnchors(file.slug, file.body)]));
const appliesTo = new Map(files.map((file) => [file.slug, regulationSchema.parse(file.frontmatter).appliesTo]));
const exists = (ref: string) => {
  const { doc, anchor } = splitRef(ref);
  return anchors.get(doc)?.some((a) => a.id === anchor) ?? false;
};
const cited = catalogue.duties.flatMap((duty) => duty.refs);

/** Leaf sub-clauses under the role clauses: anchors below `ref` that have nothing below them. */
function leavesUnder(ref: string): string[] {
  const { doc, anchor } = splitRef(ref);
  const list = anchors.get(doc) ?? [];
  const below = list.filter((a) => a.id === anchor || a.id.startsWith(`${anchor}-`));
  return below.filter((a) => !list.some((other) => other.id.startsWith(`${a.id}-`))).map((a) => `${doc}#${a.id}`);
}

/** A leaf is covered when it, or an enclosing item or paragraph (not a whole clause), is cited or excluded. */
function coveredBy(leaf: string, refs: ReadonlySet<string>): boolean {
  const { doc, anchor } = splitRef(leaf);
  const kinds = new Map((anchors.get(doc) ?? []).map((a) => [a.id, a.kind]));
  const parts = anchor.split('-');
  for (let n = parts.length; n > 1; n--) {
    const id = parts.slice(0, n).join('-');
    const kind = kinds.get(id);
    if (n < parts.length && (kind === 'clause' || kind === 'section')) return false;
    if (refs.has(`${doc}#${id}`)) return true;
  }
  return false;
}

describe('duty catalogue (content/duties.json)', () => {
  it('describes every role once, each with duties in every institution type it serves', () => {
    expect(catalogue.roles.map((role) => role.id).sort()).toEqual([...ROLES].sort());
    for (const role of catalogue.roles) {
      for (const type of role.types) {
        const duties = catalogue.duties.filter((duty) => duty.roles.includes(role.id) && duty.types.includes(type));
        expect(duties.length, `${role.id} / ${type}`).toBeGreaterThan(2);
      }
    }
  });

  it('points every reference, scope entry and exclusion at an existing clause', () => {
    const all = [...cited, ...catalogue.scope, ...catalogue.excluded.map((entry) => entry.ref)];
    expect(all.filter((ref) => !exists(ref))).toEqual([]);
  });

  it('gives each duty only institution types its documents speak to', () => {
    for (const duty of catalogue.duties) {
      const covered = new Set(duty.refs.flatMap((ref) => appliesTo.get(splitRef(ref).doc) ?? []));
      expect(duty.types.filter((type) => !covered.has(type)), duty.id).toEqual([]);
    }
  });

  it('cites each clause at most once per duty', () => {
    for (const duty of catalogue.duties) expect(new Set(duty.refs).size, duty.id).toBe(duty.refs.length);
  });

  it('covers every sub-clause that assigns an action to a role, or lists it as excluded with a reason', () => {
    const refs = new Set(cited);
    const excluded = new Set(catalogue.excluded.map((entry) => entry.ref));
    const leaves = catalogue.scope.flatMap(leavesUnder);
    expect(leaves.length).toBeGreaterThan(150);
    expect(leaves.filter((leaf) => !coveredBy(leaf, refs) && !coveredBy(leaf, excluded))).toEqual([]);
    // An exclusion that a duty covers anyway is a contradiction.
    expect([...excluded].filter((ref) => coveredBy(ref, refs))).toEqual([]);
  });

  it('cites the role clauses of every document, including the ethics rules of the technikum', () => {
    for (const ref of ['tekhnikum#p-21-4-3', 'novosibirsk-sosh-215#p-3-2', 'orenburg-dou-111#p-4-3', 'minprosveshcheniya-04-423#p-4-abz-4']) {
      expect(cited).toContain(ref);
    }
  });

  it('sends platform notes to known facts or to the administrator', () => {
    const ids = new Set([...facts.map((fact) => fact.id), ASK_ADMIN]);
    for (const duty of catalogue.duties) {
      for (const notes of Object.values(duty.platform ?? {})) expect(notes.filter((id) => !ids.has(id)), duty.id).toEqual([]);
    }
  });

  it('rejects a catalogue with a duplicate duty or an unknown role', () => {
    const duty = catalogue.duties[0];
    expect(catalogueSchema.safeParse({ ...catalogue, duties: [...catalogue.duties, duty] }).success).toBe(false);
    expect(catalogueSchema.safeParse({ ...catalogue, duties: [{ ...duty, roles: ['director'] }] }).success).toBe(false);
  });
});

describe('dutyHeadline', () => {
  it('names the task: the first sentence up to «;» or «:» outside quotes and brackets, without the full stop', () => {
    expect(dutyHeadline('Издайте локальный акт (приказ или положение) об использовании платформы; при необходимости внесите изменения.')).toBe(
      'Издайте локальный акт (приказ или положение) об использовании платформы',
    );
    expect(dutyHeadline('Отправьте заявку с темой «СФЕРУМ: Регистрация организации». Приложите документ.')).toBe('Отправьте заявку с темой «СФЕРУМ: Регистрация организации»');
    expect(dutyHeadline('Создайте чаты: с обучающимися и с родителями.')).toBe('Создайте чаты');
    expect(dutyHeadline('Берегите свой профиль')).toBe('Берегите свой профиль');
  });
});

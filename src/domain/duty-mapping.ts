/**
 * Mapping of an institution's own act to the duty catalogue (content/duty-mapping/<slug>.json): which of its
 * clauses state which duties. The importer proposes, a person confirms; confirmed clauses join the duties' refs.
 */
import { z } from 'zod';
import type { Catalogue } from './duties.ts';

const anchorId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

export const dutyMappingSchema = z
  .object({
    $comment: z.string().optional(),
    /** Slug of the document in content/regulations/. */
    document: z.string().regex(/^[a-z0-9-]+$/),
    /** Confirmed: clause id → duty ids it states. */
    mapped: z.record(anchorId, z.array(z.string().regex(/^[a-z0-9-]+$/)).min(1)),
    /** Confirmed: clause id → why it states no duty of the catalogue. */
    setAside: z.record(anchorId, z.string().min(10)),
    /** Awaiting a person: the importer's suggestion. */
    proposed: z.record(
      anchorId,
      z.union([z.object({ duties: z.array(z.string()).min(1), score: z.number().min(0).max(1) }).strict(), z.object({ setAside: z.string() }).strict()]),
    ),
  })
  .strict();

export type DutyMapping = z.infer<typeof dutyMappingSchema>;

/** Clause ids the mapping accounts for, confirmed or proposed. */
export function mappedAnchors(mapping: DutyMapping, withProposed = false): Set<string> {
  return new Set([...Object.keys(mapping.mapped), ...Object.keys(mapping.setAside), ...(withProposed ? Object.keys(mapping.proposed) : [])]);
}

/** What keeps a mapping from being complete: proposals left, clauses in none of the sections, unknown duties. */
export function mappingProblems(mapping: DutyMapping, clauseIds: readonly string[], dutyIds: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const where = `content/duty-mapping/${mapping.document}.json`;
  const proposed = Object.keys(mapping.proposed);
  if (proposed.length) problems.push(`${where}: не проверены предложения (proposed): ${proposed.join(', ')}`);
  const accounted = mappedAnchors(mapping, true);
  const missing = clauseIds.filter((id) => !accounted.has(id));
  if (missing.length) problems.push(`${where}: пункты не сопоставлены и не отложены: ${missing.join(', ')}`);
  const known = new Set(clauseIds);
  const stale = [...accounted].filter((id) => !known.has(id));
  if (stale.length) problems.push(`${where}: таких пунктов в документе нет: ${stale.join(', ')}`);
  const unknown = Object.entries(mapping.mapped).flatMap(([id, duties]) => duties.filter((duty) => !dutyIds.has(duty)).map((duty) => `${id} → ${duty}`));
  if (unknown.length) problems.push(`${where}: таких обязанностей нет в content/duties.json: ${unknown.join(', ')}`);
  const both = Object.keys(mapping.mapped).filter((id) => id in mapping.setAside);
  if (both.length) problems.push(`${where}: пункты и сопоставлены, и отложены: ${both.join(', ')}`);
  return problems;
}

/** The catalogue with each confirmed own-act clause added to the refs of the duties it states. */
export function withMappings(catalogue: Catalogue, mappings: readonly DutyMapping[]): Catalogue {
  const extra = new Map<string, string[]>();
  for (const mapping of mappings) {
    for (const [anchor, duties] of Object.entries(mapping.mapped)) {
      for (const duty of duties) extra.set(duty, [...(extra.get(duty) ?? []), `${mapping.document}#${anchor}`]);
    }
  }
  if (!extra.size) return catalogue;
  return {
    ...catalogue,
    duties: catalogue.duties.map((duty) => (extra.has(duty.id) ? { ...duty, refs: [...new Set([...duty.refs, ...extra.get(duty.id)!])] } : duty)),
  };
}

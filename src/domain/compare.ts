/**
 * The comparison of documents: duties (rows) × documents (columns), grouped by role.
 * Rows come from content/comparison.json, which maps each duty to the clause of every document that states it;
 * a document without a clause for a duty is silent on it.
 */
import { z } from 'zod';
import { diffWords } from 'diff';

const anchorId = z.string().regex(/^[a-z0-9-]+$/);

export const comparisonSchema = z.object({
  roles: z.array(z.object({ id: z.string().regex(/^[a-z-]+$/), title: z.string().min(3) })).min(1),
  /** The documents compared and, for each, the clause that opens each role's duties. */
  documents: z.array(z.object({ doc: z.string(), roleClauses: z.record(z.string(), anchorId) })).min(2),
  duties: z.array(z.object({ id: z.string(), role: z.string(), clauses: z.record(z.string(), anchorId) })).min(1),
});

export type Comparison = z.infer<typeof comparisonSchema>;

/** Validates the comparison: every duty names a known role and compared documents only. */
export function parseComparison(data: unknown): Comparison {
  const comparison = comparisonSchema.parse(data);
  const roles = new Set(comparison.roles.map((role) => role.id));
  const docs = new Set(comparison.documents.map((document) => document.doc));
  for (const duty of comparison.duties) {
    if (!roles.has(duty.role)) throw new Error(`content/comparison.json: обязанность «${duty.id}»: неизвестная роль «${duty.role}»`);
    const stranger = Object.keys(duty.clauses).find((doc) => !docs.has(doc));
    if (stranger) throw new Error(`content/comparison.json: обязанность «${duty.id}»: документа «${stranger}» нет в списке documents`);
  }
  return comparison;
}

/** One word-level difference between two versions of a clause. */
export interface DiffPart {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

/** Word-level differences from `before` to `after`. */
export function wordDiff(before: string, after: string): DiffPart[] {
  return diffWords(before, after).map((part) => ({ kind: part.added ? 'added' : part.removed ? 'removed' : 'same', text: part.value }));
}

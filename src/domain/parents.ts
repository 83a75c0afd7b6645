/** The parents' page as data (content/parents.json): plain-language statements, each with the source words it rests on. */
import { z } from 'zod';

import { basisEntrySchema, type BasisEntry } from './claims.ts';

/** Where a statement comes from: a clause («документ#пункт») or a platform fact, with the exact words that carry it. */
const basisSchema = basisEntrySchema;
export type Basis = BasisEntry;

const statement = { text: z.string().min(3), basis: z.array(basisSchema).min(1) };

export const parentsPageSchema = z.object({
  steps: z.array(z.strictObject({ id: z.string().regex(/^[a-z0-9-]+$/), title: z.string().min(3), ...statement })).min(1),
  /** «Нужно», «Нельзя» or a condition: shown in bold before the text. */
  rules: z.array(z.strictObject({ kind: z.string().min(3), ...statement })),
  privacy: z.array(z.strictObject(statement)),
  ask: z.strictObject(statement),
});
export type ParentsPage = z.infer<typeof parentsPageSchema>;

/** Splits a clause basis «документ#пункт» into the document and the anchor. */
export function clauseOf(basis: Basis & { ref: string }): { doc: string; anchor: string } {
  const [doc, anchor] = basis.ref.split('#');
  return { doc, anchor };
}

/** Every basis on the page, with where it is used (for the verbatim check). */
export function allBases(page: ParentsPage): { usedIn: string; basis: Basis }[] {
  return [
    ...page.steps.map((step) => ({ usedIn: `шаг «${step.title}»`, bases: step.basis })),
    ...page.rules.map((rule) => ({ usedIn: `правило «${rule.kind} ${rule.text}»`, bases: rule.basis })),
    ...page.privacy.map((item) => ({ usedIn: `«${item.text}»`, bases: item.basis })),
    { usedIn: '«Кого спросить»', bases: page.ask.basis },
  ].flatMap(({ usedIn, bases }) => bases.map((basis) => ({ usedIn, basis })));
}

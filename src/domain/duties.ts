import { z } from 'zod';
import { INSTITUTION_TYPES } from './site-config.ts';
import { ROLES, PHASES } from './roles.ts';
import { ID_FORMAT } from './validation.ts';
import { basisSchema } from './claims.ts';

/** A clause of a regulation written as `slug#anchor`: `tekhnikum#p-21-4-3`. */
export const clauseRefSchema = z.string().regex(/^[a-z0-9-]+#[a-z0-9-]+$/, { error: 'ссылка на пункт в виде «документ#id», например tekhnikum#p-21-4' });

/** Per platform: ids of content/platform-facts.json entries, or `ask-admin` («уточните у администратора»). */
const platformNotesSchema = z.array(ID_FORMAT).min(1);

export const dutySchema = z.object({
  id: ID_FORMAT,
  roles: z.array(z.enum(ROLES)).min(1),
  types: z.array(z.enum(INSTITUTION_TYPES)).min(1),
  phase: z.enum(PHASES),
  /** What to do, in plain Russian. */
  text: z.string().min(20),
  /** Every clause, in every document, that states this duty. */
  refs: z.array(clauseRefSchema).min(1),
  /** The source words that carry the duty: a quote from every cited clause (src/domain/claims.ts). */
  basis: basisSchema,
  /** Only in this variant: `false` is the ordinary case (also when the question is not asked). */
  when: z.object({ registered: z.boolean().optional(), gis: z.boolean().optional() }).strict().optional(),
  /** Where the practical step differs by platform. */
  platform: z.object({ MAX: platformNotesSchema.optional(), VK: platformNotesSchema.optional() }).strict().optional(),
});
export type Duty = z.infer<typeof dutySchema>;

export const roleSchema = z.object({
  id: z.enum(ROLES),
  /** URL of the role's static page: `roles/<slug>/`. */
  slug: z.string().regex(/^[a-z-]+$/),
  /** Heading of the role's page: «Родителям». */
  title: z.string().min(3),
  /** The role as an answer: «Родитель (законный представитель)». */
  name: z.string().min(3),
  summary: z.string().min(10),
  /** The source words the summary rests on (src/domain/claims.ts). */
  basis: basisSchema,
  types: z.array(z.enum(INSTITUTION_TYPES)).min(1),
});
export type RoleInfo = z.infer<typeof roleSchema>;

/** content/duties.json */
export const catalogueSchema = z
  .object({
    roles: z.array(roleSchema).length(ROLES.length),
    duties: z.array(dutySchema).min(1),
    /** Clauses that assign actions to roles: each of their sub-clauses is cited by a duty or excluded with a reason. */
    scope: z.array(clauseRefSchema).min(1),
    excluded: z.array(z.object({ ref: clauseRefSchema, reason: z.string().min(10) }).strict()),
  })
  .superRefine((catalogue, ctx) => {
    const unique = (values: string[], list: 'roles' | 'duties', field: string, what: string) => {
      const seen = new Set<string>();
      values.forEach((value, index) => {
        if (seen.has(value)) ctx.addIssue({ code: 'custom', path: [list, index, field], message: `${what} «${value}» повторяется` });
        seen.add(value);
      });
    };
    unique(catalogue.roles.map((role) => role.id), 'roles', 'id', 'роль');
    unique(catalogue.roles.map((role) => role.slug), 'roles', 'slug', 'адрес роли');
    unique(catalogue.duties.map((duty) => duty.id), 'duties', 'id', 'обязанность');
  });
export type Catalogue = z.infer<typeof catalogueSchema>;

/**
 * A duty's task in a few words, where a list or a slide names it and the full text is one link away: the first
 * sentence up to its first «;» or «:» outside quotes and brackets, without the final full stop.
 */
export function dutyHeadline(text: string): string {
  const sentence = text.split(/(?<=\.)\s/)[0];
  let depth = 0;
  for (const [i, char] of [...sentence].entries()) {
    if (char === '«' || char === '(') depth++;
    else if (char === '»' || char === ')') depth--;
    else if (depth === 0 && (char === ';' || char === ':')) return [...sentence].slice(0, i).join('');
  }
  return sentence.replace(/\.$/, '');
}

/** Splits `slug#anchor`. */
export function splitRef(ref: string): { doc: string; anchor: string } {
  const [doc, anchor] = ref.split('#');
  return { doc, anchor };
}

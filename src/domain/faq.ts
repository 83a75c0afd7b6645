import { z } from 'zod';

/** A reference to a clause: document slug and anchor id (checked against the documents by tests and the build). */
export const clauseRefSchema = z.object({
  doc: z.string().regex(/^[a-z0-9-]+$/),
  anchor: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
});
export type ClauseRef = z.infer<typeof clauseRefSchema>;

/** Ids of the roles of content/role-clauses.json. */
export const ROLE_IDS = ['admin', 'head', 'class-teacher', 'teacher', 'staff', 'student', 'parent'] as const;
export type RoleId = (typeof ROLE_IDS)[number];

/** One entry of «Вопросы и ответы» (content/faq.json). */
export const faqEntrySchema = z.object({
  /** Anchor of the question on the page: latin letters, digits, hyphens. */
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  question: z.string().min(10).regex(/\?$/, { error: 'вопрос заканчивается знаком «?»' }),
  /** Short plain-language paragraphs. */
  answer: z.array(z.string().min(20).max(600)).min(1).max(3),
  /** The clauses the answer rests on. */
  refs: z.array(clauseRefSchema).min(1),
  roles: z.array(z.enum(ROLE_IDS)).default([]),
  /** The answer depends on what the documents do not say: show the administrator's contact. */
  askAdmin: z.boolean().default(false),
  /** Other ways people ask the same thing; indexed for search, not shown. */
  also: z.array(z.string().min(3)).default([]),
});
export type FaqEntry = z.infer<typeof faqEntrySchema>;

/** Role names and the clauses that concern each role (content/role-clauses.json). */
export const roleClausesSchema = z.object({
  roles: z.array(z.object({ id: z.enum(ROLE_IDS), name: z.string().min(3) })).min(1),
  clauses: z.array(clauseRefSchema.extend({ roles: z.array(z.enum(ROLE_IDS)).min(1) })).min(1),
});
export type RoleClauses = z.infer<typeof roleClausesSchema>;

/** Groups of words that mean the same thing to a searcher (content/search-synonyms.json). */
export const synonymsSchema = z.object({
  groups: z.array(z.array(z.string().min(2).regex(/^[\p{Ll}\p{N}-]+$/u, { error: 'слово строчными буквами' })).min(2)),
});

import { z } from 'zod';
import { ROLES } from './roles.ts';
import { basisSchema } from './claims.ts';

/** A reference to a clause: document slug and anchor id (checked against the documents by tests and the build). */
export const clauseRefSchema = z.object({
  doc: z.string().regex(/^[a-z0-9-]+$/),
  anchor: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
});
export type ClauseRef = z.infer<typeof clauseRefSchema>;


/** One entry of «Вопросы и ответы» (content/faq.json). */
export const faqEntrySchema = z.object({
  /** Anchor of the question on the page: latin letters, digits, hyphens. */
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  question: z.string().min(10).regex(/\?$/, { error: 'вопрос заканчивается знаком «?»' }),
  /** Short plain-language paragraphs. */
  answer: z.array(z.string().min(20).max(600)).min(1).max(3),
  /** The clauses the answer rests on. */
  refs: z.array(clauseRefSchema).min(1),
  /** The source words the answer rests on: a quote from every cited clause (src/domain/claims.ts). */
  basis: basisSchema,
  /** The roles of the duty catalogue the question concerns (search's role filter). */
  roles: z.array(z.enum(ROLES)).default([]),
  /** The answer depends on what the documents do not say: show the administrator's contact. */
  askAdmin: z.boolean().default(false),
  /** Other ways people ask the same thing; indexed for search, not shown. */
  also: z.array(z.string().min(3)).default([]),
});
export type FaqEntry = z.infer<typeof faqEntrySchema>;

/**
 * Groups of words that mean the same thing to a searcher (content/search-synonyms.json). A member of several words
 * («законный представитель») is a phrase: it is found where all its words are, and a query word never matches a part of it.
 */
export const synonymsSchema = z.object({
  groups: z.array(z.array(z.string().min(2).regex(/^[\p{Ll}\p{N}-]+(?: [\p{Ll}\p{N}-]+)*$/u, { error: 'слово или слова строчными буквами через пробел' })).min(2)),
  /** Abbreviation (lower case) → its expansion. */
  abbreviations: z.record(z.string().regex(/^[\p{Ll}]{2,6}$/u, { error: 'сокращение строчными буквами' }), z.string().min(3)).default({}),
});

import { z } from 'zod';
import { INSTITUTION_TYPES } from './site-config.ts';
import { ID_FORMAT, textField } from './validation.ts';

/** Kinds of document the site publishes. */
export const DOCUMENT_KINDS = ['положение', 'порядок', 'приказ', 'письмо', 'приложение'] as const;

/** Who issued a document: an institution of one of the three types, or the Ministry. */
export const ISSUER_TYPES = [...INSTITUTION_TYPES, 'министерство'] as const;

const isoDate = z.coerce.date({ error: 'дата в формате ГГГГ-ММ-ДД' });

/** An act of approval or agreement: who, by what document, when, under which number. */
const actSchema = z.object({
  by: textField({ max: 300 }),
  document: textField({ max: 300 }).optional(),
  date: isoDate.optional(),
  number: textField({ max: 40 }).optional(),
});

/** Frontmatter of a regulation (content/regulations/*.mdx). */
export const regulationSchema = z.object({
  title: textField({ max: 400 }),
  shortTitle: textField({ max: 60 }),
  kind: z.enum(DOCUMENT_KINDS),
  /** Position in the list of documents. */
  order: z.number().int().positive(),
  institution: z.object({
    name: textField({ max: 300 }),
    short: textField({ max: 60 }),
    type: z.enum(ISSUER_TYPES),
    region: textField().optional(),
  }),
  /** Institution types the document is written for. */
  appliesTo: z.array(z.enum(INSTITUTION_TYPES)).min(1),
  approval: actSchema.optional(),
  agreements: z.array(actSchema).default([]),
  /** Ids of the acts the text cites (content/laws.json). */
  laws: z.array(ID_FORMAT).default([]),
  /** File name of the source text in content/sources/. */
  source: z.string().regex(/^\d{3}_[0-9a-f]{16}\.txt$/, { error: 'имя файла из content/sources/' }),
  /** Slugs of closely related documents. */
  related: z.array(ID_FORMAT).default([]),
  /** Editorial notes on the document as a whole. */
  notes: z.array(textField({ max: 2000 })).default([]),
  /** Fields an import could not read from the text: they read «не указано» until a person fills them in. */
  unfilled: z.array(z.string()).default([]),
});

export type RegulationData = z.infer<typeof regulationSchema>;

/** An act cited by the regulations (content/laws.json). */
export const lawSchema = z.object({
  id: ID_FORMAT,
  kind: z.string().min(3),
  number: z.string().optional(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  title: z.string().min(3),
  /** How the documents write it: regular expressions that find the act in a clause's text («149-ФЗ», «(?<!\\d)1241(?!\\d)»). */
  patterns: z
    .array(z.string().refine((source) => isRegExp(source), { error: 'не регулярное выражение' }))
    .min(1),
});

function isRegExp(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}

export type Law = z.infer<typeof lawSchema>;

/** The frontmatter at the start of a document, found as Astro finds it (@astrojs/internal-helpers/frontmatter). */
const FRONTMATTER = /(?:^\uFEFF?|^\s*\n)(?:---|\+\+\+)([\s\S]*?)\n(?:---|\+\+\+)/;

/** A document's frontmatter (the YAML between its opening lines ---), or undefined when it has none. */
export function regulationFrontmatter(source: string): string | undefined {
  return FRONTMATTER.exec(source)?.[1];
}

/** A document's text: its file without the frontmatter, trimmed, as @astrojs/mdx reads an entry's body. */
export function regulationBody(source: string): string {
  return source.replace(FRONTMATTER, '').trim();
}

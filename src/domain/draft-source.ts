/** Reads content/draft-models.json against the published documents: what the draft page assembles drafts from. */
import { z } from 'zod';
import { INSTITUTION_TYPES } from './site-config.ts';
import { ROLES, type Role } from './roles.ts';
import type { Anchor } from './anchors.ts';
import type { DraftSource, SectionOption, SourceClause, SourceParagraph } from './draft.ts';

const FILE = 'content/draft-models.json';
const optionsSchema = z.record(z.string(), z.array(z.string().regex(/^[a-z0-9-]+$/)).min(1));
const draftModelsSchema = z.object({
  $comment: z.string().optional(),
  models: z.record(z.string(), z.object({ type: z.enum(INSTITUTION_TYPES), names: z.record(z.string().min(2), z.enum(['name', 'short'])) }).strict()),
  platformNames: z.array(z.string().min(2)),
  sections: z.array(
    z
      .object({ id: z.string().regex(/^[a-z-]+$/), title: z.string().min(3), options: optionsSchema.optional(), roles: z.partialRecord(z.enum(ROLES), optionsSchema).optional() })
      .strict()
      .refine((section) => Boolean(section.options) !== Boolean(section.roles), { error: 'у раздела должны быть либо options, либо roles' }),
  ),
});

/** A published document as the draft needs it. */
export interface ModelDocument {
  title: string;
  shortTitle: string;
  /** In document order. */
  anchors: Anchor[];
  /** Anchor id → the anchor's own text. */
  texts: Map<string, string>;
}

/** Depth of a nested anchor under its clause: items count, paragraphs («abz-2») do not. */
function depthOf(clauseId: string, anchor: Anchor): number {
  if (anchor.kind === 'paragraph') return 0;
  return anchor.id.slice(clauseId.length + 1).replace(/(^|-)abz-\d+/g, '').split('-').filter(Boolean).length;
}

/** Everything the draft page needs; a wrong reference throws, naming the file, so the build stops. */
export function buildDraftSource(raw: unknown, documents: Map<string, ModelDocument>, roles: { id: Role; name: string; types: DraftSource['roles'][number]['types'] }[]): DraftSource {
  const parsed = draftModelsSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`${FILE}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  const documentOf = (slug: string) => {
    const document = documents.get(slug);
    if (!document) throw new Error(`${FILE}: нет документа «${slug}»`);
    return document;
  };
  const clauses: Record<string, SourceClause> = {};
  const option = (doc: string, ids: string[]): SectionOption => {
    const { anchors, texts } = documentOf(doc);
    for (const id of ids) {
      const clause = anchors.find((anchor) => anchor.id === id);
      if (clause?.kind !== 'clause') throw new Error(`${FILE}: в документе «${doc}» нет пункта «${id}»`);
      const paragraphs: SourceParagraph[] = [
        { depth: 0, text: texts.get(id) ?? '' },
        ...anchors.filter((nested) => nested.id.startsWith(`${id}-`)).map((nested) => ({ depth: depthOf(id, nested), text: texts.get(nested.id) ?? '' })),
      ];
      clauses[`${doc}#${id}`] = { doc, anchor: id, label: clause.label, paragraphs };
    }
    const first = anchors.findIndex((anchor) => anchor.id === ids[0]);
    const section = anchors.slice(0, first).findLast((anchor) => anchor.kind === 'section');
    return { doc, clauses: ids.map((id) => `${doc}#${id}`), heading: section?.title };
  };
  const optionsOf = (record: Record<string, string[]>) => Object.entries(record).map(([doc, ids]) => option(doc, ids));
  return {
    models: Object.fromEntries(
      Object.entries(parsed.data.models).map(([slug, model]) => [slug, { ...model, document: documentOf(slug).shortTitle, title: documentOf(slug).title }]),
    ),
    platformNames: parsed.data.platformNames,
    sections: parsed.data.sections.map(({ id, title, options, roles: byRole }) => ({
      id,
      title,
      options: options && optionsOf(options),
      roles: byRole && Object.fromEntries(Object.entries(byRole).map(([role, record]) => [role, optionsOf(record)])),
    })),
    clauses,
    roles,
  };
}

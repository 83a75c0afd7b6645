/** Clause look-ups for the reference pages, on top of the shared document index in content.ts. */
import { clauseLookup, documentIndex, type Citation } from './content.ts';
import { comparedDocuments, type ComparedDocument } from './domain/compare.ts';
import type { InstitutionType } from './domain/site-config.ts';

/** The clause `doc#anchor`; fails the build, naming `where`, if it does not exist. */
export async function clauseRef(doc: string, anchor: string, where: string): Promise<Citation> {
  return (await clauseLookup())({ doc, anchor }, where);
}

/** A document as a comparison's column. */
type Column = ComparedDocument & { title: string };

let columns: Promise<Column[]> | undefined;

/** The documents a comparison shows as columns: those written for `type` (all when absent), in the site's order. */
export async function comparedDocumentsFor(type?: InstitutionType): Promise<Column[]> {
  columns ??= documentIndex().then((documents) => [...documents.values()].map(({ entry }) => ({ id: entry.id, appliesTo: entry.data.appliesTo, title: entry.data.shortTitle })));
  return comparedDocuments(await columns, type);
}

/** Every clause, in document order, whose own text matches `pattern`. */
export async function clausesMatching(pattern: RegExp): Promise<Citation[]> {
  const refs: Citation[] = [];
  for (const [doc, { texts }] of await documentIndex()) {
    for (const [anchor, text] of texts) if (pattern.test(text)) refs.push(await clauseRef(doc, anchor, 'clausesMatching'));
  }
  return refs;
}


/** The anchors nested in `doc#anchor` (its list items and paragraphs), in document order. */
export async function nestedRefs(doc: string, anchor: string): Promise<Citation[]> {
  const document = (await documentIndex()).get(doc);
  const ids = [...(document?.texts.keys() ?? [])].filter((id) => id.startsWith(`${anchor}-`));
  return Promise.all(ids.map((id) => clauseRef(doc, id, 'nestedRefs')));
}

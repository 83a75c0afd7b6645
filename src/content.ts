import { getCollection, type CollectionEntry } from 'astro:content';
import { documentAnchors, anchorTexts, type Anchor } from './domain/anchors.ts';
import { documentPath, type ClauseRef } from './domain/paths.ts';
import type { Law } from './domain/regulation.ts';

export type Regulation = CollectionEntry<'regulations'>;

/** All regulations in their published order. */
export async function regulations(): Promise<Regulation[]> {
  const entries = await getCollection('regulations');
  return entries.sort((a, b) => a.data.order - b.data.order);
}

/** A regulation's anchors; throws on an id collision, failing the build. */
export function anchorsOf(entry: Regulation): Anchor[] {
  return documentAnchors(entry.id, entry.body ?? '');
}

/** The cited acts of a regulation; throws on an id missing from content/laws.json. */
export async function lawsOf(entry: Regulation): Promise<Law[]> {
  const laws = new Map((await getCollection('laws')).map((law) => [law.id, law.data]));
  return entry.data.laws.map((id) => {
    const law = laws.get(id);
    if (!law) throw new Error(`content/regulations/${entry.id}.mdx: поле laws ссылается на «${id}», которого нет в content/laws.json`);
    return law;
  });
}

/** A clause quoted elsewhere on the site: where it is, how to cite it, and its verbatim words. */
export interface ClauseQuote {
  /** Site path of the clause. */
  to: string;
  /** The document's short title. */
  document: string;
  /** «п. 3.1, подп. 4». */
  label: string;
  /** The clause's own words, verbatim. */
  text: string;
  /** Its opening words, for lists of citations. */
  excerpt?: string;
}

/** Looks clauses up across all regulations; throws (failing the build) on a reference to a clause that does not exist. */
export async function clauseLookup(): Promise<(ref: ClauseRef, usedIn: string) => ClauseQuote> {
  const documents = new Map(
    (await regulations()).map((entry) => [
      entry.id,
      { title: entry.data.shortTitle, anchors: new Map(anchorsOf(entry).map((a) => [a.id, a])), texts: anchorTexts(entry.body ?? '') },
    ]),
  );
  return ({ doc, anchor }, usedIn) => {
    const document = documents.get(doc);
    const found = document?.anchors.get(anchor);
    if (!document || !found) throw new Error(`${usedIn}: нет пункта ${doc}#${anchor}`);
    return { to: documentPath(doc, anchor), document: document.title, label: found.label, text: document.texts.get(anchor) ?? '', excerpt: found.excerpt };
  };
}

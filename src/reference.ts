/** The regulations as the reference pages read them: every anchor with its label and its own plain text. */
import { regulations, anchorsOf, type Regulation } from './content.ts';
import { anchorTexts, type Anchor } from './domain/anchors.ts';
import { documentPath } from './domain/paths.ts';

export interface IndexedDocument {
  entry: Regulation;
  anchors: Map<string, Anchor>;
  /** Anchor id → the anchor's own text, in document order. */
  texts: Map<string, string>;
}

/** A clause as the reference pages cite it: where it is, how to call it, what it says. */
export interface ClauseRef {
  doc: string;
  anchor: string;
  /** Site path of the clause. */
  to: string;
  /** Short title of the document. */
  document: string;
  /** «п. 3.1, подп. 4». */
  label: string;
  /** The opening words, for lists. */
  excerpt?: string;
  /** The anchor's own text, whole. */
  text: string;
}

let index: Promise<Map<string, IndexedDocument>> | undefined;

/** Every regulation, indexed once per build. */
export function documentIndex(): Promise<Map<string, IndexedDocument>> {
  index ??= regulations().then(
    (entries) =>
      new Map(
        entries.map((entry) => [
          entry.id,
          { entry, anchors: new Map(anchorsOf(entry).map((anchor) => [anchor.id, anchor])), texts: anchorTexts(entry.body ?? '') },
        ]),
      ),
  );
  return index;
}

/** The clause `doc#anchor`; fails the build, naming `where`, if it does not exist. */
export async function clauseRef(doc: string, anchor: string, where: string): Promise<ClauseRef> {
  const document = (await documentIndex()).get(doc);
  const found = document?.anchors.get(anchor);
  if (!document || !found) throw new Error(`${where}: нет пункта ${doc}#${anchor}`);
  return { doc, anchor, to: documentPath(doc, anchor), document: document.entry.data.shortTitle, label: found.label, excerpt: found.excerpt, text: document.texts.get(anchor) ?? '' };
}

/** Every clause, in document order, whose own text matches `pattern`. */
export async function clausesMatching(pattern: RegExp): Promise<ClauseRef[]> {
  const refs: ClauseRef[] = [];
  for (const [doc, { texts }] of await documentIndex()) {
    for (const [anchor, text] of texts) if (pattern.test(text)) refs.push(await clauseRef(doc, anchor, 'clausesMatching'));
  }
  return refs;
}


/** The anchors nested in `doc#anchor` (its list items and paragraphs), in document order. */
export async function nestedRefs(doc: string, anchor: string): Promise<ClauseRef[]> {
  const document = (await documentIndex()).get(doc);
  const ids = [...(document?.texts.keys() ?? [])].filter((id) => id.startsWith(`${anchor}-`));
  return Promise.all(ids.map((id) => clauseRef(doc, id, 'nestedRefs')));
}

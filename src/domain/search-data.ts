/** What the search page needs besides the Pagefind index; built at build time (src/pages/search/data.json.ts). */
export interface SearchData {
  /** Citation label of each section anchor, per page path: `{"/docs/x/": {"p-3-1": "п. 3.1"}}`. */
  labels: Record<string, Record<string, string>>;
  /** Sections about each role, as `"/docs/x/#p-3-1"`. */
  roles: Record<string, string[]>;
  /** Synonym groups. */
  synonyms: string[][];
}

/** The key of a section in `SearchData.roles`. */
export function sectionKey(url: string, anchor: string | null): string {
  return anchor ? `${url}#${anchor}` : url;
}

/**
 * The section search returns for an anchor: the anchor itself, or the nearest enclosing one among `sections`
 * (a clause's list item belongs to its clause). Undefined when none encloses it.
 */
export function enclosingSection(anchor: string, sections: Iterable<string>): string | undefined {
  let best: string | undefined;
  for (const id of sections) {
    if ((anchor === id || anchor.startsWith(`${id}-`)) && id.length > (best?.length ?? 0)) best = id;
  }
  return best;
}

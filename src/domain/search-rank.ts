/**
 * Clause-level ranking on top of Pagefind. Pagefind ranks pages and requires every word of a
 * query; people type questions. So each query word (with its synonyms) is searched on its own,
 * and the word positions Pagefind returns are pooled into sections of a page — a clause, an
 * anchored paragraph, a question — which are ranked by how many of the words they contain and
 * how rare those words are.
 */

/** A page as Pagefind's fragment describes it (only the fields used here). */
export interface IndexedPage {
  /** Site path without the base: `/docs/tekhnikum/`. */
  url: string;
  /** Indexed text; Pagefind's word positions count its whitespace-separated words. */
  content: string;
  /** Elements with an id, at the word position where they start. */
  anchors: readonly { id: string; location: number }[];
}

/** Where one search word was found on one page. */
export interface WordMatch {
  url: string;
  locations: readonly { location: number; weight: number }[];
}

export interface SectionHit {
  url: string;
  /** Anchor of the section; null for the part of the page before its first section. */
  anchor: string | null;
  score: number;
  /** Word positions of the matches, ascending. */
  locations: number[];
  /** Word range of the section: [start, end). */
  start: number;
  end: number;
}

/** Query words with their synonyms: each group counts once, whichever of its words matched. */
export function expandTerms(terms: readonly string[], groups: readonly (readonly string[])[]): string[][] {
  return terms.map((term) => {
    const synonyms = groups.filter((group) => group.some((word) => sameStem(word, term))).flat();
    return [...new Set([term, ...synonyms])];
  });
}

/** Rough Russian stem equality: the words agree but for their last one or two letters. */
export function sameStem(a: string, b: string): boolean {
  const shorter = Math.min(a.length, b.length);
  if (shorter < 3) return a === b;
  const n = shorter <= 4 ? shorter - 1 : shorter - 2;
  return Math.max(a.length, b.length) - n <= 3 && a.slice(0, n) === b.slice(0, n);
}

/**
 * Whether a word of the text is a form of the searched word. Pagefind also matches longer words
 * that merely start with the word's stem («платить» → «платформа»); those are dropped.
 */
export function isFormOf(textWord: string, searched: string): boolean {
  const word = bare(textWord);
  if (sameStem(word, searched) || (searched.length >= 5 && word.startsWith(searched))) return true;
  let common = 0;
  while (common < word.length && word[common] === searched[common]) common++;
  return common >= 5 && common >= Math.min(word.length, searched.length) - 4;
}

/** A word without surrounding punctuation, in lower case. */
export function bare(word: string): string {
  return word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').toLowerCase();
}

export function words(content: string): string[] {
  return content.split(/[\r\n\s]+/g);
}

const ROOT_FACTOR = 0.5;
const SATURATION = 1.2;
const LENGTH_EFFECT = 0.75;

interface Section {
  url: string;
  anchor: string | null;
  start: number;
  end: number;
  weights: number[];
  locations: Set<number>;
}

/**
 * Ranks the sections of the pages. `matches[g]` lists the pages where a word of group g was found.
 * `isSection(url, id)` says which anchors open a section (clauses, paragraphs, questions; not list items).
 */
export function rankSections(
  matches: readonly (readonly WordMatch[])[],
  pages: ReadonlyMap<string, IndexedPage>,
  isSection: (url: string, id: string) => boolean,
): SectionHit[] {
  const groups = matches.length;
  const sectionsOf = new Map<string, Section[]>();
  for (const page of pages.values()) {
    const length = words(page.content).length;
    const starts = page.anchors.filter((anchor) => isSection(page.url, anchor.id)).sort((a, b) => a.location - b.location);
    const bounds = [{ id: null as string | null, location: 0 }, ...starts];
    sectionsOf.set(page.url, bounds.map((bound, i) => ({
      url: page.url,
      anchor: bound.id,
      start: bound.location,
      end: bounds[i + 1]?.location ?? length,
      weights: new Array<number>(groups).fill(0),
      locations: new Set<number>(),
    })));
  }
  matches.forEach((pageMatches, group) => {
    for (const { url, locations } of pageMatches) {
      const sections = sectionsOf.get(url);
      if (!sections) continue;
      for (const { location, weight } of locations) {
        const section = sections.findLast((candidate) => candidate.start <= location) ?? sections[0];
        section.weights[group] += weight;
        section.locations.add(location);
      }
    }
  });
  const all = [...sectionsOf.values()].flat();
  const frequency = Array.from({ length: groups }, (_, group) => all.filter((section) => section.weights[group] > 0).length);
  const rarity = frequency.map((count) => Math.log(1 + all.length / Math.max(count, 1)));
  const averageLength = all.reduce((sum, section) => sum + section.end - section.start, 0) / Math.max(all.length, 1);
  return all
    .map((section) => {
      const found = section.weights.filter((weight) => weight > 0).length;
      // BM25-style saturation: repeats help less and less, long sections need more of them.
      const norm = SATURATION * (1 - LENGTH_EFFECT + (LENGTH_EFFECT * (section.end - section.start)) / averageLength);
      const relevance = section.weights.reduce((sum, weight, group) => sum + (rarity[group] * weight * (SATURATION + 1)) / (weight + norm), 0);
      const coverage = found / Math.max(groups, 1);
      return {
        url: section.url,
        anchor: section.anchor,
        // The part before a page's first section (title, details, or a whole page without sections) ranks below sections.
        score: relevance * coverage * coverage * (section.anchor ? 1 : ROOT_FACTOR),
        locations: [...section.locations].sort((a, b) => a - b),
        start: section.start,
        end: section.end,
      };
    })
    .filter((hit) => hit.score > 0)
    .sort((a, b) => b.score - a.score);
}

export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/** The densest window of `length` words of a hit's section, as plain text parts with the matches marked. */
export function excerptOf(content: string, hit: SectionHit, length = 28): ExcerptPart[] {
  const all = words(content);
  const end = Math.min(hit.end, all.length);
  let best = hit.start;
  let bestCount = -1;
  for (const location of hit.locations) {
    const from = Math.max(hit.start, Math.min(location - 4, end - length));
    const count = hit.locations.filter((other) => other >= from && other < from + length).length;
    if (count > bestCount) [best, bestCount] = [from, count];
  }
  const marked = new Set(hit.locations);
  const parts: ExcerptPart[] = [];
  const add = (text: string, mark: boolean) => {
    const last = parts.at(-1);
    if (last && !last.mark && !mark) last.text += text;
    else parts.push({ text, mark });
  };
  if (best > hit.start) add('… ', false);
  const stop = Math.min(best + length, end);
  for (let i = best; i < stop; i++) {
    add(all[i], marked.has(i));
    if (i + 1 < stop) add(' ', false);
  }
  if (stop < end) add(' …', false);
  return parts;
}

/** The matched words of a hit, bare (punctuation stripped), for highlighting them on the target page. */
export function matchedWords(content: string, hit: SectionHit, max = 8): string[] {
  const all = words(content);
  const found = hit.locations.map((location) => bare(all[location] ?? ''));
  return [...new Set(found.filter((word) => word.length > 1))].slice(0, max);
}

/** Which clauses cite which act: the acts' patterns (content/laws.json) run over every anchor's own text. */
import type { Law } from './regulation.ts';

/** A place where a document cites an act, with the words around the citation. */
export interface Citation {
  doc: string;
  anchor: string;
  /** Verbatim words around the citation; `before` and `after` are cut at word boundaries. */
  before: string;
  match: string;
  after: string;
}

/** Texts of all documents: slug → anchor id → the anchor's own text. */
export type DocumentTexts = ReadonlyMap<string, ReadonlyMap<string, string>>;

const CONTEXT = 120;

/** `text` up to `length` characters from one end, cut at a word boundary, with «…» where it was cut. */
function cut(text: string, length: number, side: 'start' | 'end'): string {
  if (text.length <= length) return text;
  if (side === 'end') return `${text.slice(0, text.lastIndexOf(' ', length))}…`;
  return `…${text.slice(text.indexOf(' ', text.length - length) + 1)}`;
}

/** Each pattern compiled once: a build runs every act's patterns over every anchor of every document. */
const compiled = new Map<string, RegExp>();
const patternOf = (source: string): RegExp => compiled.get(source) ?? compiled.set(source, new RegExp(source, 'u')).get(source)!;

/** The first place in `text` where any pattern of `law` matches, or undefined. */
export function findLaw(law: Law, text: string): RegExpExecArray | undefined {
  for (const source of law.patterns) {
    const match = patternOf(source).exec(text);
    if (match) return match;
  }
  return undefined;
}

/** Every anchor, in document order, that cites `law`. */
export function citationsOf(law: Law, documents: DocumentTexts): Citation[] {
  const citations: Citation[] = [];
  for (const [doc, texts] of documents) {
    for (const [anchor, text] of texts) {
      const match = findLaw(law, text);
      if (!match) continue;
      const end = match.index + match[0].length;
      citations.push({ doc, anchor, before: cut(text.slice(0, match.index), CONTEXT, 'start'), match: match[0], after: cut(text.slice(end), CONTEXT, 'end') });
    }
  }
  return citations;
}

/** The acts a document's text cites, in the order of `laws`. */
export function lawsCitedIn(laws: readonly Law[], texts: ReadonlyMap<string, string>): Law[] {
  return laws.filter((law) => [...texts.values()].some((text) => findLaw(law, text)));
}

const KEYWORD = /(?<!\p{L})(?:закон(?!н|одат)|постановлени|распоряжени|письм|приказ|ФГОС)\p{L}*/giu;
const CITED = /(?:№|(?<!\p{L})N)\s*\S|\d{3,4}(?:-р)?\s+от|[«"]|ФГОС/u;

/**
 * Act-like citations in a text, found without knowing the acts: a law, decree, order, letter or standard
 * followed by a number («№ 1241», «N 2040», «1545 от») or a title in quotes, up to the next such word or «;».
 */
export function actLikeCitations(text: string): string[] {
  const starts = [...text.matchAll(KEYWORD)].map((match) => match.index);
  return starts.flatMap((start, i) => {
    const window = text.slice(start, Math.min(starts[i + 1] ?? text.length, start + 250)).split(';', 1)[0];
    return CITED.test(window) ? [window.trim()] : [];
  });
}

/**
 * The search index, built at build time (src/search-content.ts serves it as static JSON under `search/`):
 * every clause of the documents and every Q&A entry is a section; its words are reduced to Russian stems
 * (Snowball) and listed in postings, sharded by stem so a query loads only the shards of its words.
 * Postings also carry the documents whose names hold the stem. The core file (`search/index.json`) keeps only what
 * every query needs, per section nothing but its length: what a result shows (anchor, label, text) sits in small
 * chunks of consecutive sections, loaded for the results on screen. So a query's bytes and work follow its words'
 * postings, not the number of documents.
 */
import { stemmer } from '@orama/stemmers/russian';
import { normalizeText } from './search-text.ts';

/** A searchable unit as the builder receives it. */
export interface SectionInput {
  /** Site path without the base: `/docs/x/` or `/voprosy/`. */
  url: string;
  anchor: string;
  /** Citation («п. 3.1») or, for a Q&A entry, its question. */
  label: string;
  /** The words shown: the clause with its list items, verbatim; a Q&A entry's answer. */
  text: string;
  /** Indexed with a title's weight, not part of the text: a Q&A entry's question. */
  title?: string;
  /** Indexed, never shown: a Q&A entry's alternative phrasings. */
  hidden?: string;
  roles: readonly string[];
  /** Q&A: the clauses the answer rests on, as `url#anchor`. */
  refs?: readonly string[];
}

export interface DocumentInput {
  url: string;
  title: string;
  types: readonly string[];
  /** Words that name the document and its institution (title, names, region, type): they lift all its sections a little. */
  about: string;
}

export interface LawInput {
  kind: string;
  number?: string;
  title: string;
  patterns: readonly string[];
}

export interface SearchDocument {
  url: string;
  title: string;
  types: string[];
  /** Its first section: a document's sections are consecutive, in the order of `documents`. */
  from: number;
}

/** A Q&A entry as the engine needs it before its chunk is loaded. */
export interface SearchAnswer {
  /** Anchor on the Q&A page. */
  a: string;
  /** The question. */
  l: string;
  /** The sections the answer rests on. */
  refs: number[];
}

export interface SearchLaw {
  /** Stems of the act's common name: the quoted name in its title («Моя школа»), else the title's own words. */
  name: string[];
  /** Numbers of the act that a query may type («273», «04», «423»). */
  numbers: string[];
  /** The first word of the title that names the subject, with a word for the kind of act («закон об образовании»). */
  subject: string;
  sections: number[];
}

/** The core of the index (`search/index.json`): what every query needs. */
export interface SearchIndex {
  documents: SearchDocument[];
  /** Length of each section in words, for length normalisation; its length is the number of sections. */
  lengths: number[];
  /** Q&A entries by section. */
  answers: Record<string, SearchAnswer>;
  roles: string[];
  /** Roles of the sections that concern some, a bit mask over `roles`, by section. */
  roleMasks: Record<string, number>;
  /** The vocabulary: stem → its most frequent written form, for typo tolerance, transliteration and «did you mean». */
  words: Record<string, string>;
  /** Number of postings shards (`search/terms/<n>.json`). */
  shards: number;
  /** Synonym groups; a member is the stems of a word, or of a phrase joined by spaces. */
  synonyms: string[][];
  /** Abbreviation stem → stems of its expansion. */
  abbreviations: Record<string, string[]>;
  laws: SearchLaw[];
  /** Terms the documents define (content/glossary.json): the term's stems and the clauses defining it. */
  terms: { stems: string[]; sections: number[] }[];
  /** Words per section on average. */
  averageLength: number;
}

/**
 * One shard of postings (`search/terms/<n>.json`): `p`, stem → pairs [section, weight, …], each section written as
 * its distance from the previous one (short numbers compress well), read with `decodePostings`; `d`, stem → the
 * documents whose names carry it.
 */
export interface PostingsShard {
  p: Record<string, number[]>;
  d: Record<string, number[]>;
}

/** What the engine asks of the loaded shards about a stem. */
export interface TermLookup {
  /** The stem's postings as stored, if any. */
  postings(term: string): readonly number[] | undefined;
  /** Documents whose names carry the stem. */
  documents(term: string): readonly number[];
}

/** Stems looked up in the shards loaded for a query (the shard of a stem is `shardOf(stem)`). */
export function termLookup(shards: ReadonlyMap<number, PostingsShard>, count: number): TermLookup {
  return {
    postings: (term) => shards.get(shardOf(term, count))?.p[term],
    documents: (term) => shards.get(shardOf(term, count))?.d[term] ?? [],
  };
}

/** What a result shows of a section: [anchor, label (citation or question), text]. */
export type ShownSection = [anchor: string, label: string, text: string];
/** One chunk of sections (`search/text/<n>.json`): SECTIONS_PER_CHUNK consecutive sections from `n × SECTIONS_PER_CHUNK`. */
export type TextChunk = ShownSection[];
/** Few sections per chunk: the results on screen come from different documents, so each costs a chunk of its own. */
export const SECTIONS_PER_CHUNK = 4;

/** The chunk holding a section. */
export function chunkOf(section: number): number {
  return Math.floor(section / SECTIONS_PER_CHUNK);
}

/** A section from its loaded chunk. */
export function shownSection(chunk: TextChunk, section: number): ShownSection {
  return chunk[section % SECTIONS_PER_CHUNK];
}

/** The document a section belongs to (binary search over the documents' first sections). */
export function documentOf(index: SearchIndex, section: number): number {
  let low = 0;
  let high = index.documents.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (index.documents[middle].from <= section) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The sections of a document, as [first, past the last). */
export function sectionsOfDocument(index: SearchIndex, document: number): [number, number] {
  return [index.documents[document].from, index.documents[document + 1]?.from ?? index.lengths.length];
}

/** Stop words of law titles and kinds that name no subject. */
const GENERIC = new Set(['о', 'об', 'в', 'и', 'на', 'по', 'российск', 'федерац', 'рф', 'россия', 'росс']);
/** Words that say a query asks for an act. */
export const LAW_WORDS = ['закон', 'фз', 'постановлен', 'письм', 'приказ', 'распоряжен', 'указ'];

/** Field weights; `lead` is added to the first LEAD_WORDS words of a clause, which name who acts or what it is about. */
const WEIGHT = { text: 1, title: 3, hidden: 2, lead: 1 };
const LEAD_WORDS = 3;
const SHARD_POSTINGS = 2_000;

const stemmed = new Map<string, string>();

/** A word's search stem: normalised (ё → е, Latin look-alikes), lower case, Snowball Russian (longer words); remembered. */
export function stem(word: string): string {
  let term = stemmed.get(word);
  if (term === undefined) {
    const plain = normalizeText(word.toLowerCase());
    // Words of three letters are kept whole: Snowball would cut an abbreviation («ДОУ» → «до») into another word.
    // It keeps the verb suffix of the infinitive («редактирова») but not of the present («редактир»).
    // A fleeting vowel goes («видеозвонок», «видеозвонку» → «видеозвонк»; «ребёнок», «ребёнка» → «ребенк»), in every form alike.
    term = /\p{Script=Cyrillic}/u.test(plain) && plain.length > 3
      ? stemmer(plain).replace(/(?<=.{4})(?:ова|ева|ыва|ива)$/, '').replace(/(?<=[^аеиоуыэюя])[ое](?=[кц]$)/, '')
      : plain;
    stemmed.set(word, term);
  }
  return term;
}

/** A word: a run of letters and digits. */
const WORD = /[\p{L}\p{N}]+/gu;

/** Words of a text with their offsets. */
export function wordsOf(text: string): { word: string; start: number; end: number }[] {
  return [...text.matchAll(WORD)].map((match) => ({ word: match[0], start: match.index, end: match.index + match[0].length }));
}

export function stems(text: string): string[] {
  return wordsOf(text).map(({ word }) => stem(word));
}

/**
 * The section a list item belongs to: the anchor itself, or the nearest enclosing one among `sections`
 * (a clause's list item belongs to its clause). Undefined when none encloses it.
 */
export function enclosingSection(anchor: string, sections: Iterable<string>): string | undefined {
  let best: string | undefined;
  for (const id of sections) {
    if ((anchor === id || anchor.startsWith(`${id}-`)) && id.length > (best?.length ?? 0)) best = id;
  }
  return best;
}

/** A stem's postings from its shard as pairs [section, weight, …]. */
export function decodePostings(list: readonly number[]): number[] {
  const pairs = [...list];
  for (let i = 2; i < pairs.length; i += 2) pairs[i] += pairs[i - 2];
  return pairs;
}

/** The postings shard of a stem (FNV-1a). */
export function shardOf(term: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (const char of term) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % shards;
}

export interface BuiltIndex {
  index: SearchIndex;
  shards: PostingsShard[];
  chunks: TextChunk[];
}

export function buildSearchIndex(input: {
  documents: readonly DocumentInput[];
  sections: readonly SectionInput[];
  synonyms: readonly (readonly string[])[];
  abbreviations: Readonly<Record<string, string>>;
  laws: readonly LawInput[];
  /** Defined terms, each with its definitions as `url#anchor` of their sections. */
  terms?: readonly { term: string; definitions: readonly string[] }[];
}): BuiltIndex {
  const roles = [...new Set(input.sections.flatMap((section) => section.roles))].sort();
  const documentIndex = new Map(input.documents.map((document, i) => [document.url, i]));
  const sectionIndex = new Map(input.sections.map((section, i) => [`${section.url}#${section.anchor}`, i]));
  const sectionOf = (key: string, who: string) => {
    const target = sectionIndex.get(key);
    if (target === undefined) throw new Error(`поиск: ${who} ссылается на ${key}, такого раздела нет`);
    return target;
  };
  const postings = new Map<string, Map<number, number>>();
  const forms = new Map<string, Map<string, number>>();
  /** Each word as the vocabulary writes it (normalised, lower case), worked out once. */
  const written = new Map<string, string>();
  const add = (text: string, section: number, weight: number) => {
    for (const word of text.match(WORD) ?? []) {
      let lower = written.get(word);
      if (lower === undefined) written.set(word, (lower = normalizeText(word.toLowerCase())));
      const term = stem(word);
      const list = postings.get(term) ?? new Map<number, number>();
      list.set(section, (list.get(section) ?? 0) + weight);
      postings.set(term, list);
      const seen = forms.get(term) ?? new Map<string, number>();
      seen.set(lower, (seen.get(lower) ?? 0) + 1);
      forms.set(term, seen);
    }
  };

  const chunks: TextChunk[] = [];
  const from = input.documents.map(() => input.sections.length);
  const answers: Record<string, SearchAnswer> = {};
  const roleMasks: Record<string, number> = {};
  const lengths = input.sections.map((section, i) => {
    const d = documentIndex.get(section.url);
    if (d === undefined) throw new Error(`поиск: раздел ${section.url}#${section.anchor} не принадлежит ни одному документу`);
    if (i > 0 && d < documentIndex.get(input.sections[i - 1].url)!) throw new Error(`поиск: разделы документа ${section.url} идут не подряд или не в порядке документов`);
    from[d] = Math.min(from[d], i);
    add(section.text, i, WEIGHT.text);
    if (!section.title) add(section.text.slice(0, wordsOf(section.text)[LEAD_WORDS - 1]?.end), i, WEIGHT.lead);
    if (section.title) add(section.title, i, WEIGHT.title);
    if (section.hidden) add(section.hidden, i, WEIGHT.hidden);
    (chunks[chunkOf(i)] ??= []).push([section.anchor, section.label, section.text]);
    if (section.refs) answers[i] = { a: section.anchor, l: section.label, refs: section.refs.map((ref) => sectionOf(ref, `ответ ${section.anchor}`)) };
    const mask = section.roles.reduce((bits, role) => bits | (1 << roles.indexOf(role)), 0);
    if (mask) roleMasks[i] = mask;
    return wordsOf(`${section.text} ${section.title ?? ''}`).length;
  });
  // A document without sections starts where the next one does.
  for (let d = from.length - 2; d >= 0; d--) from[d] = Math.min(from[d], from[d + 1]);

  const documentTerms: Record<string, number[]> = {};
  input.documents.forEach((document, i) => {
    for (const { word } of wordsOf(document.about)) {
      const term = stem(word);
      if (GENERIC.has(term)) continue;
      const list = (documentTerms[term] ??= []);
      if (!list.includes(i)) list.push(i);
      if (!forms.has(term)) forms.set(term, new Map([[normalizeText(word.toLowerCase()), 1]]));
    }
  });

  const totalPostings = [...postings.values()].reduce((sum, list) => sum + list.size, 0);
  const shardCount = Math.max(1, Math.ceil(totalPostings / SHARD_POSTINGS));
  const shards: PostingsShard[] = Array.from({ length: shardCount }, () => ({ p: {}, d: {} }));
  // One collator for the sorts below: String#localeCompare, as they were written, makes the same order far slower.
  const collator = new Intl.Collator();
  for (const [term, list] of [...postings].sort(([a], [b]) => collator.compare(a, b))) {
    let previous = 0;
    shards[shardOf(term, shardCount)].p[term] = [...list].sort(([a], [b]) => a - b).flatMap(([section, weight]) => {
      const gap = section - previous;
      previous = section;
      return [gap, weight];
    });
  }
  for (const [term, documents] of Object.entries(documentTerms)) shards[shardOf(term, shardCount)].d[term] = documents;

  const laws: SearchLaw[] = input.laws.map((law) => {
    const quoted = /«([^»]+)»/.exec(law.title)?.[1];
    const own = stems(law.title).filter((term) => !GENERIC.has(term));
    const patterns = law.patterns.map((pattern) => new RegExp(pattern, 'u'));
    return {
      name: quoted ? stems(quoted) : own,
      numbers: (law.number?.match(/\d+/g) ?? []),
      subject: own[0] ?? '',
      sections: input.sections.flatMap((section, i) => (patterns.some((pattern) => pattern.test(section.text)) ? [i] : [])),
    };
  });

  const totalLength = lengths.reduce((sum, length) => sum + length, 0);
  return {
    index: {
      documents: input.documents.map(({ url, title, types }, d) => ({ url, title, types: [...types], from: from[d] })),
      lengths,
      answers,
      roles,
      roleMasks,
      words: Object.fromEntries([...forms].sort(([a], [b]) => collator.compare(a, b)).map(([term, seen]) => [term, [...seen].sort((a, b) => b[1] - a[1])[0][0]])),
      shards: shardCount,
      synonyms: input.synonyms.map((group) => [...new Set(group.map((member) => stems(member).join(' ')))]),
      abbreviations: Object.fromEntries(Object.entries(input.abbreviations).map(([short, long]) => [stem(short), stems(long)])),
      laws,
      terms: (input.terms ?? []).map(({ term, definitions }) => ({
        stems: stems(term),
        sections: [...new Set(definitions.map((key) => sectionOf(key, `термин «${term}»`)))],
      })),
      averageLength: lengths.length ? totalLength / lengths.length : 1,
    },
    shards,
    chunks,
  };
}

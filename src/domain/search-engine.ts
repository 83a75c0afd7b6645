/**
 * Query side of the search (pure; the page script loads the files and renders): reads a question into groups of
 * alternative stems — the word itself, its synonyms, the expansion of an abbreviation, the vocabulary's word for a
 * typo or a transliterated name — finds the acts it names (content/laws.json), ranks sections with BM25, and
 * composes the list: at most one Q&A entry in the top three, shown with the clause it rests on.
 */
import { stem, stems, wordsOf, shardOf, decodePostings, sectionsOfDocument, LAW_WORDS, type SearchIndex, type TermLookup } from './search-index.ts';
import { queryTerms } from './search-text.ts';

/** One way a query word can match: a stem, a phrase whose stems must all be present, or an act's citing sections. */
export interface Alternative {
  stems: string[];
  weight: number;
  sections?: readonly number[];
}

export interface QueryPlan {
  /** One group per query word (and per act named); a section scores the best alternative of each group. */
  groups: Alternative[][];
  /** Query words that matched nothing, for «did you mean». */
  unknown: string[];
  truncated: boolean;
}

export interface Hit {
  section: number;
  score: number;
  /** Stems that matched, for marking the excerpt. */
  matched: Set<string>;
}

export interface Result {
  hit: Hit;
  /** For a Q&A entry: the clause its answer rests on, shown with it. */
  source?: Hit;
}

const SYNONYM_WEIGHT = 0.8;
const TYPO_WEIGHT = 0.8;
const TRANSLIT_WEIGHT = 0.9;
const ABBREVIATION_WEIGHT = 0.9;
/** An abbreviation found by the last word of its expansion: it stands for a kind of that thing, weaker than a synonym. */
const ABBREVIATED_WEIGHT = 0.5;
const LAW_SCORE = 6;
const DOCUMENT_WEIGHT = 0.35;
const K1 = 1.2;
const B = 0.5;
const TOP = 3;
/** How much less a clause an answer cites later counts when choosing the one to show with it (per place). */
const SOURCE_ORDER = 0.7;
/** Words that ask what a term means. */
const DEFINITION_WORDS = ['такое', 'это', 'значит', 'означает', 'определение', 'понятие'];
/** Shortest beginning a stem shares with its relatives (same beginning, another ending). */
const RELATIVE_BEGINNING = 4;
/** How strongly a section that lacks some of the query's words falls behind. */
const COVERAGE = 2;

/** Optimal string alignment distance (a swap of neighbours counts as one typo), or `max + 1` once above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2] + 1);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length];
}

const LATIN_DIGRAPHS: [RegExp, string][] = [
  [/wh/g, 'в'], [/sh/g, 'ш'], [/ch/g, 'ч'], [/ck/g, 'к'], [/ph/g, 'ф'], [/th/g, 'т'], [/ts/g, 'ц'], [/ee|ea/g, 'и'],
  [/oo/g, 'у'], [/qu/g, 'кв'], [/x/g, 'кс'], [/j/g, 'дж'], [/c(?=[eiy])/g, 'с'], [/([bcdfghklmnprstvz])e$/g, '$1'],
];
const LATIN_LETTERS: Record<string, string> = {
  a: 'а', b: 'б', c: 'к', d: 'д', e: 'е', f: 'ф', g: 'г', h: 'х', i: 'и', k: 'к', l: 'л', m: 'м', n: 'н', o: 'о', p: 'п',
  q: 'к', r: 'р', s: 'с', t: 'т', u: 'у', v: 'в', w: 'в', y: 'и', z: 'з',
};

/** How a word sounds, roughly, in Cyrillic: a Latin name («WhatsApp») and its Russian spellings («вотсап», «ватсапе») meet on one key. */
export function soundKey(word: string): string {
  let text = word.toLowerCase();
  if (/[a-z]/.test(text)) {
    for (const [pattern, replacement] of LATIN_DIGRAPHS) text = text.replace(pattern, replacement);
    text = text.replace(/[a-z]/g, (letter) => LATIN_LETTERS[letter] ?? '');
  }
  return text
    .replace(/ё/g, 'е').replace(/э/g, 'е').replace(/[ъь]/g, '')
    .replace(/[аоы]й|[ыи]/g, 'и').replace(/о/g, 'а').replace(/тс/g, 'ц')
    .replace(/(.)\1+/g, '$1');
}

/** Lookups over the index's vocabulary, built once when the index loads. */
export class Vocabulary {
  /** Stem → the written form. */
  readonly forms = new Map<string, string>();
  private readonly latin: { key: string; term: string }[] = [];
  readonly index: SearchIndex;

  constructor(index: SearchIndex) {
    this.index = index;
    for (const [term, word] of Object.entries(index.words)) {
      this.forms.set(term, word);
      if (/^[a-z]{4,}$/.test(word)) this.latin.push({ key: soundKey(word), term });
    }
  }

  /** Whether the index knows a stem (the vocabulary holds the words of the documents' names too). */
  has(term: string): boolean {
    return this.forms.has(term);
  }

  /** Stems of the vocabulary one typo away (words of five letters or more). */
  typos(word: string, term: string): string[] {
    if (word.length < 5) return [];
    return [...this.forms.keys()].filter((known) => known.length >= 4 && editDistance(term, known, 1) <= 1);
  }

  /**
   * Stems of the vocabulary that differ from an unknown stem only in its last letter or in what follows it: the
   * other aspect of a verb or a derived word («прикрепить» → «прикрепляет», «статистика» → «статистические»).
   */
  relatives(term: string): string[] {
    if (term.length < RELATIVE_BEGINNING) return [];
    // A stem of the shortest length keeps all its letters: «хран» («хранятся») → «хранен» («хранение»).
    const beginning = term.length > RELATIVE_BEGINNING ? term.slice(0, -1) : term;
    return [...this.forms.keys()].filter((known) => known.length >= RELATIVE_BEGINNING && known !== term && known.startsWith(beginning));
  }

  /** Latin names of the text a Cyrillic spelling stands for («дискорд» → discord). */
  transliterations(word: string): string[] {
    if (!/\p{Script=Cyrillic}/u.test(word) || word.length < 4) return [];
    const key = soundKey(word);
    return this.latin.filter((entry) => entry.key === key || (key.length >= 5 && editDistance(entry.key, key, 1) <= 1)).map((entry) => entry.term);
  }

  /** Written forms of the vocabulary close to a word, closest first. */
  nearest(word: string, limit: number): string[] {
    if (word.length < 4) return [];
    const max = word.length >= 7 ? 2 : 1;
    return [...this.forms.values()]
      .map((form) => ({ form, distance: editDistance(word, form, max) }))
      .filter(({ distance, form }) => distance <= max && form !== word)
      .sort((a, b) => a.distance - b.distance || a.form.localeCompare(b.form))
      .slice(0, limit)
      .map(({ form }) => form);
  }
}

/** Reads a query into groups of alternatives. */
export function planQuery(query: string, vocabulary: Vocabulary): QueryPlan {
  const { index } = vocabulary;
  const { terms, truncated } = queryTerms(query);
  const groups: Alternative[][] = [];
  const unknown: string[] = [];
  for (const word of terms) {
    const term = stem(word);
    const alternatives = new Map<string, Alternative>();
    const offer = (alternative: Alternative) => {
      const key = alternative.stems.join(' ');
      if ((alternatives.get(key)?.weight ?? 0) < alternative.weight) alternatives.set(key, alternative);
    };
    const known = vocabulary.has(term);
    const transliterated = known ? [] : vocabulary.transliterations(word);
    const misspelt = known ? [] : [...new Set([...vocabulary.typos(word, term), ...vocabulary.relatives(term)])];
    if (known) offer({ stems: [term], weight: 1 });
    for (const spelling of misspelt) offer({ stems: [spelling], weight: TYPO_WEIGHT });
    for (const spelling of transliterated) offer({ stems: [spelling], weight: TRANSLIT_WEIGHT });
    const spellings = [...transliterated, ...misspelt];
    for (const spelling of [term, ...spellings]) {
      for (const group of index.synonyms) {
        if (!group.includes(spelling)) continue;
        for (const synonym of group) {
          const phrase = synonym.split(' ');
          if (phrase.every((part) => vocabulary.has(part))) offer({ stems: phrase, weight: SYNONYM_WEIGHT });
        }
      }
      const expansion = index.abbreviations[spelling];
      if (expansion) offer({ stems: expansion, weight: ABBREVIATION_WEIGHT });
      // The word an abbreviation's expansion ends on names what it is: «платформа» finds «ИКОП», «учреждение» «ДОУ».
      for (const [short, long] of Object.entries(index.abbreviations)) if (long.at(-1) === spelling) offer({ stems: [short], weight: ABBREVIATED_WEIGHT });
    }
    if (alternatives.size) groups.push([...alternatives.values()]);
    else unknown.push(word);
  }
  dedupe(groups);
  const asked = new Set(stems(query.slice(0, 200)));
  const asksForAct = LAW_WORDS.some((word) => asked.has(word));
  // «что такое учебный профиль», «учебный профиль — это что»: the clauses defining the term.
  if (DEFINITION_WORDS.some((word) => asked.has(stem(word)))) {
    for (const term of index.terms) if (term.stems.every((part) => asked.has(part))) groups.push([{ stems: term.stems, weight: 1, sections: term.sections }]);
  }
  for (const law of index.laws) {
    const byNumber = law.numbers.length > 0 && law.numbers.every((number) => asked.has(number));
    const byName = law.name.length > 0 && law.name.every((term) => asked.has(term)) && (law.name.length > 1 || asksForAct);
    const bySubject = asksForAct && law.subject !== '' && asked.has(law.subject);
    if (byNumber || byName || bySubject) groups.push([{ stems: [...law.numbers, ...law.name], weight: 1, sections: law.sections }]);
  }
  return { groups, unknown, truncated };
}

/**
 * One word of a text answers one word of the query: an alternative (a synonym, a typo's reading) shared by several
 * groups stays only in the group where it weighs most (the first of equals), so «персональные данные» does not
 * count «данные» twice, once for each word. A group left empty repeated another word and goes.
 */
function dedupe(groups: Alternative[][]): void {
  const owner = new Map<string, { group: number; weight: number }>();
  groups.forEach((group, g) => {
    for (const alternative of group) {
      const key = alternative.stems.join(' ');
      if ((owner.get(key)?.weight ?? 0) < alternative.weight) owner.set(key, { group: g, weight: alternative.weight });
    }
  });
  for (let g = groups.length - 1; g >= 0; g--) {
    groups[g] = groups[g].filter((alternative) => alternative.sections || owner.get(alternative.stems.join(' '))?.group === g);
    if (!groups[g].length) groups.splice(g, 1);
  }
}

/** The postings shards a plan needs. */
export function shardsFor(plan: QueryPlan, index: SearchIndex): number[] {
  return [...new Set(plan.groups.flat().filter((alternative) => !alternative.sections).flatMap((alternative) => alternative.stems.map((term) => shardOf(term, index.shards))))];
}

/** Ranks the sections for a plan; `terms` gives a stem's postings and documents from the loaded shards. */
export function rank(plan: QueryPlan, index: SearchIndex, terms: TermLookup): Hit[] {
  const count = index.lengths.length;
  const idf = (frequency: number) => Math.log(1 + (count - frequency + 0.5) / (frequency + 0.5));
  const saturate = (weight: number, section: number) => {
    const tf = weight;
    return (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * index.lengths[section]) / index.averageLength));
  };

  // Per section, in arrays indexed by section: a common word's postings cover most sections of a large site.
  const total = new Float64Array(count);
  const covered = new Float64Array(count);
  const scored: number[] = [];
  // What each alternative matched, to tell a hit's matched stems when they are asked for (only for the hits shown).
  const offers: { stems: readonly string[]; has: (section: number) => boolean }[] = [];
  // A group weighs in coverage as much as its rarest alternative: missing «Сферум», on every page, costs little.
  let everything = 0;
  for (const group of plan.groups) {
    const best = new Float64Array(count);
    const raised: number[] = [];
    const raise = (section: number, score: number) => {
      if (!(score > best[section])) return;
      if (best[section] === 0) raised.push(section);
      best[section] = score;
    };
    let rarest = 0;
    for (const alternative of group) {
      const { sections } = alternative;
      if (sections) {
        rarest = Math.max(rarest, idf(sections.length));
        for (const section of sections) raise(section, alternative.weight * LAW_SCORE);
        offers.push({ stems: alternative.stems, has: (section) => sections.includes(section) });
        continue;
      }
      const lists = alternative.stems.map((term) => decodePostings(terms.postings(term) ?? []));
      if (lists.some((list) => list.length === 0)) continue;
      // A phrase matches where all its stems are, with the weight of the weakest.
      const [first, ...rest] = lists;
      const others = rest.map((list) => {
        const map = new Map<number, number>();
        for (let i = 0; i < list.length; i += 2) map.set(list[i], list[i + 1]);
        return map;
      });
      const rarity = lists.reduce((sum, list) => sum + idf(list.length / 2), 0) / lists.length;
      rarest = Math.max(rarest, rarity);
      for (let i = 0; i < first.length; i += 2) {
        const section = first[i];
        let weight = first[i + 1];
        let everywhere = true;
        for (const map of others) {
          const other = map.get(section);
          if (other === undefined) {
            everywhere = false;
            break;
          }
          weight = Math.min(weight, other);
        }
        if (everywhere) raise(section, alternative.weight * rarity * saturate(weight, section));
      }
      offers.push({ stems: alternative.stems, has: (section) => inPostings(first, section) && others.every((map) => map.has(section)) });
      if (alternative.stems.length === 1) {
        const documents = terms.documents(alternative.stems[0]);
        for (const document of documents) {
          const score = alternative.weight * DOCUMENT_WEIGHT * idf(documents.length * (count / index.documents.length));
          const [from, end] = sectionsOfDocument(index, document);
          for (let section = from; section < end; section++) raise(section, score);
        }
      }
    }
    everything += rarest;
    for (const section of raised) {
      if (total[section] === 0) scored.push(section);
      total[section] += best[section];
      covered[section] += rarest;
    }
  }
  const matchedIn = (section: number) => {
    const matched = new Set<string>();
    for (const offer of offers) if (offer.has(section)) for (const term of offer.stems) matched.add(term);
    return matched;
  };
  return scored
    .map((section) => new RankedHit(section, total[section] * (covered[section] / (everything || 1)) ** COVERAGE, matchedIn))
    .sort((a, b) => b.score - a.score || a.section - b.section);
}

/** A hit of `rank`: its matched stems are worked out when first asked for (only the hits shown need them). */
class RankedHit implements Hit {
  readonly section: number;
  readonly score: number;
  private readonly matchedIn: (section: number) => Set<string>;
  private known: Set<string> | undefined;
  constructor(section: number, score: number, matchedIn: (section: number) => Set<string>) {
    this.section = section;
    this.score = score;
    this.matchedIn = matchedIn;
  }
  get matched(): Set<string> {
    return (this.known ??= this.matchedIn(this.section));
  }
}

/** Whether decoded postings (pairs [section, weight, …], by section) hold a section. */
function inPostings(list: readonly number[], section: number): boolean {
  let low = 0;
  let high = list.length / 2 - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const at = list[middle * 2];
    if (at === section) return true;
    if (at < section) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/**
 * The list to show, best first: a Q&A entry comes with the best-matching clause it rests on, and a clause keeps its
 * place: an answer whose clause is already listed joins it there (the clause is not listed twice). At most one Q&A
 * entry in the top three, and no text twice there (a clause copied into several documents): an answer or a copy that
 * would be a second one there follows the top three.
 */
export function compose(hits: readonly Hit[], index: SearchIndex, keep: (section: number) => boolean): Result[] {
  const byId = new Map(hits.map((hit) => [hit.section, hit]));
  const results: Result[] = [];
  const later: Result[] = [];
  const shown = new Set<number>();
  // Where each listed section stands in `results`, and the clauses shown there with an answer (a common word lists most of a large site).
  const place = new Map<number, number>();
  const sources = new Set<number>();
  const list = (result: Result, at = results.length) => {
    if (results[at]) place.delete(results[at].hit.section);
    results[at] = result;
    place.set(result.hit.section, at);
    if (result.source) sources.add(result.source.section);
  };
  const answerOnTop = () => results.slice(0, TOP).some((result) => result.source);
  for (const hit of hits) {
    if (!keep(hit.section) || shown.has(hit.section)) continue;
    const refs = index.answers[hit.section]?.refs;
    if (!refs) {
      // The same text in another document (a copied clause, or the clause an answer shows) does not take a place in the top three twice.
      const same = results.length < TOP && results.some((result) => sameText(result.source ?? result.hit, hit, index));
      if (same) later.push({ hit });
      else list({ hit });
      shown.add(hit.section);
      continue;
    }
    // The clause shown with an answer: of its clauses that the filters keep and no other answer shows, the one that matches
    // best, the answer's own order counting (it cites the most direct first); failing any match, the first.
    const candidates = refs.filter((ref) => keep(ref) && !sources.has(ref));
    const source = candidates.map((ref, order) => ({ found: byId.get(ref), order }))
      .filter((candidate): candidate is { found: Hit; order: number } => candidate.found !== undefined)
      .sort((a, b) => b.found.score * SOURCE_ORDER ** b.order - a.found.score * SOURCE_ORDER ** a.order)[0]?.found
      ?? (candidates.length ? { section: candidates[0], score: 0, matched: hit.matched } : undefined);
    if (!source) continue;
    const listed = place.get(source.section);
    if (listed !== undefined) {
      if (listed >= TOP || !answerOnTop()) list({ hit, source }, listed);
      continue;
    }
    const deferred = later.findIndex((result) => result.hit.section === source.section);
    if (deferred >= 0) {
      later[deferred] = { hit, source };
      continue;
    }
    if (results.length < TOP && answerOnTop()) later.push({ hit, source });
    else list({ hit, source });
    shown.add(source.section);
  }
  return [...results.slice(0, TOP), ...later, ...results.slice(TOP)];
}

/** Whether two hits are, as far as the index tells, the same text: same length, same matched stems, same score. */
function sameText(a: Hit, b: Hit, index: SearchIndex): boolean {
  return index.lengths[a.section] === index.lengths[b.section] && Math.abs(a.score - b.score) < 1e-9
    && a.matched.size === b.matched.size && [...a.matched].every((term) => b.matched.has(term));
}

export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/** Words of the text around the densest run of matches, verbatim (ё and punctuation kept), matches marked. */
export function excerpt(text: string, matched: ReadonlySet<string>, size = 32): ExcerptPart[] {
  const words = wordsOf(text);
  const marks = words.map(({ word }) => isMatch(word, matched));
  // The window of `size` words with the most matches, the earliest of equals.
  let start = 0;
  let inWindow = marks.slice(0, size).filter(Boolean).length;
  let best = inWindow;
  for (let from = 1; from + size <= words.length; from++) {
    inWindow += Number(marks[from + size - 1]) - Number(marks[from - 1]);
    if (inWindow > best) {
      best = inWindow;
      start = from;
    }
  }
  if (!words.length) return [{ text, mark: false }];
  const end = Math.min(words.length, start + size);
  const from = start === 0 ? 0 : words[start].start;
  const to = end === words.length ? text.length : words[end - 1].end;
  const parts: ExcerptPart[] = start > 0 ? [{ text: '… ', mark: false }] : [];
  let cursor = from;
  for (let i = start; i < end; i++) {
    if (!marks[i]) continue;
    if (words[i].start > cursor) parts.push({ text: text.slice(cursor, words[i].start), mark: false });
    parts.push({ text: text.slice(words[i].start, words[i].end), mark: true });
    cursor = words[i].end;
  }
  if (to > cursor) parts.push({ text: text.slice(cursor, to), mark: false });
  if (end < words.length) parts.push({ text: ' …', mark: false });
  return parts;
}

/** Whether a word of a text is a form of one of the stems. */
function isMatch(word: string, matched: ReadonlySet<string>): boolean {
  return matched.has(stem(word));
}

/** Written words of a text that matched, for highlighting them on the target page. */
export function matchedWords(text: string, matched: ReadonlySet<string>, max = 8): string[] {
  return [...new Set(wordsOf(text).filter(({ word }) => isMatch(word, matched)).map(({ word }) => word.toLowerCase()))].slice(0, max);
}

/** Trigram similarity of two phrases (0…1). */
function similarity(a: string, b: string): number {
  const grams = (text: string) => {
    const padded = ` ${text.toLowerCase().replace(/ё/g, 'е').replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
    return new Set(Array.from({ length: Math.max(0, padded.length - 2) }, (_, i) => padded.slice(i, i + 3)));
  };
  const x = grams(a);
  const y = grams(b);
  const shared = [...x].filter((gram) => y.has(gram)).length;
  return shared / Math.max(1, x.size + y.size - shared);
}

/** «Did you mean»: words of the vocabulary close to the query's words, and the Q&A questions closest to the query. */
export function suggestions(query: string, vocabulary: Vocabulary): { words: string[]; answers: number[] } {
  const { terms } = queryTerms(query);
  const words = [...new Set(terms.flatMap((term) => vocabulary.nearest(term, 2)))].slice(0, 4);
  const answers = Object.entries(vocabulary.index.answers)
    .map(([i, answer]) => ({ i: Number(i), score: similarity(query, answer.l) }))
    .filter(({ score }) => score >= 0.12)
    .sort((a, b) => b.score - a.score)
    .slice(0, 2)
    .map(({ i }) => i);
  return { words, answers };
}

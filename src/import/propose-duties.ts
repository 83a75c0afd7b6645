/**
 * Proposes the duty mapping of an imported act: each numbered clause and item is compared (Russian stems,
 * TF-IDF cosine) with the clauses the duty catalogue already cites; a person confirms the proposals in
 * content/duty-mapping/<slug>.json.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { stemmer } from '@orama/stemmers/russian';
import { anchorTexts, extractAnchors } from '../domain/anchors.ts';
import { mappedAnchors, type DutyMapping } from '../domain/duty-mapping.ts';

/** The catalogue as the proposer sees it: each duty's text and the texts of the clauses it cites. */
export interface DutyCorpus {
  duties: { id: string; text: string; clauses: string[] }[];
}

/** A clause similar enough to be proposed. Tuned on the seed documents (see tests/unit/duty-mapping.test.ts). */
export const PROPOSE_THRESHOLD = 0.3;
/** Further duties are proposed if they score nearly as high as the best one. */
const RUNNER_UP = 0.9;

const STOP = new Set(['и', 'в', 'во', 'на', 'с', 'со', 'по', 'для', 'от', 'до', 'из', 'к', 'ко', 'о', 'об', 'при', 'или', 'а', 'не', 'что', 'то', 'как', 'их', 'его', 'её', 'за', 'том', 'числе', 'также', 'так', 'же']);

export function stems(text: string): string[] {
  return (text.toLowerCase().replaceAll('ё', 'е').match(/[а-я]+/g) ?? []).filter((word) => word.length > 2 && !STOP.has(word)).map(stemmer);
}

type Vector = Map<string, number>;

function vectorize(words: string[], idf: Map<string, number>): Vector {
  const vector: Vector = new Map();
  for (const word of words) vector.set(word, (vector.get(word) ?? 0) + (idf.get(word) ?? 1));
  return vector;
}

function cosine(a: Vector, b: Vector): number {
  let dot = 0;
  for (const [word, weight] of a) dot += weight * (b.get(word) ?? 0);
  const norm = (v: Vector) => Math.sqrt([...v.values()].reduce((sum, w) => sum + w * w, 0));
  return dot ? dot / (norm(a) * norm(b)) : 0;
}

export interface Proposal {
  duties?: string[];
  score: number;
}

/** The best-matching duties for each text, by the clause of the catalogue it resembles most. */
export function proposeDuties(texts: Map<string, string>, corpus: DutyCorpus): Map<string, Proposal> {
  const documents = corpus.duties.flatMap((duty) => [duty.text, ...duty.clauses].map((text) => ({ duty: duty.id, words: stems(text) })));
  const frequency = new Map<string, number>();
  for (const { words } of documents) for (const word of new Set(words)) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  const idf = new Map([...frequency].map(([word, n]) => [word, Math.log((documents.length + 1) / (n + 0.5))]));
  const vectors = documents.map(({ duty, words }) => ({ duty, vector: vectorize(words, idf) }));
  const proposals = new Map<string, Proposal>();
  for (const [id, text] of texts) {
    const vector = vectorize(stems(text), idf);
    const best = new Map<string, number>();
    for (const { duty, vector: other } of vectors) best.set(duty, Math.max(best.get(duty) ?? 0, cosine(vector, other)));
    const ranked = [...best].sort((a, b) => b[1] - a[1]);
    const top = ranked[0]?.[1] ?? 0;
    const score = Math.round(top * 100) / 100;
    proposals.set(id, top >= PROPOSE_THRESHOLD ? { duties: ranked.filter(([, s]) => s >= top * RUNNER_UP).slice(0, 3).map(([duty]) => duty), score } : { score });
  }
  return proposals;
}

/** The catalogue's duties with the texts of the clauses they cite, read from content/. */
export function loadCorpus(root: string, leaveOut?: string): DutyCorpus {
  const catalogue = JSON.parse(readFileSync(join(root, 'content/duties.json'), 'utf8')) as { duties: { id: string; text: string; refs: string[] }[] };
  const texts = new Map<string, string>();
  for (const name of readdirSync(join(root, 'content/regulations'))) {
    const slug = name.replace(/\.mdx$/, '');
    const body = readFileSync(join(root, 'content/regulations', name), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
    for (const [id, text] of anchorTexts(body)) texts.set(`${slug}#${id}`, text);
  }
  return {
    duties: catalogue.duties.map((duty) => ({
      id: duty.id,
      text: duty.text,
      clauses: duty.refs.filter((ref) => ref.split('#')[0] !== leaveOut).flatMap((ref) => texts.get(ref) ?? []),
    })),
  };
}

/** Ids of the numbered clauses and items of an MDX document: what the mapping must account for. */
export function mappableTexts(mdx: string): Map<string, string> {
  const body = mdx.replace(/^---\n[\s\S]*?\n---\n/, '');
  const texts = anchorTexts(body);
  const ids = extractAnchors(body).filter((a) => a.kind === 'clause' || a.kind === 'item').map((a) => a.id);
  return new Map(ids.map((id) => [id, texts.get(id) ?? '']));
}

/**
 * The mapping file for a document: entries a person already confirmed (mapped, setAside) stay; every other
 * numbered clause or item gets a proposal.
 */
export function proposeMapping(slug: string, mdx: string, corpus: DutyCorpus, previous?: DutyMapping): DutyMapping {
  const texts = mappableTexts(mdx);
  const decided = previous ? mappedAnchors(previous) : new Set<string>();
  const open = new Map([...texts].filter(([id]) => !decided.has(id)));
  const proposed: DutyMapping['proposed'] = {};
  for (const [id, proposal] of proposeDuties(open, corpus)) {
    proposed[id] = proposal.duties
      ? { duties: proposal.duties, score: proposal.score }
      : { setAside: `Не похоже ни на одну обязанность каталога (наибольшее сходство ${proposal.score.toFixed(2)}): вводная фраза, определение или норма без действия.` };
  }
  const keep = <T>(entries: Record<string, T> | undefined) => Object.fromEntries(Object.entries(entries ?? {}).filter(([id]) => texts.has(id)));
  return {
    $comment:
      'Сопоставление пунктов собственного акта с обязанностями каталога (content/duties.json). Импорт заполняет proposed; человек переносит каждую запись в mapped (id обязанностей) или setAside (причина по-русски). Тест tests/unit/duty-mapping.test.ts не пройдёт, пока в proposed что-то осталось или пункт документа не попал ни в один из трёх разделов.',
    document: slug,
    mapped: keep(previous?.mapped),
    setAside: keep(previous?.setAside),
    proposed,
  };
}

export function mappingJson(mapping: DutyMapping): string {
  return `${JSON.stringify(mapping, null, 2)}\n`;
}

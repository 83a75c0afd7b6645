/**
 * The comparison of documents: the duty catalogue's duties (rows) × documents (columns), grouped by role.
 * A duty's cell in a document is every clause of that document the catalogue cites for it; no clause means the
 * document is silent on the duty.
 */
import { diffWords } from 'diff';
import { splitRef, type Catalogue, type Duty, type RoleInfo } from './duties.ts';
import type { Role } from './roles.ts';
import type { InstitutionType } from './site-config.ts';

export interface ComparedDocument {
  id: string;
  appliesTo: readonly InstitutionType[];
}

export interface ComparisonFilter {
  role?: Role;
  type?: InstitutionType;
}

export interface ComparisonRow {
  duty: Duty;
  /** The duty's roles other than the group it stands under. */
  alsoFor: RoleInfo[];
  /** One cell per compared document, in column order: the anchors of its clauses stating the duty (empty: silent). */
  cells: Array<{ doc: string; anchors: string[] }>;
}

export interface ComparisonGroup {
  role: RoleInfo;
  rows: ComparisonRow[];
}

/** Columns: the documents written for `type` (all when no type). */
export function comparedDocuments<D extends ComparedDocument>(documents: readonly D[], type?: InstitutionType): D[] {
  return documents.filter((document) => !type || document.appliesTo.includes(type));
}

/**
 * Rows grouped by role. Unfiltered, a duty of several roles stands once, under its first role, naming the others;
 * filtered by role, every duty of that role stands under it. Filtered by type, only the duties for that type.
 */
export function comparisonGroups(catalogue: Catalogue, documents: readonly ComparedDocument[], { role, type }: ComparisonFilter = {}): ComparisonGroup[] {
  const roles = new Map(catalogue.roles.map((info) => [info.id, info]));
  return catalogue.roles
    .filter((info) => !role || info.id === role)
    .map((info) => ({
      role: info,
      rows: catalogue.duties
        .filter((duty) => (role ? duty.roles.includes(role) : duty.roles[0] === info.id) && (!type || duty.types.includes(type)))
        .map((duty) => ({
          duty,
          alsoFor: duty.roles.filter((id) => id !== info.id).map((id) => roles.get(id)!),
          cells: documents.map(({ id }) => ({ doc: id, anchors: duty.refs.map(splitRef).filter(({ doc }) => doc === id).map(({ anchor }) => anchor) })),
        })),
    }))
    .filter((group) => group.rows.length > 0);
}

/** One word-level difference between two versions of a clause. */
export interface DiffPart {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

/** Russian words: jsdiff's own tokenizer knows only Latin letters and would compare Cyrillic letter by letter. */
const words = new Intl.Segmenter('ru', { granularity: 'word' });

/** Differences found so far, by the pair of texts: a duty's texts are compared on its role's page and its type's. */
const diffs = new Map<string, readonly DiffPart[]>();

/** Word-level differences from `before` to `after` (computed once per pair of texts). */
export function wordDiff(before: string, after: string): readonly DiffPart[] {
  const key = `${before}\u0000${after}`;
  let parts = diffs.get(key);
  if (!parts) {
    parts = diffWords(before, after, { intlSegmenter: words }).map((part) => ({ kind: part.added ? 'added' : part.removed ? 'removed' : 'same', text: part.value }));
    diffs.set(key, parts);
  }
  return parts;
}

/**
 * Whether two versions share enough words (at least half their text) for marking the differences to help the reader;
 * texts worded apart are better read side by side unmarked.
 */
export function worthMarking(parts: readonly DiffPart[]): boolean {
  const length = (kind: DiffPart['kind']) => parts.reduce((sum, part) => sum + (part.kind === kind ? part.text.length : 0), 0);
  const same = length('same');
  // Dice coefficient over characters: 2·common / (before + after) ≥ ½.
  return 4 * same >= same + length('removed') + same + length('added');
}

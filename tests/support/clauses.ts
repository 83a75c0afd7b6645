/** What a permanent clause id stands for: its number and its own text, normalised and hashed. */
import { createHash } from 'node:crypto';
import { anchorTexts, extractAnchors } from '../../src/domain/anchors.ts';

/** The text a published id is bound to: «3.1. Действия администратора…», whitespace collapsed, Unicode NFC. */
export function clauseIdentityText(number: string | undefined, text: string): string {
  return [number?.trim(), text].filter(Boolean).join(' ').normalize('NFC').replace(/\s+/g, ' ').trim();
}

export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** id → normalised text of every anchor of an MDX body, in document order. */
export function clauseIdentities(body: string): Map<string, string> {
  const numbers = new Map(extractAnchors(body).map((anchor) => [anchor.id, anchor.number]));
  return new Map([...anchorTexts(body)].map(([id, text]) => [id, clauseIdentityText(numbers.get(id), text)]));
}

/** A reviewed change of a published clause's text: a new redaction of the document, not a silent edit. */
export interface Redaction {
  document: string;
  id: string;
  /** When the new redaction was published (ISO date). */
  date: string;
  /** What changed and why, for the reader of the review. */
  what: string;
  why: string;
  /** The clause's identity text after the change (see clauseIdentityText). */
  text: string;
}

/**
 * Why a document's published ids no longer stand for what they stood for: an id gone, ids in another order,
 * or a text changed under an id without a reviewed redaction. Empty when every published id is intact.
 */
export function identityProblems(
  document: string,
  published: Record<string, string>,
  current: Map<string, string>,
  redactions: readonly Redaction[],
): string[] {
  const problems: string[] = [];
  const ids = Object.keys(published);
  const gone = ids.filter((id) => !current.has(id));
  if (gone.length) problems.push(`${document}: опубликованные id пропали: ${gone.join(', ')}`);
  const order = [...current.keys()].filter((id) => id in published);
  const expectedOrder = ids.filter((id) => current.has(id));
  const moved = order.filter((id, i) => id !== expectedOrder[i]);
  if (moved.length) problems.push(`${document}: id переставлены: ${moved.join(', ')}`);
  for (const id of ids) {
    const text = current.get(id);
    if (text === undefined || textHash(text) === published[id]) continue;
    const latest = redactions.filter((entry) => entry.document === document && entry.id === id).at(-1);
    if (latest?.text !== text) problems.push(`${document}#${id}: текст изменился без записи о новой редакции: «${text}»`);
  }
  return problems;
}

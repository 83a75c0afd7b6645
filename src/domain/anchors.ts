/**
 * Permanent anchors of a regulation: every section, numbered clause, list item and
 * anchored paragraph carries an explicit id in the MDX source (`<Clause id="p-3-1" n="3.1.">`).
 * These functions read them from the source so pages, tests and the build agree on one list.
 */

export type AnchorKind = 'section' | 'clause' | 'item' | 'paragraph';

export interface Anchor {
  id: string;
  kind: AnchorKind;
  /** The number as the document writes it («3.1.»), for sections and clauses. */
  number?: string;
  /** Section title, for sections. */
  title?: string;
  /** Human citation: «п. 3.1», «п. 3.1, подп. 4», «разд. 4, абз. 2». */
  label: string;
  /** Heading level for sections and clauses (2 or 3). */
  level?: number;
  /** The opening words of the text, for tables of contents and lists of citations. */
  excerpt?: string;
}

const TAG_KIND: Record<string, AnchorKind> = { Section: 'section', Clause: 'clause', Item: 'item', Para: 'paragraph' };
const TAG = /<(Section|Clause|Item|Para)\b([^>]*)>(?:([^<]*)<\/Section>)?/g;
const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function attribute(attributes: string, name: string): string | undefined {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(attributes)?.[1];
}

/** Reading text of MDX markup: editorial notes dropped, tags, bold and escapes removed, links reduced to their text. */
export function plainText(mdx: string): string {
  return mdx
    .replace(/<Note>[\s\S]*?<\/Note>/g, ' ')
    .replace(/<(https?:\/\/[^>]+)>/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/\*\*|\\/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The opening words of the text that starts at `from`: markup removed, cut at a word boundary. */
export function openingWords(body: string, from: number, maxLength = 80): string {
  const text = plainText(body.slice(from).trimStart().split('\n', 1)[0]);
  if (text.length <= maxLength) return text;
  return `${text.slice(0, text.lastIndexOf(' ', maxLength)).replace(/[,;:–-]$/, '')}…`;
}

/** «3.1.» → «3.1»; the citation form drops the trailing dot. */
export function clauseNumber(number: string): string {
  return number.trim().replace(/\.$/, '');
}

/** Heading level of a numbered clause: «1.» → 2, «3.1.» → 3. */
export function clauseLevel(number: string): number {
  return clauseNumber(number).includes('.') ? 3 : 2;
}

/**
 * Citation of an item or paragraph from its id relative to the enclosing section or clause:
 * under «п. 3.1» (p-3-1), `p-3-1-4` → «п. 3.1, подп. 4», `p-3-1-6-2` → «п. 3.1, подп. 6.2»,
 * `p-4-abz-3` → «разд. 4, абз. 3», `p-5-abz-3-1` → «разд. 5, абз. 3, подп. 1», `preambula` → «преамбула».
 */
function nestedLabel(enclosing: readonly Anchor[], id: string, kind: AnchorKind, position: number): string {
  const parent = [...enclosing].reverse().find((anchor) => id.startsWith(`${anchor.id}-`));
  const [prefix, parentId] = id.startsWith('preambula') ? ['преамбула', 'preambula'] : parent ? [parent.label, parent.id] : ['', ''];
  const rest = parentId && id !== parentId ? id.slice(parentId.length + 1) : '';
  const [, paragraph, items] = /^(?:abz-(\d+))?-?([\d-]*)$/.exec(rest) ?? [];
  const parts = [prefix];
  if (paragraph) parts.push(`абз.\u00a0${paragraph}`);
  if (items) parts.push(`подп.\u00a0${items.replaceAll('-', '.')}`);
  if (parts.length === 1 && id !== parentId) parts.push(kind === 'item' ? `подп.\u00a0${position}` : `абз.\u00a0${position}`);
  return parts.filter(Boolean).join(', ');
}

/** Lists the anchors of an MDX body in document order, with their citation labels. */
export function extractAnchors(body: string): Anchor[] {
  const anchors: Anchor[] = [];
  const enclosing: Anchor[] = []; // sections and clauses seen so far
  let items = 0;
  let paragraphs = 0;
  for (const match of body.matchAll(TAG)) {
    const [, tag, attributes, title] = match;
    const kind = TAG_KIND[tag];
    const id = attribute(attributes, 'id');
    if (!id) throw new Error(`<${tag}> без атрибута id: ${match[0].slice(0, 80)}`);
    if (!ID_PATTERN.test(id)) throw new Error(`недопустимый id «${id}»: только латиница, цифры и дефисы`);
    if (kind === 'section' || kind === 'clause') {
      const number = attribute(attributes, 'n');
      if (!number) throw new Error(`<${tag} id="${id}"> без номера n`);
      const label = `${kind === 'section' ? 'разд.' : 'п.'}\u00a0${clauseNumber(number)}`;
      const excerpt = kind === 'clause' ? openingWords(body, match.index + match[0].length) : undefined;
      const anchor: Anchor = { id, kind, number, title: title?.trim(), label, level: clauseLevel(number), excerpt };
      enclosing.push(anchor);
      anchors.push(anchor);
      items = 0;
      paragraphs = 0;
    } else {
      const position = kind === 'item' ? ++items : ++paragraphs;
      const excerpt = openingWords(body, match.index + match[0].length);
      anchors.push({ id, kind, label: nestedLabel(enclosing, id, kind, position), excerpt });
    }
  }
  return anchors;
}

/** Ids that occur more than once. */
export function duplicateIds(anchors: readonly Anchor[]): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const { id } of anchors) (seen.has(id) ? duplicates : seen).add(id);
  return [...duplicates];
}

/** Anchors of a document, failing loudly on a collision so a broken permalink never ships. */
export function documentAnchors(slug: string, body: string): Anchor[] {
  let anchors: Anchor[];
  try {
    anchors = extractAnchors(body);
  } catch (error) {
    throw new Error(`content/regulations/${slug}.mdx: ${(error as Error).message}`);
  }
  const duplicates = duplicateIds(anchors);
  if (duplicates.length) {
    throw new Error(`content/regulations/${slug}.mdx: повторяются id пунктов: ${duplicates.join(', ')}`);
  }
  return anchors;
}

/**
 * The plain text of each anchor's own segment: its content without the nested anchors (a clause's
 * items and paragraphs have their own entries) and without editorial notes. Map id → text, in document order.
 */
export function anchorTexts(body: string): Map<string, string> {
  const texts = new Map<string, string>();
  const open: { id: string; tag: string; pieces: string[]; cursor: number }[] = [];
  for (const match of body.matchAll(/<(\/?)(Section|Clause|Item|Para)\b([^>]*)>/g)) {
    const [tag, closing, name, attributes] = match;
    const innermost = open.at(-1);
    if (innermost && innermost.cursor >= 0) innermost.pieces.push(body.slice(innermost.cursor, match.index));
    if (innermost) innermost.cursor = -1; // until the nested anchor closes
    if (closing) {
      const done = open.pop();
      if (done?.tag !== name) throw new Error(`</${name}> без открывающего тега: ${body.slice(match.index, match.index + 80)}`);
      texts.set(done.id, plainText(done.pieces.join(' ')));
      const outer = open.at(-1);
      if (outer) outer.cursor = match.index + tag.length;
    } else {
      const id = attribute(attributes, 'id');
      if (!id) throw new Error(`<${name}> без атрибута id: ${tag}`);
      texts.set(id, ''); // keeps document order: parents before their nested anchors
      open.push({ id, tag: name, pieces: [], cursor: match.index + tag.length });
    }
  }
  if (open.length) throw new Error(`<${open[0].tag} id="${open[0].id}"> не закрыт`);
  return texts;
}

/** Third pass of the import: the document tree → MDX body with the regulation components. */
import type { AnchoredNode, DocumentNode } from './structure.ts';

/** Latin letters that look like or are typed for Cyrillic ones (a keyboard layout slip). */
const LOOK_ALIKE: Record<string, string> = {
  a: 'а', c: 'с', e: 'е', o: 'о', p: 'р', x: 'х', y: 'у', k: 'к', m: 'м', t: 'т', h: 'н', b: 'в', i: 'и', n: 'н', u: 'и',
  A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х', Y: 'У',
};
/** A word mixing Cyrillic and Latin letters. */
const MIXED_WORD = /[A-Za-zА-Яа-яЁё]*(?:[А-Яа-яЁё][A-Za-z]|[A-Za-z][А-Яа-яЁё])[A-Za-zА-Яа-яЁё]*/g;

export interface MixedWord {
  word: string;
  fix: string;
  latin: string[];
}

/** Words of the text that mix scripts, with the word typed in Cyrillic. */
export function mixedWords(text: string): MixedWord[] {
  return [...text.matchAll(MIXED_WORD)].map(([word]) => {
    const latin = [...new Set([...word].filter((ch) => /[A-Za-z]/.test(ch)))];
    return { word, fix: [...word].map((ch) => LOOK_ALIKE[ch] ?? ch).join(''), latin };
  });
}

/**
 * Escapes what MDX would read as markup. Links `[text](url)` and bold `**` stay; an autolink `<https://…>`,
 * which MDX does not read, becomes a link with the address as its text.
 */
export function escapeMdx(text: string): string {
  return text
    .split(/(\[[^\]]*\]\([^)]*\)|<https?:\/\/[^>\s]+>|\*\*)/)
    .map((piece, i) => {
      if (!(i % 2)) return piece.replace(/[\\{}<>_*|`]/g, (ch) => `\\${ch}`);
      const autolink = /^<(.+)>$/.exec(piece);
      return autolink ? `[${autolink[1]}](${autolink[1]})` : piece;
    })
    .join('');
}

/** A line that markdown would read as a list, heading or quote gets its first character escaped. */
function escapeLineStart(line: string): string {
  return line.replace(/^(\s*)([-+#>])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** Escaped text with each mixed-script word wrapped in <Sic>; returns the notes to add beside it. */
function markSic(text: string): { mdx: string; notes: string[] } {
  const notes: string[] = [];
  const pieces = text.split(MIXED_WORD);
  const words = [...text.matchAll(MIXED_WORD)].map(([w]) => w);
  let mdx = escapeMdx(pieces[0]);
  words.forEach((word, i) => {
    const [{ fix, latin }] = mixedWords(word);
    mdx += `<Sic fix="${fix}">${escapeMdx(word)}</Sic>${escapeMdx(pieces[i + 1])}`;
    const letters = latin.map((ch) => `«${ch}»`).join(', ');
    notes.push(
      `В источнике в слове «${fix}» ${latin.length > 1 ? `буквы ${letters} набраны` : `буква ${letters} набрана`} латиницей; имеется в виду то же слово, набранное кириллицей. Текст сохранён как в оригинале.`,
    );
  });
  return { mdx, notes: [...new Set(notes)] };
}

function notesMdx(notes: string[]): string {
  return notes.map((note) => `<Note>${escapeMdx(note)}</Note>`).join('\n\n');
}

function renderItems(items: AnchoredNode[], indent: string): string {
  const rows = items.map((item) => {
    const { mdx, notes } = markSic(item.text);
    const nested = item.children.filter((child) => child.tag === 'Item');
    if (!nested.length && !notes.length) return `${indent}  <Item id="${item.id}">${mdx}</Item>`;
    const inner = [mdx, notes.length ? notesMdx(notes) : '', nested.length ? renderItems(nested, '') : ''].filter(Boolean);
    return `${indent}  <Item id="${item.id}">\n${inner.join('\n\n')}\n${indent}  </Item>`;
  });
  return `${indent}<Items>\n${rows.join('\n')}\n${indent}</Items>`;
}

/** A clause or paragraph with its paragraphs and items, in source order. */
function renderBlock(node: AnchoredNode): string {
  const { mdx, notes } = markSic(node.text);
  const parts: string[] = [mdx];
  if (notes.length) parts.push(notesMdx(notes));
  let items: AnchoredNode[] = [];
  const flush = () => {
    if (items.length) parts.push(renderItems(items, ''));
    items = [];
  };
  for (const child of node.children) {
    if (child.tag === 'Item') items.push(child);
    else {
      flush();
      parts.push(renderBlock(child));
    }
  }
  flush();
  if (node.tag === 'Para' && parts.length === 1) return `<Para id="${node.id}">${mdx}</Para>`;
  const attrs = node.n ? ` id="${node.id}" n="${node.n}"` : ` id="${node.id}"`;
  return `<${node.tag}${attrs}>\n${parts.join('\n\n')}\n</${node.tag}>`;
}

/** Unanchored lines as written, mixed-script words marked; the notes follow the block. */
function verbatimLines(lines: string[]): { mdx: string; notes: string[] } {
  const marked = lines.map((line) => markSic(line.trim()));
  const mdx = marked.map(({ mdx }) => escapeLineStart(mdx)).join('\n');
  return { mdx, notes: [...new Set(marked.flatMap(({ notes }) => notes))] };
}

/** MDX body of the document. */
export function renderBody(nodes: readonly DocumentNode[]): string {
  return `${nodes
    .map((node) => {
      if (node.type !== 'anchor') {
        if (node.type === 'note') return notesMdx(node.lines);
        const { mdx, notes } = verbatimLines(node.lines);
        return [node.type === 'stamp' ? `<Stamp>\n${mdx}\n</Stamp>` : mdx, ...(notes.length ? [notesMdx(notes)] : [])].join('\n\n');
      }
      if (node.tag === 'Section') return `<Section id="${node.id}" n="${node.n}">${escapeMdx(node.text)}</Section>`;
      return renderBlock(node);
    })
    .join('\n\n')}\n`;
}

/**
 * First pass of the import: source lines → blocks. A block is one numbered clause, one list item or one
 * paragraph, with its source lines; hard-wrapped lines are joined, list markers and numbers split off.
 */

export type BlockKind = 'number' | 'item' | 'section' | 'text';

export interface Block {
  kind: BlockKind;
  /** Source lines as written, markers included (for the verbatim output of unanchored blocks). */
  lines: string[];
  /** Reading text: lines joined, the number or list marker removed. */
  text: string;
  /** «3.1.», «1.1», «3.1.4)» for numbers; «Раздел I» for sections. */
  number?: string;
  /** Item marker as written: «–», «•», «а)», «1)». */
  marker?: string;
  /** Leading spaces of the first line (nested items are indented in some sources). */
  indent: number;
  /** 1-based line of the source where the block starts. */
  line: number;
  /** Blank line before the block in the source. */
  afterBlank: boolean;
}

/** «1.», «1.1.», «1.1», «3.1.4)» followed by text; dates such as «16.10.2024г.» are not numbers. */
const NUMBER = /^(?:\*\*)?(\d{1,2}(?:\.\d{1,2}){0,3})(\.|\))?(?:\*\*)?(?:\s+|$)(.*)$/;
const ITEM = /^([-–—•·▪]|[а-яё]\)|\d{1,2}\))(?:\s+|$|(?=[А-ЯЁа-яё«"*]))(.*)$/;
const SECTION = /^(?:\*\*)?(Раздел|РАЗДЕЛ|Глава|ГЛАВА)\s+([IVXLC]+|\d{1,2})\.?(?:\*\*)?\s*(.*)$/;

export interface Hyphenation {
  line: number;
  joined: string;
}

/** Joins two pieces of one wrapped line: no space after a hyphen ending a word («видео-конференц-» + «связи»). */
export function joinWrapped(left: string, right: string, line: number, hyphenations: Hyphenation[]): string {
  const l = left.trimEnd();
  const r = right.trim();
  if (!l) return r;
  if (!r) return l;
  if (/[а-яёa-z]-$/i.test(l) && /^[а-яё]/.test(r)) {
    const joined = l + r;
    hyphenations.push({ line, joined: (/\S+$/.exec(l)?.[0] ?? '') + (/^\S+/.exec(r)?.[0] ?? '') });
    return joined;
  }
  return `${l} ${r}`;
}

function classify(raw: string): Pick<Block, 'kind' | 'text' | 'number' | 'marker'> {
  const line = raw.trim();
  const section = SECTION.exec(line);
  if (section) return { kind: 'section', number: `${section[1]} ${section[2]}`, text: section[3] };
  const item = ITEM.exec(line);
  // Only dashes are list markers on the page; «а)», «1)», «•» stay in the text, as the source shows them.
  if (item) return { kind: 'item', marker: item[1], text: /^[-–]$/.test(item[1]) ? item[2] : line };
  const number = NUMBER.exec(line);
  if (number && (number[2] || number[1].includes('.')) && !/^\d/.test(number[3])) {
    return { kind: 'number', number: number[1] + (number[2] ?? ''), text: number[3] };
  }
  return { kind: 'text', text: line };
}

/** Whether a line starts a new block inside a group of lines with no blank line between them. */
function startsBlock(raw: string): boolean {
  return classify(raw).kind !== 'text';
}

/** Splits source text into blocks. Lines of one paragraph (no blank line, no marker) are one block. */
export function splitBlocks(text: string, hyphenations: Hyphenation[] = []): Block[] {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ').split('\n');
  const blocks: Block[] = [];
  let current: Block | undefined;
  let blank = true;
  lines.forEach((raw, index) => {
    const line = raw.replace(/\s+$/, '');
    if (!line.trim()) {
      current = undefined;
      blank = true;
      return;
    }
    if (current && !startsBlock(line)) {
      current.lines.push(line);
      current.text = joinWrapped(current.text, line, index + 1, hyphenations);
      return;
    }
    const indent = /^\s*/.exec(line)![0].length;
    current = { ...classify(line), lines: [line], indent, line: index + 1, afterBlank: blank };
    blocks.push(current);
    blank = false;
  });
  return blocks;
}

/** A paragraph that continues the previous block: it starts with a lower-case letter (a line wrapped at a page break). */
export function isContinuation(block: Block): boolean {
  return block.kind === 'text' && /^(?:\*\*)?[а-яё]/.test(block.text);
}

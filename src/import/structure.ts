/**
 * Second pass of the import: blocks → a document tree with ids in the scheme of src/domain/anchors.ts
 * (sections and clauses `p-3-1`, items `p-3-1-4`, nested items `p-3-1-4-2`, paragraphs `p-3-1-abz-2`,
 * paragraphs of a section `p-4-abz-5`, preamble `preambula` / `preambula-abz-2`).
 */
import { isContinuation, joinWrapped, splitBlocks, type Block, type Hyphenation } from './blocks.ts';

export type AnchorTag = 'Section' | 'Clause' | 'Para' | 'Item';

export interface AnchoredNode {
  type: 'anchor';
  tag: AnchorTag;
  id: string;
  /** Number as written, for sections and clauses. */
  n?: string;
  text: string;
  children: AnchoredNode[];
  /** Source line where the node starts. */
  line: number;
}

/** Text kept verbatim without an id: titles, stamps, signatures; or an editorial note. */
export interface PlainNode {
  type: 'raw' | 'stamp' | 'note';
  lines: string[];
}

export type DocumentNode = AnchoredNode | PlainNode;

export interface ParsedDocument {
  nodes: DocumentNode[];
  /** Line numbers and text of blocks the importer could not place under a clause. */
  unplaced: { line: number; text: string }[];
  hyphenations: Hyphenation[];
  /** Source text after an acknowledgment sheet: another document attached to this one. */
  attached?: { line: number; text: string };
  /** Lines of the acknowledgment sheet left out. */
  leftOut: number;
  /** Ids that the source numbered twice; the second got a suffix. */
  renamed: string[];
}

const STAMP_START = /^(?:\*\*)?[«"]?(СОГЛАСОВАН[ОА]?|УТВЕРЖДЕН[ОА]?|УТВЕРЖДАЮ|ПРИНЯТ[ОА]?|РАССМОТРЕН[ОА]?)[»"]?|^Приказом\s/;
const KIND_TITLE = /^(?:\*\*)?(ПОЛОЖЕНИЕ|ПОРЯДОК|ПРАВИЛА|ИНСТРУКЦИЯ|РЕГЛАМЕНТ|ПРИКАЗ|ПИСЬМО|ПРИЛОЖЕНИЕ|Положение|Порядок|Правила|Инструкция|Регламент|Приложение)(?![А-ЯЁа-яё])/;
const ACKNOWLEDGMENT = /^(?:С (?:настоящим )?(?:приказом|положением|порядком|документом) ознакомлен[аы]?|Лист ознакомления|ЛИСТ ОЗНАКОМЛЕНИЯ)/;
/** «Иванова Анна Петровна», «Иванова А.П.», a table row with tabs, a column header. */
const SHEET_ROW = /\t|^ФИО\b|^[А-ЯЁ][а-яё-]+ [А-ЯЁ][а-яё]+ [А-ЯЁа-яё][а-яё]+\s*$|^[А-ЯЁ][а-яё-]+ [А-ЯЁ]\.\s?[А-ЯЁ]\.\s*$/;
const PERSON_NAME = /^[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]+$|^[А-ЯЁ][а-яё]+\s[А-ЯЁ]\.\s?[А-ЯЁ]\.$/;

/** Russian words of the third person («создает», «обеспечивают») mark duty items; nouns mark sub-lists. */
function wordClass(text: string): 'verb' | 'other' {
  const word = /[А-ЯЁа-яё-]+/.exec(text.replaceAll('**', ''))?.[0].toLowerCase() ?? '';
  return /(ет|ит|ют|ят|ут|ёт)$/.test(word) ? 'verb' : 'other';
}

function isHeading(text: string): boolean {
  const plain = text.replaceAll('**', '').trim();
  return plain.length > 0 && plain.length <= 150 && !/[.;]$/.test(plain);
}

function isPreambleParagraph(block: Block): boolean {
  const text = block.text;
  return (
    text.length >= 120 &&
    block.text.length / block.lines.length > 60 && // a letterhead has short lines

    !text.startsWith('**') && !KIND_TITLE.test(text) && !/^[«"]/.test(text) && /[а-яё]/.test(text)
  );
}

/** Parses source text into the document tree. `kind` is the document kind if known (a приказ has no sections). */
export function parseDocument(text: string, kind?: string): ParsedDocument {
  const hyphenations: Hyphenation[] = [];
  const blocks = splitBlocks(text, hyphenations);
  const nodes: DocumentNode[] = [];
  const unplaced: ParsedDocument['unplaced'] = [];
  const used = new Set<string>();
  const renamed: string[] = [];
  let attached: ParsedDocument['attached'];
  let leftOut = 0;

  const uniqueId = (id: string): string => {
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
    let n = 2;
    while (used.has(`${id}-${n}`)) n++;
    renamed.push(id);
    used.add(`${id}-${n}`);
    return `${id}-${n}`;
  };
  const anchor = (tag: AnchorTag, id: string, block: Block, n?: string): AnchoredNode => ({
    type: 'anchor', tag, id: uniqueId(id), n, text: block.text, children: [], line: block.line,
  });

  let inBody = false;
  let section: AnchoredNode | undefined; // the open section (or top-level clause holding sub-clauses)
  let sectionParas = 0;
  let clause: AnchoredNode | undefined;
  let clauseParas = 1;
  let container: AnchoredNode | undefined; // what items attach to: a clause or a paragraph
  let lastTextNode: AnchoredNode | undefined;
  let preamble: AnchoredNode[] = [];
  /** Nesting of items: the parent item, how the nesting was recognised, the first nested item's class. */
  let nest: { parent: AnchoredNode; indent: number; byIndent: boolean; firstClass?: 'verb' | 'other' } | undefined;
  let lastItem: AnchoredNode | undefined;
  let lastItemIndent = 0;
  let stamp: PlainNode | undefined;

  const sheetIndex = blocks.findIndex((block) => block.kind === 'text' && ACKNOWLEDGMENT.test(block.text));
  if (sheetIndex >= 0) {
    // Rows of the sheet written without a blank line after its heading are not part of the heading.
    const sheet = blocks[sheetIndex];
    sheet.text = sheet.lines[0].trim();
  }
  const lastAnchoredIndex = blocks.slice(0, sheetIndex < 0 ? undefined : sheetIndex).findLastIndex((block) => block.kind !== 'text');
  const appendText = (node: AnchoredNode, block: Block) => {
    node.text = joinWrapped(node.text, block.text, block.line, hyphenations);
  };
  const closeItems = () => {
    nest = undefined;
    lastItem = undefined;
  };

  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index];

    if (block.kind === 'text' && ACKNOWLEDGMENT.test(block.text)) {
      const heading = block.lines[0].trim();
      let end = index + 1;
      while (end < blocks.length && blocks[end].kind === 'text' && blocks[end].lines.every((line) => SHEET_ROW.test(line.trim()))) end++;
      leftOut = blocks.slice(index, end).reduce((sum, b) => sum + b.lines.length, 0);
      nodes.push({
        type: 'note',
        lines: [`Лист ознакомления («${heading.replace(/:$/, '')}» — фамилии, имена и отчества работников, даты и подписи) не публикуется: это персональные данные.`],
      });
      if (end < blocks.length) {
        const from = blocks[end].line;
        attached = { line: from, text: text.replace(/\r\n?/g, '\n').split('\n').slice(from - 1).join('\n') };
      }
      break;
    }

    // Approval blocks and stamps before the body.
    if (!inBody && block.kind === 'text' && STAMP_START.test(block.text)) {
      if (stamp?.lines.length === 1 && !/^Приказом/.test(stamp.lines[0].trim())) {
        // «УТВЕРЖДЕНО» alone, then «Приказом …» after a blank line: one stamp.
        stamp.lines.push('', ...block.lines);
        continue;
      }
      stamp = { type: 'stamp', lines: [...block.lines] };
      nodes.push(stamp);
      continue;
    }
    if (!inBody && stamp && block.kind === 'text' && (PERSON_NAME.test(block.text) || (!KIND_TITLE.test(block.text) && !block.text.startsWith('**') && block.lines.every((line) => line.length <= 60) && !isPreambleParagraph(block) && !/^[«"]/.test(block.text) && block.lines.length > 1))) {
      stamp.lines.push('', ...block.lines);
      continue;
    }
    stamp = undefined;

    if (block.kind === 'section') {
      inBody = true;
      const roman = block.number!.split(' ')[1];
      section = anchor('Section', `razdel-${romanToArabic(roman)}`, block, roman);
      nodes.push(section);
      sectionParas = 0;
      clause = undefined;
      container = undefined;
      lastTextNode = undefined;
      closeItems();
      continue;
    }

    if (block.kind === 'number' && !block.number!.endsWith(')')) {
      inBody = true;
      const parts = block.number!.replace(/\.$/, '').split('.');
      const id = `p-${parts.join('-')}`;
      const next = blocks.slice(index + 1).find((b) => !isContinuation(b));
      const subClauseNext = next?.kind === 'number' && next.number!.startsWith(`${parts[0]}.`) && !next.number!.endsWith(')');
      const headingNext = next?.kind === 'text' && !PERSON_NAME.test(next.text);
      const asSection = parts.length === 1 && kind !== 'приказ' && isHeading(block.text) && (subClauseNext || headingNext);
      const node = anchor(asSection ? 'Section' : 'Clause', id, block, block.number);
      nodes.push(node);
      closeItems();
      if (asSection) {
        section = node;
        sectionParas = 0;
        clause = undefined;
        container = undefined;
        lastTextNode = undefined;
      } else {
        if (parts.length === 1) {
          section = node;
          sectionParas = 0;
        }
        clause = node;
        clauseParas = 1;
        container = node;
        lastTextNode = node;
      }
      continue;
    }

    if (block.kind === 'item' || (block.kind === 'number' && block.number!.endsWith(')'))) {
      let target = container;
      let index_: string | undefined;
      if (block.kind === 'number') {
        // «3.1.4)»: item 4 of clause 3.1.
        const parts = block.number!.slice(0, -1).split('.');
        index_ = parts.at(-1);
        const parentId = `p-${parts.slice(0, -1).join('-')}`;
        if (clause?.id !== parentId) target = undefined;
      }
      if (!inBody) target = preamble.at(-1);
      if (!target) {
        unplaced.push({ line: block.line, text: block.text });
        nodes.push({ type: 'raw', lines: block.lines });
        continue;
      }
      // Nesting: deeper indentation, or an item ending with a colon followed by items of another kind.
      let left = false;
      if (nest) {
        const leaves = nest.byIndent
          ? block.indent <= nest.indent
          : wordClass(block.text) === wordClass(nest.parent.text) && nest.firstClass !== wordClass(block.text);
        if (leaves) nest = undefined;
        left = leaves;
      }
      if (!nest && !left && lastItem) {
        const deeper = block.indent > lastItemIndent;
        const afterColon = /:\s*(?:\*\*)?$/.test(lastItem.text) && wordClass(block.text) !== wordClass(lastItem.text);
        if (deeper || afterColon) {
          nest = { parent: lastItem, indent: lastItemIndent, byIndent: deeper, firstClass: wordClass(block.text) };
        }
      }
      const parent = nest ? nest.parent : target;
      const position = index_ ?? String(parent.children.filter((child) => child.tag === 'Item').length + 1);
      const item = anchor('Item', `${parent.id}-${position}`, block);
      parent.children.push(item);
      lastTextNode = item;
      if (!nest) {
        lastItem = item;
        lastItemIndent = block.indent;
      }
      continue;
    }

    // Plain text.
    if (isContinuation(block) && lastTextNode) {
      appendText(lastTextNode, block);
      continue;
    }
    if (!inBody) {
      if (isPreambleParagraph(block)) {
        const para = anchor('Para', `preambula-abz-${preamble.length + 1}`, block);
        preamble.push(para);
        nodes.push(para);
        lastTextNode = para;
        closeItems();
      } else {
        nodes.push({ type: 'raw', lines: block.lines });
        lastTextNode = undefined;
      }
      continue;
    }
    if (index > lastAnchoredIndex && (block.text.startsWith('**') || block.lines.every((line) => line.length <= 80))) {
      // Signature and certificate blocks after the last clause.
      const end = sheetIndex < 0 ? blocks.length : sheetIndex;
      nodes.push({ type: 'stamp', lines: blocks.slice(index, end).flatMap((b, i) => (i ? ['', ...b.lines] : b.lines)) });
      index = end - 1;
      continue;
    }
    closeItems();
    if (clause && clause.children.every((child) => child.tag !== 'Item')) {
      const para = anchor('Para', `${clause.id}-abz-${++clauseParas}`, block);
      clause.children.push(para);
      lastTextNode = para;
      continue;
    }
    if (section) {
      const para = anchor('Para', `${section.id}-abz-${++sectionParas}`, block);
      nodes.push(para);
      clause = undefined;
      container = para;
      lastTextNode = para;
      continue;
    }
    unplaced.push({ line: block.line, text: block.text });
    nodes.push({ type: 'raw', lines: block.lines });
  }

  // A single preamble paragraph is «preambula», not «preambula-abz-1».
  if (preamble.length === 1) {
    used.delete(preamble[0].id);
    preamble[0].id = uniqueId('preambula');
    for (const child of preamble[0].children) child.id = child.id.replace(/^preambula-abz-1/, 'preambula');
  }
  preamble = [];
  return { nodes, unplaced, hyphenations, attached, leftOut, renamed };
}

export function romanToArabic(numeral: string): number {
  if (/^\d+$/.test(numeral)) return Number(numeral);
  const values: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
  let total = 0;
  for (let i = 0; i < numeral.length; i++) {
    const value = values[numeral[i]];
    total += value < (values[numeral[i + 1]] ?? 0) ? -value : value;
  }
  return total;
}

/** Every anchored node in document order, nested ones after their parent. */
export function anchoredNodes(nodes: readonly DocumentNode[]): AnchoredNode[] {
  const out: AnchoredNode[] = [];
  const walk = (node: AnchoredNode) => {
    out.push(node);
    node.children.forEach(walk);
  };
  for (const node of nodes) if (node.type === 'anchor') walk(node);
  return out;
}

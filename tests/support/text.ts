/** Text comparison for the verbatim rule: whitespace, list markers, bold and link markup may differ; nothing else. */
import { parseHTML } from 'linkedom';

const BLOCK = new Set(['ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIGURE', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'SECTION', 'SUMMARY', 'TABLE', 'TD', 'TH', 'TR', 'UL']);

/** Elements whose text is not read on the page. */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A source line as it must read on the page: no `**`, no leading list marker, links reduced to their text. */
export function normalizeSourceLine(line: string): string {
  return collapse(
    line
      .replaceAll('**', '')
      .replace(/^\s*[-–](?:\s+|$)/, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/<(https?:\/\/[^>]+)>/g, '$1'),
  );
}

/** The reading text of a page's <main>: editorial notes and controls removed, block boundaries kept as spaces. */
export function mainText(html: string): string {
  return collapse(readingBlocks(html, 'main').join(' '));
}

/**
 * The reading text of the element `selector` picks, block by block (a heading, a paragraph, a list item's own words):
 * what is marked editorial (`data-editorial`: notes, permalinks, corrections of misprints) removed.
 */
export function readingBlocks(html: string, selector: string): string[] {
  const { document } = parseHTML(html);
  const root = document.querySelector(selector);
  if (!root) throw new Error(`нет ${selector}`);
  for (const editorial of root.querySelectorAll('[data-editorial]')) editorial.remove();
  const blocks: string[] = [''];
  const walk = (node: Node) => {
    if (node.nodeType === 3) blocks[blocks.length - 1] += node.textContent;
    else if (node.nodeType === 1) {
      if (SKIPPED.has((node as Element).tagName)) return;
      const block = BLOCK.has((node as Element).tagName);
      if (block) blocks.push('');
      for (const child of node.childNodes) walk(child);
      if (block) blocks.push('');
    }
  };
  walk(root);
  return blocks.map(collapse).filter(Boolean);
}

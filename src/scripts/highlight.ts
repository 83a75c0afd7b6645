/**
 * Landing from a search result (`?highlight=слова#p-3-1`): marks the found words inside the target
 * clause with the CSS Custom Highlight API (no change to the text). Browsers without it show the clause unmarked.
 */
import { normalizeText } from '../domain/search-text.ts';

const wanted = new Set(
  (new URLSearchParams(location.search).get('highlight') ?? '')
    .toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 1).slice(0, 12).map(normalizeText),
);
const main = document.querySelector('main');
if (wanted.size && main && 'highlights' in CSS) {
  let target: Element | null = null;
  try {
    target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  } catch {
    // a malformed anchor: mark the whole page
  }
  const scope = target?.closest('.clause, .para, .faq-item') ?? target ?? main;
  const ranges: Range[] = [];
  const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (node.parentElement?.closest('.vh, .permalink')) continue;
    for (const match of normalizeText(node.data.toLowerCase()).matchAll(/[\p{L}\p{N}]+/gu)) {
      if (!wanted.has(match[0])) continue;
      const range = new Range();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      ranges.push(range);
    }
  }
  CSS.highlights.set('search', new Highlight(...ranges));
}

/** Terms the documents define (content/glossary.json), and linking a page's first use of each to its definition. */
import { z } from 'zod';
import { parseHTML } from 'linkedom';

export const glossarySchema = z.array(
  z.object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    /** The term as the glossary lists it. */
    term: z.string().min(2),
    /** Regular expressions for the term's forms in running text («учебн\\p{L}* профил\\p{L}*»), matched case-insensitively. */
    forms: z.array(z.string()).min(1),
    /** Each document's definition, verbatim from the anchor's own text. */
    definitions: z.array(z.object({ doc: z.string(), anchor: z.string(), text: z.string().min(10) })).min(1),
  }),
);

export type Glossary = z.infer<typeof glossarySchema>;
export type Term = Glossary[number];

/** One expression for all forms of a term. Word boundaries are checked by hand: \b does not know Cyrillic. */
export function termPattern(term: Term): RegExp {
  return new RegExp(`(?<![\\p{L}\\d])(?:${term.forms.join('|')})(?![\\p{L}\\d])`, 'iu');
}

/** Elements whose text is never linked: links, headings, controls, editorial and navigation chrome. */
const SKIP = 'a, h1, h2, h3, h4, h5, h6, script, style, nav, button, label, figcaption, mark, dt, [data-editorial], .notice, .meta';

/**
 * Wraps the first use of each term in `main` in a link to its glossary entry, with a visually hidden
 * «(термин)» marked editorial, so the verbatim text and its reading stay unchanged. Returns the new HTML.
 */
export function linkFirstUses(html: string, glossary: Glossary, href: (term: Term) => string): string {
  const { document } = parseHTML(html);
  const main = document.querySelector('main');
  if (!main) return html;
  let changed = false;
  for (const term of glossary) {
    const pattern = termPattern(term);
    const walker = document.createTreeWalker(main, 4 /* NodeFilter.SHOW_TEXT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.closest(SKIP)) continue;
      const match = pattern.exec(node.textContent ?? '');
      if (!match) continue;
      const text = node.textContent ?? '';
      const link = document.createElement('a');
      link.setAttribute('href', href(term));
      link.setAttribute('class', 'term');
      const hint = document.createElement('span');
      hint.setAttribute('class', 'vh');
      hint.setAttribute('data-editorial', '');
      hint.setAttribute('data-pagefind-ignore', '');
      hint.textContent = ' (термин)';
      link.append(document.createTextNode(match[0]), hint);
      (node as ChildNode).replaceWith(
        document.createTextNode(text.slice(0, match.index)),
        link,
        document.createTextNode(text.slice(match.index + match[0].length)),
      );
      changed = true;
      break;
    }
  }
  return changed ? document.toString() : html;
}

/** Terms the documents define (content/glossary.json), and linking a page's first use of each to its definition. */
import { z } from 'zod';
import { ID_FORMAT } from './validation.ts';

export const glossarySchema = z.array(
  z.object({
    id: ID_FORMAT,
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
const SKIPPED_ELEMENTS = new Set(['a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'nav', 'button', 'label', 'figcaption', 'mark', 'dt', 'textarea', 'select', 'option', 'svg']);
const SKIPPED_CLASSES = new Set(['notice', 'meta']);
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** A comment, a raw-text element (script, style) whole, or one start or end tag; the text between them is page text. */
const MARKUP = /<!--[\s\S]*?-->|<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>|<(\/?)([a-zA-Z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;

function skipsText(name: string, attributes: string): boolean {
  if (SKIPPED_ELEMENTS.has(name)) return true;
  if (/\sdata-editorial(?=[\s=>/]|$)/.test(attributes)) return true;
  const classes = /\sclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/.exec(attributes);
  return (classes?.[1] ?? classes?.[2] ?? classes?.[3] ?? '').split(/\s+/).some((name) => SKIPPED_CLASSES.has(name));
}

const anyForms = new WeakMap<Glossary, RegExp>();

/**
 * One expression for every form of every term, without the word boundaries: text it does not match holds no term,
 * so most text is passed over with one search instead of one a term.
 */
function anyForm(glossary: Glossary): RegExp {
  let pattern = anyForms.get(glossary);
  if (!pattern) anyForms.set(glossary, (pattern = new RegExp(glossary.flatMap((term) => term.forms).join('|') || '(?!)', 'iu')));
  return pattern;
}

const escapeAttribute = (value: string) => value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

/**
 * Wraps the first use of each term in `main` in a link to its glossary entry, with a visually hidden
 * «(термин)» marked editorial, so the verbatim text and its reading stay unchanged. Returns the new HTML.
 * A string pass over the text between tags: everything else (head, attributes, scripts, escaping) is kept byte for byte.
 */
export function linkFirstUses(html: string, glossary: Glossary, href: (term: Term) => string): string {
  const pending = glossary.map((term) => ({ term, pattern: termPattern(term) }));
  const mayHoldTerm = anyForm(glossary);
  /** The page in pieces: what is copied unchanged, and each text with its links. */
  const out: string[] = [];
  let copied = 0;
  /** Open elements inside main: whether each one, or one around it, keeps its text unlinked. */
  const open: Array<{ name: string; skips: boolean }> = [];
  let inMain = false;
  let last = 0;
  const linkText = (text: string): string => {
    if (!mayHoldTerm.test(text)) return text;
    for (let i = 0; i < pending.length; i++) {
      const { term, pattern } = pending[i];
      const match = pattern.exec(text);
      if (!match) continue;
      pending.splice(i--, 1);
      const link = `<a href="${escapeAttribute(href(term))}" class="term">${match[0]}<span class="vh" data-editorial> (термин)</span></a>`;
      return linkText(text.slice(0, match.index)) + link + linkText(text.slice(match.index + match[0].length));
    }
    return text;
  };
  for (const tag of html.matchAll(MARKUP)) {
    if (!pending.length) break;
    if (inMain && !open.at(-1)?.skips && tag.index > last) {
      const text = html.slice(last, tag.index);
      const linked = linkText(text);
      if (linked !== text) {
        out.push(html.slice(copied, last), linked);
        copied = tag.index;
      }
    }
    last = tag.index + tag[0].length;
    const [, , closing, rawName, attributes = ''] = tag;
    if (!rawName) continue;
    const name = rawName.toLowerCase();
    if (name === 'main') {
      inMain = !closing;
      open.length = 0;
    } else if (!inMain || VOID_ELEMENTS.has(name) || attributes.trimEnd().endsWith('/')) continue;
    else if (!closing) open.push({ name, skips: open.at(-1)?.skips || skipsText(name, attributes) });
    else {
      const at = open.findLastIndex((element) => element.name === name);
      if (at >= 0) open.length = at;
    }
  }
  if (!out.length) return html;
  out.push(html.slice(copied));
  return out.join('');
}

/**
 * Build-time HTML pass: links the first use of each defined term on a page to the glossary (see src/domain/glossary.ts),
 * then gives the page its Content-Security-Policy (see src/domain/csp.ts).
 */
import { defineMiddleware } from 'astro:middleware';
import glossaryData from '../content/glossary.json';
import { glossarySchema, linkFirstUses } from './domain/glossary.ts';
import { parseFile } from './domain/validation.ts';
import { REFERENCE_PATHS, termPath, withBase } from './domain/paths.ts';
import { withPolicy } from './domain/csp.ts';

const glossary = parseFile(glossarySchema, glossaryData, 'content/glossary.json');
const base = import.meta.env.BASE_URL;
/** The glossary itself, the 404 page and the draft act (a document to sign, hydrated in the browser) get no glossary links. */
const untouched = [withBase(base, REFERENCE_PATHS.glossary), withBase(base, '404'), withBase(base, 'proekt')];

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const path = context.url.pathname;
  const linked = !untouched.some((prefix) => path.startsWith(prefix));
  if (!response.headers.get('content-type')?.startsWith('text/html') || (!linked && import.meta.env.DEV)) return response;
  let html = await response.text();
  if (linked) html = linkFirstUses(html, glossary, (term) => withBase(base, termPath(term.id)));
  // The page's Content-Security-Policy, from its final HTML (src/domain/csp.ts): built pages only, since in
  // `npm run dev` Vite adds styles and scripts of its own.
  if (!import.meta.env.DEV) html = withPolicy(html);
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});

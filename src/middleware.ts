/**
 * Build-time HTML pass: links the first use of each defined term on a page to the glossary (see src/domain/glossary.ts),
 * then gives the page its Content-Security-Policy (see src/domain/csp.ts).
 */
import { defineMiddleware } from 'astro:middleware';
import glossaryData from '../content/glossary.json';
import { glossarySchema, linkFirstUses } from './domain/glossary.ts';
import { parseFile } from './domain/validation.ts';
import { REFERENCE_PATHS, termPath } from './domain/paths.ts';
import { withPolicy } from './domain/csp.ts';
import { DEV, sitePath } from './base-path.ts';

const glossary = parseFile(glossarySchema, glossaryData, 'content/glossary.json');
/** The glossary itself, the 404 page and the draft act (a document to sign, hydrated in the browser) get no glossary links. */
const untouched = [sitePath(REFERENCE_PATHS.glossary), sitePath('404'), sitePath('proekt')];

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const path = context.url.pathname;
  const linked = !untouched.some((prefix) => path.startsWith(prefix));
  if (!response.headers.get('content-type')?.startsWith('text/html') || (!linked && DEV)) return response;
  let html = await response.text();
  if (linked) html = linkFirstUses(html, glossary, (term) => sitePath(termPath(term.id)));
  // The page's Content-Security-Policy, from its final HTML (src/domain/csp.ts): built pages only, since in
  // `npm run dev` Vite adds styles and scripts of its own.
  if (!DEV) html = withPolicy(html);
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});

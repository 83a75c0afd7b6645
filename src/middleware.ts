/** Build-time HTML pass: links the first use of each defined term on a page to the glossary (see src/domain/glossary.ts). */
import { defineMiddleware } from 'astro:middleware';
import glossaryData from '../content/glossary.json';
import { glossarySchema, linkFirstUses } from './domain/glossary.ts';
import { parseFile } from './domain/validation.ts';
import { REFERENCE_PATHS, termPath, withBase } from './domain/paths.ts';

const glossary = parseFile(glossarySchema, glossaryData, 'content/glossary.json');
const base = import.meta.env.BASE_URL;
/** The glossary itself, the 404 page and the draft act (a document to sign, hydrated in the browser) are left alone. */
const untouched = [withBase(base, REFERENCE_PATHS.glossary), withBase(base, '404'), withBase(base, 'proekt')];

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const path = context.url.pathname;
  if (!response.headers.get('content-type')?.startsWith('text/html') || untouched.some((prefix) => path.startsWith(prefix))) return response;
  const html = linkFirstUses(await response.text(), glossary, (term) => withBase(base, termPath(term.id)));
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});

import type { APIRoute } from 'astro';
import { searchIndex } from '../../search-content.ts';

/** The search index without its postings and texts (src/domain/search-index.ts). */
export const GET: APIRoute = async () => {
  const { index } = await searchIndex();
  return new Response(JSON.stringify(index), { headers: { 'content-type': 'application/json' } });
};

import type { APIRoute, GetStaticPaths } from 'astro';
import { searchIndex } from '../../../search-content.ts';

/** One chunk of section texts, for the excerpts of results. */
export const getStaticPaths = (async () => {
  const { chunks } = await searchIndex();
  return chunks.map((_, chunk) => ({ params: { chunk: String(chunk) } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { chunks } = await searchIndex();
  const chunk = chunks[Number(params.chunk)];
  if (!chunk) return new Response(null, { status: 404 });
  return new Response(JSON.stringify(chunk), { headers: { 'content-type': 'application/json' } });
};

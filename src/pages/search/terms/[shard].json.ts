import type { APIRoute, GetStaticPaths } from 'astro';
import { searchIndex } from '../../../search-content.ts';

/** One shard of the search postings: stem → sections. */
export const getStaticPaths = (async () => {
  const { shards } = await searchIndex();
  return shards.map((_, shard) => ({ params: { shard: String(shard) } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { shards } = await searchIndex();
  const shard = shards[Number(params.shard)];
  if (!shard) return new Response(null, { status: 404 });
  return new Response(JSON.stringify(shard), { headers: { 'content-type': 'application/json' } });
};

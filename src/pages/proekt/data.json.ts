import type { APIRoute } from 'astro';
import { draftSource, draftDefaults } from '../../draft.ts';

/** The draft island's data, fetched by the draft page when it hydrates. */
export const GET: APIRoute = async () => {
  const source = await draftSource();
  return new Response(JSON.stringify({ source, defaults: draftDefaults(source) }), { headers: { 'content-type': 'application/json' } });
};

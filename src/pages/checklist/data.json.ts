import type { APIRoute } from 'astro';
import { wizardProps } from '../../catalogue.ts';

/** The wizard island's data, fetched by the checklist page when it hydrates. */
export const GET: APIRoute = async () => new Response(JSON.stringify(await wizardProps()), { headers: { 'content-type': 'application/json' } });

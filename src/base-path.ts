/**
 * The site's base path (astro.config.mjs `base`) and whether this is `npm run dev`, read from Astro in this one
 * module: Astro rewrites every server module that names import.meta.env in a pass of its own (esbuild, 5–25 ms a
 * module), so the rest of the site imports them from here.
 */
import { withBase } from './domain/paths.ts';

export const BASE: string = import.meta.env.BASE_URL;
export const DEV: boolean = import.meta.env.DEV;

/** A site path under the base: `search/` → `/podpapka/search/`. */
export function sitePath(path = ''): string {
  return withBase(BASE, path);
}

import type { AstroIntegration } from 'astro';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withPolicy } from '../domain/csp.ts';

/** Pages read, given their policy and written at the same time. */
const IN_FLIGHT = 16;

/**
 * Puts a Content-Security-Policy <meta> into every built HTML page (src/domain/csp.ts). Must be the last
 * integration: the hashes are taken from the final HTML, including pages other integrations write.
 */
export default function contentSecurityPolicy(): AstroIntegration {
  return {
    name: 'sferum-csp',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const pages = (await readdir(outDir, { recursive: true })).filter((file) => file.endsWith('.html'));
        // A few pages at a time: reading them all at once held every page of a large site in memory together.
        for (let from = 0; from < pages.length; from += IN_FLIGHT) {
          await Promise.all(pages.slice(from, from + IN_FLIGHT).map(async (file) => writeFile(join(outDir, file), withPolicy(await readFile(join(outDir, file), 'utf8')))));
        }
        logger.info(`Content-Security-Policy: ${pages.length} страниц`);
      },
    },
  };
}

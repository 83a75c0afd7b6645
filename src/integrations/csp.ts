import type { AstroIntegration } from 'astro';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withPolicy } from '../domain/csp.ts';

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
        await Promise.all(pages.map(async (file) => writeFile(join(outDir, file), withPolicy(await readFile(join(outDir, file), 'utf8')))));
        logger.info(`Content-Security-Policy: ${pages.length} страниц`);
      },
    },
  };
}

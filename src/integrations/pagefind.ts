import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

/** Builds the Pagefind search index (Russian stemming) into the site's output after every build. */
export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'sferum-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'ru' });
        if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: outDir });
        if (added.errors.length) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
        await index.writeFiles({ outputPath: `${outDir}/pagefind` });
        await pagefind.close();
        logger.info(`поисковый индекс: ${added.page_count} страниц`);
      },
    },
  };
}

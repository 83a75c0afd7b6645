import type { AstroIntegration } from 'astro';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { selfContainedPage } from '../domain/offline-page.ts';
import { withPolicy } from '../domain/csp.ts';

/**
 * Each institution's deck as one HTML file with everything inlined, for rooms without internet:
 * dist/<section>pedchas/pedchas-offline.html. `sections`: the site paths of the sections that have a deck.
 */
export default function offlineDeck(sections: readonly string[]): AstroIntegration {
  let base = '/';
  let siteUrl = '';
  return {
    name: 'sferum-offline-deck',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        siteUrl = config.site ?? '';
      },
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        for (const section of sections) {
          const deck = readFileSync(join(outDir, section, 'pedchas/index.html'), 'utf8');
          // Its own policy: the deck page's hashes do not cover what is inlined here.
          const offline = withPolicy(selfContainedPage(deck, { read: (path) => readFileSync(join(outDir, path), 'utf8'), base, siteUrl }));
          writeFileSync(join(outDir, section, 'pedchas/pedchas-offline.html'), offline);
          logger.info(`презентация одним файлом: ${section}pedchas/pedchas-offline.html, ${Math.round(offline.length / 1024)} КБ`);
        }
      },
    },
  };
}

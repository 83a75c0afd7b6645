// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { basePathOf } from './src/domain/site-config.ts';
import { loadSiteConfig } from './src/settings-file.ts';
import { institutionRoutes } from './src/domain/sections.ts';
import offlineDeck from './src/integrations/offline-deck.ts';
import preactIslands from './src/integrations/preact-islands.ts';

const config = loadSiteConfig();

export default defineConfig({
  site: config.siteUrl,
  // BASE_PATH overrides the sub-folder taken from siteUrl (the tests build the site under one).
  base: process.env.BASE_PATH ?? basePathOf(config.siteUrl),
  trailingSlash: 'ignore',
  // Chosen by `npm run bench` (a first visit and a three-page visit, next to the floor): the stylesheet every page
  // uses (global.css: layout, documents) is a file, cached after the first page; a page type's own small sheet
  // (deck.css, checklist.css, …: under 4 KB) is inlined into the few pages that use it.
  build: { format: 'directory', inlineStylesheets: 'auto', concurrency: 4 },
  vite: {
    plugins: [{
      // A dynamic import() stays a bare import(): no preload helper module on each page that has one.
      // (Astro sets build.modulePreload itself, so a plain `vite.build` setting is overwritten.)
      name: 'sferum-no-module-preload',
      config: () => ({ build: { modulePreload: false } }),
    }, {
      // `npm run dev`: the regulations are read from their files (src/regulation-files.ts), not imported, so Vite
      // does not see them change; an edit re-runs the site's modules and reloads the page.
      name: 'sferum-regulations-reload',
      apply: 'serve',
      configureServer(server) {
        const regulations = fileURLToPath(new URL('content/regulations/', import.meta.url));
        const reload = (/** @type {string} */ file) => {
          if (!file.startsWith(regulations) || !file.endsWith('.mdx')) return;
          for (const environment of Object.values(server.environments)) {
            environment.moduleGraph.invalidateAll();
            if ('runner' in environment) /** @type {import('vite').RunnableDevEnvironment} */ (environment).runner.evaluatedModules.clear();
          }
          server.ws.send({ type: 'full-reload', path: '*' });
        };
        server.watcher.on('add', reload).on('change', reload).on('unlink', reload);
      },
    }],
  },
  markdown: {
    // Regulation text is published verbatim: no curly quotes, dashes or ellipses added.
    processor: satteri({ features: { smartPunctuation: false } }),
  },
  // Each page's Content-Security-Policy is set by src/middleware.ts, the offline deck's by its integration.
  integrations: [
    mdx(),
    preactIslands(),
    sitemap(),
    offlineDeck(institutionRoutes(config).map((route) => route.props.section.path)),
  ],
});

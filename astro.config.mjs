// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { basePathOf } from './src/domain/site-config.ts';
import { loadSiteConfig } from './src/settings-file.ts';
import { institutionRoutes } from './src/domain/sections.ts';
import offlineDeck from './src/integrations/offline-deck.ts';
import contentSecurityPolicy from './src/integrations/csp.ts';

const config = loadSiteConfig();

export default defineConfig({
  site: config.siteUrl,
  // BASE_PATH overrides the sub-folder taken from siteUrl (the tests build the site under one).
  base: process.env.BASE_PATH ?? basePathOf(config.siteUrl),
  trailingSlash: 'ignore',
  // The stylesheet is a file, cached after the first page: chosen by `npm run bench` (a first visit and a
  // three-page visit, next to the floor); stylesheets under 4 KB stay inline.
  build: { format: 'directory', inlineStylesheets: 'auto' },
  markdown: {
    // Regulation text is published verbatim: no curly quotes, dashes or ellipses added.
    processor: satteri({ features: { smartPunctuation: false } }),
  },
  // contentSecurityPolicy last: it hashes the final HTML, including the offline deck.
  integrations: [
    mdx(),
    preact(),
    sitemap(),
    offlineDeck(institutionRoutes(config).map((route) => route.props.section.path)),
    contentSecurityPolicy(),
  ],
});

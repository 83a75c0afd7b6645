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

const config = loadSiteConfig();

export default defineConfig({
  site: config.siteUrl,
  // BASE_PATH overrides the sub-folder taken from siteUrl (the tests build the site under one).
  base: process.env.BASE_PATH ?? basePathOf(config.siteUrl),
  trailingSlash: 'ignore',
  // One small stylesheet, inlined: a phone on a slow line renders the page without a second round trip.
  build: { format: 'directory', inlineStylesheets: 'always' },
  markdown: {
    // Regulation text is published verbatim: no curly quotes, dashes or ellipses added.
    processor: satteri({ features: { smartPunctuation: false } }),
  },
  integrations: [mdx(), preact(), sitemap(), offlineDeck(institutionRoutes(config).map((route) => route.props.section.path))],
});

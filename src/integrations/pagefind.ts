import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { normalizeHtmlText } from '../domain/search-text.ts';
import { withBase } from '../domain/paths.ts';

/** A page to index: its site path without the base (`/docs/x/`) and its HTML. */
interface Page {
  url: string;
  html: string;
}

const CONTENT_TYPES: Record<string, string> = {
  js: 'text/javascript',
  css: 'text/css',
  json: 'application/json',
};

/**
 * Indexes pages with Russian stemming. The text is normalised first (ё → е, Latin look-alikes in
 * Cyrillic words → Cyrillic), as the search page normalises queries, so both meet on one spelling.
 */
async function buildIndex(pages: readonly Page[]) {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'ru' });
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  for (const page of pages) {
    const added = await index.addHTMLFile({ url: page.url, content: normalizeHtmlText(page.html) });
    if (added.errors.length) throw new Error(`Pagefind, ${page.url}: ${added.errors.join('; ')}`);
  }
  return index;
}

/** Every built HTML page of the output directory (the 404 page excluded). */
async function builtPages(outDir: string): Promise<Page[]> {
  const files = (await readdir(outDir, { recursive: true })).filter((file) => file.endsWith('.html') && file !== '404.html');
  return Promise.all(files.map(async (file) => ({
    url: `/${relative(outDir, join(outDir, file)).split(sep).join('/')}`.replace(/index\.html$/, ''),
    html: await readFile(join(outDir, file), 'utf8'),
  })));
}

/** Crawls the dev server from its home page through internal links; returns the HTML pages. */
async function crawl(origin: string, base: string): Promise<Page[]> {
  const queue = [withBase(base), withBase(base, 'docs/'), withBase(base, 'voprosy/')];
  const seen = new Set(queue);
  const pages: Page[] = [];
  while (queue.length && seen.size < 500) {
    const path = queue.shift()!;
    const response = await fetch(origin + path);
    if (!response.ok || !response.headers.get('content-type')?.includes('text/html')) continue;
    const html = await response.text();
    pages.push({ url: `/${path.slice(base.length)}`.replace(/^\/+/, '/'), html });
    for (const [, href] of html.matchAll(/href="([^"#?]+)/g)) {
      const target = new URL(href, origin + path);
      if (target.origin !== origin || !target.pathname.startsWith(base) || !target.pathname.endsWith('/')) continue;
      if (!seen.has(target.pathname)) {
        seen.add(target.pathname);
        queue.push(target.pathname);
      }
    }
  }
  return pages;
}

/**
 * Builds the Pagefind search index into the output after every build; in `astro dev`, serves an
 * index built in memory from the dev server's own pages on the first search (rebuilt after a change).
 */
export default function pagefindIntegration(): AstroIntegration {
  let base = '/';
  return {
    name: 'sferum-pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = withBase(config.base);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const pages = await builtPages(outDir);
        const index = await buildIndex(pages);
        await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
        await pagefind.close();
        logger.info(`поисковый индекс: ${pages.length} страниц`);
      },
      'astro:server:setup': ({ server, logger }) => {
        const prefix = withBase(base, 'pagefind/');
        let files: Promise<Map<string, Uint8Array>> | undefined;
        server.watcher.on('change', () => {
          files = undefined;
        });
        server.middlewares.use(async (request, response, next) => {
          const path = new URL(request.url ?? '/', 'http://dev').pathname;
          if (!path.startsWith(prefix)) return next();
          try {
            files ??= devIndex(`http://${request.headers.host}`, base, logger);
            const file = (await files).get(path.slice(prefix.length));
            if (!file) {
              response.statusCode = 404;
              return response.end();
            }
            response.setHeader('content-type', CONTENT_TYPES[path.split('.').pop() ?? ''] ?? 'application/octet-stream');
            response.end(file);
          } catch (error) {
            files = undefined;
            next(error);
          }
        });
      },
    },
  };
}

async function devIndex(origin: string, base: string, logger: AstroIntegrationLogger): Promise<Map<string, Uint8Array>> {
  const pages = await crawl(origin, base);
  const index = await buildIndex(pages);
  const { files, errors } = await index.getFiles();
  if (errors.length) throw new Error(`Pagefind: ${errors.join('; ')}`);
  await index.deleteIndex();
  logger.info(`поисковый индекс для dev: ${pages.length} страниц`);
  return new Map(files.map((file) => [file.path.split(sep).join('/'), file.content]));
}

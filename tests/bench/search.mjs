/**
 * Search figures for `npm run bench`: bytes for the first query on a cold page (each response
 * gzipped as a server would send it; Pagefind's own files are compressed already), the index size,
 * and query latency after load (median over tests/site/search-queries.json).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { serve } from '../support/static-server.ts';

const COMPRESSED = /\.(pf_fragment|pf_index|pf_filter|pf_meta|pagefind)$/;

/** @param {string} dir */
function sizeOf(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
}

/** @param {string} dist @param {string} base @param {string} root */
export async function searchBench(dist, base, root) {
  const { queries } = JSON.parse(readFileSync(join(root, 'tests/site/search-queries.json'), 'utf8'));
  const server = await serve(dist, base);
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    /** @type {{ url: string, bytes: number }[]} */
    const responses = [];
    page.on('response', async (response) => {
      const body = await response.body().catch(() => Buffer.alloc(0));
      const path = new URL(response.url()).pathname;
      responses.push({ url: path, bytes: COMPRESSED.test(path) ? body.length : gzipSync(body, { level: 6 }).length });
    });
    await page.goto(`${server.url}search/?q=${encodeURIComponent(queries[0].q)}`);
    await page.waitForFunction(() => /^(Найдено|Ничего)/.test(document.getElementById('search-status')?.textContent ?? ''));
    await page.waitForLoadState('networkidle');
    const firstQuery = responses.reduce((sum, response) => sum + response.bytes, 0);
    const firstQueryRequests = responses.length;
    const pagefindBytes = responses.filter((response) => response.url.includes('/pagefind/')).reduce((sum, r) => sum + r.bytes, 0);

    /** @type {number[]} */
    const latencies = [];
    for (const { q } of queries) {
      latencies.push(await page.evaluate(async (query) => {
        const input = /** @type {HTMLInputElement} */ (document.getElementById('search-q'));
        const status = /** @type {HTMLElement} */ (document.getElementById('search-status'));
        const form = /** @type {HTMLFormElement} */ (document.getElementById('search-form'));
        input.value = query;
        const started = performance.now();
        const done = new Promise((resolve) => {
          const observer = new MutationObserver(() => {
            if (status.textContent !== 'Ищем…') {
              observer.disconnect();
              resolve(performance.now() - started);
            }
          });
          observer.observe(status, { childList: true, characterData: true, subtree: true });
        });
        form.requestSubmit();
        return /** @type {Promise<number>} */ (done);
      }, q));
    }
    latencies.sort((a, b) => a - b);
    const median = latencies[Math.floor(latencies.length / 2)];
    return {
      firstQueryBytes: firstQuery,
      firstQueryPagefindBytes: pagefindBytes,
      firstQueryRequests,
      indexBytes: sizeOf(join(dist, 'pagefind')),
      indexBytesUsed: sizeOf(join(dist, 'pagefind')) - ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-highlight.js', 'pagefind-worker.js', 'wasm.unknown.pagefind']
        .reduce((sum, file) => sum + statSync(join(dist, 'pagefind', file)).size, 0),
      queries: latencies.length,
      latencyMedianMs: Math.round(median * 10) / 10,
      latencyMaxMs: Math.round(latencies.at(-1) * 10) / 10,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

const KB = 1024;
const kb = (/** @type {number} */ bytes) => `${(bytes / KB).toFixed(2)} KB`;

/**
 * The search section of `npm run bench` (see SECTIONS in bench.mjs).
 * @param {import('./bench.mjs').SectionContext} context
 * @returns {Promise<import('./bench.mjs').Section>}
 */
export async function section({ dist, base, root }) {
  const search = await searchBench(dist, base, root);
  return {
    title: 'Search (gzip as served; Pagefind index files are compressed already)',
    lines: [
      `first query on a cold search page: ${kb(search.firstQueryBytes)} in ${search.firstQueryRequests} requests (Pagefind: ${kb(search.firstQueryPagefindBytes)})   target <= 150 KB`,
      `index on disk: ${kb(search.indexBytes)} (${kb(search.indexBytesUsed)} without the unused Pagefind UI files)`,
      `query latency after load, ${search.queries} queries: median ${search.latencyMedianMs} ms, max ${search.latencyMaxMs} ms   target median <= 50 ms`,
    ],
    targets: [
      { target: `search: first query on a cold page <= ${kb(150 * KB)}`, value: kb(search.firstQueryBytes), met: search.firstQueryBytes <= 150 * KB },
      { target: 'search: median query latency after load <= 50 ms', value: `${search.latencyMedianMs} ms`, met: search.latencyMedianMs <= 50 },
    ],
    json: search,
  };
}

/**
 * Search figures for `npm run bench`, over tests/bench/search-questions.json:
 * - quality: top-1 and top-3 on the tuning and the evaluation half, with the misses. A result counts when
 *   one of its links (the result itself or the clause shown as its source) is a clause the question expects;
 * - bytes: the first query on a cold page (a fresh browser profile) for every question of the evaluation half,
 *   each response gzipped as a server would send it;
 * - latency: median time from submitting a query to results on screen, after load, over all questions.
 * The same figures with 100 documents: tests/bench/search-scale.mjs.
 * Also runnable alone on a built site: `node tests/bench/search.mjs [dist] [base]`; `--scale` adds the 100-document run.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { serve } from '../support/static-server.ts';
import { splitHalves } from './search-split.mjs';
import { buildScaleFixture, originalLink } from './search-scale.mjs';

const KB = 1024;
const TOP = 3;
export const SEARCH_LIMITS = { firstQueryBytes: 150 * KB, latencyMedianMs: 20, evaluationTop3: 0.9, evaluationTop1: 0.7 };

/** @typedef {{ half: 'tuning' | 'evaluation', who: string, q: string, expect: string[] }} Question */

/** @param {string} dir */
function sizeOf(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
}

/** @param {string} root @returns {Question[]} */
export function loadQuestions(root) {
  /** @type {Question[]} */
  const questions = JSON.parse(readFileSync(join(root, 'tests/bench/search-questions.json'), 'utf8')).questions;
  const halves = splitHalves(questions);
  const moved = questions.filter((question) => halves.get(question.q) !== question.half);
  if (moved.length) throw new Error(`search-questions.json: the stored half disagrees with the seeded split for «${moved[0].q}» and ${moved.length - 1} more`);
  return questions;
}

/** Whether the search page has finished a query (its status names the outcome). */
const settled = () => {
  const text = document.getElementById('search-status')?.textContent ?? '';
  return text !== '' && text !== 'Ищем…';
};

/**
 * Links of the first results, each as a list of site paths with their anchor (`docs/x/#p-1`).
 * @param {import('playwright-core').Page} page @param {string} base @param {(link: string) => string} mapLink
 */
async function topResults(page, base, mapLink) {
  /** @type {string[][]} */
  const hrefs = await page.evaluate((top) => [...document.querySelectorAll('#search-results > li')].slice(0, top)
    .map((item) => [...item.querySelectorAll('a[href]')].map((link) => /** @type {HTMLAnchorElement} */ (link).href)), TOP);
  return hrefs.map((links) => links.map((href) => {
    const url = new URL(href);
    return mapLink(`${url.pathname.slice(base.length)}${url.hash}`);
  }));
}

/** @param {Question} question @param {string[][]} results */
function rankOf(question, results) {
  const at = results.findIndex((links) => links.some((link) => question.expect.includes(link)));
  return at < 0 ? undefined : at + 1;
}

/**
 * @param {string} dist @param {string} base @param {string} root
 * @param {{ mapLink?: (link: string) => string }} [options] `mapLink` reads a result link as the clause it stands for
 */
export async function searchBench(dist, base, root, options = {}) {
  const questions = loadQuestions(root);
  const mapLink = options.mapLink ?? ((link) => link);
  const server = await serve(dist, base);
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  /** @type {Map<Question, string[][]>} */
  const results = new Map();
  try {
    // Cold page per evaluation question: a fresh profile, the query in the address.
    /** @type {{ q: string, bytes: number, requests: number, indexBytes: number }[]} */
    const cold = [];
    for (const question of questions.filter((q) => q.half === 'evaluation')) {
      const context = await browser.newContext();
      const page = await context.newPage();
      /** @type {Promise<{ url: string, bytes: number }>[]} */
      const responses = [];
      page.on('response', (response) => responses.push(response.body().catch(() => Buffer.alloc(0)).then((body) => {
        const path = new URL(response.url()).pathname;
        return { url: path, bytes: gzipSync(body, { level: 6 }).length };
      })));
      await page.goto(`${server.url}search/?q=${encodeURIComponent(question.q)}`);
      await page.waitForFunction(settled);
      await page.waitForLoadState('networkidle');
      const sizes = await Promise.all(responses);
      cold.push({
        q: question.q,
        bytes: sizes.reduce((sum, r) => sum + r.bytes, 0),
        requests: sizes.length,
        indexBytes: sizes.filter((r) => r.url.endsWith('.json')).reduce((sum, r) => sum + r.bytes, 0),
      });
      results.set(question, await topResults(page, base, mapLink));
      await context.close();
    }

    // Warm page: every question in turn, timed from submit to the results on screen.
    const page = await browser.newPage();
    await page.goto(`${server.url}search/?q=${encodeURIComponent(questions[0].q)}`);
    await page.waitForFunction(settled);
    /** @type {number[]} */
    const latencies = [];
    for (const question of questions) {
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
      }, question.q));
      if (!results.has(question)) results.set(question, await topResults(page, base, mapLink));
    }
    latencies.sort((a, b) => a - b);

    const halves = /** @type {const} */ (['tuning', 'evaluation']).map((half) => {
      const asked = questions.filter((q) => q.half === half);
      const ranks = asked.map((question) => ({ question, rank: rankOf(question, results.get(question) ?? []) }));
      return {
        half,
        questions: asked.length,
        top1: ranks.filter((r) => r.rank === 1).length / asked.length,
        top3: ranks.filter((r) => r.rank !== undefined).length / asked.length,
        misses: ranks.filter((r) => r.rank !== 1).map(({ question, rank }) => ({
          q: question.q,
          rank: rank ?? null,
          expected: question.expect,
          got: (results.get(question) ?? []).map((links) => links.join('>')),
        })),
      };
    });
    const firstQuery = [...cold].sort((a, b) => b.bytes - a.bytes);
    return {
      documents: readdirSync(join(dist, 'docs'), { withFileTypes: true }).filter((entry) => entry.isDirectory() && entry.name !== 'type').length,
      quality: halves,
      firstQueryBytesMax: firstQuery[0]?.bytes ?? 0,
      firstQueryBytesMedian: firstQuery[Math.floor(firstQuery.length / 2)]?.bytes ?? 0,
      firstQueryHeaviest: firstQuery[0],
      firstQueryOverBudget: cold.filter((c) => c.bytes > SEARCH_LIMITS.firstQueryBytes).map((c) => c.q),
      indexBytes: sizeOf(join(dist, 'search')) - statSync(join(dist, 'search/index.html')).size,
      queries: latencies.length,
      latencyMedianMs: Math.round(latencies[Math.floor(latencies.length / 2)] * 10) / 10,
      latencyMaxMs: Math.round((latencies.at(-1) ?? 0) * 10) / 10,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

const kb = (/** @type {number} */ bytes) => `${(bytes / KB).toFixed(2)} KB`;
const percent = (/** @type {number} */ share) => `${(share * 100).toFixed(1)} %`;

/** @param {Awaited<ReturnType<typeof searchBench>>} search @param {string} label */
export function searchTargets(search, label) {
  const evaluation = search.quality.find((h) => h.half === 'evaluation');
  return [
    { target: `search (${label}): first query on a cold page <= ${kb(SEARCH_LIMITS.firstQueryBytes)} for every evaluation question`, value: kb(search.firstQueryBytesMax), met: search.firstQueryOverBudget.length === 0 },
    { target: `search (${label}): median query latency after load <= ${SEARCH_LIMITS.latencyMedianMs} ms`, value: `${search.latencyMedianMs} ms`, met: search.latencyMedianMs <= SEARCH_LIMITS.latencyMedianMs },
    { target: `search (${label}): evaluation top-3 >= ${percent(SEARCH_LIMITS.evaluationTop3)}`, value: percent(evaluation?.top3 ?? 0), met: (evaluation?.top3 ?? 0) >= SEARCH_LIMITS.evaluationTop3 },
    { target: `search (${label}): evaluation top-1 >= ${percent(SEARCH_LIMITS.evaluationTop1)}`, value: percent(evaluation?.top1 ?? 0), met: (evaluation?.top1 ?? 0) >= SEARCH_LIMITS.evaluationTop1 },
  ];
}

/** @param {Awaited<ReturnType<typeof searchBench>>} search @param {string} label */
export function searchReport(search, label) {
  const lines = [
    '',
    `Search, ${label} (${search.documents} documents; gzip level 6 as served):`,
    `  first query on a cold page, each evaluation question: max ${kb(search.firstQueryBytesMax)} («${search.firstQueryHeaviest?.q}», ${search.firstQueryHeaviest?.requests} requests, index files ${kb(search.firstQueryHeaviest?.indexBytes ?? 0)}), median ${kb(search.firstQueryBytesMedian)}   target <= ${kb(SEARCH_LIMITS.firstQueryBytes)}`,
    `  index on disk (search/*.json, uncompressed): ${kb(search.indexBytes)}`,
    `  query latency after load, ${search.queries} queries: median ${search.latencyMedianMs} ms, max ${search.latencyMaxMs} ms   target median <= ${SEARCH_LIMITS.latencyMedianMs} ms`,
  ];
  for (const half of search.quality) {
    lines.push(`  ${half.half} half, ${half.questions} questions: top-1 ${percent(half.top1)}, top-3 ${percent(half.top3)}`
      + (half.half === 'evaluation' ? `   targets >= ${percent(SEARCH_LIMITS.evaluationTop1)}, >= ${percent(SEARCH_LIMITS.evaluationTop3)}` : ''));
    for (const miss of half.misses) {
      lines.push(`    ${miss.rank ? `#${miss.rank}` : 'miss'} «${miss.q}»: expected ${miss.expected.slice(0, 2).join(' ')}${miss.expected.length > 2 ? ' …' : ''}; got ${miss.got.join(' ') || 'nothing'}`);
    }
  }
  return lines.join('\n');
}

/** A search report as a section of `npm run bench` (see SECTIONS in bench.mjs). @param {Awaited<ReturnType<typeof searchBench>>} search @param {string} label */
function sectionOf(search, label) {
  const [, title, ...lines] = searchReport(search, label).split('\n');
  return { title: title.replace(/:$/, ''), lines: lines.map((line) => line.replace(/^ {2}/, '')), targets: searchTargets(search, label), json: search };
}

/** @param {import('./bench.mjs').SectionContext} context @returns {Promise<import('./bench.mjs').Section>} */
export async function section({ dist, base, root }) {
  return sectionOf(await searchBench(dist, base, root), 'this site');
}

/** The same with 100 documents. @param {import('./bench.mjs').SectionContext} context @returns {Promise<import('./bench.mjs').Section>} */
export async function scaleSection({ root }) {
  return sectionOf(await scaleSearchBench(root), '100 documents');
}

/** The search figures with 100 documents: builds the fixture, measures, removes it. @param {string} root */
export async function scaleSearchBench(root) {
  const fixture = await buildScaleFixture(root);
  try {
    return await searchBench(fixture.dist, '/', root, { mapLink: originalLink });
  } finally {
    fixture.remove();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const scale = process.argv.includes('--scale');
  const [dist = join(root, 'dist'), base = '/'] = process.argv.slice(2).filter((arg) => arg !== '--scale');
  const runs = [['this site', await searchBench(dist, base, root)]];
  if (scale) runs.push(['100 documents', await scaleSearchBench(root)]);
  for (const [label, search] of runs) {
    console.log(searchReport(search, label));
    for (const t of searchTargets(search, label)) console.log(`${t.met ? 'ok  ' : 'MISS'} ${t.target}: ${t.value}`);
  }
}

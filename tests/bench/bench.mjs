/**
 * Benchmark: build time, gzipped bytes per page type, Lighthouse mobile scores.
 * Run with `npm run bench`. Prints a table, then `JSON:` and the same figures as JSON.
 * Exits 0 when targets are missed (it is a benchmark), non-zero when something fails to run.
 *
 * To add a page type, add it in `pageTypes()`; to add a measure, add an entry to
 * `PAGE_MEASURES` (per page) or `SITE_MEASURES` (whole site), with an optional limit.
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import lighthouse from 'lighthouse';
import { launch } from 'chrome-launcher';
import { serve } from '../support/static-server.ts';
import { searchBench, scaleSearchBench, searchTargets, searchReport } from './search.mjs';
import { institutionsBench, institutionsReport } from './institutions.mjs';
import { importBench, importReport } from './import.mjs';
import { draftBench, draftReport } from './draft.mjs';
import siteSettings from '../../content/site.json' with { type: 'json' };

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIST = join(ROOT, 'dist');
const KB = 1024;
const CATEGORIES = /** @type {const} */ (['performance', 'accessibility', 'best-practices', 'seo']);
const LIGHTHOUSE_TARGET = 100;
const CHROME_FLAGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];
/** A path nothing is built at: the 404 page type audits this URL. */
const MISSING_PAGE = 'bench-no-such-page/';

/**
 * @typedef {{ name: string, file: string, url: string, status?: number,
 *   limits?: Partial<Record<string, number>>, note?: string }} PageType
 *   `file` is relative to dist/, `url` is the path under the site origin (base path included),
 *   `status` the HTTP status the server must answer (default 200), `limits` max gzipped bytes per measure key.
 * @typedef {{ gzip: number, raw: number, files: string[], inline: number }} Bytes
 *   Gzipped total (each file gzipped on its own, plus all inline blocks of the page gzipped together),
 *   raw total, dist-relative files counted, number of inline blocks.
 * @typedef {{ base: string }} Site  the base path the site is built under, e.g. `/` or `/podpapka/`
 * @typedef {{ key: string, label: string, measure: (page: PageType, site: Site) => Bytes }} PageMeasure
 * @typedef {{ key: string, label: string, limit?: number, measure: (site: Site) => Bytes }} SiteMeasure
 */

// ---------------------------------------------------------------- page types

/** @param {string} base */
function pageTypes(base) {
  const docs = readdirSync(join(DIST, 'docs'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'type')
    .map((entry) => `docs/${entry.name}/index.html`)
    .filter((file) => existsSync(join(DIST, file)));
  if (!docs.length) throw new Error('no document pages in dist/docs/*/index.html');
  const largest = docs.reduce((a, b) => (statSync(join(DIST, b)).size > statSync(join(DIST, a)).size ? b : a));
  const wanted = 'docs/tekhnikum/index.html';
  const document = docs.includes(wanted) ? wanted : largest;
  const slug = (/** @type {string} */ file) => file.split('/')[1];
  const docLimits = { js: 3 * KB };

  // The demo serves several institutions: the pages only an institution has are measured in one institution's section.
  const section = existsSync(join(DIST, 'roditelyam/index.html')) ? '' : 'uchrezhdeniya/kerch-shkola-12/';
  /** @type {PageType[]} */
  const types = [
    { name: 'home', file: 'index.html', url: base },
    { name: 'documents index', file: 'docs/index.html', url: `${base}docs/` },
    {
      name: 'document', file: document, url: `${base}docs/${slug(document)}/`, limits: docLimits,
      note: document === wanted ? (largest === wanted ? 'also the largest document page' : undefined)
        : `${wanted} not built, used the largest document page instead`,
    },
    { name: 'document, largest', file: largest, url: `${base}docs/${slug(largest)}/`, limits: docLimits },
    { name: 'role page', file: 'roles/parents/index.html', url: `${base}roles/parents/` },
    { name: 'wizard', file: 'checklist/index.html', url: `${base}checklist/`, limits: { js: 15 * KB } },
    {
      name: 'draft act', file: 'proekt/index.html', url: `${base}proekt/`, limits: { js: 15 * KB },
      note: 'JS before the .docx is asked for (the docx library is a separate chunk, see «draft act» below)',
    },
    {
      name: 'parents', file: `${section}roditelyam/index.html`, url: `${base}${section}roditelyam/`, limits: { js: 0, total: 20 * KB },
      note: 'the parents\' page: target ≤ 20 KB gzipped in all, no JavaScript',
    },
    { name: 'parents poster', file: `${section}roditelyam/plakat/index.html`, url: `${base}${section}roditelyam/plakat/`, limits: { js: 0 } },
    { name: 'role handout', file: `${section}pamyatki/teachers/index.html`, url: `${base}${section}pamyatki/teachers/`, limits: { js: 0 } },
    { name: 'deck', file: `${section}pedchas/index.html`, url: `${base}${section}pedchas/`, limits: { js: 3 * KB } },
    {
      name: 'deck, offline file', file: `${section}pedchas/pedchas-offline.html`, url: `${base}${section}pedchas/pedchas-offline.html`,
      note: 'one self-contained file: styles and script inlined (see HTML)',
    },
    {
      name: '404', file: '404.html', url: `${base}${MISSING_PAGE}`, status: 404,
      note: 'audited at a missing URL, answered with status 404; there Lighthouse\'s http-status-code (SEO)\n'
        + '    and errors-in-console (Chromium logs the 404 of the document itself) cannot pass',
    },
  ];
  // One row per file: drop the "largest" row when it is the document page itself.
  return types.filter((type, i) => types.findIndex((other) => other.file === type.file) === i);
}

// ---------------------------------------------------------------- bytes

/** @param {string | Buffer} data */
const gzipSize = (data) => gzipSync(data, { level: 9 }).length;

/** @param {string} file dist-relative */
const readDist = (file) => readFileSync(join(DIST, file));

/** @param {string} file */
const documentOf = (file) => parseHTML(readDist(file).toString('utf8')).document;

/**
 * Maps a URL found in a page (relative to `from`, a path under the site) back to a dist-relative file.
 * @param {string} href @param {string} from @param {string} base
 */
function distFile(href, from, base) {
  const origin = 'http://site.invalid';
  const url = new URL(href, origin + from);
  if (url.origin !== origin) throw new Error(`${href}: external resource, cannot measure`);
  if (!url.pathname.startsWith(base)) throw new Error(`${href}: outside the base path ${base}`);
  let file = decodeURIComponent(url.pathname.slice(base.length));
  if (file === '' || file.endsWith('/')) file += 'index.html';
  if (!existsSync(join(DIST, file))) throw new Error(`${href} (from ${from}): no ${file} in dist/`);
  return file;
}

/**
 * Sums gzipped sizes: each file on its own, inline blocks together (they travel inside the HTML).
 * @param {Iterable<string>} files @param {string[]} inline @returns {Bytes}
 */
function bytesOf(files, inline) {
  const list = [...new Set(files)];
  const joined = inline.join('\n');
  return {
    gzip: list.reduce((sum, file) => sum + gzipSize(readDist(file)), 0) + (joined ? gzipSize(joined) : 0),
    raw: list.reduce((sum, file) => sum + readDist(file).length, 0) + Buffer.byteLength(joined),
    files: list,
    inline: inline.length,
  };
}

/** Static `import`/`export … from` specifiers of an ES module (minified or not; dynamic import() excluded). */
const STATIC_IMPORT = /(?:^|[^\w$.])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?(["'])([^"'\n]+)\1/g;

/**
 * Adds a module and, recursively, every module it imports statically.
 * @param {string} file @param {Site} site @param {Set<string>} seen
 */
function addModule(file, site, seen) {
  if (seen.has(file)) return;
  seen.add(file);
  followImports(readDist(file).toString('utf8'), `${site.base}${file}`, site, seen);
}

/** @param {string} code @param {string} from URL path the specifiers are relative to @param {Site} site @param {Set<string>} seen */
function followImports(code, from, site, seen) {
  for (const [, , specifier] of code.matchAll(STATIC_IMPORT)) {
    if (!/^(\.{0,2}\/|https?:)/.test(specifier)) throw new Error(`${from}: bare import "${specifier}"`);
    addModule(distFile(specifier, from, site.base), site, seen);
  }
}

const JS_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);
/** Astro island directives that hydrate as soon as the page loads. */
const EAGER_ISLANDS = new Set(['load', 'idle', 'only']);

/** @type {PageMeasure[]} */
const PAGE_MEASURES = [
  { key: 'html', label: 'HTML', measure: (page) => bytesOf([page.file], []) },
  {
    key: 'css',
    label: 'CSS',
    measure: (page, site) => {
      const doc = documentOf(page.file);
      const from = pageUrl(page, site);
      const files = [...doc.querySelectorAll('link[rel~="stylesheet"][href]')]
        .map((link) => distFile(link.getAttribute('href') ?? '', from, site.base));
      return bytesOf(files, [...doc.querySelectorAll('style')].map((style) => style.textContent));
    },
  },
  {
    key: 'js',
    label: 'JS',
    measure: (page, site) => {
      const doc = documentOf(page.file);
      const from = pageUrl(page, site);
      const files = new Set();
      const inline = [];
      for (const script of doc.querySelectorAll('script')) {
        const type = (script.getAttribute('type') ?? '').trim().toLowerCase();
        if (!JS_TYPES.has(type)) continue; // JSON-LD, speculation rules, templates…
        const src = script.getAttribute('src');
        if (src) {
          const file = distFile(src, from, site.base);
          if (type === 'module') addModule(file, site, files);
          else files.add(file);
        } else {
          inline.push(script.textContent);
          if (type === 'module') followImports(script.textContent, from, site, files);
        }
      }
      // Astro islands import their component and renderer from the (inline) island script.
      for (const island of doc.querySelectorAll('astro-island')) {
        if (!EAGER_ISLANDS.has(island.getAttribute('client') ?? '')) continue;
        for (const attr of ['component-url', 'renderer-url', 'before-hydration-url']) {
          const url = island.getAttribute(attr);
          if (url) addModule(distFile(url, from, site.base), site, files);
        }
      }
      return bytesOf(files, inline);
    },
  },
  {
    key: 'total',
    label: 'total',
    measure: (page, site) => {
      const parts = PAGE_MEASURES.filter((m) => m.key !== 'total').map((m) => m.measure(page, site));
      return {
        gzip: parts.reduce((sum, part) => sum + part.gzip, 0),
        raw: parts.reduce((sum, part) => sum + part.raw, 0),
        files: parts.flatMap((part) => part.files),
        inline: parts.reduce((sum, part) => sum + part.inline, 0),
      };
    },
  },
];

/** @type {SiteMeasure[]} */
const SITE_MEASURES = [
  {
    key: 'css',
    label: 'CSS, whole site (unique dist/_astro/*.css + unique inline <style>)',
    limit: 10 * KB,
    measure: () => {
      const byContent = new Map();
      for (const name of readdirSync(join(DIST, '_astro'))) {
        if (name.endsWith('.css')) byContent.set(readDist(`_astro/${name}`).toString('utf8'), `_astro/${name}`);
      }
      const inline = new Set();
      for (const file of htmlFiles()) {
        for (const style of documentOf(file).querySelectorAll('style')) inline.add(style.textContent);
      }
      const files = bytesOf(byContent.values(), []);
      // Unique inline blocks are gzipped one by one: each page carries its own.
      return {
        gzip: files.gzip + [...inline].reduce((sum, css) => sum + gzipSize(css), 0),
        raw: files.raw + [...inline].reduce((sum, css) => sum + Buffer.byteLength(css), 0),
        files: files.files,
        inline: inline.size,
      };
    },
  },
];

/** @param {PageType} page @param {Site} site URL path the page's own links resolve against. */
function pageUrl(page, site) {
  // The 404 page is served at any missing URL; its links are written to work from anywhere,
  // so resolve them from where it would sit as a file.
  return page.status === 404 ? `${site.base}${page.file}` : page.url;
}

/** Every built HTML page, dist-relative (search index and assets excluded). */
function htmlFiles(dir = DIST) {
  /** @type {string[]} */
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (dir !== DIST || (entry.name !== 'pagefind' && entry.name !== '_astro')) out.push(...htmlFiles(path));
    } else if (entry.name.endsWith('.html')) out.push(relative(DIST, path).split(sep).join('/'));
  }
  return out;
}

// ---------------------------------------------------------------- build

/** Runs `npx astro build`; resolves with wall-clock seconds (Pagefind indexing runs inside it). */
function build() {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // Build output goes to stderr so stdout holds only the report.
    const child = spawn('npx', ['astro', 'build'], {
      cwd: ROOT,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 2, 2],
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve((performance.now() - started) / 1000);
      else reject(new Error(`astro build failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

/** The base path the site is built under, as astro.config.mjs computes it, with both slashes. */
function basePath() {
  const base = process.env.BASE_PATH ?? new URL(siteSettings.siteUrl).pathname;
  return `/${base}/`.replace(/\/{2,}/g, '/');
}

// ---------------------------------------------------------------- Lighthouse

/**
 * Audits each page once (mobile emulation, simulated throttling: Lighthouse defaults).
 * @param {PageType[]} pages @param {string} base
 * @returns {Promise<Map<string, { scores: Record<string, number | null>, failing: Record<string, string[]> }>>}
 */
async function audit(pages, base) {
  const server = await serve(DIST, base);
  const origin = new URL(server.url).origin;
  /** @type {import('chrome-launcher').LaunchedChrome | undefined} */
  let chrome;
  try {
    chrome = await launch({
      chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      chromeFlags: CHROME_FLAGS,
      logLevel: 'silent',
    });
    const results = new Map();
    for (const page of pages) {
      const url = origin + page.url;
      const status = (await fetch(url)).status;
      if (status !== (page.status ?? 200)) throw new Error(`${url}: HTTP ${status}, expected ${page.status ?? 200}`);
      process.stderr.write(`lighthouse: ${page.name} ${url}\n`);
      const result = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
        // A 404 page answers 404 on purpose; without this Lighthouse refuses to score it.
        ignoreStatusCode: page.status === 404,
      });
      const lhr = result?.lhr;
      if (!lhr) throw new Error(`${url}: Lighthouse returned no result`);
      if (lhr.runtimeError) throw new Error(`${url}: Lighthouse ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
      /** @type {Record<string, number | null>} */
      const scores = {};
      /** @type {Record<string, string[]>} */
      const failing = {};
      for (const id of CATEGORIES) {
        const category = lhr.categories[id];
        scores[id] = category.score === null ? null : Math.round(category.score * 100);
        // Weighted audits that lost points: why a score is below 100.
        const lost = category.auditRefs
          .filter((ref) => ref.weight > 0)
          .map((ref) => lhr.audits[ref.id])
          .filter((a) => a.score !== null && a.score < 1)
          .map((a) => `${a.id} (${Math.round(/** @type {number} */ (a.score) * 100)})`);
        if (lost.length) failing[id] = lost;
      }
      results.set(page.name, { scores, failing });
    }
    return results;
  } finally {
    chrome?.kill();
    await server.close();
  }
}

// ---------------------------------------------------------------- report

const kb = (/** @type {number} */ bytes) => `${(bytes / KB).toFixed(2)} KB`;
const pad = (/** @type {unknown} */ value, /** @type {number} */ width) => String(value).padEnd(width);
const padStart = (/** @type {unknown} */ value, /** @type {number} */ width) => String(value).padStart(width);

/**
 * @param {{ buildSeconds: number, base: string, pages: any[], site: Record<string, Bytes & { limit?: number }> }} run
 * @returns {{ target: string, value: string, met: boolean }[]}
 */
function targetsOf(run) {
  const targets = [];
  for (const page of run.pages) {
    for (const [key, limit] of Object.entries(page.limits ?? {})) {
      const value = page.bytes[key].gzip;
      targets.push({ target: `${page.name}: ${key} <= ${kb(limit)} gz`, value: kb(value), met: value <= limit });
    }
    for (const id of CATEGORIES) {
      const score = page.lighthouse.scores[id];
      targets.push({ target: `${page.name}: Lighthouse ${id} = ${LIGHTHOUSE_TARGET}`, value: String(score), met: score === LIGHTHOUSE_TARGET });
    }
  }
  for (const measure of SITE_MEASURES) {
    if (measure.limit === undefined) continue;
    const value = run.site[measure.key].gzip;
    targets.push({ target: `site: ${measure.key} <= ${kb(measure.limit)} gz`, value: kb(value), met: value <= measure.limit });
  }
  return targets;
}

/** @param {any} run @param {ReturnType<typeof targetsOf>} targets */
function printTable(run, targets) {
  const out = [];
  const nameWidth = Math.max(...run.pages.map((/** @type {any} */ p) => p.name.length), 4) + 2;
  const fileWidth = Math.max(...run.pages.map((/** @type {any} */ p) => p.file.length), 4) + 2;
  out.push(`Build: ${run.buildSeconds.toFixed(1)} s wall clock (npx astro build, incl. Pagefind indexing)`);
  out.push(`Base path: ${run.base}`);
  out.push('');
  out.push('Bytes, gzip level 9. CSS/JS: each file gzipped on its own + the page\'s inline blocks gzipped together;');
  out.push('(n+m) = n files + m inline blocks. JS = <script> files with their static imports, eager islands, inline scripts.');
  // A measure gets a target column when any page type has a limit for it.
  const hasLimit = (/** @type {string} */ key) => run.pages.some((/** @type {any} */ p) => p.limits?.[key] !== undefined);
  out.push(pad('Page', nameWidth) + pad('File', fileWidth) + PAGE_MEASURES.map((m) =>
    padStart(`${m.label} gz`, 16) + (hasLimit(m.key) ? pad('  target', 20) : '')).join(''));
  for (const page of run.pages) {
    const cells = PAGE_MEASURES.map((m) => {
      const bytes = page.bytes[m.key];
      const limit = page.limits?.[m.key];
      const value = padStart(m.key === 'html' ? kb(bytes.gzip) : `${kb(bytes.gzip)} (${bytes.files.length}+${bytes.inline})`, 16);
      if (!hasLimit(m.key)) return value;
      return value + pad(limit === undefined ? '' : `  <= ${kb(limit)} ${bytes.gzip <= limit ? 'ok' : 'MISS'}`, 20);
    });
    out.push(pad(page.name, nameWidth) + pad(page.file, fileWidth) + cells.join(''));
  }
  for (const page of run.pages.filter((/** @type {any} */ p) => p.note)) out.push(`  note: ${page.name}: ${page.note}`);
  out.push('');
  for (const measure of SITE_MEASURES) {
    const bytes = run.site[measure.key];
    const verdict = measure.limit === undefined ? '' : `   target <= ${kb(measure.limit)} ${bytes.gzip <= measure.limit ? 'ok' : 'MISS'}`;
    out.push(`${measure.label}:`);
    out.push(`  ${kb(bytes.gzip)} (${bytes.files.length}+${bytes.inline})${verdict}`);
  }
  out.push('');
  out.push(`Lighthouse ${run.lighthouseVersion}, mobile (default config: emulated phone, simulated throttling).`);
  out.push(`Scores are from ONE run per page. Target: ${LIGHTHOUSE_TARGET} in every category.`);
  out.push(pad('Page', nameWidth) + CATEGORIES.map((id) => padStart(id, 19)).join(''));
  for (const page of run.pages) {
    const cells = CATEGORIES.map((id) => {
      const score = page.lighthouse.scores[id];
      return padStart(`${score ?? 'n/a'} ${score === LIGHTHOUSE_TARGET ? 'ok  ' : 'MISS'}`, 19);
    });
    out.push(pad(page.name, nameWidth) + cells.join(''));
  }
  for (const page of run.pages) {
    for (const id of CATEGORIES) {
      if (page.lighthouse.scores[id] === LIGHTHOUSE_TARGET || !page.lighthouse.failing[id]) continue;
      out.push(`  ${page.name} / ${id} lost points on: ${page.lighthouse.failing[id].join(', ')}`);
    }
  }
  out.push('');
  const missed = targets.filter((t) => !t.met);
  out.push(`Targets: ${targets.length - missed.length} of ${targets.length} met`);
  for (const t of missed) out.push(`  MISS ${t.target}: ${t.value}`);
  console.log(out.map((line) => line.trimEnd()).join('\n'));
}

// ---------------------------------------------------------------- main

async function main() {
  const base = basePath();
  const buildSeconds = await build();
  const site = { base };
  const pages = pageTypes(base);

  const bytes = new Map(pages.map((page) => [
    page.name,
    Object.fromEntries(PAGE_MEASURES.map((m) => [m.key, m.measure(page, site)])),
  ]));
  const siteBytes = Object.fromEntries(SITE_MEASURES.map((m) => [m.key, { ...m.measure(site), limit: m.limit }]));
  const scores = await audit(pages, base);
  const { version: lighthouseVersion } = JSON.parse(
    readFileSync(join(ROOT, 'node_modules/lighthouse/package.json'), 'utf8'),
  );

  const run = {
    date: new Date().toISOString(),
    node: process.version,
    lighthouseVersion,
    lighthouseRuns: 1,
    buildSeconds: Math.round(buildSeconds * 10) / 10,
    base,
    pages: pages.map((page) => ({ ...page, bytes: bytes.get(page.name), lighthouse: scores.get(page.name) })),
    site: siteBytes,
  };
  const search = await searchBench(DIST, base, ROOT);
  const searchAtScale = await scaleSearchBench(ROOT);
  const targets = [...targetsOf(run), ...searchTargets(search, 'this site'), ...searchTargets(searchAtScale, '100 documents')];
  printTable(run, targets);
  console.log(searchReport(search, 'this site'));
  console.log(searchReport(searchAtScale, '100 documents'));
  const institutions = await institutionsBench();
  console.log(institutionsReport(institutions));
  const imported = await importBench(ROOT);
  console.log(importReport(imported));
  const draft = await draftBench(DIST);
  console.log(draftReport(draft));
  console.log('JSON:');
  console.log(JSON.stringify({ ...run, search, searchAtScale, institutions, import: imported, draft, targets }, null, 2));
}

main().catch((error) => {
  console.error(`bench failed: ${error?.stack ?? error}`);
  process.exitCode = 1;
});

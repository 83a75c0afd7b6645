/**
 * Benchmark: build time; what a browser transfers for each page type on a first visit and on a three-page visit
 * with a warm cache (home → document → search), each next to its floor (the page's visible text, gzipped);
 * Lighthouse mobile scores; then the sections (search, …). Targets missed are reported, not fatal: exits 0 when
 * targets are missed (it is a benchmark), non-zero when something fails to run.
 *
 *   npm run bench                        build, measure, audit
 *   npm run bench -- --no-build          measure the dist/ already built
 *   npm run bench -- --no-lighthouse     skip the audits (minutes under load)
 *   npm run bench -- --no-sections       page figures only (the search section builds a 100-document site)
 *
 * Prints a table, then `JSON:` and the same figures as JSON.
 * To add a page type, add it in `pageTypes()`; a site-wide measure goes in `SITE_MEASURES`.
 * Plug-in point for a whole section (its own figures, lines and targets): a module exporting
 * `section(context)` (see the `Section` typedef), listed in `SECTIONS` below.
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
import * as search from './search.mjs';
import { institutionsBench, institutionsReport } from './institutions.mjs';
import { importBench, importReport } from './import.mjs';
import { draftBench, draftReport } from './draft.mjs';
import siteSettings from '../../content/site.json' with { type: 'json' };

/**
 * @typedef {{ root: string, dist: string, base: string }} SectionContext
 * @typedef {{ target: string, value: string, met: boolean }} Target
 * @typedef {{ title: string, lines: string[], targets: Target[], json: unknown }} Section
 *   A section's report: `lines` printed under `title`, `targets` joined to the summary, `json` under its title.
 * @typedef {{ section: (context: SectionContext) => Promise<Section> }} SectionModule
 */

/**
 * A section from a module that prints its own report: its lines as they are, its targets none.
 * @template T @param {string} title @param {(context: SectionContext) => Promise<T>} measure
 * @param {(result: T) => string} report @returns {SectionModule}
 */
const reportSection = (title, measure, report) => ({
  section: async (context) => {
    const json = await measure(context);
    return { title, lines: report(json).split('\n').filter((line) => line.trim()), targets: [], json };
  },
});

/** Sections run after the page figures, in this order. Add a module here to add a section. */
/** @type {SectionModule[]} */
const SECTIONS = [
  search,
  { section: search.scaleSection },
  reportSection('Institutions', () => institutionsBench(), institutionsReport),
  reportSection('Import', ({ root }) => importBench(root), importReport),
  reportSection('Draft act', ({ dist }) => draftBench(dist), draftReport),
];

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIST = join(ROOT, 'dist');
const KB = 1024;
const CATEGORIES = /** @type {const} */ (['performance', 'accessibility', 'best-practices', 'seo']);
const LIGHTHOUSE_TARGET = 100;
const CHROME_FLAGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];
/** The deck as one self-contained file: the site's stylesheets and scripts inlined. */
const OFFLINE_DECK = 'pedchas-offline.html';
/** A path nothing is built at: the 404 page type audits this URL. */
const MISSING_PAGE = 'bench-no-such-page/';

/**
 * @typedef {{ name: string, file: string, url: string, status?: number,
 *   limits?: Partial<Record<'js' | 'first' | 'warm', number>>, note?: string }} PageType
 *   `file` is relative to dist/, `url` is the path under the site origin (base path included),
 *   `status` the HTTP status the server must answer (default 200), `limits` max gzipped bytes:
 *   `js` all JavaScript on load, `first` a first visit, `warm` the page's step in the warm visit (VISIT).
 * @typedef {{ base: string }} Site  the base path the site is built under, e.g. `/` or `/podpapka/`
 * @typedef {{ key: string, label: string, limit?: number, measure: (site: Site) => number }} SiteMeasure
 */

/** The warm visit: page type names, in order; the cache is empty before the first. */
const VISIT = ['home', 'document, Арсеньев', 'search'];

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
  // A reading page runs at most the small «ссылка на пункт» script on load.
  const docLimits = { js: 1 * KB };
  const arsenev = docs.find((file) => slug(file).startsWith('arsenev'));
  if (!arsenev) throw new Error('no Арсеньев document page (dist/docs/arsenev*/index.html): the warm visit needs it');

  // The demo serves several institutions: the pages only an institution has are measured in one institution's section.
  // (The root then has an institution chooser at roditelyam/, but no handouts.)
  const section = existsSync(join(DIST, 'pamyatki/teachers/index.html')) ? '' : 'uchrezhdeniya/kerch-shkola-12/';
  /** @type {PageType[]} */
  const types = [
    { name: 'home', file: 'index.html', url: base },
    { name: 'documents index', file: 'docs/index.html', url: `${base}docs/` },
    {
      name: 'document', file: document, url: `${base}docs/${slug(document)}/`, limits: docLimits,
      note: document === wanted ? (largest === wanted ? 'also the largest document page' : undefined)
        : `${wanted} not built, used the largest document page instead`,
    },
    {
      name: 'document, Арсеньев', file: arsenev, url: `${base}docs/${slug(arsenev)}/`,
      limits: { ...docLimits, first: 12 * KB, warm: 9 * KB },
      note: 'targets: ≤ 12 KB on a first visit, ≤ 9 KB as the second page of the warm visit',
    },
    { name: 'document, largest', file: largest, url: `${base}docs/${slug(largest)}/`, limits: docLimits },
    { name: 'search', file: 'search/index.html', url: `${base}search/` },
    { name: 'role page', file: 'roles/parents/index.html', url: `${base}roles/parents/` },
    { name: 'wizard', file: 'checklist/index.html', url: `${base}checklist/`, limits: { js: 15 * KB } },
    {
      name: 'draft act', file: 'proekt/index.html', url: `${base}proekt/`, limits: { js: 15 * KB },
      note: 'JS before the .docx is asked for (the docx library is a separate chunk, see «draft act» below)',
    },
    {
      name: 'parents', file: `${section}roditelyam/index.html`, url: `${base}${section}roditelyam/`, limits: { js: 0, first: 20 * KB },
      note: 'the parents\' page: target ≤ 20 KB gzipped in all, no JavaScript',
    },
    { name: 'parents poster', file: `${section}roditelyam/plakat/index.html`, url: `${base}${section}roditelyam/plakat/`, limits: { js: 0 } },
    { name: 'role handout', file: `${section}pamyatki/teachers/index.html`, url: `${base}${section}pamyatki/teachers/`, limits: { js: 0 } },
    { name: 'deck', file: `${section}pedchas/index.html`, url: `${base}${section}pedchas/`, limits: { js: 3 * KB } },
    {
      name: 'deck, offline file', file: `${section}pedchas/${OFFLINE_DECK}`, url: `${base}${section}pedchas/${OFFLINE_DECK}`,
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

/**
 * Everything a browser fetches to show a page, each file once: the HTML (its inline `<style>` and `<script>` travel
 * inside it and are counted there only), stylesheets, scripts with their static imports, eager islands, the icon.
 * Inline blocks are also gzipped on their own (`inlineCss`, `inlineJs`) to show their share; not added to any total.
 * @param {PageType} page @param {Site} site
 */
function transferOf(page, site) {
  const doc = documentOf(page.file);
  const from = pageUrl(page, site);
  // `data:` URLs travel inside the HTML.
  const linked = (/** @type {string} */ selector) => [...doc.querySelectorAll(selector)]
    .map((link) => link.getAttribute('href') ?? '')
    .filter((href) => !href.startsWith('data:'))
    .map((href) => distFile(href, from, site.base));
  const css = new Set(linked('link[rel~="stylesheet"][href]'));
  /** @type {Set<string>} */
  const js = new Set();
  for (const file of linked('link[rel="modulepreload"][href]')) addModule(file, site, js);
  const inlineJs = [];
  for (const script of doc.querySelectorAll('script')) {
    const type = (script.getAttribute('type') ?? '').trim().toLowerCase();
    if (!JS_TYPES.has(type)) continue; // JSON-LD, speculation rules, templates…
    const src = script.getAttribute('src');
    if (src) {
      const file = distFile(src, from, site.base);
      if (type === 'module') addModule(file, site, js);
      else js.add(file);
    } else {
      inlineJs.push(script.textContent);
      if (type === 'module') followImports(script.textContent, from, site, js);
    }
  }
  // Astro islands import their component and renderer from the (inline) island script.
  for (const island of doc.querySelectorAll('astro-island')) {
    if (!EAGER_ISLANDS.has(island.getAttribute('client') ?? '')) continue;
    for (const attr of ['component-url', 'renderer-url', 'before-hydration-url']) {
      const url = island.getAttribute(attr);
      if (url) addModule(distFile(url, from, site.base), site, js);
    }
  }
  const inlineCss = [...doc.querySelectorAll('style')].map((style) => style.textContent);
  const joinedSize = (/** @type {string[]} */ blocks) => (blocks.length ? gzipSize(blocks.join('\n')) : 0);
  return {
    /** @type {Map<string, number>} dist-relative file → gzipped bytes */
    files: new Map([
      [page.file, gzipSize(readDist(page.file))],
      ...[...css, ...js, ...linked('link[rel~="icon"][href]')].map((file) => /** @type {[string, number]} */ ([file, gzipSize(readDist(file))])),
    ]),
    css: [...css],
    js: [...js],
    inlineCss: { gzip: joinedSize(inlineCss), blocks: inlineCss.length },
    inlineJs: { gzip: joinedSize(inlineJs), blocks: inlineJs.length },
    floor: floorOf(doc),
  };
}

/**
 * The floor: the page's visible text (scripts, styles, templates and hidden elements removed, white space
 * collapsed), gzipped. No markup can carry the page in fewer bytes.
 * @param {Document} doc
 */
function floorOf(doc) {
  const body = /** @type {HTMLElement} */ (doc.body.cloneNode(true));
  for (const element of body.querySelectorAll('script, style, template, noscript, [hidden]')) element.remove();
  return gzipSize((body.textContent ?? '').replace(/\s+/g, ' ').trim());
}

/** @param {ReturnType<typeof transferOf>} transfer @param {(file: string) => boolean} [cached] */
const bytesFetched = (transfer, cached = () => false) =>
  [...transfer.files].filter(([file]) => !cached(file)).reduce((sum, [, gzip]) => sum + gzip, 0);

/** @param {ReturnType<typeof transferOf>} transfer @param {string[]} files */
const sumOf = (transfer, files) => files.reduce((sum, file) => sum + (transfer.files.get(file) ?? 0), 0);

/** Per page: HTML (inline included), external CSS and JS, first visit with an empty cache, its floor and ratio. */
function pageFigures(/** @type {ReturnType<typeof transferOf>} */ transfer, /** @type {PageType} */ page) {
  const first = bytesFetched(transfer);
  return {
    html: transfer.files.get(page.file) ?? 0,
    inlineCss: transfer.inlineCss,
    inlineJs: transfer.inlineJs,
    css: sumOf(transfer, transfer.css),
    jsFiles: sumOf(transfer, transfer.js),
    /** All JavaScript: files plus the inline share (an estimate: inline code is gzipped inside the HTML). */
    js: sumOf(transfer, transfer.js) + transfer.inlineJs.gzip,
    first,
    files: [...transfer.files.keys()],
    floor: transfer.floor,
    ratio: first / transfer.floor,
  };
}

/**
 * A visit through several pages with the browser's cache kept: each step fetches only what the earlier
 * steps did not (files are content-hashed or unchanged between pages, so a cached copy is reused).
 * @param {{ page: PageType, transfer: ReturnType<typeof transferOf> }[]} steps
 */
function visitOf(steps) {
  const cache = new Set();
  const out = steps.map(({ page, transfer }) => {
    const bytes = bytesFetched(transfer, (file) => cache.has(file));
    for (const file of transfer.files.keys()) cache.add(file);
    return { name: page.name, url: page.url, bytes, floor: transfer.floor, ratio: bytes / transfer.floor };
  });
  const bytes = out.reduce((sum, step) => sum + step.bytes, 0);
  const floor = out.reduce((sum, step) => sum + step.floor, 0);
  return { steps: out, bytes, floor, ratio: bytes / floor };
}

/** @type {SiteMeasure[]} */
const SITE_MEASURES = [
  {
    key: 'css',
    label: 'CSS, whole site (unique dist/_astro/*.css + unique inline <style>; not the offline deck, a copy of them)',
    limit: 10 * KB,
    measure: () => {
      const files = readdirSync(join(DIST, '_astro')).filter((name) => name.endsWith('.css'));
      const byContent = new Set(files.map((name) => readDist(`_astro/${name}`).toString('utf8')));
      const inline = new Set();
      for (const file of htmlFiles().filter((html) => !html.endsWith(OFFLINE_DECK))) {
        for (const style of documentOf(file).querySelectorAll('style')) inline.add(style.textContent);
      }
      // Each unique file or inline block gzipped on its own: each travels on its own.
      return [...byContent, ...inline].reduce((sum, css) => sum + gzipSize(css), 0);
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
      if (dir !== DIST || entry.name !== '_astro') out.push(...htmlFiles(path));
    } else if (entry.name.endsWith('.html')) out.push(relative(DIST, path).split(sep).join('/'));
  }
  return out;
}

// ---------------------------------------------------------------- build

/** Runs `npx astro build`; resolves with wall-clock seconds (the search index is built inside it). */
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
const times = (/** @type {number} */ ratio) => `${ratio.toFixed(2)}×`;
const pad = (/** @type {unknown} */ value, /** @type {number} */ width) => String(value).padEnd(width);
const padStart = (/** @type {unknown} */ value, /** @type {number} */ width) => String(value).padStart(width);

/**
 * @typedef {PageType & { bytes: ReturnType<typeof pageFigures>, warm?: number,
 *   lighthouse?: { scores: Record<string, number | null>, failing: Record<string, string[]> } }} PageRun
 * @typedef {{ buildSeconds: number | null, base: string, pages: PageRun[], visit: ReturnType<typeof visitOf>,
 *   site: Record<string, { gzip: number, limit?: number }>, lighthouseVersion: string | null }} Run
 */

/** @param {Run} run @returns {Target[]} */
function targetsOf(run) {
  const targets = [];
  for (const page of run.pages) {
    const values = { js: page.bytes.js, first: page.bytes.first, warm: page.warm };
    for (const [key, limit] of Object.entries(page.limits ?? {})) {
      const value = values[/** @type {keyof typeof values} */ (key)];
      if (value === undefined) throw new Error(`${page.name}: limit "${key}" has no figure (warm needs the page in VISIT)`);
      targets.push({ target: `${page.name}: ${key} <= ${kb(limit)} gz`, value: kb(value), met: value <= limit });
    }
    if (!page.lighthouse) continue;
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

/** @param {Run} run @returns {string[]} */
function pageLines(run) {
  const out = [];
  const nameWidth = Math.max(...run.pages.map((p) => p.name.length), 4) + 2;
  out.push(run.buildSeconds === null ? 'Build: skipped (--no-build), measuring dist/ as it is'
    : `Build: ${run.buildSeconds.toFixed(1)} s wall clock (npx astro build, incl. the search index)`);
  out.push(`Base path: ${run.base}`);
  out.push('');
  out.push('What a browser transfers, gzip level 9, each file counted once. HTML includes its inline <style> and');
  out.push('<script>; "inline CSS/JS" show their share (gzipped alone, not added again). CSS/JS = files: stylesheets,');
  out.push('scripts with static imports, eager islands. first = empty cache (+ icon). floor = visible text gzipped.');
  const header = ['HTML', 'inline CSS', 'inline JS', 'CSS files', 'JS files', 'first visit', 'floor', 'first/floor'];
  out.push(pad('Page', nameWidth) + header.map((h) => padStart(h, 12)).join(''));
  for (const page of run.pages) {
    const b = page.bytes;
    const cells = [kb(b.html), kb(b.inlineCss.gzip), kb(b.inlineJs.gzip), kb(b.css), kb(b.jsFiles), kb(b.first), kb(b.floor), times(b.ratio)];
    out.push(pad(page.name, nameWidth) + cells.map((c) => padStart(c, 12)).join(''));
  }
  for (const page of run.pages.filter((p) => p.note)) out.push(`  note: ${page.name}: ${page.note}`);
  out.push('');
  out.push(`Three-page visit, cache kept (starts empty): ${run.visit.steps.map((step) => step.name).join(' → ')}`);
  for (const step of run.visit.steps) {
    out.push(`  ${pad(step.name, nameWidth)}${padStart(kb(step.bytes), 10)}   floor ${padStart(kb(step.floor), 9)}   ${times(step.ratio)}`);
  }
  out.push(`  ${pad('in all', nameWidth)}${padStart(kb(run.visit.bytes), 10)}   floor ${padStart(kb(run.visit.floor), 9)}   ${times(run.visit.ratio)}`);
  out.push('');
  for (const measure of SITE_MEASURES) {
    const bytes = run.site[measure.key].gzip;
    const verdict = measure.limit === undefined ? '' : `   target <= ${kb(measure.limit)} ${bytes <= measure.limit ? 'ok' : 'MISS'}`;
    out.push(`${measure.label}: ${kb(bytes)}${verdict}`);
  }
  if (run.lighthouseVersion === null) return [...out, '', 'Lighthouse: skipped (--no-lighthouse)'];
  out.push('');
  out.push(`Lighthouse ${run.lighthouseVersion}, mobile (default config: emulated phone, simulated throttling).`);
  out.push(`Scores are from ONE run per page. Target: ${LIGHTHOUSE_TARGET} in every category.`);
  out.push(pad('Page', nameWidth) + CATEGORIES.map((id) => padStart(id, 19)).join(''));
  for (const page of run.pages) {
    const cells = CATEGORIES.map((id) => {
      const score = page.lighthouse?.scores[id];
      return padStart(`${score ?? 'n/a'} ${score === LIGHTHOUSE_TARGET ? 'ok  ' : 'MISS'}`, 19);
    });
    out.push(pad(page.name, nameWidth) + cells.join(''));
  }
  for (const page of run.pages) {
    for (const id of CATEGORIES) {
      if (page.lighthouse?.scores[id] === LIGHTHOUSE_TARGET || !page.lighthouse?.failing[id]) continue;
      out.push(`  ${page.name} / ${id} lost points on: ${page.lighthouse.failing[id].join(', ')}`);
    }
  }
  return out;
}

// ---------------------------------------------------------------- main

async function main() {
  const args = new Set(process.argv.slice(2));
  const base = basePath();
  const buildSeconds = args.has('--no-build') ? null : await build();
  const site = { base };
  const pages = pageTypes(base);
  const transfers = new Map(pages.map((page) => [page.name, transferOf(page, site)]));
  const visit = visitOf(VISIT.map((name) => {
    const page = pages.find((p) => p.name === name);
    if (!page) throw new Error(`VISIT: no page type "${name}"`);
    return { page, transfer: /** @type {ReturnType<typeof transferOf>} */ (transfers.get(name)) };
  }));
  const scores = args.has('--no-lighthouse') ? null : await audit(pages, base);
  const lighthouseVersion = scores === null ? null
    : JSON.parse(readFileSync(join(ROOT, 'node_modules/lighthouse/package.json'), 'utf8')).version;

  /** @type {Run} */
  const run = {
    buildSeconds: buildSeconds === null ? null : Math.round(buildSeconds * 10) / 10,
    base,
    pages: pages.map((page) => ({
      ...page,
      bytes: pageFigures(/** @type {ReturnType<typeof transferOf>} */ (transfers.get(page.name)), page),
      warm: visit.steps.find((step) => step.name === page.name)?.bytes,
      lighthouse: scores?.get(page.name),
    })),
    visit,
    site: Object.fromEntries(SITE_MEASURES.map((m) => [m.key, { gzip: m.measure(site), limit: m.limit }])),
    lighthouseVersion,
  };
  const context = { root: ROOT, dist: DIST, base };
  /** @type {Section[]} */
  const sections = [];
  if (!args.has('--no-sections')) for (const module of SECTIONS) sections.push(await module.section(context));

  const targets = [...targetsOf(run), ...sections.flatMap((s) => s.targets)];
  const missed = targets.filter((t) => !t.met);
  const lines = [
    ...pageLines(run),
    ...sections.flatMap((s) => ['', `${s.title}:`, ...s.lines.map((line) => `  ${line}`)]),
    '',
    `Targets: ${targets.length - missed.length} of ${targets.length} met`,
    ...missed.map((t) => `  MISS ${t.target}: ${t.value}`),
  ];
  console.log(lines.map((line) => line.trimEnd()).join('\n'));
  console.log('JSON:');
  console.log(JSON.stringify({
    date: new Date().toISOString(),
    node: process.version,
    lighthouseRuns: scores === null ? 0 : 1,
    ...run,
    sections: Object.fromEntries(sections.map((s) => [s.title, s.json])),
    targets,
  }, null, 2));
}

main().catch((error) => {
  console.error(`bench failed: ${error?.stack ?? error}`);
  process.exitCode = 1;
});

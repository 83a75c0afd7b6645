/**
 * Scale benchmark: builds a temporary copy of the project holding N documents (the six real ones plus synthetic
 * ones, see synthetic.mjs) and reports build time, peak memory, dist size, index size, the largest HTML page,
 * first-query bytes (the heaviest evaluation question on a cold page) and median query time, and the build's
 * phases (what dominates).
 *
 *   npm run bench:scale                 N = 6, 100, 1000
 *   npm run bench:scale -- 100 300      the given N
 *
 * Prints a table, then `JSON:` and the same figures as JSON. Exits 0 when targets are missed.
 */
import { spawn } from 'node:child_process';
import { openSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSyntheticProject } from './synthetic.mjs';
import { searchBench } from './search.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const KB = 1024;
const MB = KB * KB;
const TARGETS = { buildSeconds: 180, peakBytes: 2 * KB * MB, pageBytes: 200 * KB, firstQueryBytes: 200 * KB, medianMs: 50 };

/**
 * Builds the project in `dir` under /usr/bin/time; the log goes to `log`.
 * @param {string} dir @param {string} log @returns {Promise<{ seconds: number, peakBytes: number }>}
 */
function timedBuild(dir, log) {
  return new Promise((resolve, reject) => {
    const out = openSync(log, 'w');
    // %e wall seconds, %M peak resident set of the largest process in the tree, KB; written to the log's last line.
    const child = spawn('/usr/bin/time', ['-f', 'TIME %e %M', 'npx', 'astro', 'build'], {
      cwd: dir,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', out, out],
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const text = readFileSync(log, 'utf8');
      const [, seconds, peak] = text.match(/^TIME ([\d.]+) (\d+)$/m) ?? [];
      if (code !== 0 || !seconds) reject(new Error(`astro build failed in ${dir} (exit code ${code}); log: ${log}`));
      else resolve({ seconds: Number(seconds), peakBytes: Number(peak) * KB });
    });
  });
}

/** Build phases, each starting at the first log line that matches. */
const PHASES = /** @type {const} */ ([
  ['setup (config, content, types)', /./],
  ['bundle (vite)', /Building static entrypoints/],
  ['pages (render: MDX, middleware: glossary links and CSP, diff, QR)', /Rearranging server assets/],
  ['sitemap, offline deck', /^\S+ ✓ Completed in/],
  ['end', /page\(s\) built in/],
]);

/**
 * Seconds per build phase, from the log's timestamps (`HH:MM:SS …`). One-second resolution: enough to see what
 * dominates.
 * @param {string} log
 */
function phases(log) {
  const lines = [...readFileSync(log, 'utf8').matchAll(/^(\d\d):(\d\d):(\d\d) .*$/gm)]
    .map(([line, h, m, s]) => ({ line, at: Number(h) * 3600 + Number(m) * 60 + Number(s) }));
  const starts = PHASES.map(([name, pattern]) => ({ name, at: lines.find(({ line }) => pattern.test(line))?.at }));
  /** @type {Record<string, number>} */
  const out = {};
  starts.slice(0, -1).forEach(({ name, at }, i) => {
    const end = starts[i + 1].at;
    if (at !== undefined && end !== undefined) out[name] = (end - at + 86400) % 86400;
  });
  return out;
}

/** @param {string} dir */
function files(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return { file: relative(dir, path).split(sep).join('/'), bytes: statSync(path).size };
    });
}

/** @param {number} count */
async function measure(count) {
  const dir = writeSyntheticProject(ROOT, count);
  const log = join(dir, 'build.log');
  process.stderr.write(`scale: N = ${count}, building in ${dir}\n`);
  try {
    const { seconds, peakBytes } = await timedBuild(dir, log);
    const dist = join(dir, 'dist');
    const all = files(dist);
    const html = all.filter((f) => f.file.endsWith('.html')).sort((a, b) => b.bytes - a.bytes);
    const search = await searchBench(dist, '/', dir);
    return {
      documents: count,
      buildSeconds: seconds,
      peakBytes,
      phases: phases(log),
      pages: html.length,
      distBytes: all.reduce((sum, f) => sum + f.bytes, 0),
      indexBytes: search.indexBytes,
      largestPages: html.slice(0, 3),
      pagesOverLimit: html.filter((f) => f.bytes > TARGETS.pageBytes).length,
      firstQueryBytes: search.firstQueryBytesMax,
      medianQueryMs: search.latencyMedianMs,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const mb = (/** @type {number} */ bytes) => `${(bytes / MB).toFixed(1)} MB`;
const kb = (/** @type {number} */ bytes) => `${(bytes / KB).toFixed(0)} KB`;

async function main() {
  const counts = process.argv.slice(2).map(Number);
  /** @type {Awaited<ReturnType<typeof measure>>[]} */
  const runs = [];
  for (const count of counts.length ? counts : [6, 100, 1000]) {
    if (!Number.isInteger(count) || count < 6) throw new Error(`N must be a whole number ≥ 6 (the real documents): ${count}`);
    runs.push(await measure(count));
  }
  const cols = ['N', 'pages', 'build', 'peak', 'dist', 'index', 'largest page', '>200 KB', '1st query', 'median q'];
  const lines = [cols.map((c) => c.padStart(12)).join('')];
  for (const r of runs) {
    lines.push([r.documents, r.pages, `${r.buildSeconds.toFixed(1)} s`, mb(r.peakBytes), mb(r.distBytes), mb(r.indexBytes),
      kb(r.largestPages[0].bytes), r.pagesOverLimit, kb(r.firstQueryBytes), `${r.medianQueryMs} ms`].map((c) => String(c).padStart(12)).join(''));
  }
  lines.push('', 'Largest pages (raw HTML) and build phases (seconds, from the log\'s timestamps):');
  for (const r of runs) {
    lines.push(`  N = ${r.documents}: ${r.largestPages.map((p) => `${p.file} ${kb(p.bytes)}`).join(', ')}`);
    lines.push(`    phases: ${Object.entries(r.phases).map(([name, s]) => `${name} ${s}`).join(', ')}`);
  }
  const last = runs.at(-1);
  if (last) {
    const targets = [
      [`build <= ${TARGETS.buildSeconds} s`, last.buildSeconds <= TARGETS.buildSeconds],
      [`peak memory <= ${mb(TARGETS.peakBytes)}`, last.peakBytes <= TARGETS.peakBytes],
      [`no page over ${kb(TARGETS.pageBytes)} of HTML`, last.pagesOverLimit === 0],
      [`first query <= ${kb(TARGETS.firstQueryBytes)}`, last.firstQueryBytes <= TARGETS.firstQueryBytes],
      [`median query <= ${TARGETS.medianMs} ms`, last.medianQueryMs <= TARGETS.medianMs],
    ];
    lines.push('', `Targets at N = ${last.documents}:`, ...targets.map(([what, met]) => `  ${met ? 'ok  ' : 'MISS'} ${what}`));
  }
  console.log(lines.join('\n'));
  console.log('JSON:');
  console.log(JSON.stringify({ date: new Date().toISOString(), node: process.version, runs }, null, 2));
}

main().catch((error) => {
  console.error(`scale bench failed: ${error?.stack ?? error}`);
  process.exitCode = 1;
});

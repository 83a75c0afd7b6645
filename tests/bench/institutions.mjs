/**
 * Benchmark: build time and page count for one institution (with its own act, and without), the demo (five institutions), and 100 generated
 * institutions (the five seed ones with their acts and 95 without an own act), each built with SITE_SETTINGS
 * into its own folder. Run alone with `node tests/bench/institutions.mjs`, or as part of `npm run bench`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TYPES = ['ДОУ', 'школа', 'СПО'];

/** The demo settings with `count` institutions: the demo's own first, then generated ones without an own act. */
function generatedSettings(count) {
  const demo = JSON.parse(readFileSync(join(ROOT, 'content/site.json'), 'utf8'));
  const generated = Array.from({ length: count - demo.institutions.length }, (_, i) => {
    const n = i + 1;
    return {
      id: `uchrezhdenie-${n}`,
      name: `Образовательное учреждение № ${n} (сгенерировано для замера)`,
      short: `Учреждение № ${n}`,
      type: TYPES[n % TYPES.length],
      platform: 'MAX',
      admin: { name: `Администратор № ${n} (пример)` },
      documents: [],
    };
  });
  return { ...demo, institutions: [...demo.institutions, ...generated] };
}

function countPages(dir) {
  let pages = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) if (entry.isFile() && entry.name.endsWith('.html')) pages++;
  return pages;
}

/** Builds with the given settings file into outDir; resolves with wall-clock seconds. */
function build(settings, outDir) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('npx', ['astro', 'build', '--outDir', outDir], {
      cwd: ROOT,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', SITE_SETTINGS: settings },
      stdio: ['ignore', 2, 2],
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve((performance.now() - started) / 1000);
      else reject(new Error(`astro build (${settings}) failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

/** @returns {Promise<{ name: string, institutions: number, seconds: number, pages: number }[]>} */
export async function institutionsBench() {
  const scratch = mkdtempSync(join(tmpdir(), 'sferum-institutions-'));
  const many = join(scratch, 'site-100.json');
  writeFileSync(many, JSON.stringify(generatedSettings(100)));
  const runs = [
    { name: 'одно, свой документ', institutions: 1, settings: 'content/examples/one-institution-own-act.json' },
    { name: 'одно, без документа', institutions: 1, settings: 'content/examples/one-institution-no-own-act.json' },
    { name: 'демо', institutions: 5, settings: 'content/site.json' },
    { name: '100 учреждений', institutions: 100, settings: many },
  ];
  try {
    const results = [];
    for (const [i, run] of runs.entries()) {
      const outDir = join(scratch, `dist-${i}`);
      const seconds = await build(run.settings, outDir);
      results.push({ name: run.name, institutions: run.institutions, seconds, pages: countPages(outDir) });
      rmSync(outDir, { recursive: true, force: true });
    }
    return results;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** @param {Awaited<ReturnType<typeof institutionsBench>>} results */
export function institutionsReport(results) {
  const lines = ['Build by number of institutions (npx astro build, incl. the search index; wall clock):'];
  for (const { name, institutions, seconds, pages } of results) {
    lines.push(`  ${name.padEnd(20)} ${String(institutions).padStart(3)} inst.  ${seconds.toFixed(1).padStart(7)} s  ${String(pages).padStart(5)} pages  ${(seconds / pages * 1000).toFixed(0).padStart(5)} ms/page`);
  }
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const results = await institutionsBench();
  console.log(institutionsReport(results));
  console.log(`JSON: ${JSON.stringify(results)}`);
}

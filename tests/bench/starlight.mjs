/**
 * Build time next to a Starlight site of the same documents, measured in one run on one machine.
 * Creates a temporary Starlight project (npm install @astrojs/starlight there, now: nothing of it is kept),
 * turns each regulation's components into plain HTML elements with the same ids, builds each site once to warm
 * both alike (dependency caches, content store), then ROUNDS times in turn, the order swapped every round (the
 * machine's load changes), and reports the median of each: wall-clock seconds, CPU seconds (user + system, all
 * threads: what the build costs, less sensitive to other work on the machine), peak memory, and what the build
 * made (HTML pages, documents). Run it alone on the machine: other work shifts both builds.
 *
 *   npm run bench:starlight            9 rounds (the two builds differ by less than the machine's noise over 5)
 *   npm run bench:starlight -- 15      15 rounds
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ROUNDS = Number(process.argv[2] ?? 9);

/**
 * @param {string} command @param {string[]} args @param {string} cwd
 * @returns {Promise<void>}
 */
function run(command, args, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' }, stdio: ['ignore', 2, 2] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed in ${cwd} (exit code ${code})`))));
  });
}

/**
 * `astro build` in `cwd` under /usr/bin/time; its figures go to the file `figures`, the build's output to stderr.
 * @param {string} cwd @param {string} figures @returns {Promise<{ wall: number, cpu: number, peakMB: number, pages: number }>}
 */
async function build(cwd, figures) {
  // %e wall seconds, %U + %S CPU seconds of the build and its children, %M peak resident set (KB).
  await run('/usr/bin/time', ['-o', figures, '-f', '%e %U %S %M', 'npx', 'astro', 'build'], cwd);
  const [wall, user, system, peak] = readFileSync(figures, 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
  const pages = readdirSync(join(cwd, 'dist'), { recursive: true }).filter((file) => String(file).endsWith('.html')).length;
  return { wall, cpu: user + system, peakMB: Math.round(peak / 1024), pages };
}

/** @param {number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Our regulation components as the plain elements Starlight renders without them; ids kept. */
const ELEMENTS = /** @type {const} */ ([
  ['Section', 'h2'], ['Clause', 'section'], ['Items', 'ul'], ['Item', 'li'], ['Para', 'div'], ['Note', 'aside'],
  ['Sic', 'span'], ['Stamp', 'div'],
]);

/** @param {string} mdx one of content/regulations/*.mdx */
function starlightPage(mdx) {
  const [, frontMatter, body] = /** @type {RegExpMatchArray} */ (mdx.match(/^---\n([\s\S]*?)\n---\n([\s\S]*)$/));
  const title = /^shortTitle: (.*)$/m.exec(frontMatter)?.[1] ?? '"Документ"';
  let html = body;
  for (const [component, element] of ELEMENTS) {
    html = html.replaceAll(`<${component}>`, `<${element}>`).replaceAll(`<${component} `, `<${element} `)
      .replaceAll(`</${component}>`, `</${element}>`);
  }
  // Clause and section numbers become text; a correction becomes a title.
  html = html.replace(/<(h2|section) id="([^"]+)" n="([^"]+)">/g, (_, element, id, n) =>
    (element === 'h2' ? `<h2 id="${id}">${n} ` : `<section id="${id}">\n\n**${n}**`))
    .replace(/ fix="([^"]*)"/g, ' title="$1"');
  return `---\ntitle: ${title}\n---\n${html}`;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'sferum-starlight-'));
  try {
    const { version: astroVersion } = JSON.parse(readFileSync(join(ROOT, 'node_modules/astro/package.json'), 'utf8'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'starlight-bench', private: true, type: 'module' }));
    writeFileSync(join(dir, 'astro.config.mjs'), [
      "import { defineConfig } from 'astro/config';",
      "import starlight from '@astrojs/starlight';",
      'export default defineConfig({ integrations: [starlight({ title: "«Сферум» по правилам",',
      "  locales: { root: { label: 'Русский', lang: 'ru' } } })] });",
    ].join('\n'));
    mkdirSync(join(dir, 'src/content/docs/docs'), { recursive: true });
    writeFileSync(join(dir, 'src/content.config.ts'), [
      "import { defineCollection } from 'astro:content';",
      "import { docsLoader } from '@astrojs/starlight/loaders';",
      "import { docsSchema } from '@astrojs/starlight/schema';",
      'export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };',
    ].join('\n'));
    writeFileSync(join(dir, 'src/content/docs/index.mdx'), '---\ntitle: «Сферум» по правилам\n---\nДокументы учреждений.\n');
    const regulations = join(ROOT, 'content/regulations');
    for (const name of readdirSync(regulations).filter((n) => n.endsWith('.mdx'))) {
      writeFileSync(join(dir, 'src/content/docs/docs', name), starlightPage(readFileSync(join(regulations, name), 'utf8')));
    }
    process.stderr.write(`starlight: npm install in ${dir}\n`);
    await run('npm', ['install', '--no-audit', '--no-fund', `astro@${astroVersion}`, '@astrojs/starlight'], dir);
    const { version: starlightVersion } = JSON.parse(readFileSync(join(dir, 'node_modules/@astrojs/starlight/package.json'), 'utf8'));
    const documents = readdirSync(regulations).filter((n) => n.endsWith('.mdx')).length;

    const sites = { ours: ROOT, starlight: dir };
    const figures = join(dir, 'build-time.txt');
    /** @type {Record<keyof typeof sites, Awaited<ReturnType<typeof build>>[]>} */
    const runs = { ours: [], starlight: [] };
    await build(ROOT, figures);
    await build(dir, figures);
    for (let round = 0; round < ROUNDS; round++) {
      const order = /** @type {(keyof typeof sites)[]} */ (round % 2 ? ['starlight', 'ours'] : ['ours', 'starlight']);
      for (const site of order) runs[site].push(await build(sites[site], figures));
    }
    const summary = Object.fromEntries(Object.entries(runs).map(([site, list]) => [site, {
      wall: median(list.map((r) => r.wall)), cpu: median(list.map((r) => r.cpu)), peakMB: median(list.map((r) => r.peakMB)), pages: list[0].pages,
    }]));
    const { ours, starlight } = summary;
    const row = (/** @type {string} */ name, /** @type {typeof ours} */ r, /** @type {typeof runs.ours} */ list) =>
      `  ${name.padEnd(54)} ${r.wall.toFixed(2).padStart(6)} s ${r.cpu.toFixed(2).padStart(6)} s ${String(r.peakMB).padStart(6)} MB ${String(r.pages).padStart(6)}   (${list.map((x) => x.wall.toFixed(2)).join(', ')})`;
    console.log([
      `Build time, same ${documents} documents, median of ${ROUNDS} runs each after one warm-up, interleaved (order swapped every round):`,
      `  ${''.padEnd(54)} ${'wall'.padStart(8)} ${'CPU'.padStart(8)} ${'peak'.padStart(9)} ${'pages'.padStart(6)}   (wall of each run)`,
      row(`this site (astro ${astroVersion}, all pages, own search index)`, ours, runs.ours),
      row(`Starlight ${starlightVersion} (documents only, its Pagefind)`, starlight, runs.starlight),
      `  ratio (median wall): ${(ours.wall / starlight.wall).toFixed(2)}×, CPU: ${(ours.cpu / starlight.cpu).toFixed(2)}×   target <= 1.00× ${ours.wall <= starlight.wall ? 'ok' : 'MISS'}`,
    ].join('\n'));
    console.log('JSON:');
    console.log(JSON.stringify({ date: new Date().toISOString(), astroVersion, starlightVersion, documents, rounds: ROUNDS, runs, summary }, null, 2));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`starlight bench failed: ${error?.stack ?? error}`);
  process.exitCode = 1;
});

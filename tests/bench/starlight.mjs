/**
 * Build time next to a Starlight site of the same documents, measured in one run on one machine.
 * Creates a temporary Starlight project (npm install @astrojs/starlight there, now: nothing of it is kept),
 * turns each regulation's components into plain HTML elements with the same ids, builds both sites in turn
 * (ours, Starlight, ours, Starlight: the machine's load changes) and reports the faster run of each.
 *
 *   npm run bench:starlight
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ROUNDS = 2;

/**
 * @param {string} command @param {string[]} args @param {string} cwd
 * @returns {Promise<number>} wall-clock seconds
 */
function run(command, args, cwd) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' }, stdio: ['ignore', 2, 2] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve((performance.now() - started) / 1000)
      : reject(new Error(`${command} ${args.join(' ')} failed in ${cwd} (exit code ${code})`))));
  });
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

    /** @type {{ ours: number[], starlight: number[] }} */
    const times = { ours: [], starlight: [] };
    for (let round = 0; round < ROUNDS; round++) {
      times.ours.push(await run('npx', ['astro', 'build'], ROOT));
      times.starlight.push(await run('npx', ['astro', 'build'], dir));
    }
    const ours = Math.min(...times.ours);
    const starlight = Math.min(...times.starlight);
    console.log([
      `Build time, same ${readdirSync(regulations).filter((n) => n.endsWith('.mdx')).length} documents, faster of ${ROUNDS} runs each, interleaved:`,
      `  this site (astro ${astroVersion}, own search index, all pages):   ${ours.toFixed(1)} s   (${times.ours.map((t) => t.toFixed(1)).join(', ')})`,
      `  Starlight ${starlightVersion} (documents only, its Pagefind): ${starlight.toFixed(1)} s   (${times.starlight.map((t) => t.toFixed(1)).join(', ')})`,
      `  ratio: ${(ours / starlight).toFixed(2)}×   target <= 1.00× ${ours <= starlight ? 'ok' : 'MISS'}`,
    ].join('\n'));
    console.log('JSON:');
    console.log(JSON.stringify({ date: new Date().toISOString(), astroVersion, starlightVersion, times, ours, starlight }, null, 2));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`starlight bench failed: ${error?.stack ?? error}`);
  process.exitCode = 1;
});

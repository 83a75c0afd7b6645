/**
 * The 100-document fixture for the search benchmark: a copy of the project in a temporary folder whose
 * content/regulations/ holds the six documents plus 94 copies of them (`<slug>-kopiya-NN`), each with its own
 * title and about a quarter of its clauses dropped (seeded), built with `astro build`. A copy of an expected
 * clause counts as the expected clause (it is the same text in another institution's document).
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { random } from './synthetic.mjs';

export const SCALE_DOCUMENTS = 100;
const SEED = 20261124;
/** The longest title the content schema accepts. */
const TITLE_MAX = 400;
const COPIED = ['src', 'content', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

/** Maps a result link of the fixture back to the original document (`docs/x-kopiya-07/#p-1` → `docs/x/#p-1`). */
export const originalLink = (/** @type {string} */ link) => link.replace(/^(docs\/[a-z0-9-]+?)-kopiya-\d+\//, '$1/');

/** @param {string} cwd */
function build(cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['astro', 'build'], { cwd, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' }, stdio: ['ignore', 2, 2] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(undefined) : reject(new Error(`astro build of the ${SCALE_DOCUMENTS}-document fixture failed (exit code ${code})`))));
  });
}

/**
 * Builds the fixture; resolves with its dist folder and a function that removes it.
 * @param {string} root the project
 */
export async function buildScaleFixture(root) {
  const dir = mkdtempSync(join(tmpdir(), 'sferum-search-scale-'));
  for (const entry of COPIED) cpSync(join(root, entry), join(dir, entry), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  const regulations = join(dir, 'content/regulations');
  const originals = readdirSync(regulations).filter((file) => file.endsWith('.mdx')).sort();
  const next = random(SEED);
  for (let i = 0; i < SCALE_DOCUMENTS - originals.length; i++) {
    const file = originals[i % originals.length];
    const number = String(i + 1).padStart(2, '0');
    const source = readFileSync(join(regulations, file), 'utf8');
    const [, frontmatter, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source) ?? [];
    const copy = frontmatter
      .replace(/^title: "(.*)"$/m, (_line, title) => `title: "${title.slice(0, TITLE_MAX - 12)} (копия ${number})"`)
      .replace(/^shortTitle: "(.*)"$/m, (_line, title) => `shortTitle: "${`Копия ${number}: ${title}`.slice(0, 60)}"`)
      .replace(/^order: \d+$/m, `order: ${100 + i}`);
    const thinned = body.replace(/<Clause id="[^"]+" n="[^"]+">[\s\S]*?<\/Clause>\n*/g, (clause) => (next() < 0.25 ? '' : clause));
    writeFileSync(join(regulations, file.replace(/\.mdx$/, `-kopiya-${number}.mdx`)), `---\n${copy}\n---\n${thinned}`);
  }
  try {
    await build(dir);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return { dist: join(dir, 'dist'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

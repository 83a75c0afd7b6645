/**
 * Synthetic regulations for scale runs (`tests/bench/scale.mjs`, and anyone who needs many documents).
 * Each synthetic document takes the front matter of one real document (institution renamed and numbered), then
 * sections and clauses drawn from all six sources, shuffled, renumbered, with some words swapped for other words of
 * the corpus: documents differ in words, not only in order. Deterministic for a given seed.
 *
 *   syntheticRegulations(sources, count, seed?) → [{ slug, mdx }]   pure
 *   writeSyntheticProject(root, total, seed?) → a temporary copy of the project with `total` documents
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Mulberry32: a small seeded generator, so that a run can be repeated. @param {number} seed */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CLAUSE = /<Clause id="[^"]+" n="[^"]+">([\s\S]*?)<\/Clause>/g;
const SECTION = /<Section id="[^"]+" n="[^"]+">([\s\S]*?)<\/Section>/g;
const WORD = /[А-Яа-яЁё]{5,}/g;
/** Share of long words swapped for another word of the corpus. */
const SWAP = 0.15;

/**
 * @param {string} text MDX: words are swapped only outside tags, so that components and attributes stay valid.
 * @param {string[]} words @param {() => number} next
 */
function varyWords(text, words, next) {
  return text.split(/(<[^>]*>)/).map((part, i) => (i % 2 ? part
    : part.replace(WORD, (word) => (next() < SWAP ? words[Math.floor(next() * words.length)] : word)))).join('');
}

/**
 * @param {{ name: string, mdx: string }[]} sources the real documents (`name` without `.mdx`)
 * @param {number} count how many synthetic documents
 * @param {number} [seed]
 * @returns {{ slug: string, mdx: string }[]}
 */
export function syntheticRegulations(sources, count, seed = 1) {
  const next = random(seed);
  const pick = (/** @type {any[]} */ list) => list[Math.floor(next() * list.length)];
  const parsed = sources.map(({ mdx }) => {
    const [, frontMatter, body] = /** @type {RegExpMatchArray} */ (mdx.match(/^---\n([\s\S]*?)\n---\n([\s\S]*)$/));
    return { frontMatter, body };
  });
  const clauses = parsed.flatMap(({ body }) => [...body.matchAll(CLAUSE)].map((m) => m[1]));
  const titles = parsed.flatMap(({ body }) => [...body.matchAll(SECTION)].map((m) => m[1].trim().split('\n')[0]));
  const words = [...new Set(parsed.flatMap(({ body }) => body.replace(/<[^>]*>/g, ' ').match(WORD) ?? []))];
  const institutions = parsed.filter(({ frontMatter }) => /^institution:/m.test(frontMatter));
  if (!clauses.length || !titles.length || !institutions.length) throw new Error('synthetic: the sources have no clauses, sections or institutions');

  return Array.from({ length: count }, (_, k) => {
    const number = k + 1;
    const frontMatter = pick(institutions).frontMatter
      .replace(/^title: .*$/m, `title: "${varyWords(pick(titles), words, next)}: положение № ${number}"`)
      .replace(/^shortTitle: .*$/m, `shortTitle: "Положение учреждения № ${number}"`)
      .replace(/^order: .*$/m, `order: ${1000 + number}`)
      .replace(/^( {2}name: ).*$/m, `$1"Образовательное учреждение № ${number} (синтетическое, для замеров)"`)
      .replace(/^( {2}short: ).*$/m, `$1"Учреждение № ${number}"`)
      .replace(/^notes:[\s\S]*?(?=^\S|$(?![\s\S]))/m, '');
    const sections = [];
    for (let s = 1, total = 3 + Math.floor(next() * 4); s <= total; s++) {
      const parts = [`<Section id="p-${s}" n="${s}.">${varyWords(pick(titles), words, next)}</Section>`];
      for (let c = 1, inSection = 2 + Math.floor(next() * 5); c <= inSection; c++) {
        let item = 0;
        const inner = varyWords(pick(clauses), words, next).replace(/ id="[^"]+"/g, () => ` id="p-${s}-${c}-${++item}"`);
        parts.push(`<Clause id="p-${s}-${c}" n="${s}.${c}.">${inner}</Clause>`);
      }
      sections.push(parts.join('\n\n'));
    }
    return { slug: `synthetic-${String(number).padStart(4, '0')}`, mdx: `---\n${frontMatter.trimEnd()}\n---\n\n${sections.join('\n\n')}\n` };
  });
}

/** What a copy of the project leaves out: built output (dist, dist-*), dependencies (linked instead), history. */
const NOT_COPIED = new Set(['node_modules', '.git', '.astro']);
const notCopied = (/** @type {string} */ entry) => NOT_COPIED.has(entry) || entry === 'dist' || entry.startsWith('dist-');

/**
 * A temporary copy of the project at `root` whose content/regulations holds the real documents plus synthetic ones,
 * `total` in all (at least the real ones: the site's other content cites them). Dependencies are links.
 * @param {string} root @param {number} total @param {number} [seed] @returns {string} the copy's directory
 */
export function writeSyntheticProject(root, total, seed = 1) {
  const copy = mkdtempSync(join(tmpdir(), `sferum-scale-${total}-`));
  for (const entry of readdirSync(root)) {
    if (!notCopied(entry)) cpSync(join(root, entry), join(copy, entry), { recursive: true });
  }
  // Dependencies linked one by one; Astro's and Vite's caches (node_modules/.astro, .vite) stay the copy's own.
  mkdirSync(join(copy, 'node_modules'));
  for (const entry of readdirSync(join(root, 'node_modules'))) {
    if (entry !== '.astro' && entry !== '.vite') symlinkSync(join(root, 'node_modules', entry), join(copy, 'node_modules', entry));
  }
  const dir = join(copy, 'content/regulations');
  const sources = readdirSync(dir).filter((name) => name.endsWith('.mdx'))
    .map((name) => ({ name: name.replace(/\.mdx$/, ''), mdx: readFileSync(join(dir, name), 'utf8') }));
  for (const { slug, mdx } of syntheticRegulations(sources, Math.max(0, total - sources.length), seed)) {
    writeFileSync(join(dir, `${slug}.mdx`), mdx);
  }
  return copy;
}

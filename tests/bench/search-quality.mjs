/**
 * Search quality without a browser, for working on the ranking: runs the page's engine (plan, rank, compose) over
 * the built index in `dist/search/` for every question, and prints top-1 and top-3 of the tuning half, of the
 * evaluation half and of the development set (tests/bench/search-dev-questions.json, never part of either half).
 * Misses are listed for the tuning half and the development set only: the evaluation half is measured, not read.
 * `npm run bench` stays the measure of record (it reads the results off the page).
 * Run after a build: `node tests/bench/search-quality.mjs [dist]`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Vocabulary, planQuery, rank, compose } from '../../src/domain/search-engine.ts';
import { termLookup, documentOf, chunkOf, shownSection } from '../../src/domain/search-index.ts';
import { loadQuestions } from './search.mjs';

const TOP = 3;
const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = process.argv[2] ?? join(root, 'dist');
const read = (/** @type {string} */ path) => JSON.parse(readFileSync(join(dist, 'search', path), 'utf8'));

/** @type {import('../../src/domain/search-index.ts').SearchIndex} */
const index = read('index.json');
/** @type {Map<number, import('../../src/domain/search-index.ts').PostingsShard>} */
const shards = new Map(Array.from({ length: index.shards }, (_, n) => [n, read(`terms/${n}.json`)]));
const terms = termLookup(shards, index.shards);
const vocabulary = new Vocabulary(index);
/** @type {Map<number, import('../../src/domain/search-index.ts').TextChunk>} */
const chunks = new Map();
const linkOf = (/** @type {number} */ section) => {
  const chunk = chunkOf(section);
  if (!chunks.has(chunk)) chunks.set(chunk, read(`text/${chunk}.json`));
  const [anchor] = shownSection(/** @type {import('../../src/domain/search-index.ts').TextChunk} */ (chunks.get(chunk)), section);
  return `${index.documents[documentOf(index, section)].url.slice(1)}#${anchor}`;
};

/** Links of the first results, as the page shows them: an answer with the clause it rests on. @param {string} query */
function topResults(query) {
  const hits = rank(planQuery(query, vocabulary), index, terms);
  return compose(hits, index, () => true).slice(0, TOP).map(({ hit, source }) => [hit, ...(source ? [source] : [])].map((found) => linkOf(found.section)));
}

/** @type {import('./search.mjs').Question[]} */
const development = JSON.parse(readFileSync(join(root, 'tests/bench/search-dev-questions.json'), 'utf8')).questions;
const sets = [
  ...['tuning', 'evaluation'].map((half) => ({ name: `${half} half`, questions: loadQuestions(root).filter((q) => q.half === half), showMisses: half === 'tuning' })),
  { name: 'development set', questions: development, showMisses: true },
];
for (const { name, questions, showMisses } of sets) {
  const ranks = questions.map((question) => {
    const results = topResults(question.q);
    const at = results.findIndex((links) => links.some((link) => question.expect.includes(link)));
    return { question, results, rank: at < 0 ? undefined : at + 1 };
  });
  const share = (/** @type {number} */ count) => `${((count / questions.length) * 100).toFixed(1)} %`;
  console.log(`${name}, ${questions.length} questions: top-1 ${share(ranks.filter((r) => r.rank === 1).length)}, top-3 ${share(ranks.filter((r) => r.rank !== undefined).length)}`);
  if (!showMisses) continue;
  for (const { question, results, rank: at } of ranks.filter((r) => r.rank !== 1)) {
    console.log(`  ${at ? `#${at}` : 'miss'} «${question.q}»: expected ${question.expect.slice(0, 2).join(' ')}${question.expect.length > 2 ? ' …' : ''}; got ${results.map((links) => links.join('>')).join(' ') || 'nothing'}`);
  }
}

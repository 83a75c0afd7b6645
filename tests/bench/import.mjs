/**
 * Import figures for `npm run bench`: time to import the largest source of content/sources/ as .txt and as a
 * .docx with Word numbering (median of several runs, after one warm-up), with the clauses and items found.
 * Also runnable alone: `node tests/bench/import.mjs`.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importRegulation } from '../../src/import/index.ts';
import { asDocx } from '../support/docx-source.ts';

const RUNS = 7;

/** @param {() => Promise<unknown>} task */
async function medianMs(task) {
  await task();
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await task();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(RUNS / 2)] * 10) / 10;
}

/** The source and the documents attached to it (002 holds order 141-од and the letter 04-423): their reports.
 * @param {string} fileName @param {Uint8Array} bytes */
async function importWithAttachments(fileName, bytes) {
  const reports = [];
  let result = await importRegulation({ fileName, bytes });
  reports.push(result.report);
  while (result.attached) {
    result = await importRegulation({ fileName: 'attached.txt', bytes: new TextEncoder().encode(result.attached) });
    reports.push(result.report);
  }
  return reports;
}

/** @param {string} root the repository */
export async function importBench(root) {
  const sources = join(root, 'content/sources');
  const file = readdirSync(sources)
    .filter((name) => name.endsWith('.txt'))
    .reduce((a, b) => (statSync(join(sources, b)).size > statSync(join(sources, a)).size ? b : a));
  const bytes = new Uint8Array(readFileSync(join(sources, file)));
  const docx = await asDocx(new TextDecoder().decode(bytes));
  const formats = [];
  for (const [name, input] of [['txt', bytes], ['docx', docx.bytes]]) {
    const fileName = file.replace(/\.txt$/, `.${name}`);
    const reports = await importWithAttachments(fileName, input);
    const sum = (/** @type {'clauses' | 'items'} */ key) => reports.reduce((total, report) => total + report[key], 0);
    formats.push({
      format: name, bytes: input.length, documents: reports.length,
      medianMs: await medianMs(() => importWithAttachments(fileName, input)),
      clauses: sum('clauses'), items: sum('items'), ids: reports.reduce((total, report) => total + report.ids.length, 0),
    });
  }
  return { source: file, lines: new TextDecoder().decode(bytes).split('\n').length, runs: RUNS, formats };
}

/** @param {Awaited<ReturnType<typeof importBench>>} result */
export function importReport(result) {
  return [
    `Import of the largest source ${result.source} (${result.lines} lines), median of ${result.runs} runs:`,
    ...result.formats.map((f) => `  ${f.format.padEnd(5)} ${String(f.bytes).padStart(7)} B  ${String(f.medianMs).padStart(7)} ms  documents ${f.documents}, clauses ${f.clauses}, items ${f.items}, ids ${f.ids}`),
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await importBench(fileURLToPath(new URL('../..', import.meta.url)));
  console.log(importReport(result));
  console.log(JSON.stringify(result, null, 2));
}

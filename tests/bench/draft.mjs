/**
 * The draft act page (/proekt/): size of the .docx chunk loaded on request, and the time to assemble the
 * largest draft and write it as .docx (every role and section, for each institution type), from the built
 * data file. Runnable alone after a build: `node tests/bench/draft.mjs`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { Packer } from 'docx';
import { assembleDraft, rolesFor } from '../../src/domain/draft.ts';
import { draftDocument } from '../../src/islands/draft-docx.ts';
import { INSTITUTION_TYPES } from '../../src/domain/institution-types.ts';

const RUNS = 20;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** @param {string} dist */
export async function draftBench(dist) {
  const { source, defaults } = JSON.parse(readFileSync(join(dist, 'proekt/data.json'), 'utf8'));
  const chunk = readdirSync(join(dist, '_astro')).find((name) => name.startsWith('draft-docx.'));
  const chunkBytes = chunk ? readFileSync(join(dist, '_astro', chunk)) : Buffer.alloc(0);
  const largest = INSTITUTION_TYPES.map((type) => ({ ...defaults, type, gis: type === 'школа', roles: rolesFor(source, type) }))
    .map((options) => ({ options, clauses: assembleDraft(source, options).sections.reduce((sum, section) => sum + section.clauses.length, 0) }))
    .reduce((a, b) => (b.clauses > a.clauses ? b : a));
  const assemble = [];
  const docx = [];
  let fileBytes = 0;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const draft = assembleDraft(source, largest.options);
    assemble.push(performance.now() - started);
    const file = await Packer.toBuffer(draftDocument(draft));
    docx.push(performance.now() - started);
    fileBytes = file.length;
  }
  return {
    dataJsonGzip: gzipSync(readFileSync(join(dist, 'proekt/data.json')), { level: 9 }).length,
    docxChunkGzip: gzipSync(chunkBytes, { level: 9 }).length,
    largest: { type: largest.options.type, clauses: largest.clauses },
    assembleMs: Math.round(median(assemble) * 10) / 10,
    assembleAndDocxMs: Math.round(median(docx) * 10) / 10,
    docxBytes: fileBytes,
  };
}

/** @param {Awaited<ReturnType<typeof draftBench>>} draft */
export function draftReport(draft) {
  return [
    'draft act (/proekt/):',
    `  data.json ${(draft.dataJsonGzip / 1024).toFixed(1)} KB gz; .docx library chunk ${(draft.docxChunkGzip / 1024).toFixed(1)} KB gz, loaded only on «Скачать .docx»`,
    `  largest draft (${draft.largest.type}, ${draft.largest.clauses} clauses): assembled in ${draft.assembleMs} ms, with the .docx written ${draft.assembleAndDocxMs} ms (median of ${RUNS}); file ${(draft.docxBytes / 1024).toFixed(1)} KB`,
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(draftReport(await draftBench(fileURLToPath(new URL('../../dist', import.meta.url)))));
}

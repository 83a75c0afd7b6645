/**
 * Bad content must stop the build with a message that names the file and what is wrong.
 * Each case builds a scratch copy of the project with one file broken.
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT, scratchProject } from '../support/project.ts';

let scratch: string;
const original = new Map<string, string>();

function astro(command: 'sync' | 'build'): string {
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), command], {
    cwd: scratch,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
  });
  expect(result.status, 'сборка должна была остановиться').not.toBe(0);
  return result.stdout + result.stderr;
}

function breakFile(path: string, edit: (text: string) => string) {
  const full = join(scratch, path);
  if (!original.has(path)) original.set(path, readFileSync(full, 'utf8'));
  writeFileSync(full, edit(original.get(path)!));
}

function restore() {
  for (const [path, text] of original) writeFileSync(join(scratch, path), text);
}

beforeAll(() => {
  scratch = scratchProject('sferum-guards-');
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('build guards', () => {
  it('stops on a malformed frontmatter field, naming the file and the field', () => {
    breakFile('content/regulations/tekhnikum.mdx', (text) => text.replace(/^kind: .*$/m, 'kind: инструкция'));
    const output = astro('build');
    restore();
    expect(output).toMatch(/tekhnikum/);
    expect(output).toMatch(/kind/);
  });

  it('stops on a missing frontmatter field, naming the file and the field', () => {
    breakFile('content/regulations/kerch-shkola-12.mdx', (text) => text.replace(/^source: .*\n/m, ''));
    const output = astro('build');
    restore();
    expect(output).toMatch(/kerch-shkola-12/);
    expect(output).toMatch(/source/);
  });

  it('stops on a clause id collision, naming the file and the id', () => {
    breakFile('content/regulations/arsenev-dou-27.mdx', (text) => text.replace('<Clause id="p-1-2"', '<Clause id="p-1-1"'));
    const output = astro('build');
    restore();
    expect(output).toMatch(/arsenev-dou-27\.mdx: повторяются id пунктов: p-1-1/);
  });

  it('stops when the site URL is missing, saying which setting to fill', () => {
    breakFile('content/site.json', (text) => JSON.stringify({ ...JSON.parse(text), siteUrl: undefined }));
    const output = astro('build');
    restore();
    expect(output).toMatch(/siteUrl/);
    expect(output).toMatch(/content\/site\.json/);
  });

  it('stops on a misspelled document of an institution, naming the setting', () => {
    breakFile('content/site.json', (text) => text.replace('"documents": [\n        "kerch-shkola-12"\n      ]', '"documents": ["kerch-shkola-21"]'));
    const output = astro('sync');
    restore();
    expect(output).toMatch(/institutions\.1\.documents\.0: нет документа «kerch-shkola-21» в content\/regulations\//);
  });
});

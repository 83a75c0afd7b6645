/**
 * `npm run dev`, in a scratch copy of the project: the search works there too (the dev server serves the index
 * endpoints from the content), and an edited regulation shows without restarting it.
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { scratchProject } from '../support/project.ts';

const PORT = 41000 + Math.floor(Math.random() * 2000);
let scratch: string;
let server: ChildProcess;
let browser: Browser;

beforeAll(async () => {
  scratch = scratchProject('sferum-dev-');
  server = spawn('npx', ['astro', 'dev', '--port', String(PORT), '--host', '127.0.0.1'], {
    cwd: scratch,
    // As `npm run dev` runs it: without vitest's NODE_ENV=test and VITEST* variables, which change how Vite serves.
    env: { ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && name !== 'NODE_ENV')), ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: 'ignore',
    detached: true,
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (await fetch(`http://127.0.0.1:${PORT}/`).then((response) => response.ok, () => false)) break;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  if (server?.pid) process.kill(-server.pid);
  rmSync(scratch, { recursive: true, force: true });
});

describe('npm run dev', () => {
  it('answers a search with clause results', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`http://127.0.0.1:${PORT}/search/?q=${encodeURIComponent('бесплатно ли это')}`);
    await page.waitForFunction(() => /^(Найдено|Ничего|Поиск не)/.test(document.getElementById('search-status')?.textContent ?? ''), undefined, { timeout: 60_000 });
    await expect(page.locator('#search-status').textContent()).resolves.toMatch(/^Найдено/);
    const first = await page.locator('#search-results a').first().getAttribute('href');
    expect(first).toMatch(/^\/voprosy\/\?highlight=.+#besplatno$/);
    expect(errors).toEqual([]);
  });

  it('shows an edit of a regulation\'s file on the open page, without a restart', async () => {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${PORT}/docs/tekhnikum/`);
    const heading = page.locator('h1');
    await expect(heading.textContent()).resolves.not.toContain('(правка)');
    const file = join(scratch, 'content/regulations/tekhnikum.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: "/m, 'title: "(правка) '));
    await page.waitForFunction(() => document.querySelector('h1')?.textContent?.includes('(правка)'), undefined, { timeout: 30_000 });
  });
});

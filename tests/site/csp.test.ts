/** The Content-Security-Policy of every page: present, strict, and enforced by a browser without a single violation. */
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import type { Page } from 'playwright-core';
import { servedInBrowser } from '../support/served.ts';
import { htmlPages, pagePath, readPage } from '../support/project.ts';

const served = servedInBrowser();

/** Opens a page with its policy enforced; returns the page and every violation and error it reports. */
async function open(path: string, waitUntil: 'load' | 'networkidle' = 'networkidle'): Promise<{ page: Page; problems: string[] }> {
  const context = await served.browser.newContext();
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sample})`);
    });
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) problems.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
  await page.goto(served.site.url + path, { waitUntil });
  return { page, problems };
}

describe('Content-Security-Policy', () => {
  it('every page declares a strict policy first in its head, with no inline script or style left unhashed', () => {
    for (const file of htmlPages()) {
      const { document } = parseHTML(readPage(file));
      const meta = document.querySelector('head > meta[http-equiv="Content-Security-Policy"]');
      expect(meta, file).not.toBeNull();
      const directives = new Map(meta!.getAttribute('content')!.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
      expect(directives.get('default-src'), file).toEqual(["'self'"]);
      expect(directives.get('object-src'), file).toEqual(["'none'"]);
      expect(directives.get('base-uri'), file).toEqual(["'self'"]);
      expect(directives.get('form-action'), file).toEqual(["'self'"]);
      for (const name of ['script-src', 'style-src']) {
        expect(directives.get(name)?.filter((value) => !value.startsWith("'sha256-")), `${file} ${name}`).toEqual(["'self'"]);
      }
      const scripts = [...document.querySelectorAll('script:not([src])')];
      const executable = scripts.filter((script) => !/json/.test(script.getAttribute('type') ?? ''));
      expect(directives.get('script-src')!.length - 1, file).toBeGreaterThanOrEqual(new Set(executable.map((s) => s.textContent)).size);
      expect(document.querySelector('[style]'), `${file}: атрибут style не пройдёт политику`).toBeNull();
      const firstInHead = document.querySelector('head')!.querySelector('script, style, link, meta[http-equiv]');
      expect(firstInHead, file).toBe(meta);
    }
  });

  it('every page loads with the policy enforced and reports no violation', async () => {
    const [first, ...rest] = htmlPages().map(pagePath);
    const { page, problems } = await open(first, 'load');
    for (const path of rest) await page.goto(served.site.url + path, { waitUntil: 'load' });
    await page.waitForTimeout(200);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('search loads its index and answers under the policy', async () => {
    const { page, problems } = await open(`search/?q=${encodeURIComponent('родительский чат')}`);
    await page.waitForFunction(() => /^Найдено/.test(document.getElementById('search-status')?.textContent ?? ''));
    expect(await page.locator('#search-results li').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('the wizard builds a checklist under the policy', async () => {
    const { page, problems } = await open('checklist/?u=kerch-shkola-12');
    await page.getByLabel('Педагог', { exact: true }).check();
    await page.locator('#wizard button[type=submit]').click();
    await page.waitForFunction(() => document.querySelector('h1')?.textContent !== 'Кто вы?');
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

/** Search in a real browser against the built index: the query set, keyboard use, bad input, filters, landing. */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { parseHTML } from 'linkedom';
import { launchBrowser, tabTo } from '../support/browser.ts';
import { serve, type StaticSite } from '../support/static-server.ts';
import { axeViolations } from '../support/axe.ts';
import { DIST, DIST_SUBFOLDER, SUBFOLDER, ROOT, htmlPages, readPage } from '../support/project.ts';

interface QueryCase {
  who: string;
  q: string;
  /** Site paths with anchors (`docs/x/#p-3-1`, `voprosy/#id`); a result inside one (`#p-3-1-abz-2`) counts. */
  expect: string[];
}
const { queries } = JSON.parse(readFileSync(join(ROOT, 'tests/site/search-queries.json'), 'utf8')) as { queries: QueryCase[] };
const PASS_RATE = 0.9;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

/** Opens a page and records console errors and uncaught exceptions. */
async function open(url: string, javaScriptEnabled = true): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  return { page, errors };
}

/** Waits until the status line shows the outcome of a search. */
async function settled(page: Page): Promise<string> {
  await page.waitForFunction(() => {
    const text = document.getElementById('search-status')?.textContent ?? '';
    return text !== '' && text !== 'Ищем…';
  });
  return (await page.locator('#search-status').textContent()) ?? '';
}

/** Result links as site paths with anchors, without the base path and the highlight parameter. */
async function results(page: Page, base: string): Promise<string[]> {
  return page.$$eval('#search-results a', (links, prefix) => links.map((a) => {
    const url = new URL((a as HTMLAnchorElement).href);
    return url.pathname.slice(prefix.length) + url.hash;
  }), base);
}

describe('search at the site root', () => {
  let site: StaticSite;
  beforeAll(async () => {
    site = await serve(DIST, '/');
  });
  afterAll(async () => site?.close());

  it(`finds the expected clause or answer in the top 3 for at least ${PASS_RATE * 100}% of ${queries.length} real queries`, async () => {
    expect(queries.length).toBeGreaterThanOrEqual(40);
    const { page, errors } = await open(`${site.url}search/`);
    const misses: string[] = [];
    for (const { who, q, expect: wanted } of queries) {
      await page.fill('#search-q', q);
      await page.press('#search-q', 'Enter');
      await page.waitForFunction((query) => new URLSearchParams(location.search).get('q') === query, q);
      await settled(page);
      const top = (await results(page, '/')).slice(0, 3);
      const found = top.some((result) => wanted.some((target) => result === target || result.startsWith(`${target}-`)));
      if (!found) misses.push(`  [${who}] «${q}» → ${top.join(', ') || 'ничего'} (ждали ${wanted.join(' | ')})`);
    }
    const rate = (queries.length - misses.length) / queries.length;
    console.log(`Поиск: в первой тройке ${queries.length - misses.length} из ${queries.length} (${(rate * 100).toFixed(1)} %)${misses.length ? `\nПромахи:\n${misses.join('\n')}` : ''}`);
    expect(errors).toEqual([]);
    expect(rate).toBeGreaterThanOrEqual(PASS_RATE);
    await page.context().close();
  });

  it('opens with the query of the address, shows clause results with marked matches, and is accessible with results open', async () => {
    const { page, errors } = await open(`${site.url}search/?q=${encodeURIComponent('как подтвердить что я учитель')}`);
    const status = await settled(page);
    expect(status).toMatch(/^Найдено \d+\u00a0результат(а|ов)?[.,]/);
    expect(await page.inputValue('#search-q')).toBe('как подтвердить что я учитель');
    const first = page.locator('#search-results li').first();
    await expect(first.locator('.result-title').textContent()).resolves.toBe('Вопросы и ответы · Как подтвердить, что я учитель?');
    expect(await first.locator('mark').count()).toBeGreaterThan(0);
    const clause = page.locator('#search-results .result-title', { hasText: '·\u00a0п.' }).or(page.locator('#search-results .result-title', { hasText: ' · п.\u00a0' })).first();
    await expect(clause.textContent()).resolves.toMatch(/ · (п|разд)\.\u00a0\d/);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('offers one Alt+K access key to the search box on every page: the header box, or the search page\'s own', () => {
    for (const file of htmlPages()) {
      const { document } = parseHTML(readPage(file));
      const keyed = [...document.querySelectorAll('[accesskey]')];
      expect(keyed.map((element) => `${element.id}:${element.getAttribute('accesskey')}:${element.getAttribute('aria-keyshortcuts')}`), file).toEqual(
        [`${file === 'search/index.html' ? 'search-q' : 'header-q'}:k:Alt+K`],
      );
    }
  });

  it('works by keyboard alone: Tab to the box from a document, type, arrows through results, Enter lands on the clause with the words highlighted', async () => {
    const { page, errors } = await open(`${site.url}docs/tekhnikum/`);
    // Headless Chromium does not act on access keys, so the test reaches the box with Tab.
    await tabTo(page, '#header-q');
    await page.keyboard.type('модератор чата');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=/);
    await settled(page);
    await tabTo(page, '#search-q');
    await page.keyboard.press('ArrowDown');
    const firstHref = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).href);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => (document.activeElement as HTMLAnchorElement).href)).toBe(firstHref);
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-q');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.hash.length > 1);
    const url = new URL(page.url());
    expect(url.searchParams.get('highlight')).toBeTruthy();
    const highlighted = await page.evaluate(() => {
      const highlight = CSS.highlights.get('search');
      return highlight ? [...highlight].map((range) => range.toString()) : [];
    });
    expect(highlighted.length).toBeGreaterThan(0);
    expect(highlighted.join(' ').toLowerCase()).toMatch(/модератор|чат/);
    const target = await page.locator(url.hash).evaluate((element) => element.getBoundingClientRect().top);
    expect(Math.abs(target)).toBeLessThan(80);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('filters by document, type of institution and role', async () => {
    const { page, errors } = await open(`${site.url}search/?q=${encodeURIComponent('ссылка приглашение')}&doc=tekhnikum`);
    await settled(page);
    const byDocument = await results(page, '/');
    expect(byDocument.length).toBeGreaterThan(0);
    expect(byDocument.every((result) => result.startsWith('docs/tekhnikum/'))).toBe(true);
    await page.goto(`${site.url}search/?q=${encodeURIComponent('ссылка приглашение')}&type=dou`);
    await settled(page);
    const byType = await results(page, '/');
    expect(byType.some((result) => result.startsWith('docs/arsenev-dou-27/'))).toBe(true);
    expect(byType.some((result) => /docs\/(tekhnikum|kerch-shkola-12|novosibirsk-sosh-215)\//.test(result))).toBe(false);
    await page.goto(`${site.url}search/?q=${encodeURIComponent('ссылка приглашение')}&role=parent`);
    await settled(page);
    const byRole = await results(page, '/');
    expect(byRole.length).toBeGreaterThan(0);
    expect(byRole).toEqual(expect.arrayContaining(['docs/tekhnikum/#p-20-6']));
    expect(byRole.some((result) => result === 'docs/tekhnikum/#p-20-1')).toBe(false);
    await page.selectOption('select[name="role"]', 'admin');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('role') === 'admin');
    await settled(page);
    expect(await results(page, '/')).toEqual(expect.arrayContaining(['docs/tekhnikum/#p-20-1']));
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it.each([
    ['пустой запрос', '', /^Введите, что вы хотите узнать/],
    ['только знаки препинания', '?!…«»—', /^В запросе нет слов для поиска/],
    ['1000 знаков', 'чат '.repeat(250), /Запрос длинный/],
    ['HTML в запросе', '<img src=x onerror="window.__hacked=1"><b>чат</b>', /^(Найдено|Ничего не найдено)/],
    ['неизвестный фильтр', 'чат&role=hacker&doc=%3Cscript%3E', /Фильтр «<script>» не найден.*Фильтр «hacker» не найден/],
  ])('answers bad input calmly: %s', async (_name, query, message) => {
    const address = query.includes('&role=') ? `${site.url}search/?q=${query}` : `${site.url}search/?q=${encodeURIComponent(query)}`;
    const { page, errors } = await open(address);
    expect(await settled(page)).toMatch(message);
    expect(await page.evaluate(() => (window as unknown as { __hacked?: number }).__hacked)).toBeUndefined();
    expect(await page.locator('main img, main script:not([type]), #search-results b').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('without JavaScript: the header box leads to a page that explains how to browse and lists the documents', async () => {
    const { page } = await open(`${site.url}docs/`, false);
    await page.fill('#header-q', 'чат');
    await page.press('#header-q', 'Enter');
    await page.waitForURL(/\/search\/\?q=/);
    await expect(page.locator('#search-nojs').textContent()).resolves.toContain('оглавление');
    expect(await page.locator('#search-browse .card').count()).toBe(6);
    await expect(page.getByRole('link', { name: '«Вопросы и ответы»' }).count()).resolves.toBe(1);
    await page.context().close();
  });
});

describe(`search under the sub-folder ${SUBFOLDER}`, () => {
  it('loads the index and links results under the base path', async () => {
    const site = await serve(DIST_SUBFOLDER, SUBFOLDER);
    const { page, errors } = await open(`${site.url}search/?q=${encodeURIComponent('бесплатно')}`);
    expect(await settled(page)).toMatch(/^Найдено/);
    const hrefs = await page.$$eval('#search-results a', (links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.every((href) => href.startsWith(SUBFOLDER))).toBe(true);
    await page.locator('#search-results a').first().click();
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname.startsWith(SUBFOLDER)).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
    await site.close();
  });
});

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
  // Read in the same tick as the check: a search started by the typing pause may set «Ищем…» again right after.
  const status = await page.waitForFunction(() => {
    const text = document.getElementById('search-status')?.textContent ?? '';
    return text !== '' && text !== 'Ищем…' && text;
  });
  return (await status.jsonValue()) as string;
}

/** Result links as site paths with anchors, without the base path and the highlight parameter. */
async function results(page: Page, base: string): Promise<string[]> {
  return (await resultLinks(page, base)).flat();
}

/** The links of each result (an answer has two: the answer and the clause it rests on). */
async function resultLinks(page: Page, base: string): Promise<string[][]> {
  return page.$$eval('#search-results > li', (items, prefix) => items.map((item) => [...item.querySelectorAll('a')].map((a) => {
    const url = new URL(a.href);
    return url.pathname.slice(prefix.length) + url.hash;
  })), base);
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
      const top = (await resultLinks(page, '/')).slice(0, 3).flat();
      const found = top.some((result) => wanted.some((target) => result === target || result.startsWith(`${target}-`)));
      if (!found) misses.push(`  [${who}] «${q}» → ${top.join(', ') || 'ничего'} (ждали ${wanted.join(' | ')})`);
    }
    const rate = (queries.length - misses.length) / queries.length;
    console.log(`Поиск: в первой тройке ${queries.length - misses.length} из ${queries.length} (${(rate * 100).toFixed(1)} %)${misses.length ? `\nПромахи:\n${misses.join('\n')}` : ''}`);
    expect(errors).toEqual([]);
    expect(rate).toBeGreaterThanOrEqual(PASS_RATE);
    await page.context().close();
  });

  it('opens with the query of the address: the answer first, with the clause it rests on, verbatim and linked; accessible with results open', async () => {
    const { page, errors } = await open(`${site.url}search/?q=${encodeURIComponent('как подтвердить что я учитель')}`);
    const status = await settled(page);
    expect(status).toMatch(/^Найдено \d+\u00a0результат(а|ов)?[.,]/);
    expect(await page.inputValue('#search-q')).toBe('как подтвердить что я учитель');
    const first = page.locator('#search-results > li').first();
    await expect(first.locator('.result-link .result-title').textContent()).resolves.toBe('Вопросы и ответы · Как подтвердить, что я учитель?');
    expect(await first.locator('.result-link mark').count()).toBeGreaterThan(0);
    const source = first.locator('.result-source');
    await expect(source.locator('.result-title').textContent()).resolves.toMatch(/^Основание: .+ · (п|разд)\.\u00a0\d/);
    expect(await source.getAttribute('href')).toMatch(/^\/docs\/[a-z0-9-]+\/\?highlight=.+#p-/);
    // The excerpt is the clause's own words: the text of the clause it links to contains it (ellipses aside).
    const excerpt = ((await source.locator('.result-excerpt').textContent()) ?? '').replace(/^… | …$/g, '');
    const anchor = new URL((await source.getAttribute('href'))!, site.url);
    const target = await browser.newPage();
    await target.goto(anchor.href);
    const clauseText = await target.locator(anchor.hash).evaluate((element) => (element.closest('.clause, .para') ?? element).textContent ?? '');
    expect(clauseText.replace(/\s+/g, ' ')).toContain(excerpt.replace(/\s+/g, ' ').slice(0, 60));
    await target.close();
    const kinds = await page.$$eval('#search-results > li', (items) => items.slice(0, 3).map((item) => item.querySelector('.result-source') ? 'answer' : 'clause'));
    expect(kinds.filter((kind) => kind === 'answer').length).toBeLessThanOrEqual(1);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('never shows the hidden alternative phrasings of an answer, and keeps «ё» in excerpts', async () => {
    const { page, errors } = await open(`${site.url}search/?q=${encodeURIComponent('как добавиться в родительский чат')}`);
    await settled(page);
    const shown = (await page.locator('#search-results').textContent()) ?? '';
    expect(shown).not.toContain('как добавиться в родительский чат');
    await page.fill('#search-q', 'создаёт чат класса');
    await page.press('#search-q', 'Enter');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'создаёт чат класса');
    await settled(page);
    expect(await page.locator('#search-results').textContent()).toMatch(/ё/);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('understands typos, transliterated names, abbreviations and the common names of acts', async () => {
    const { page, errors } = await open(`${site.url}search/`);
    const cases: [string, RegExp][] = [
      ['верефикация учителя', /^docs\/(minprosveshcheniya-04-423\/#p-4-abz-1[02]|arsenev-dou-27\/#p-3-3|kerch-shkola-12\/#p-2-[34]|tekhnikum\/#p-20-[134])$/],
      ['дискорд', /^docs\/(tekhnikum\/#p-8|orenburg-dou-111\/#p-1)$/],
      ['закон об образовании', /^docs\/(arsenev-dou-27\/#p-1-2|orenburg-dou-111\/#preambula|tekhnikum\/#p-3)$/],
      ['гис нсо', /^docs\/novosibirsk-sosh-215\/#p-[34]$/],
    ];
    for (const [query, wanted] of cases) {
      await page.fill('#search-q', query);
      await page.press('#search-q', 'Enter');
      await page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === q, query);
      await settled(page);
      const top = (await resultLinks(page, '/')).slice(0, 3).flat();
      expect(top.some((link) => wanted.test(link)), `${query}: ${top.join(' ')}`).toBe(true);
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('when nothing is found, suggests close words, questions and the checklist wizard', async () => {
    const { page, errors } = await open(`${site.url}search/?q=${encodeURIComponent('мадиратор')}`);
    expect(await settled(page)).toMatch(/^Ничего не найдено/);
    await expect(page.locator('#search-suggest').textContent()).resolves.toMatch(/Возможно, вы имели в виду: .*модератор/);
    expect(await page.locator('#search-suggest a[href$="checklist/"]').count()).toBe(1);
    await page.locator('#search-suggest a', { hasText: 'модератор' }).first().click();
    expect(await settled(page)).toMatch(/^Найдено/);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('says in Russian what failed when the index cannot be loaded, and recovers on the next search', async () => {
    const { page } = await open(`${site.url}search/`);
    let fail = true;
    await page.route('**/search/index.json', (route) => (fail ? route.abort('internetdisconnected') : route.continue()));
    await page.fill('#search-q', 'модератор чата');
    await page.press('#search-q', 'Enter');
    expect(await settled(page)).toMatch(/^Поиск не загрузился: нет связи с сайтом\. Проверьте подключение/);
    expect(await page.locator('#search-browse-hint').isVisible()).toBe(true);
    fail = false;
    await page.press('#search-q', 'Enter');
    await page.waitForFunction(() => /^Найдено/.test(document.getElementById('search-status')?.textContent ?? ''));
    expect(await page.locator('#search-results > li').count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('names the missing index file and who can fix it', async () => {
    const { page } = await open(`${site.url}search/`);
    await page.route('**/search/terms/*.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.fill('#search-q', 'модератор чата');
    await page.press('#search-q', 'Enter');
    expect(await settled(page)).toMatch(/^Поиск не загрузился: сайт не отдал файл search\/terms\/\d+\.json \(ответ 404\)\. Сообщите администратору сайта/);
    await page.context().close();
  });

  it('works at the address without the trailing slash', async () => {
    const { page, errors } = await open(`${site.url}search?q=${encodeURIComponent('модератор чата')}`);
    expect(await settled(page)).toMatch(/^Найдено/);
    expect(await results(page, '/')).toEqual(expect.arrayContaining(['docs/tekhnikum/#p-21-4']));
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it.each([320, 360])('on a %i px phone: no sideways scroll, filters folded, the first result on the first screen', async (width) => {
    const context = await browser.newContext({ viewport: { width, height: 780 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${site.url}search/`);
    await page.fill('#search-q', 'кто создает чат класса');
    await page.press('#search-q', 'Enter');
    await settled(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    expect(await page.locator('#search-more').evaluate((details) => (details as HTMLDetailsElement).open)).toBe(false);
    await page.locator('#search-results > li').first().waitFor();
    const first = await page.locator('#search-results > li').first().boundingBox();
    expect(first).not.toBeNull();
    expect(first!.y + 40).toBeLessThanOrEqual(780);
    await page.locator('#search-more summary').click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await context.close();
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
    await expect(page.locator('#search-browse-hint').textContent()).resolves.toContain('оглавление');
    expect(await page.locator('#search-browse .card').count()).toBe(6);
    await expect(page.getByRole('link', { name: '«Вопросы и ответы»' }).count()).resolves.toBe(1);
    await page.context().close();
  });
});

describe(`search under the sub-folder ${SUBFOLDER}`, () => {
  it('loads the index and links results under the base path, with or without the trailing slash', async () => {
    const site = await serve(DIST_SUBFOLDER, SUBFOLDER);
    const { page, errors } = await open(`${site.url}search?q=${encodeURIComponent('бесплатно')}`);
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

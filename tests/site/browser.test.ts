/** Every page in a real browser: accessible, quiet, self-contained, at the root and under a sub-folder. */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { serve, type StaticSite } from '../support/static-server.ts';
import { axeViolations } from '../support/axe.ts';
import { printedText } from '../support/print.ts';
import { DEMO_SECTION, DIST, DIST_SUBFOLDER, SUBFOLDER, htmlPages, pagePath } from '../support/project.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

/**
 * Opens a page, recording console errors, failed responses (status ≥ 400; the browser also logs them
 * to the console, so they are kept apart) and every request that leaves the site's origin.
 */
async function open(context: BrowserContext, url: string) {
  const page = await context.newPage();
  const errors: string[] = [];
  const failed: string[] = [];
  const foreign: string[] = [];
  const origin = new URL(url).origin;
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text());
  });
  page.on('response', (response) => response.status() >= 400 && failed.push(response.url()));
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => {
    if (new URL(request.url()).origin !== origin && !request.url().startsWith('data:')) foreign.push(request.url());
  });
  const response = await page.goto(url, { waitUntil: 'networkidle' });
  return { page, response, errors, failed, foreign };
}

describe.each([
  { name: 'корень сайта', dist: DIST, base: '/' },
  { name: `подпапка ${SUBFOLDER}`, dist: DIST_SUBFOLDER, base: SUBFOLDER },
])('in the browser, at $name', ({ dist, base }) => {
  let site: StaticSite;
  let context: BrowserContext;
  beforeAll(async () => {
    site = await serve(dist, base);
    context = await browser.newContext();
  });
  afterAll(async () => {
    await context?.close();
    await site?.close();
  });

  // Every institution's section is built from the same pages with other data: one section stands for all here
  // (tests/site/html.test.ts still validates every page of every section).
  const pages = htmlPages(dist).filter((page) => page !== '404.html' && (!page.startsWith('uchrezhdeniya/') || page.startsWith(DEMO_SECTION)));
  it.each(pages.map(pagePath))('/%s: no axe violation, no console error, no failed or foreign request', async (path) => {
    const { page, response, errors, failed, foreign } = await open(context, site.url + path);
    expect(response?.status()).toBe(200);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    expect(failed).toEqual([]);
    expect(foreign).toEqual([]);
    await page.close();
  });

  it('answers an unknown address with the Russian 404 page and a way back', async () => {
    const missing = `${site.url}net-takoy-stranicy/`;
    const { page, response, errors, failed } = await open(context, missing);
    expect(response?.status()).toBe(404);
    expect(failed).toEqual([missing]);
    await expect(page.locator('h1').textContent()).resolves.toBe('Страница не найдена');
    const home = page.getByRole('link', { name: 'На главную' });
    await home.click();
    await page.waitForURL(site.url);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('reading a regulation', () => {
  let site: StaticSite;
  beforeAll(async () => {
    site = await serve(DIST, '/');
  });
  afterAll(async () => site?.close());

  it('copies the permanent link of a clause with «ссылка на пункт»', async () => {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const { page } = await open(context, `${site.url}docs/tekhnikum/`);
    await page.locator('#p-21-4 a[data-permalink]').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${site.url}docs/tekhnikum/#p-21-4`);
    await expect(page.getByRole('status').textContent()).resolves.toBe('Ссылка на пункт скопирована');
    expect(new URL(page.url()).hash).toBe('#p-21-4');
    await context.close();
  });

  it('opens at the clause of a permanent link', async () => {
    const context = await browser.newContext();
    const { page } = await open(context, `${site.url}docs/arsenev-dou-27/#p-3-4`);
    const top = await page.locator('#p-3-4').evaluate((element) => element.getBoundingClientRect().top);
    expect(Math.abs(top)).toBeLessThan(50);
    await context.close();
  });

  it('is complete and usable without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const { page } = await open(context, `${site.url}docs/kerch-shkola-12/`);
    await expect(page.locator('main').innerText()).resolves.toContain('присоединяется к образовательной организации по ссылке-приглашению');
    await page.getByRole('link', { name: /^2\.3\./ }).first().click();
    expect(new URL(page.url()).hash).toBe('#p-2-3');
    const filter = await open(context, `${site.url}docs/`);
    await filter.page.getByRole('link', { name: 'Колледжи и техникумы (СПО)' }).click();
    await expect(filter.page.locator('.card h2').allTextContents()).resolves.toEqual(expect.arrayContaining(['Порядок техникума']));
    expect(await filter.page.locator('.card').count()).toBeLessThan(6);
    await context.close();
  });

  it('prints the text alone: no navigation, URLs after external links', async () => {
    const context = await browser.newContext();
    const { page } = await open(context, `${site.url}docs/minprosveshcheniya-04-423/`);
    await page.emulateMedia({ media: 'print' });
    for (const chrome of ['.site-header', '.site-footer', '.toc', '.pager', '.permalink']) {
      expect(await page.locator(chrome).first().isVisible(), chrome).toBe(false);
    }
    const after = await page.locator('main a[href^="https://sferum.ru"]').first().evaluate((a) => getComputedStyle(a, '::after').content);
    expect(after).toContain('https://sferum.ru');
    const printed = (await printedText(page)).join(' ');
    expect(printed).toMatch(/\(https:\/\/sferum\.ru/);
    expect(printed).not.toContain('ссылка на пункт');
    await context.close();
  });

  it('follows the system dark theme and stays accessible in it', async () => {
    const context = await browser.newContext({ colorScheme: 'dark' });
    const { page } = await open(context, `${site.url}docs/orenburg-dou-111/`);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(20, 21, 24)');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});

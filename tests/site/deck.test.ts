/** The «педагогический час» deck in a real browser: keyboard, deep links, no overflow, presenter view, offline file, handout. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseHTML } from 'linkedom';
import type { Page } from 'playwright-core';
import { servedInBrowser } from '../support/served.ts';
import { axeViolations } from '../support/axe.ts';
import { printedA4Pages } from '../support/print.ts';
import { DEMO_SECTION, DIST, DIST_OWN_ACT, DIST_SUBFOLDER, ROOT, SUBFOLDER, htmlPages, pagePath, readPage } from '../support/project.ts';
import { serve } from '../support/static-server.ts';
import { collapse, mainText } from '../support/text.ts';
import { qrSvg, publicUrl } from '../../src/domain/qr.ts';

const settings = JSON.parse(readFileSync(join(ROOT, 'content/site.json'), 'utf8'));
const catalogue = JSON.parse(readFileSync(join(ROOT, 'content/duties.json'), 'utf8'));
const { document } = parseHTML(readPage(`${DEMO_SECTION}pedchas/index.html`));
const titles = [...document.querySelectorAll('.slide h2')].map((h2) => h2.textContent?.trim());

const served = servedInBrowser();

/** Slides of the open deck that do not fit its frame or whose type is under `minimumFont` px, stepping through all. */
async function overflowingSlides(page: Page, slideTitles: (string | undefined)[], minimumFont: number): Promise<string[]> {
  const overflowing: string[] = [];
  for (let i = 1; i <= slideTitles.length; i++) {
    const frame = page.locator('.slide:not([hidden]) .slide-frame');
    const [scrollHeight, clientHeight, scrollWidth, clientWidth, fontSize] = await frame.evaluate((element) => [
      element.scrollHeight, element.clientHeight, element.scrollWidth, element.clientWidth, Number.parseFloat(getComputedStyle(element).fontSize),
    ]);
    expect(clientWidth / clientHeight).toBeCloseTo(16 / 9, 1);
    expect(fontSize).toBeGreaterThanOrEqual(minimumFont);
    if (scrollHeight > clientHeight || scrollWidth > clientWidth) overflowing.push(`${i}. ${slideTitles[i - 1]}: ${scrollHeight} > ${clientHeight}`);
    await page.keyboard.press('ArrowRight');
  }
  return overflowing;
}

/** The heading of the one slide on screen. */
const shown = (page: Page) => page.locator('.slide:not([hidden]):not(.is-next) h2').textContent();

describe('the deck page', () => {
  it('has every slide server-rendered, including one per role of the duty catalogue and the closing QR codes', () => {
    expect(titles.length).toBeGreaterThanOrEqual(15);
    expect(titles.filter((title) => title?.startsWith('Кто что делает'))).toEqual(catalogue.roles.map((role: { name: string }) => `Кто что делает: ${role.name}`));
    const qrs = [...document.querySelectorAll('.slide-qr svg')].map((svg) => svg.outerHTML);
    const expected = [`${DEMO_SECTION}roditelyam/`, 'checklist/?u=kerch-shkola-12'].map((path) => qrSvg(publicUrl(settings.siteUrl, '/', path), 'x'));
    expect(qrs.map((svg) => svg.replace(/aria-label="[^"]*"/, ''))).toEqual(expected.map((svg) => parseHTML(svg).document.querySelector('svg')!.outerHTML.replace(/aria-label="[^"]*"/, '')));
  });

  it('names the institution, and cites its own act as «по нашему положению», other institutions by name', () => {
    expect(titles[0]).toBe('«Сферум» в учреждении «Школа № 12 (Керчь)»');
    const captions = [...document.querySelectorAll('.slide-quote figcaption')].map((caption) => caption.textContent);
    expect(captions).toContain('по нашему положению, п.\u00a02.1, подп.\u00a013');
    expect(captions).toContain('в других учреждениях так: Техникум, порядок, п.\u00a021.4');
  });

  it('names on the role slides only what the institution\'s own act states, and links its own role pages', () => {
    const roleSlide = (section: string, role: string) =>
      parseHTML(readPage(`${section}pedchas/index.html`)).document.querySelector(`[data-slide-id="rol-${role}"] .slide-frame`)!;
    // Only детский сад № 111 (Оренбург) restricts foreign messengers: its heads are told so, Арсеньев's are not.
    expect(collapse(roleSlide('uchrezhdeniya/orenburg-dou-111/', 'heads').textContent!)).toContain('Ограничьте применение работниками иностранных мессенджеров');
    const arsenev = roleSlide('uchrezhdeniya/arsenev-dou-27/', 'heads');
    expect(collapse(arsenev.textContent!)).not.toContain('иностранных мессенджеров');
    expect(arsenev.querySelector('.slide-cite a')!.getAttribute('href')).toBe('/uchrezhdeniya/arsenev-dou-27/roles/heads/');
    // Приказ № 141-од says nothing of parents: the slide says so instead of lending them another institution's rules.
    const parents = roleSlide('uchrezhdeniya/orenburg-dou-111/', 'parents');
    expect(parents.querySelector('.slide-topics')).toBeNull();
    expect(collapse(parents.textContent!)).toContain('Наш документ об этой роли ничего не говорит.');
  });

  it('quotes every clause verbatim, as its document page publishes it', () => {
    const figures = [...document.querySelectorAll('.slide-quote')];
    expect(figures.length).toBeGreaterThanOrEqual(10);
    for (const figure of figures) {
      for (const editorial of figure.querySelectorAll('[data-editorial]')) editorial.remove(); // glossary marks beside the words
      const href = figure.querySelector('figcaption a')!.getAttribute('href')!;
      const published = mainText(readPage(`${href.slice(1).split('#')[0]}index.html`));
      for (const part of figure.querySelectorAll('.slide-clause, .slide-item')) expect(published, href).toContain(collapse(part.textContent ?? ''));
    }
  });

  it('steps through every slide with the keys of a keyboard and a clicker', async () => {
    const page = await served.browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${served.site.url}${DEMO_SECTION}pedchas/`);
    const seen = [await shown(page)];
    const forward = ['ArrowRight', 'PageDown', 'Space'];
    for (let i = 1; i < titles.length; i++) {
      await page.keyboard.press(forward[i % forward.length]);
      seen.push(await shown(page));
    }
    expect(seen).toEqual(titles);
    await expect(page.locator('[data-counter]').textContent()).resolves.toBe(`Слайд ${titles.length} из ${titles.length}`);
    expect(new URL(page.url()).hash).toBe(`#slide-${titles.length}`);
    await page.keyboard.press('PageUp');
    await page.keyboard.press('ArrowLeft');
    expect(await shown(page)).toBe(titles.at(-3));
    await page.keyboard.press('Home');
    expect(await shown(page)).toBe(titles[0]);
    await page.keyboard.press('End');
    expect(await shown(page)).toBe(titles.at(-1));
    await page.close();
  });

  it('opens the slide of a deep link, and the nearest slide for a number out of range', async () => {
    const page = await served.browser.newPage();
    for (const [hash, expected] of [['#slide-5', 5], ['#slide-999', titles.length], ['#slide-0', 1], ['#slide-abc', 1]] as const) {
      await page.goto(`${served.site.url}${DEMO_SECTION}pedchas/${hash}`);
      await page.reload();
      expect(await shown(page), hash).toBe(titles[expected - 1]);
      expect(new URL(page.url()).hash).toBe(`#slide-${expected}`);
    }
    await page.close();
  });

  it.each([
    [1280, 720, 'window'],
    [1920, 1080, 'window'],
    [1280, 720, 'fullscreen'],
    [1920, 1080, 'fullscreen'],
  ])('fits every slide on the screen at %i×%i (%s), in large type', async (width, height, mode) => {
    const page = await served.browser.newPage({ viewport: { width, height } });
    await page.goto(`${served.site.url}${DEMO_SECTION}pedchas/#slide-1`);
    if (mode === 'fullscreen') {
      await page.getByRole('button', { name: 'Во весь экран' }).click();
      await expect.poll(() => page.evaluate(() => Boolean(document.fullscreenElement))).toBe(true);
    }
    // The toolbar takes 3rem in a window; on a projector (fullscreen) the text is at least 28px at 1280×720.
    expect(await overflowingSlides(page, titles, ((mode === 'fullscreen' ? 28 : 26) * width) / 1280)).toEqual([]);
    await page.close();
  });

  // Each institution's deck differs (its name, its own act, the roles its type has), in every configuration.
  it.each([
    ['the demo', DIST, '/'],
    ['one institution without its own act, in a sub-folder', DIST_SUBFOLDER, SUBFOLDER],
    ['one institution with its own act', DIST_OWN_ACT, '/'],
  ])('fits every slide of every institution\'s deck at 1280×720 in %s', async (_name, dist, base) => {
    const site = await serve(dist, base);
    const page = await served.browser.newPage({ viewport: { width: 1280, height: 720 } });
    const decks = htmlPages(dist).filter((file) => file.endsWith('pedchas/index.html'));
    expect(decks.length).toBeGreaterThan(0);
    const overflowing: string[] = [];
    for (const file of decks) {
      const deckTitles = [...parseHTML(readPage(file, dist)).document.querySelectorAll('.slide h2')].map((h2) => h2.textContent?.trim());
      await page.goto(`${site.url}${pagePath(file)}#slide-1`);
      overflowing.push(...(await overflowingSlides(page, deckTitles, 26)).map((slide) => `${pagePath(file)} ${slide}`));
    }
    expect(overflowing).toEqual([]);
    await page.close();
    await site.close();
  });

  it('keeps the presenter window and the main window in step, both ways', async () => {
    const context = await served.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const main = await context.newPage();
    await main.goto(`${served.site.url}${DEMO_SECTION}pedchas/#slide-1`);
    const popup = context.waitForEvent('page');
    await main.getByRole('button', { name: 'Окно докладчика' }).click();
    const presenter = await popup;
    await presenter.waitForLoadState();
    expect(new URL(presenter.url()).search).toBe('?presenter');
    await main.keyboard.press('ArrowRight');
    await main.keyboard.press('ArrowRight');
    await expect.poll(() => shown(presenter)).toBe(titles[2]);
    await expect(presenter.locator('.slide.is-next h2').textContent()).resolves.toBe(titles[3]);
    await expect(presenter.locator('.slide:not([hidden]):not(.is-next) .slide-notes').isVisible()).resolves.toBe(true);
    expect(await axeViolations(presenter)).toEqual([]);
    await presenter.keyboard.press('ArrowLeft');
    await expect.poll(() => shown(main)).toBe(titles[1]);
    // Stray messages on the deck's channel move neither window.
    const stranger = await context.newPage();
    await stranger.goto(served.site.url);
    await stranger.evaluate(() => {
      const channel = new BroadcastChannel('pedchas');
      for (const data of ['hello', null, {}, { slide: 5 }, { protocol: 'sferum-pedchas', slide: '5' }]) channel.postMessage(data);
    });
    await main.waitForTimeout(300);
    expect([await shown(main), await shown(presenter)]).toEqual([titles[1], titles[1]]);
    await context.close();
  });

  it('reads as one long page without JavaScript', async () => {
    const context = await served.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${served.site.url}${DEMO_SECTION}pedchas/`);
    await expect(page.locator('.slide h2').evaluateAll((all) => all.filter((h2) => (h2 as HTMLElement).offsetParent).length)).resolves.toBe(titles.length);
    await expect(page.locator('.slide-notes').first().isVisible()).resolves.toBe(true);
    await context.close();
  });

  it('prints as a handout: several slides with their notes on each A4 page', async () => {
    const page = await served.browser.newPage();
    await page.goto(`${served.site.url}${DEMO_SECTION}pedchas/#slide-4`);
    const pages = await printedA4Pages(page);
    // Three slides a page, give or take a page for the title and a slide that does not fit at the bottom.
    expect(pages).toBeGreaterThanOrEqual(Math.ceil(titles.length / 3));
    expect(pages).toBeLessThanOrEqual(Math.ceil(titles.length / 3) + 2);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.slide-notes').evaluateAll((all) => all.filter((n) => (n as HTMLElement).offsetParent).length)).resolves.toBe(titles.length);
    await page.close();
  });
});

describe('the offline deck file', () => {
  it('opens from disk with the network blocked and shows every slide', async () => {
    const context = await served.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const requests: string[] = [];
    await context.route(/^(https?|wss?):/, (route) => {
      requests.push(route.request().url());
      return route.abort();
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('requestfailed', (request) => errors.push(request.url()));
    await page.goto(`${pathToFileURL(join(DIST, DEMO_SECTION, 'pedchas/pedchas-offline.html')).href}#slide-1`);
    const seen = [await shown(page)];
    for (let i = 1; i < titles.length; i++) {
      await page.keyboard.press('ArrowRight');
      seen.push(await shown(page));
    }
    expect(seen).toEqual(titles);
    // Styled: the slide is the 16:9 stage, not unstyled text.
    const box = await page.locator('.slide:not([hidden]) .slide-frame').boundingBox();
    expect(box!.width / box!.height).toBeCloseTo(16 / 9, 1);
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('is offered for download from the deck page', () => {
    const link = document.querySelector('a[download][href="pedchas-offline.html"]');
    expect(link).not.toBeNull();
  });
});

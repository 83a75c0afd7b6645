/** The parents' page and the A4 poster: light, without JavaScript, sourced, and printable on one page. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { servedInBrowser } from '../support/served.ts';
import { printedA4Pages } from '../support/print.ts';
import { DEMO_SECTION, DIST, DIST_SUBFOLDER, SUBFOLDER, ROOT, readPage, settingsOf } from '../support/project.ts';
import { qrSvg, publicUrl } from '../../src/domain/qr.ts';

const settings = settingsOf(DIST);
const kerch = settings.institutions.find((institution) => `uchrezhdeniya/${institution.id}/` === DEMO_SECTION)!;

/** The HTML and every stylesheet and script it loads, gzipped: what a phone downloads. */
function transferBytes(dist: string, file: string): number {
  const html = readPage(file, dist);
  const assets = [...html.matchAll(/(?:href|src)="\/(_astro\/[^"]+\.(?:css|js))"/g)].map((m) => readFileSync(join(dist, m[1])));
  return [Buffer.from(html), ...assets].reduce((sum, bytes) => sum + gzipSync(bytes, { level: 9 }).length, 0);
}

describe('the parents’ page', () => {
  const html = readPage(`${DEMO_SECTION}roditelyam/index.html`);
  const { document } = parseHTML(html);

  it('ships no JavaScript and stays within 20 KB gzipped', () => {
    expect(document.querySelectorAll('script').length).toBe(0);
    expect(transferBytes(DIST, `${DEMO_SECTION}roditelyam/index.html`)).toBeLessThanOrEqual(20 * 1024);
  });

  it('gives every step and rule its «Основание», folded, with a link to the clause or the source', () => {
    const items = [...document.querySelectorAll('.steps > li, .rules > li')];
    expect(items.length).toBeGreaterThanOrEqual(9);
    for (const item of items) expect(item.querySelector(':scope > details.basis'), item.textContent).not.toBeNull();
    for (const basis of document.querySelectorAll('details.basis')) {
      expect(basis.hasAttribute('open')).toBe(false);
      expect(basis.querySelector('summary')?.textContent).toBe('Основание');
      expect(basis.querySelector('li a[href]'), basis.textContent).not.toBeNull();
    }
  });

  it('says to install MAX and sign in only with a source, and sends the rest to the teacher', () => {
    const steps = document.querySelector('.steps')!.textContent!;
    expect(steps).toContain('Установите мессенджер MAX');
    expect(steps).toContain('Войдите по своему номеру телефона');
    expect(steps.match(/спросите у педагога/g)?.length).toBeGreaterThanOrEqual(2);
    expect(document.querySelector('#vhod .basis a[href^="https://"]')).not.toBeNull();
  });

  it('explains in passing the words a parent may not know: модератор, персональные данные, роль «учащийся»', () => {
    const { document: page } = parseHTML(html);
    for (const basis of page.querySelectorAll('.basis')) basis.remove();
    const text = page.querySelector('main')!.textContent!.replace(/\s+/g, ' ');
    expect(text).toMatch(/модератор \(педагог или сотрудник, который ведёт чат\)/);
    expect(text).toMatch(/персональные данные — сведения о другом человеке/);
    expect(text).toMatch(/В аккаунте ученика \(в MAX это роль «учащийся»\)/);
  });

  it('reads in under three minutes (180 words a minute, citations aside)', () => {
    const { document: page } = parseHTML(html);
    for (const cite of page.querySelectorAll('.cite, .basis')) cite.remove();
    const words = page.querySelector('main')!.textContent!.split(/\s+/).filter(Boolean).length;
    expect(words).toBeLessThanOrEqual(3 * 180);
  });

  it('is where both the header’s «Родителям» and the home page’s card lead, on the institution’s pages', () => {
    const { document: home } = parseHTML(readPage(`${DEMO_SECTION}index.html`));
    const nav = [...home.querySelectorAll('.site-header a')].find((a) => a.textContent === 'Родителям');
    const card = [...home.querySelectorAll('.card h3 a')].find((a) => a.textContent === 'Родителям');
    expect(nav?.getAttribute('href')).toBe(`/${DEMO_SECTION}roditelyam/`);
    expect(card?.getAttribute('href')).toBe(`/${DEMO_SECTION}roditelyam/`);
  });

  it('names the institution’s own act first («Наше положение»)', () => {
    expect(document.querySelector('.own-act')?.textContent).toMatch(/Наше положение:\s*Положение школы №\s12/);
  });
});

describe.each([
  { name: 'корень сайта', dist: DIST, base: '/' },
  { name: `подпапка ${SUBFOLDER}`, dist: DIST_SUBFOLDER, base: SUBFOLDER },
])('the A4 poster, at $name', ({ dist, base }) => {
  const section = dist === DIST ? DEMO_SECTION : '';
  const { document } = parseHTML(readPage(`${section}roditelyam/plakat/index.html`, dist));
  const institution = dist === DIST ? kerch : settingsOf(dist).institutions[0];

  it('carries a QR code of its institution’s parents’ page at the configured site address, drawn at build time', () => {
    const expected = qrSvg(publicUrl(settings.siteUrl, base, `${section}roditelyam/`), 'QR-код: страница для родителей');
    expect(document.querySelector('.poster svg.qr')?.outerHTML).toBe(parseHTML(expected).document.querySelector('svg')?.outerHTML);
    expect(document.querySelectorAll('script').length).toBe(0);
  });

  it('names the institution and the administrator from the configuration, with three steps', () => {
    const text = document.querySelector('.poster')?.textContent ?? '';
    expect(text).toContain(institution.name);
    expect(text).toContain(institution.admin.name);
    expect(document.querySelectorAll('.poster-steps li').length).toBe(3);
  });
});

describe('printing the parents’ pages', () => {
  const served = servedInBrowser();

  it('prints the page on at most two A4 pages, without the folded sources or raw paths', async () => {
    const page = await served.browser.newPage();
    await page.goto(`${served.site.url}roditelyam/`);
    expect(await printedA4Pages(page)).toBeLessThanOrEqual(2);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByText('Основание').first().isVisible()).toBe(false);
    const printed = await page.locator('main').evaluate((main) => [...main.querySelectorAll('*')].map((e) => getComputedStyle(e, '::after').content).join(' '));
    expect(printed).not.toMatch(/\/docs\/|https?:/);
    await page.close();
  });

  it('prints the poster on exactly one A4 page, without the site’s navigation', async () => {
    const page = await served.browser.newPage();
    await page.goto(`${served.site.url}${DEMO_SECTION}roditelyam/plakat/`);
    expect(await printedA4Pages(page)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.poster svg.qr').isVisible()).toBe(true);
    await page.close();
  });
});

describe('the role handouts', () => {
  const served = servedInBrowser();
  const { document: index } = parseHTML(readPage(`${DEMO_SECTION}pamyatki/index.html`));
  const handouts = [...index.querySelectorAll('main li a')].map((a) => a.getAttribute('href')!);

  it('exist for every role of the duty catalogue', () => {
    const catalogue = JSON.parse(readFileSync(join(ROOT, 'content/duties.json'), 'utf8'));
    expect(handouts).toEqual(catalogue.roles.map((role: { slug: string }) => `/${DEMO_SECTION}pamyatki/${role.slug}/`));
  });

  it.each(handouts)('%s prints on exactly one A4 page, with its duties, their clauses and a QR code of the role page', async (path) => {
    const page = await served.browser.newPage();
    await page.goto(`${served.site.url}${path.slice(1)}`);
    expect(await printedA4Pages(page)).toBe(1);
    await expect(page.locator('.handout li a[href*="/docs/"]').count()).resolves.toBeGreaterThan(0);
    const role = path.split('/').at(-2)!;
    const expected = parseHTML(qrSvg(publicUrl(settings.siteUrl, '/', `${DEMO_SECTION}roles/${role}/`), 'x')).document.querySelector('svg')!;
    expect(await page.locator('.handout svg.qr path').getAttribute('d')).toBe(expected.querySelector('path')!.getAttribute('d'));
    await page.close();
  });
});

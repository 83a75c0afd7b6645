/** «Сравнение документов»: every cell resolves, the phone layout, the filters (with and without JavaScript), print. */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { serve, type StaticSite } from '../support/static-server.ts';
import { axeViolations } from '../support/axe.ts';
import { DIST, ROOT, readPage } from '../support/project.ts';

const comparison: { roles: Array<{ id: string }>; duties: Array<{ id: string; role: string; clauses: Record<string, string> }> } = JSON.parse(
  readFileSync(join(ROOT, 'content/comparison.json'), 'utf8'),
);
const published: Record<string, string[]> = JSON.parse(readFileSync(join(ROOT, 'tests/unit/published-anchors.json'), 'utf8'));

describe('comparison content', () => {
  it('shows every duty as a card whose cells link to existing clauses or say the document is silent', () => {
    const { document } = parseHTML(readPage('reference/compare/index.html'));
    const cards = [...document.querySelectorAll('.compare-card')];
    expect(cards.map((card) => card.id)).toEqual(comparison.duties.map((duty) => duty.id));
    for (const card of cards) {
      const duty = comparison.duties.find((d) => d.id === card.id)!;
      const cells = [...card.querySelectorAll('dd')];
      expect(cells).toHaveLength(4);
      const links = cells.flatMap((cell) => [...cell.querySelectorAll('a')].map((a) => a.getAttribute('href')!));
      expect(links.toSorted()).toEqual(Object.entries(duty.clauses).map(([doc, anchor]) => `/docs/${doc}/#${anchor}`).toSorted());
      for (const [doc, anchor] of Object.entries(duty.clauses)) expect(published[doc], `${duty.id}: ${doc}#${anchor}`).toContain(anchor);
      expect(cells.filter((cell) => cell.textContent === 'не говорит об этом')).toHaveLength(4 - links.length);
    }
  });

  it('shows «группа» in the kindergarten against «класс» in the school, words marked', () => {
    const { document } = parseHTML(readPage('reference/compare/role/admin/index.html'));
    const diff = document.getElementById('admin-5')!.querySelector('.diff')!;
    expect(diff.querySelector('del')?.textContent).toContain('группу');
    expect([...diff.querySelectorAll('ins')].map((ins) => ins.textContent).join(' ')).toContain('класс');
  });

  it('filters by role and by institution type on static pages', () => {
    const role = parseHTML(readPage('reference/compare/role/parent/index.html')).document;
    expect([...role.querySelectorAll('main h2')].map((h) => h.textContent)).toEqual(['Родитель (законный представитель)']);
    const type = parseHTML(readPage('reference/compare/type/dou/index.html')).document;
    const shown = new Set([...type.querySelectorAll('.compare-card dt')].map((dt) => dt.textContent));
    expect(shown.size).toBe(1);
    expect([...shown][0]).toContain('«Дюймовочка»');
  });
});

describe('comparison in the browser', () => {
  let browser: Browser;
  let site: StaticSite;
  beforeAll(async () => {
    browser = await launchBrowser();
    site = await serve(DIST, '/');
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('fits a 360 px phone without sideways scrolling, with open text comparisons, and stays accessible', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${site.url}reference/compare/`);
    await page.locator('.diff summary').first().click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('turns an unknown filter into «все» with a note, and a known one into its page', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}reference/compare/?role=<b>директор</b>&type=dou`);
    await expect(page.locator('#filter-note').textContent()).resolves.toBe(
      'Фильтр не распознан: роль «<b>директор</b>». Показаны все роли и все типы учреждений.',
    );
    expect(await page.locator('.compare-card').count()).toBe(comparison.duties.length);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${site.url}reference/compare/?role=teacher`);
    await page.waitForURL(`${site.url}reference/compare/role/teacher/`);
    await page.close();
  });

  it('prints legibly: cards whole, no filters or navigation', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}reference/compare/role/head/`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.filters').first().isVisible()).toBe(false);
    expect(await page.locator('.compare-card').first().isVisible()).toBe(true);
    const size = await page.locator('.compare-card h3').first().evaluate((h) => parseFloat(getComputedStyle(h).fontSize));
    expect(size).toBeGreaterThanOrEqual(12);
    expect((await page.pdf({ format: 'A4' })).byteLength).toBeGreaterThan(10_000);
    await page.close();
  });
});

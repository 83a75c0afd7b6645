/** «Сравнение документов»: every cell resolves, the phone layout, the filters (with and without JavaScript), print. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { printedText } from '../support/print.ts';
import { servedInBrowser } from '../support/served.ts';
import { axeViolations } from '../support/axe.ts';
import { ROOT, readPage, regulationFiles } from '../support/project.ts';
import { catalogueSchema } from '../../src/domain/duties.ts';
import { regulationSchema } from '../../src/domain/regulation.ts';
import { documentAnchors } from '../../src/domain/anchors.ts';

const catalogue = catalogueSchema.parse(JSON.parse(readFileSync(join(ROOT, 'content/duties.json'), 'utf8')));
const files = regulationFiles();
/** Document titles in published order: the columns. */
const titles = new Map(
  files
    .map((file) => ({ slug: file.slug, ...regulationSchema.parse(file.frontmatter) }))
    .toSorted((a, b) => a.order - b.order)
    .map((document) => [document.slug, document.shortTitle]),
);
const labels = new Map(files.flatMap((file) => documentAnchors(file.slug, file.body).map((anchor) => [`/docs/${file.slug}/#${anchor.id}`, anchor.label])));
const published: Record<string, string[]> = JSON.parse(readFileSync(join(ROOT, 'tests/unit/published-anchors.json'), 'utf8'));
const cardIds = (file: string) => [...parseHTML(readPage(file)).document.querySelectorAll('.compare-card')].map((card) => card.id);

describe('comparison content', () => {
  it('shows every catalogue duty in the overview and as a card: each document’s cell links the clauses cited, or says it is silent', () => {
    // The overview: a table row per duty, under its first role (roles in catalogue order), leading to its card.
    const overview = parseHTML(readPage('reference/compare/index.html')).document;
    expect([...overview.querySelectorAll('.duty-table tbody th a')].map((a) => a.getAttribute('href'))).toEqual(
      catalogue.roles.flatMap((role) => catalogue.duties.filter((duty) => duty.roles[0] === role.id).map((duty) => `/reference/compare/role/${role.id}/#${duty.id}`)),
    );
    const rolePage = (role: string) => parseHTML(readPage(`reference/compare/role/${role}/index.html`)).document;
    const cards = catalogue.roles.flatMap((role) => [...rolePage(role.id).querySelectorAll('.compare-card')]);
    for (const card of cards) {
      const duty = catalogue.duties.find((d) => d.id === card.id)!;
      expect(card.querySelector('h3')?.textContent).toBe(duty.text);
      const columns = [...card.querySelectorAll('dt')].map((dt) => dt.textContent);
      expect(columns).toEqual([...titles.values()].filter((title) => columns.includes(title)));
      expect(columns).toHaveLength(6);
      const links = [...card.querySelectorAll('dd a')];
      expect(links.map((a) => a.getAttribute('href')).toSorted()).toEqual(duty.refs.map((ref) => `/docs/${ref.replace('#', '/#')}`).toSorted());
      for (const a of links) {
        const [doc, anchor] = a.getAttribute('href')!.slice('/docs/'.length).split('/#');
        expect(published[doc], `${duty.id}: ${doc}#${anchor}`).toContain(anchor);
        expect(a.textContent).toBe(labels.get(a.getAttribute('href')!));
      }
      const stating = new Set(duty.refs.map((ref) => titles.get(ref.split('#')[0])));
      for (const cell of card.querySelectorAll('dl > div')) {
        const silent = cell.querySelector('dd')!.textContent === 'не говорит об этом';
        expect(silent, `${duty.id}: ${cell.querySelector('dt')!.textContent}`).toBe(!stating.has(cell.querySelector('dt')!.textContent!));
      }
    }
    expect(rolePage('head').getElementById('head-join')!.querySelector('dl')!.textContent).toContain('Письмо Минпросвещения №\u00a004-423не говорит об этом');
  });

  it('compares the first stating document with each other one: «группа» against «класс», whole words marked', () => {
    const { document } = parseHTML(readPage('reference/compare/role/admin/index.html'));
    const diffs = [...document.getElementById('admin-teachers-room')!.querySelectorAll('.diff')];
    expect(diffs.map((diff) => diff.querySelector('summary')!.textContent)).toEqual([
      'Сравнить тексты: Порядок детского сада №\u00a027 «Дюймовочка» и Положение школы №\u00a012 (Керчь)',
      'Сравнить тексты: Порядок детского сада №\u00a027 «Дюймовочка» и Порядок техникума',
    ]);
    expect([...diffs[1].querySelectorAll('del')].map((del) => del.textContent)).toEqual(['группу', 'образовательной организации']);
    expect([...diffs[1].querySelectorAll('ins')].map((ins) => ins.textContent)).toContain('Техникума');
    // Texts worded apart stand side by side, unmarked.
    const help = [...document.getElementById('admin-help')!.querySelectorAll('.diff')].find((diff) => diff.textContent!.includes('Приказ №\u00a0141-од'))!;
    expect(help.querySelectorAll('del, ins')).toHaveLength(0);
    expect(help.textContent).toContain('Формулировки слишком разные');
  });

  it('filters by role and by institution type on static pages, one card per catalogue duty of the filter', () => {
    for (const role of catalogue.roles) {
      const page = `reference/compare/role/${role.id}/index.html`;
      expect([...parseHTML(readPage(page)).document.querySelectorAll('main h2')].map((h) => h.textContent)).toEqual([role.name]);
      expect(cardIds(page)).toEqual(catalogue.duties.filter((duty) => duty.roles.includes(role.id)).map((duty) => duty.id));
    }
    const dou = parseHTML(readPage('reference/compare/type/dou/index.html')).document;
    expect(new Set([...dou.querySelectorAll('.compare-card dt')].map((dt) => dt.textContent))).toEqual(
      new Set(['Порядок детского сада №\u00a027 «Дюймовочка»', 'Приказ №\u00a0141-од детского сада №\u00a0111', 'Письмо Минпросвещения №\u00a004-423']),
    );
    expect(cardIds('reference/compare/type/dou/index.html').toSorted()).toEqual(catalogue.duties.filter((duty) => duty.types.includes('ДОУ')).map((duty) => duty.id).toSorted());
  });
});

describe('comparison in the browser', () => {
  const served = servedInBrowser();

  it('fits a 360 px phone without sideways scrolling, with open text comparisons, and stays accessible', async () => {
    const page = await served.browser.newPage({ viewport: { width: 360, height: 740 } });
    for (const view of ['', 'role/admin/']) {
      await page.goto(`${served.site.url}reference/compare/${view}`);
      if (view) await page.locator('.diff summary').first().click();
      expect(await page.evaluate(() => document.documentElement.scrollWidth), view).toBeLessThanOrEqual(360);
      expect(await axeViolations(page)).toEqual([]);
    }
    await page.close();
  });

  it('turns an unknown filter into «все» with a note, and a known one into its page', async () => {
    const page = await served.browser.newPage();
    await page.goto(`${served.site.url}reference/compare/?role=<b>директор</b>&type=dou`);
    await expect(page.locator('#filter-note').textContent()).resolves.toBe(
      'Фильтр не распознан: роль «<b>директор</b>». Показаны все роли и все типы учреждений.',
    );
    expect(await page.locator('.duty-table tbody tr').count()).toBe(catalogue.duties.length);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${served.site.url}reference/compare/?role=teacher`);
    await page.waitForURL(`${served.site.url}reference/compare/role/teacher/`);
    await page.close();
  });

  it('prints legibly: cards whole, no filters or navigation', async () => {
    const page = await served.browser.newPage();
    await page.goto(`${served.site.url}reference/compare/role/head/`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.filters').first().isVisible()).toBe(false);
    expect(await page.locator('.compare-card').first().isVisible()).toBe(true);
    const size = await page.locator('.compare-card h3').first().evaluate((h) => parseFloat(getComputedStyle(h).fontSize));
    expect(size).toBeGreaterThanOrEqual(12);
    const printed = (await printedText(page)).join(' ');
    expect(printed).toContain(await page.locator('.compare-card h3').first().innerText());
    expect(printed).not.toContain('Основные разделы');
    await page.close();
  });
});

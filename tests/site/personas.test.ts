/**
 * Each reader walks their task from where they would start, by visible labels, on a 360×780 phone (the presenter on
 * a projector), and finds what they came for within the stated taps and screens. Screenshots of each walk are saved
 * under tests/output/personas/ for a person to look at, with summary.json: each walk's taps, the screen (viewport
 * heights down the last page) where what the reader came for sits, and the screenshots' files.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { servedInBrowser } from '../support/served.ts';
import { printedText } from '../support/print.ts';
import { DEMO_SECTION, ROOT } from '../support/project.ts';

const SHOTS = join(ROOT, 'tests/output/personas');
mkdirSync(SHOTS, { recursive: true });
const PHONE = { width: 360, height: 780 };

const SUMMARY: Record<string, { taps: number; screen: number; shots: string[] }> = {};
afterAll(() => writeFileSync(join(SHOTS, 'summary.json'), `${JSON.stringify(SUMMARY, null, 2)}\n`));

/** A walk that counts the reader's taps and saves what they see. */
function walker(page: Page, persona: string) {
  let taps = 0;
  const shots: string[] = [];
  return {
    get taps() {
      return taps;
    },
    /** A tap, and the screen it leads to, loaded (a screenshot taken while the next page commits fails). */
    async tap(target: Locator) {
      await target.click();
      await page.waitForLoadState('load');
      taps++;
    },
    async shot(name: string) {
      const file = `${persona}-${shots.length + 1}-${name}.png`;
      await page.screenshot({ path: join(SHOTS, file) });
      shots.push(file);
    },
    /** Records the walk to `what`: the taps so far, and on which screen the target ends (1: in view without scrolling). */
    async found(what: string, target: Locator): Promise<number> {
      // From where the last tap left the page (a link to an anchor scrolls there), not from its top.
      const { y, height } = (await target.boundingBox())!;
      const screen = Math.max(1, Math.ceil((y + height) / page.viewportSize()!.height));
      SUMMARY[`${persona}: ${what}`] = { taps, screen, shots: [...shots] };
      return screen;
    },
  };
}

/** Whether the element is wholly on the first screen (no scrolling). */
async function onFirstScreen(target: Locator, page: Page): Promise<boolean> {
  const box = (await target.boundingBox())!;
  return box.y >= 0 && box.y + box.height <= page.viewportSize()!.height;
}

describe('personas', () => {
  const served = servedInBrowser();
  /** An institution's home page: where its staff arrive from the institution's site (the demo serves five). */
  const home = () => `${served.site.url}${DEMO_SECTION}`;

  it('parent: from the poster’s QR code, how to join is on the first screen after the header', async () => {
    const page = await served.browser.newPage({ viewport: PHONE });
    const walk = walker(page, 'parent');
    // The poster's QR code leads into its institution's section.
    await page.goto(`${served.site.url}${DEMO_SECTION}roditelyam/`);
    await walk.shot('poster-qr-target');
    expect(await onFirstScreen(page.getByRole('heading', { name: 'Как войти в чат' }), page)).toBe(true);
    expect(await onFirstScreen(page.getByText('Установите мессенджер MAX', { exact: false }), page)).toBe(true);
    expect(await walk.found('how to join', page.getByText('Установите мессенджер MAX', { exact: false }))).toBe(1);
    await page.getByText('Основание').first().click();
    await walk.shot('basis-open');
    expect(await page.getByText(/Мы рекомендуем/).isVisible()).toBe(true);
    await page.close();
  });

  it('parent: the home page’s card and the menu lead to the same page, in one and two taps', async () => {
    const page = await served.browser.newPage({ viewport: PHONE });
    const walk = walker(page, 'parent-home');
    await page.goto(served.site.url);
    await walk.tap(page.getByRole('main').getByRole('link', { name: 'Родителям' }));
    const fromCard = page.url();
    expect(walk.taps).toBe(1);
    await page.goto(served.site.url);
    await walk.tap(page.getByText('Меню', { exact: true }));
    await walk.shot('menu-open');
    await walk.tap(page.getByRole('navigation', { name: 'Основные разделы' }).getByRole('link', { name: 'Родителям' }));
    expect(page.url()).toBe(fromCard);
    expect(walk.taps).toBe(3);
    await page.close();
  });

  it('teacher: from the home page, the own checklist in at most 8 taps; Back restores; restart asks and clears the ticks', async () => {
    const page = await served.browser.newPage({ viewport: PHONE });
    const walk = walker(page, 'teacher');
    await page.goto(home());
    await walk.tap(page.getByRole('link', { name: 'Мой чек-лист за минуту' }));
    await walk.tap(page.getByRole('radio', { name: 'Педагог', exact: true }));
    await walk.shot('role');
    await walk.tap(page.getByRole('button', { name: 'Продолжить' }));
    // Where the chats are is in the site's settings: the wizard goes straight to the next question.
    await walk.tap(page.getByRole('radio', { name: 'Нет' }));
    await walk.tap(page.getByRole('button', { name: 'Продолжить' }));
    await walk.shot('check');
    expect(await page.getByText('так указано в настройках сайта учреждения', { exact: false }).isVisible()).toBe(true);
    await walk.tap(page.getByRole('button', { name: 'Показать мой чек-лист' }));
    await page.getByRole('heading', { name: 'Чек-лист: Педагог' }).waitFor();
    await walk.shot('checklist');
    expect(walk.taps).toBeLessThanOrEqual(8);
    expect(await walk.found('own checklist, first item', page.getByRole('checkbox').first())).toBeLessThanOrEqual(2);

    // The administrator's contact once, under «Кого спросить», not under each step.
    const main = (await page.getByRole('main').textContent())!;
    expect(main.split('Иванова Мария Петровна').length - 1).toBe(1);

    // A ticked box prints ticked: one tick on paper for the one ticked box.
    await page.getByRole('checkbox').first().check();
    expect((await printedText(page)).join(' ').split('✓').length - 1).toBe(1);

    // Back: the previous answer is still chosen.
    await page.goBack();
    await page.goBack();
    expect(await page.getByRole('radio', { name: 'Нет' }).isChecked()).toBe(true);
    await page.goForward();
    await page.goForward();

    // «Начать заново» asks first; once confirmed, the ticks are gone too.
    page.once('dialog', (dialog) => dialog.dismiss());
    await page.getByRole('link', { name: 'Начать заново' }).click();
    expect(await page.getByRole('heading', { name: 'Чек-лист: Педагог' }).isVisible()).toBe(true);
    page.once('dialog', (dialog) => dialog.accept());
    await page.getByRole('link', { name: 'Начать заново' }).click();
    await page.getByRole('heading', { name: 'Кто вы?' }).waitFor();
    // Back to the same checklist: its box is no longer ticked.
    await page.goBack();
    await page.getByRole('heading', { name: 'Чек-лист: Педагог' }).waitFor();
    await expect.poll(() => page.getByRole('checkbox', { checked: true }).count()).toBe(0);
    await page.close();
  });

  it('teacher without JavaScript: no form, the static role checklists instead', async () => {
    const context = await served.browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${served.site.url}checklist/`);
    await walker(page, 'teacher-nojs').shot('checklist-page');
    expect(await page.getByRole('button', { name: 'Продолжить' }).isVisible()).toBe(false);
    await page.getByRole('link', { name: 'Педагог', exact: true }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Педагогам');
    await context.close();
  });

  it('administrator: the registration letter’s address, subject and documents, and the letter builder, in at most 2 taps from home', async () => {
    const page = await served.browser.newPage({ viewport: PHONE });
    const walk = walker(page, 'admin');
    await page.goto(home());
    await walk.tap(page.getByRole('link', { name: 'Администратору платформы' }));
    await walk.shot('role-page');
    const address = page.getByRole('link', { name: 'info@sferum.ru' }).first();
    expect(await address.getAttribute('href')).toBe('mailto:info@sferum.ru');
    const letter = page.getByText('с темой «СФЕРУМ: Регистрация организации»', { exact: false }).first();
    expect(await letter.textContent()).toMatch(/Приложите документ о назначении администратора/);
    await walk.found('registration letter: address, subject, documents', letter);
    await walk.tap(page.getByRole('link', { name: /Готовые тексты: письмо о регистрации/ }));
    await walk.shot('letter-builder');
    expect(await page.getByRole('heading', { name: 'Готовые тексты' }).isVisible()).toBe(true);
    expect(walk.taps).toBeLessThanOrEqual(2);
    expect(await walk.found('letter builder', page.getByRole('heading', { name: 'Готовые тексты' }))).toBe(1);
    await page.close();
  });

  it('head: the duty × document table in at most 2 taps from home; one screen on a laptop', async () => {
    const page = await served.browser.newPage({ viewport: PHONE });
    const walk = walker(page, 'head');
    await page.goto(home());
    await walk.tap(page.getByRole('link', { name: 'Сравнение документов' }));
    const table = page.getByRole('table', { name: /Обязанности роли «Руководитель или администрация»/ });
    await table.waitFor();
    await walk.shot('table-on-phone');
    expect(walk.taps).toBeLessThanOrEqual(2);
    expect(await walk.found('duty × document table, its first duty', table.getByRole('rowheader').first())).toBe(1);
    expect(await table.getByRole('link', { name: /✓/ }).count()).toBeGreaterThan(5);
    const laptop = await served.browser.newPage({ viewport: { width: 1280, height: 720 } });
    await laptop.goto(page.url());
    const wide = laptop.getByRole('table', { name: /Обязанности роли «Руководитель или администрация»/ });
    await wide.scrollIntoViewIfNeeded();
    await laptop.screenshot({ path: join(SHOTS, 'head-3-table-on-laptop.png') });
    expect((await wide.boundingBox())!.height).toBeLessThanOrEqual(720);
    await laptop.close();
    await page.close();
  });

  it.each([
    { width: 1280, height: 720 },
    { width: 1024, height: 768 },
  ])('presenter at $width×$height: the offline file and the print version in one tap from the deck’s toolbar', async (projector) => {
    const page = await served.browser.newPage({ viewport: projector });
    const walk = walker(page, `presenter-${projector.width}`);
    await page.goto(`${home()}pedchas/`);
    await walk.shot('deck');
    const toolbar = page.locator('[data-deck-toolbar]');
    const offline = toolbar.getByRole('link', { name: 'Файл без интернета' });
    expect(await offline.isVisible()).toBe(true);
    expect(await walk.found('offline file (one tap downloads it)', offline)).toBe(1);
    const file = await page.request.get(new URL((await offline.getAttribute('href'))!, page.url()).href);
    expect(file.status()).toBe(200);
    expect(await file.text()).toContain('Педагогический час');
    await page.evaluate(() => {
      window.print = () => document.documentElement.setAttribute('data-printed', '');
    });
    await walk.tap(toolbar.getByRole('button', { name: 'Распечатать' }));
    expect(await page.locator('html[data-printed]').count()).toBe(1);
    await walk.found('print version', toolbar.getByRole('button', { name: 'Распечатать' }));
    await page.close();
  });

  it('presenter at 1024×768: no placeholder on screen, quotes at 20 px or more and whole, role slides name tasks', async () => {
    const page = await served.browser.newPage({ viewport: { width: 1024, height: 768 } });
    // This kindergarten's settings name no deadlines: the editor's placeholder is in the page, never on the projected slide.
    await page.goto(`${served.site.url}uchrezhdeniya/arsenev-dou-27/pedchas/`);
    expect(await page.getByText('укажите в content/site.json', { exact: false }).count()).toBeGreaterThan(0);
    const slides = await page.locator('.slide').evaluateAll((all) => all.map((slide) => ({ id: slide.id, kind: slide.className })));
    const small: string[] = [];
    for (const { id, kind } of slides) {
      await page.evaluate((hash) => (location.hash = hash), `#${id}`);
      const slide = page.locator(`#${id}`);
      await slide.locator('h2').waitFor();
      expect(await slide.getByText('укажите в content/site.json', { exact: false }).isVisible(), id).toBe(false);
      if (kind.includes('slide-quotes')) {
        const sizes = await slide.locator('blockquote').evaluateAll((quotes) => quotes.map((quote) => parseFloat(getComputedStyle(quote).fontSize)));
        if (sizes.some((size) => size < 20)) small.push(`${id}: ${sizes.join(', ')} px`);
        const frame = slide.locator('.slide-frame');
        const cut = await frame.evaluate((element) => element.scrollHeight > element.clientHeight + 1);
        if (cut) small.push(`${id}: не помещается`);
      }
      if (kind.includes('slide-role')) expect(await slide.textContent(), id).not.toMatch(/\d+\s+обязанност/);
    }
    // Where the placeholder was, the hall reads whom to ask.
    const deadlines = await page.locator('.slide', { has: page.locator('.slide-missing') }).getAttribute('id');
    await page.evaluate((hash) => (location.hash = hash), `#${deadlines}`);
    await expect.poll(() => page.getByText('Сроки назовёт администратор платформы.').isVisible()).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'presenter-1024-deadlines-slide.png') });
    expect(small).toEqual([]);
    await page.close();
  });
});

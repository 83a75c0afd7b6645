/**
 * The wizard when things go wrong: the address without its slash, a sub-folder, a slow script, a missing data file,
 * a broken network, full storage, a corrupt saved entry, a second tab. It works, or says in Russian what failed and where to go.
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { servedInBrowser } from '../support/served.ts';
import { DIST_SUBFOLDER, SUBFOLDER } from '../support/project.ts';

const atRoot = servedInBrowser();
const inSubfolder = servedInBrowser(DIST_SUBFOLDER, SUBFOLDER);

const heading = (page: Page) => page.locator('h1').first().textContent();
/** The demo serves several institutions: the wizard's links name one, as the links from its section do. */
const SCHOOL = 'u=kerch-shkola-12';
const RESULT = `?v=1&${SCHOOL}&r=parent&p=max&q=result`;
const KEY = 'sferum-ticks:v1:parent:kerch-shkola-12';

async function opened(context: BrowserContext, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url, { waitUntil: 'networkidle' });
  return { page, errors };
}

/** From the next page load on, every localStorage write fails as in a full storage, until `window.storageFull = false`. */
const fullStorage = (context: BrowserContext) =>
  context.addInitScript(() => {
    const flag = window as unknown as { storageFull: boolean };
    const set = Storage.prototype.setItem;
    flag.storageFull = true;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (flag.storageFull) throw new DOMException('Storage is full', 'QuotaExceededError');
      set.call(this, key, value);
    };
  });

describe('wizard addresses', () => {
  for (const [where, served, base, query] of [['at the root', atRoot, '/', `?${SCHOOL}`], ['in a sub-folder', inSubfolder, SUBFOLDER, '']] as const) {
    it(`works ${where} at /checklist without the trailing slash`, async () => {
      const context = await served.browser.newContext();
      const { page, errors } = await opened(context, served.site.url + 'checklist' + query);
      expect(await heading(page)).toBe('Кто вы?');
      await page.getByLabel('Педагог', { exact: true }).check();
      await page.getByRole('button', { name: 'Продолжить' }).click();
      // A teacher at a school whose settings say where the chats are: the next question is the regional GIS.
      await expect.poll(() => heading(page)).toBe('Чаты в вашем регионе создаёт региональная ГИС?');
      expect(new URL(page.url()).pathname).toBe(`${base}checklist`);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});

describe('wizard before its script has run', () => {
  /** Holds checklist/data.json back until `release()`: the page as a slow phone has it before the wizard is ready. */
  async function heldBack(context: BrowserContext) {
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let held = true;
    await context.route(/checklist\/data\.json$/, async (route) => {
      if (held) await released;
      await route.continue();
    });
    return () => {
      held = false;
      release();
    };
  }

  it('shows the first question at once, and an answer given that early is kept', async () => {
    const context = await atRoot.browser.newContext();
    const release = await heldBack(context);
    const page = await context.newPage();
    await page.goto(atRoot.site.url + 'checklist/', { waitUntil: 'domcontentloaded' });
    // The demo serves several institutions: its first question is the institution.
    await expect.poll(() => page.getByRole('heading', { name: 'Ваше учреждение' }).isVisible()).toBe(true);
    await page.getByLabel('Школа № 12 (Керчь)').check();
    await page.getByRole('button', { name: 'Продолжить' }).click();
    await page.waitForURL(/[?&]u=kerch-shkola-12/);
    release();
    await expect.poll(() => heading(page)).toBe('Кто вы?');
    await expect.poll(() => page.getByRole('link', { name: 'Назад' }).isVisible()).toBe(true);
    await context.close();
  });

  it('a link with answers does not show the first question while they are read', async () => {
    const context = await atRoot.browser.newContext();
    const release = await heldBack(context);
    const page = await context.newPage();
    await page.goto(atRoot.site.url + 'checklist/' + RESULT, { waitUntil: 'domcontentloaded' });
    await page.waitForLoadState('load');
    // The server-rendered first question is in the page, but not shown.
    expect(await page.locator('#wizard h1').textContent()).toBe('Ваше учреждение');
    expect(await page.locator('#wizard').isVisible()).toBe(false);
    release();
    await expect.poll(() => heading(page)).toBe('Чек-лист: Родитель (законный представитель)');
    expect(await page.locator('#wizard').isVisible()).toBe(true);
    await context.close();
  });
});

describe('wizard without its data', () => {
  for (const [fault, reason, block] of [
    ['a missing data file', /не найден файл с данными мастера \(checklist\/data\.json, ответ сайта 404\)/, (route: import('playwright-core').Route) => route.fulfill({ status: 404, body: 'нет' })],
    ['a network error', /нет связи с сайтом/, (route: import('playwright-core').Route) => route.abort('internetdisconnected')],
    ['a corrupt data file', /повреждён/, (route: import('playwright-core').Route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"roles": [' })],
  ] as const) {
    it(`says in Russian what failed on ${fault} and links to the static role pages`, async () => {
      const context = await inSubfolder.browser.newContext();
      await context.route(/checklist\/data\.json$/, block);
      const { page } = await opened(context, inSubfolder.site.url + 'checklist/');
      const alert = page.locator('#wizard-failed-notice');
      await expect.poll(() => alert.isVisible()).toBe(true);
      expect(await alert.textContent()).toMatch(/^Мастер не загрузился: /);
      expect(await alert.textContent()).toMatch(reason);
      const links = await alert.locator('a').evaluateAll((all) => all.map((a) => a.getAttribute('href')));
      expect(links.length).toBeGreaterThanOrEqual(7);
      for (const href of links) expect(href).toMatch(new RegExp(`^${SUBFOLDER}roles/[a-z-]+/$`));
      expect(await page.locator('#wizard').count()).toBe(0);
      await context.close();
    });
  }
});

describe('saved ticks and fields under faults', () => {
  it('storage full with a corrupt entry: says the entry could not be kept aside, and no tick writes over it', async () => {
    const context = await atRoot.browser.newContext();
    const { page } = await opened(context, atRoot.site.url + 'checklist/');
    await page.evaluate((key) => localStorage.setItem(key, '{"v":1,"done":['), KEY);
    await fullStorage(context);
    await page.goto(atRoot.site.url + 'checklist/' + RESULT, { waitUntil: 'networkidle' });
    const notice = await page.locator('.notice[role=alert]').first().textContent();
    expect(notice).toMatch(/Сохранённые отметки повреждены и не прочитаны\. Отложить прежнюю запись не удалось/);
    expect(notice).not.toMatch(/сохранена отдельно/);
    await page.evaluate(() => ((window as unknown as { storageFull: boolean }).storageFull = false)); // space freed
    await page.locator('.duty input').first().check();
    expect(await page.locator('.progress').textContent()).toMatch(/^Выполнено: 1 из/);
    expect(await page.locator('.status').textContent()).toMatch(/не сохраняются/);
    expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBe('{"v":1,"done":[');
    await context.close();
  });

  it('reports a tick or a template field that was not saved, and keeps what was saved before', async () => {
    const context = await atRoot.browser.newContext();
    const { page } = await opened(context, atRoot.site.url + 'checklist/' + RESULT);
    await page.locator('.duty input').first().check();
    const saved = await page.evaluate((key) => localStorage.getItem(key), KEY);
    await fullStorage(context);
    await page.goto(atRoot.site.url + `checklist/?v=1&${SCHOOL}&r=admin&p=max&reg=no&q=result`, { waitUntil: 'networkidle' });
    await page.locator('.template input').first().fill('МБОУ СОШ № 1');
    expect(await page.locator('.templates .notice').textContent()).toMatch(/^Не сохранено: браузер не даёт сохранять данные.*Прежние поля остались как были/);
    await page.goto(atRoot.site.url + 'checklist/' + RESULT, { waitUntil: 'networkidle' });
    expect(await page.locator('.duty input').first().isChecked()).toBe(true);
    await page.locator('.duty input').nth(1).check();
    expect(await page.locator('.status').textContent()).toMatch(/^Не сохранено: .*Прежние отметки остались как были/);
    expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBe(saved);
    await context.close();
  });

  it('keeps two tabs in step: ticks and template fields from one appear in the other, neither overwrites the other', async () => {
    const context = await atRoot.browser.newContext();
    const { page: first } = await opened(context, atRoot.site.url + 'checklist/' + RESULT);
    const { page: second } = await opened(context, atRoot.site.url + 'checklist/' + RESULT);
    await first.locator('.duty input').nth(0).check();
    await expect.poll(() => second.locator('.duty input').nth(0).isChecked()).toBe(true);
    await second.locator('.duty input').nth(1).check();
    await expect.poll(() => first.locator('.duty input').nth(1).isChecked()).toBe(true);
    expect(JSON.parse((await first.evaluate((key) => localStorage.getItem(key), KEY))!).done).toHaveLength(2);
    expect(await first.locator('.progress').textContent()).toMatch(/^Выполнено: 2 из/);

    const admin = atRoot.site.url + `checklist/?v=1&${SCHOOL}&r=admin&p=max&reg=no&q=result`;
    await first.goto(admin, { waitUntil: 'networkidle' });
    await second.goto(admin, { waitUntil: 'networkidle' });
    await first.getByLabel('Полное название учреждения').fill('МБОУ СОШ № 1');
    await expect.poll(() => second.getByLabel('Полное название учреждения').inputValue()).toBe('МБОУ СОШ № 1');
    await second.getByLabel('Фамилия, имя, отчество администратора').fill('Иванова Мария Петровна');
    await first.reload({ waitUntil: 'networkidle' });
    expect(await first.getByLabel('Полное название учреждения').inputValue()).toBe('МБОУ СОШ № 1');
    expect(await first.getByLabel('Фамилия, имя, отчество администратора').inputValue()).toBe('Иванова Мария Петровна');
    await context.close();
  });
});

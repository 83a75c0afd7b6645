/** The draft act page as a head would use it: on a phone, with and without JavaScript, down to the .docx. */
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import mammoth from 'mammoth';
import { extractText } from 'unpdf';
import { parseHTML } from 'linkedom';
import type { Page } from 'playwright-core';
import { servedInBrowser } from '../support/served.ts';
import { axeViolations } from '../support/axe.ts';
import { readPage } from '../support/project.ts';

const PHONE = { viewport: { width: 360, height: 780 } };

/** The island has run: its form, hidden until then, is on screen. */
const hydrated = (page: Page) => page.getByRole('button', { name: 'Скачать .docx' }).waitFor({ state: 'visible' });

describe('«Проект положения» page', () => {
  const served = servedInBrowser();

  it('builds a draft for a college on a phone: form, live preview with marked substitutions, URL, no sideways scroll, no axe violations', async () => {
    const page = await served.browser.newPage(PHONE);
    await page.goto(`${served.site.url}proekt/`);
    await hydrated(page);
    await page.getByLabel('Колледж или техникум (СПО)').check();
    await page.getByLabel(/Краткое наименование/).fill('Колледж связи <img src=x onerror=alert(1)>');
    await expect.poll(() => page.url()).toContain('type=spo');
    expect(new URL(page.url()).searchParams.get('short')).toBe('Колледж связи <img src=x onerror=alert(1)>');
    const title = page.locator('#draft-title');
    await expect.poll(() => title.textContent()).toContain('Порядок применения Колледж связи <img src=x onerror=alert(1)>');
    expect(await page.locator('.draft img').count()).toBe(0);
    expect(await page.locator('#draft-title mark').first().getAttribute('title')).toBe('Замена: в образце «Техникумом»');
    expect(await page.getByRole('combobox', { name: 'Классный руководитель или куратор группы' }).inputValue()).toBe('tekhnikum');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('loads the .docx library only when the file is asked for, and the file holds the draft with its source table', async () => {
    const page = await served.browser.newPage({ ...PHONE, acceptDownloads: true });
    const scripts: string[] = [];
    page.on('request', (request) => request.resourceType() === 'script' && scripts.push(request.url()));
    await page.goto(`${served.site.url}proekt/?type=shkola&platform=max&gis=1&short=%D0%A8%D0%BA%D0%BE%D0%BB%D0%B0%20%E2%84%96%205`);
    await hydrated(page);
    expect(scripts.some((url) => url.includes('draft-docx'))).toBe(false);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Скачать .docx' }).click()]);
    expect(download.suggestedFilename()).toBe('proekt-polozheniya-shkola.docx');
    expect(scripts.some((url) => url.includes('draft-docx'))).toBe(true);
    await expect.poll(() => page.getByRole('status').last().textContent()).toContain('Файл .docx готов');
    const { value: text } = await mammoth.extractRawText({ buffer: await readFile((await download.path())!) });
    expect(text).toContain('1.1. Настоящее Положение является локальным нормативным актом');
    expect(text).toContain('Приложение. Источник каждого пункта');
    expect(text).toContain('Перечень ответственных СОШ №\u00a0215, п.\u00a03');
    expect(text).toContain('Школа № 5');
    await page.close();
  });

  it('says in Russian what was wrong in a tampered address and shows the default draft', async () => {
    const page = await served.browser.newPage(PHONE);
    await page.goto(`${served.site.url}proekt/?type=vuz&roles=admin.root`);
    await hydrated(page);
    const notice = page.getByRole('status').filter({ hasText: 'В адресе страницы были ошибки' });
    await expect.poll(() => notice.textContent()).toContain('Тип учреждения «vuz» не известен');
    expect(await notice.textContent()).toContain('Роли «root» нет среди ролей');
    expect(await page.locator('.draft-clause').count()).toBeGreaterThan(10);
    await page.close();
  });

  it('without JavaScript hides the form, links the prebuilt drafts and shows a whole draft', async () => {
    const context = await served.browser.newContext({ ...PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${served.site.url}proekt/`);
    expect(await page.getByRole('button', { name: 'Скачать .docx' }).isVisible()).toBe(false);
    await page.getByRole('navigation', { name: 'Готовые проекты' }).getByRole('link', { name: 'VK Мессенджер, чаты создаёт ГИС' }).click();
    expect(page.url()).toMatch(/proekt\/shkola-vk-gis\/$/);
    expect(await page.locator('.draft-note').filter({ hasText: 'региональной ГИС' }).count()).toBeGreaterThan(0);
    await context.close();
    const withScript = await served.browser.newPage(PHONE);
    await withScript.goto(`${served.site.url}proekt/shkola-vk-gis/`);
    expect(await axeViolations(withScript)).toEqual([]);
    expect(await withScript.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await withScript.close();
  });

  it('prints the draft without the form and with the substitutions still marked', async () => {
    const page = await served.browser.newPage();
    await page.goto(`${served.site.url}proekt/?type=dou`);
    await hydrated(page);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.draft-form').isVisible()).toBe(false);
    expect(await page.locator('.draft-was').first().isVisible()).toBe(true);
    const { text } = await extractText(new Uint8Array(await page.pdf({ format: 'A4' })), { mergePages: true });
    expect(text).toContain('УТВЕРЖДЕНО');
    expect(text).toContain('[в образце: «ДОУ»]');
    expect(text).toContain('Приложение. Источник каждого пункта');
    expect(text).not.toContain('Скачать .docx');
    expect(text).not.toContain('Готовые проекты');
    await page.close();
  });

  it('is linked from the head’s role page and the documents index', () => {
    for (const file of ['roles/heads/index.html', 'docs/index.html']) {
      const { document } = parseHTML(readPage(file));
      const link = [...document.querySelectorAll('main a')].find((a) => a.textContent === 'Проект положения для нашего учреждения');
      expect(link?.getAttribute('href'), file).toBe('/proekt/');
    }
  });
});

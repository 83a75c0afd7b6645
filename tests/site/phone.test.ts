/** The site on a phone: a short header with the menu behind «Меню» (also without JavaScript), no page wider than 320 px. */
import { describe, expect, it } from 'vitest';
import { servedInBrowser } from '../support/served.ts';
import { htmlPages, pagePath } from '../support/project.ts';

describe('on a phone', () => {
  const served = servedInBrowser();

  it.each(['', 'docs/kerch-shkola-12/', 'search/', 'roditelyam/'])('the header of «/%s» is at most 120 px tall at 360 px, with the site name and a search box', async (path) => {
    const page = await served.browser.newPage({ viewport: { width: 360, height: 780 } });
    await page.goto(`${served.site.url}${path}`);
    const header = page.getByRole('banner');
    expect((await header.boundingBox())!.height).toBeLessThanOrEqual(120);
    expect(await header.getByRole('link', { name: /«Сферум» по правилам/ }).isVisible()).toBe(true);
    expect(await header.getByRole('searchbox', { name: 'Поиск по документам' }).isVisible()).toBe(true);
    expect(await header.getByRole('link', { name: 'Документы' }).isVisible()).toBe(false);
    await page.close();
  });

  it('opens the menu without JavaScript and leads to a section', async () => {
    const context = await served.browser.newContext({ viewport: { width: 360, height: 780 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(served.site.url);
    await page.getByText('Меню', { exact: true }).click();
    const link = page.getByRole('navigation', { name: 'Основные разделы' }).getByRole('link', { name: 'Документы' });
    expect(await link.isVisible()).toBe(true);
    await link.click();
    expect(new URL(page.url()).pathname).toBe('/docs/');
    await context.close();
  });

  it('shows the whole menu in the header on a laptop, without the «Меню» button', async () => {
    const page = await served.browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(served.site.url);
    expect(await page.getByText('Меню', { exact: true }).isVisible()).toBe(false);
    expect(await page.getByRole('banner').getByRole('link', { name: 'Вопросы и ответы' }).isVisible()).toBe(true);
    await page.close();
  });

  it('scrolls no page sideways at 320 px', async () => {
    const page = await served.browser.newPage({ viewport: { width: 320, height: 640 } });
    const wide: string[] = [];
    for (const file of htmlPages()) {
      await page.goto(`${served.site.url}${pagePath(file)}`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 320) wide.push(`${pagePath(file) || '/'}: ${width} px`);
    }
    expect(wide).toEqual([]);
    await page.close();
  }, 120_000);
});

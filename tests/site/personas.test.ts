/**
 * Each reader walks their task from where they would start, by visible labels, on a 360×780 phone (the presenter on
 * a projector), and finds what they came for within the stated taps and screens. Screenshots of each walk are saved
 * under tests/output/personas/ for a person to look at.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { servedInBrowser } from '../support/served.ts';
import { DEMO_SECTION, ROOT } from '../support/project.ts';

const SHOTS = join(ROOT, 'tests/output/personas');
mkdirSync(SHOTS, { recursive: true });
const PHONE = { width: 360, height: 780 };

/** A walk that counts the reader's taps and saves what they see. */
function walker(page: Page, persona: string) {
  let taps = 0;
  let shots = 0;
  return {
    get taps() {
      return taps;
    },
    async tap(target: Locator) {
      await target.click();
      taps++;
    },
    async shot(name: string) {
      await page.screenshot({ path: join(SHOTS, `${persona}-${++shots}-${name}.png`) });
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

  it('parent: from the poster’s QR code, how to join is on the first screen after the header', async () => {
    const page = await served.browser.newPage({ viewport: PHONE });
    const walk = walker(page, 'parent');
    // The poster's QR code leads into its institution's section.
    await page.goto(`${served.site.url}${DEMO_SECTION}roditelyam/`);
    await walk.shot('poster-qr-target');
    expect(await onFirstScreen(page.getByRole('heading', { name: 'Как войти в чат' }), page)).toBe(true);
    expect(await onFirstScreen(page.getByText('Установите мессенджер MAX', { exact: false }), page)).toBe(true);
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
});

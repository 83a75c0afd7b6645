/** How many A4 pages a page prints on, as Chromium lays it out for print. */
import type { Page } from 'playwright-core';

export async function printedA4Pages(page: Page): Promise<number> {
  const pdf = (await page.pdf({ format: 'A4', preferCSSPageSize: true })).toString('latin1');
  return pdf.match(/\/Type\s*\/Page\b/g)?.length ?? 0;
}

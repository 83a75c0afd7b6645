/** What a page prints: Chromium's A4 PDF, read back as text page by page (unpdf), as a reader holds it. */
import type { Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';

export async function printedA4Pages(page: Page): Promise<number> {
  return (await printedText(page)).length;
}

/** The text of each printed A4 page, whitespace collapsed. */
export async function printedText(page: Page): Promise<string[]> {
  const pdf = await getDocumentProxy(new Uint8Array(await page.pdf({ format: 'A4', preferCSSPageSize: true })));
  const { text } = await extractText(pdf, { mergePages: false });
  return text.map((pageText) => pageText.replace(/\s+/g, ' ').trim());
}

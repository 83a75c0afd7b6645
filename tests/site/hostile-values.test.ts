/**
 * Hostile values in every text field of content/site.json and of a document's frontmatter, all at once, in one build:
 * every page shows them as text — no element they carry, no dialog, no sideways scroll on a phone. Values the
 * validation refuses (control characters, RTL overrides, 2,000 characters, wrong types, bad addresses) stop the build
 * with a message naming the file and the field: tests/unit/site-config.test.ts and validation.test.ts check those
 * through the same functions the build calls.
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { dump } from 'js-yaml';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { serve, type StaticSite } from '../support/static-server.ts';
import { DIST, htmlPages, pagePath, regulationFiles, ROOT, scratchProject } from '../support/project.ts';

/** Each value carries an element marked data-pwned: if any page parses it as markup, the element is found. */
const SITE = {
  institution: {
    name: 'Школа «№ 1» "кавычки" \'апостроф\' <img data-pwned src=x onerror=alert(1)> &amp; &lt;b&gt;',
    short: 'Школа</title><script data-pwned>alert(1)</script>',
    region: '</script><script data-pwned>alert(2)</script> שלום עולם',
  },
  admin: {
    name: 'Иванова <svg data-pwned onload=alert(3)>',
    position: '"><b data-pwned>завуч</b>',
    email: "o'brien+sferum@school.example",
    phone: '+7 (900) 000-00-00',
    hours: `${'Ш'.repeat(40)} <style data-pwned>body{display:none}</style>`,
  },
  deadlines: [{ what: '<iframe data-pwned src="javascript:alert(5)"></iframe>', date: '2026-09-25' }],
};
const FRONTMATTER = {
  title: 'Порядок </title><script data-pwned>alert(6)</script> مرحبا "техникума"',
  shortTitle: 'Порядок</title><script data-pwned>alert(7)</script>',
  institution: { name: 'Техникум <img data-pwned src=x>', short: 'Техникум\'"<u data-pwned>', region: '<a data-pwned href=javascript:alert(8)>регион</a>' },
  approval: { by: 'Директор <b data-pwned>', document: 'Приказ </script><p data-pwned>', number: '№ 1"><i data-pwned>' },
  agreements: [{ by: 'Совет <dialog data-pwned open>' }],
  notes: ['Примечание <marquee data-pwned>текст</marquee>'],
};
const DOCUMENT = 'tekhnikum';

let scratch: string;
let site: StaticSite;
let ordinary: StaticSite;
let pages: string[];
const browser = launchBrowser();

beforeAll(async () => {
  scratch = scratchProject('sferum-hostile-');
  const settings = JSON.parse(readFileSync(join(ROOT, 'content/site.json'), 'utf8'));
  // One institution (the document's owner), so every page — those only an institution has too — is at the root and carries its values.
  const owner = settings.institutions.find((institution: { documents: string[] }) => institution.documents.includes(DOCUMENT));
  const hostile = { ...settings, institutions: [{ ...owner, ...SITE.institution, admin: { ...owner.admin, ...SITE.admin }, deadlines: SITE.deadlines }] };
  writeFileSync(join(scratch, 'content/site.json'), JSON.stringify(hostile, null, 2));
  const file = regulationFiles().find((regulation) => regulation.slug === DOCUMENT)!;
  const institution = { ...(file.frontmatter.institution as object), ...FRONTMATTER.institution };
  writeFileSync(join(scratch, `content/regulations/${DOCUMENT}.mdx`), `---\n${dump({ ...file.frontmatter, ...FRONTMATTER, institution })}---\n${file.body}`);
  const build = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: scratch,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
  });
  if (build.status !== 0) throw new Error(`сборка с враждебными значениями упала:\n${build.stdout}\n${build.stderr}`);
  pages = htmlPages(join(scratch, 'dist'));
  site = await serve(join(scratch, 'dist'));
  ordinary = await serve(DIST);
}, 600_000);
afterAll(async () => {
  await site?.close();
  await ordinary?.close();
  await (await browser).close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('hostile values in settings and frontmatter', () => {
  it('every page renders them as text: no element they carry, no dialog, no page made wider than a 360 px phone', async () => {
    const context = await (await browser).newContext({ viewport: { width: 360, height: 740 } });
    const page: Page = await context.newPage();
    const problems: string[] = [];
    page.on('dialog', (dialog) => {
      problems.push(`${page.url()}: диалог «${dialog.message()}»`);
      void dialog.dismiss();
    });
    for (const file of pages) {
      await page.goto(site.url + pagePath(file), { waitUntil: 'load' });
      const found = await page.evaluate(() => ({
        injected: [...document.querySelectorAll('[data-pwned]')].map((element) => element.outerHTML.slice(0, 80)),
        width: document.documentElement.scrollWidth,
        title: document.title,
      }));
      if (found.injected.length) problems.push(`${file}: элементы из значений: ${found.injected.join(', ')}`);
      if (found.width > 360) {
        // Some pages are wider than a phone already (a known layout issue of their own): the values must not widen them further.
        const own = await context.newPage();
        await own.goto(ordinary.url + pagePath(file), { waitUntil: 'load' });
        const width = await own.evaluate(() => document.documentElement.scrollWidth);
        await own.close();
        if (found.width > width) problems.push(`${file}: ширина ${found.width} px, без этих значений ${width} px`);
      }
      // The institution's name follows the page's title when the whole fits 70 characters (src/layouts/Base.astro).
      const fits = `${found.title} — ${SITE.institution.short}`.length <= 70;
      if (file !== 'pedchas/pedchas-offline.html' && fits && !found.title.includes(SITE.institution.short)) problems.push(`${file}: в заголовке нет «${SITE.institution.short}»: ${found.title}`);
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows each value as its own text where it belongs', async () => {
    const context = await (await browser).newContext();
    const page = await context.newPage();
    await page.goto(`${site.url}docs/${DOCUMENT}/`);
    const text = (await page.locator('main').textContent()) ?? '';
    for (const value of [FRONTMATTER.title, FRONTMATTER.institution.name, FRONTMATTER.approval.by, FRONTMATTER.notes[0]]) expect(text).toContain(value);
    // Too long to take the institution's name as well: the page's own title, as text.
    expect(await page.title()).toBe(FRONTMATTER.shortTitle);
    const footer = (await page.locator('footer').textContent()) ?? '';
    expect(footer).toContain(SITE.admin.name);
    expect(await page.locator(`footer a[href^="mailto:"]`).getAttribute('href')).toBe(`mailto:${SITE.admin.email}`);
    await context.close();
  });
});

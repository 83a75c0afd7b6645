/**
 * Valid HTML, no broken internal link and no unstyled markup on every page of the three builds (the demo, one
 * institution under a sub-folder, one with its own act).
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { parseHTML } from 'linkedom';
import { DIST, DIST_OWN_ACT, DIST_SUBFOLDER, SUBFOLDER, htmlPages, pagePath, readPage } from '../support/project.ts';

const builds = [
  { name: 'корень сайта', dist: DIST, base: '/' },
  { name: `подпапка ${SUBFOLDER}`, dist: DIST_SUBFOLDER, base: SUBFOLDER },
  { name: 'одно учреждение со своим документом', dist: DIST_OWN_ACT, base: '/' },
];

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Astro writes the doctype in lower case and void elements with a slash-less style; both are valid HTML.
    'doctype-style': 'off',
    'void-style': 'off',
    // Russian typography: «ёлочки» and non-breaking spaces are written as characters.
    'no-raw-characters': 'off',
  },
});

/** Class names a stylesheet's selectors style. */
const styledClasses = (css: string) => new Set(css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\{[^{}]*\}/g, '{}').match(/(?<=\.)-?[_a-zA-Z][\w-]*/g));

describe.each(builds)('build at $name', ({ dist, base }) => {
  const pages = htmlPages(dist);
  /** The CSS a page gets: its linked stylesheets and its inline <style>. */
  const cssOf = (document: Document) => [
    ...[...document.querySelectorAll('link[rel="stylesheet"]')].map((link) => readFileSync(join(dist, link.getAttribute('href')!.slice(base.length)), 'utf8')),
    ...[...document.querySelectorAll('style')].map((style) => style.textContent ?? ''),
  ].join('\n');
  const ids = new Map(pages.map((page) => [pagePath(page), new Set([...parseHTML(readPage(page, dist)).document.querySelectorAll('[id]')].map((e) => e.id))]));

  it('has the pages a reader expects', () => {
    expect(pages).toEqual(expect.arrayContaining(['index.html', '404.html', 'docs/index.html', 'docs/tekhnikum/index.html']));
  });

  it.each(pages)('%s is valid HTML', async (page) => {
    const report = await validator.validateString(readPage(page, dist), page);
    const messages = report.results.flatMap((result) => result.messages.map((m) => `${m.ruleId} ${m.line}:${m.column} ${m.message}`));
    expect(messages).toEqual([]);
  });

  it.each(pages)('%s: every internal link and asset resolves, every anchor exists', (page) => {
    const { document } = parseHTML(readPage(page, dist));
    const broken: string[] = [];
    const here = new URL(pagePath(page), `http://site${base}`);
    for (const element of document.querySelectorAll('a[href], link[href], script[src], img[src], source[srcset]')) {
      const attribute = element.getAttribute('href') ?? element.getAttribute('src')!;
      const url = new URL(attribute, here);
      if (url.protocol === 'data:') continue; // inlined, as in the offline deck: loads nothing
      if (url.origin !== 'http://site') {
        // Only plain links may leave the site; nothing the page loads may come from another origin.
        if (element.tagName !== 'A' && element.getAttribute('rel') !== 'canonical') broken.push(`внешний ресурс ${attribute}`);
        continue;
      }
      if (!url.pathname.startsWith(base)) {
        broken.push(`${attribute} вне ${base}`);
        continue;
      }
      const path = decodeURIComponent(url.pathname.slice(base.length));
      const file = join(dist, path, path === '' || path.endsWith('/') ? 'index.html' : '');
      if (!existsSync(file)) broken.push(`${attribute}: нет файла`);
      else if (url.hash && !ids.get(path)?.has(decodeURIComponent(url.hash.slice(1)))) broken.push(`${attribute}: нет якоря`);
    }
    expect(broken).toEqual([]);
  });

  // Each page type's own stylesheet reaches only its pages: a page that uses a class styled somewhere must have it.
  const siteClasses = styledClasses([
    ...readdirSync(join(dist, '_astro')).filter((file) => file.endsWith('.css')).map((file) => readFileSync(join(dist, '_astro', file), 'utf8')),
    ...pages.map((page) => cssOf(parseHTML(readPage(page, dist)).document)),
  ].join('\n'));

  it.each(pages)('%s has the styles of every class it uses', (page) => {
    const { document } = parseHTML(readPage(page, dist));
    const styled = styledClasses(cssOf(document));
    const used = new Set([...document.querySelectorAll('[class]')].flatMap((element) => [...element.classList]));
    expect([...used].filter((name) => siteClasses.has(name) && !styled.has(name))).toEqual([]);
  });
});

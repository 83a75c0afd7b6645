/** The reference pages («Справка») as a reader meets them in the built site. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { htmlPages, readPage, ROOT } from '../support/project.ts';
import { mainText } from '../support/text.ts';
import { mentionsVk, parsePlatformFacts } from '../../src/domain/platform.ts';

const page = (path: string) => parseHTML(readPage(`${path}index.html`)).document;

describe('«Что изменилось»', () => {
  const document = page('reference/changes/');

  it('dates and sources every fact of content/platform-facts.json', () => {
    const facts = parsePlatformFacts(JSON.parse(readFileSync(join(ROOT, 'content/platform-facts.json'), 'utf8')));
    for (const fact of facts) {
      const entry = document.getElementById(fact.id);
      expect(entry, fact.id).not.toBeNull();
      expect(entry!.querySelector('time')?.getAttribute('datetime')).toBe(fact.date);
      expect(entry!.textContent).toContain(fact.text);
      expect([...entry!.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(fact.sources);
    }
  });

  it('says what is not known and sends the reader to the administrator', () => {
    const text = mainText(readPage('reference/changes/index.html'));
    expect(text).toMatch(/Чего мы не знаем.*статус «учитель».*младше 14 лет/);
    // The demo serves several institutions: the shared page leads to each institution's administrator.
    expect(document.querySelector('main .contact, main a[href="/#vashe-uchrezhdenie"]')).not.toBeNull();
  });
});

describe('the MAX notice', () => {
  it('is on every page whose text mentions VK Мессенджер, and links to «Что изменилось»', () => {
    const checked = htmlPages().filter((file) => file !== 'reference/changes/index.html' && file !== '404.html');
    let withNotice = 0;
    for (const file of checked) {
      const { document } = parseHTML(readPage(file));
      const notice = document.querySelector('main .platform-notice');
      // Required wherever the text names VK; role checklists carry it too, since their steps depend on the platform.
      if (mentionsVk(mainText(readPage(file)))) expect(notice, file).not.toBeNull();
      if (notice) {
        withNotice++;
        // The offline deck links to the public site, the site's own pages by path.
        expect(notice.querySelector('a')?.getAttribute('href'), file).toMatch(/^(https:\/\/[^/]+)?\/reference\/changes\/$/);
      }
    }
    expect(withNotice).toBeGreaterThanOrEqual(12);
  });
});

/** The reference pages: every page under reference/. */
const referencePages = htmlPages().filter((file) => file.startsWith('reference/'));

describe('quotes and clause links on the reference pages', () => {
  const published: Record<string, string[]> = JSON.parse(readFileSync(join(ROOT, 'tests/unit/published-anchors.json'), 'utf8'));
  const documentText = new Map(Object.keys(published).map((slug) => [slug, mainText(readPage(`docs/${slug}/index.html`))]));

  it.each(referencePages)('%s: every link into a document names a published clause', (file) => {
    const { document } = parseHTML(readPage(file));
    for (const link of document.querySelectorAll('main a[href^="/docs/"]')) {
      const [, slug, anchor] = /^\/docs\/([^/]+)\/(?:#(.+))?$/.exec(link.getAttribute('href')!) ?? [];
      expect(published[slug], link.getAttribute('href')!).toBeDefined();
      if (anchor) expect(published[slug], `${file}: ${slug}#${anchor}`).toContain(anchor);
    }
  });

  it.each(referencePages)('%s: every quote is word for word in the document it links to', (file) => {
    const { document } = parseHTML(readPage(file));
    for (const quote of document.querySelectorAll('figure.quote')) {
      const slug = /^\/docs\/([^/]+)\//.exec(quote.querySelector('figcaption a')!.getAttribute('href')!)![1];
      for (const editorial of quote.querySelectorAll('[data-editorial]')) editorial.remove();
      for (const part of quote.querySelectorAll('blockquote p, blockquote li')) {
        expect(documentText.get(slug), `${file}: ${slug}`).toContain(part.textContent!.replace(/\s+/g, ' ').trim());
      }
    }
  });
});

describe('«Иностранные мессенджеры»', () => {
  const document = page('reference/foreign-messengers/');

  it('names the nine services, each linked to the clauses that restrict it', () => {
    const rows = [...document.querySelectorAll('table.services tbody tr')];
    expect(rows.map((row) => row.querySelector('th')!.textContent)).toEqual(['Discord', 'Microsoft Teams', 'Skype', 'Snapchat', 'Telegram', 'Threema', 'Viber', 'WhatsApp', 'WeChat']);
    for (const row of rows) {
      const targets = [...row.querySelectorAll('a')].map((a) => a.getAttribute('href'));
      expect(targets).toEqual(['/docs/orenburg-dou-111/#p-1', '/docs/tekhnikum/#p-8']);
    }
  });

  it('says since when, with a source, and what the documents name instead', () => {
    const text = mainText(readPage('reference/foreign-messengers/index.html'));
    expect(text).toMatch(/С какого времени 1 марта 2023 г\.: .*Роскомнадзора.*Источник: zabrab75\.ru/);
    expect(text).toContain('Что использовать вместо них');
    expect([...document.querySelectorAll('figcaption a')].map((a) => a.getAttribute('href'))).toEqual(
      expect.arrayContaining(['/docs/orenburg-dou-111/#p-2', '/docs/minprosveshcheniya-04-423/#p-1-abz-1']),
    );
  });
});

describe('«Правовая основа»', () => {
  const document = page('reference/legal-basis/');
  const laws: Array<{ id: string; title: string }> = JSON.parse(readFileSync(join(ROOT, 'content/laws.json'), 'utf8'));

  it('lists every act of content/laws.json under its title, with the clauses that cite it', () => {
    for (const law of laws) {
      const heading = document.getElementById(law.id);
      expect(heading?.textContent, law.id).toContain(`«${law.title}»`);
      expect(heading!.parentElement!.querySelectorAll('.citations a[href^="/docs/"]').length, law.id).toBeGreaterThan(0);
    }
  });

  it('is linked from each document page, and links back to that document', () => {
    for (const file of htmlPages().filter((name) => /^docs\/[^/]+\/index\.html$/.test(name) && !name.startsWith('docs/type'))) {
      const slug = file.split('/')[1];
      const links = [...parseHTML(readPage(file)).document.querySelectorAll('.meta a[href^="/reference/legal-basis/#"]')];
      for (const link of links) {
        const id = link.getAttribute('href')!.split('#')[1];
        const back = document.getElementById(id)!.parentElement!.querySelectorAll(`.citations a[href^="/docs/${slug}/#"]`);
        expect(back.length, `${slug} → ${id}`).toBeGreaterThan(0);
      }
      if (slug !== 'novosibirsk-sosh-215') expect(links.length, slug).toBeGreaterThan(0);
    }
  });
});

describe('«Термины»', () => {
  const glossary: Array<{ id: string; definitions: Array<{ doc: string; anchor: string }> }> = JSON.parse(readFileSync(join(ROOT, 'content/glossary.json'), 'utf8'));

  it('has an entry per term with each definition linked to its clause', () => {
    const document = page('reference/glossary/');
    for (const term of glossary) {
      const sources = [...document.getElementById(term.id)!.parentElement!.querySelectorAll('figcaption a')].map((a) => a.getAttribute('href'));
      expect(sources).toEqual(term.definitions.map(({ doc, anchor }) => `/docs/${doc}/#${anchor}`));
    }
  });

  it('links the first use of a term on a page, once, to its entry, and says it is a term', () => {
    for (const file of htmlPages().filter((name) => name !== 'reference/glossary/index.html')) {
      const hrefs = [...parseHTML(readPage(file)).document.querySelectorAll('main a.term')].map((a) => a.getAttribute('href'));
      expect(hrefs.filter((href, i) => hrefs.indexOf(href) !== i), file).toEqual([]);
    }
    const document = page('docs/arsenev-dou-27/');
    const first = document.querySelector('main a.term[href="/reference/glossary/#ikop-sferum"]')!;
    expect(first.textContent).toBe('Информационно-коммуникационная образовательная платформа «Сферум» (термин)');
    expect(first.closest('[id]')!.id).toBe('p-1-3-2');
  });
});

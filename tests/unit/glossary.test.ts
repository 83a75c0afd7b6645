import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { glossarySchema, linkFirstUses, termPattern } from '../../src/domain/glossary.ts';
import { anchorTexts } from '../../src/domain/anchors.ts';
import { regulationFiles, ROOT } from '../support/project.ts';

const glossary = glossarySchema.parse(JSON.parse(readFileSync(join(ROOT, 'content/glossary.json'), 'utf8')));
const texts = new Map(regulationFiles().map((file) => [file.slug, anchorTexts(file.body)]));
const term = (id: string) => glossary.find((entry) => entry.id === id)!;

describe('glossary', () => {
  it('quotes every definition verbatim from the clause it names, and finds the term in it', () => {
    expect(glossary.map((entry) => entry.term)).toEqual(expect.arrayContaining(['ИКОП «Сферум»', 'учебный профиль', 'пользователи', 'цифровой образовательный контент', 'онлайн-курс']));
    for (const entry of glossary) {
      for (const { doc, anchor, text } of entry.definitions) {
        expect(texts.get(doc)?.get(anchor), `${entry.id}: ${doc}#${anchor}`).toContain(text);
        expect(termPattern(entry).test(text), `${entry.id} в своём определении`).toBe(true);
      }
    }
  });

  it('matches the forms of a term in running text, not parts of other words', () => {
    expect(termPattern(term('uchebnyy-profil')).exec('функционала учебного профиля VK-мессенджер')?.[0]).toBe('учебного профиля');
    expect(termPattern(term('polzovateli')).test('в соответствии с пользовательской ролью')).toBe(false);
    expect(termPattern(term('ikop-sferum')).exec('через ИКОП «Сферум».')?.[0]).toBe('ИКОП «Сферум»');
    expect(termPattern(term('onlayn-kurs')).test('онлайн-курсы')).toBe(true);
  });

  it('links only the first use on a page, outside headings, links and editorial notes, without changing the text', () => {
    const html = `<!doctype html><html lang="ru"><head><title>т</title></head><body><header>учебный профиль</header><main>
      <h2>Учебный профиль</h2><div class="note" data-editorial>учебный профиль</div><p><a href="#x">учебный профиль</a></p>
      <p>Работа в учебном профиле &amp; чатах.</p><p>Снова учебный профиль.</p></main></body></html>`;
    const { document } = parseHTML(linkFirstUses(html, glossary, (entry) => `/reference/glossary/#${entry.id}`));
    const links = [...document.querySelectorAll('a.term')];
    expect(links).toHaveLength(1);
    expect(links[0].getAttribute('href')).toBe('/reference/glossary/#uchebnyy-profil');
    expect(links[0].parentElement!.textContent).toBe('Работа в учебном профиле (термин) & чатах.');
    expect(links[0].querySelector('[data-editorial]')?.textContent).toBe(' (термин)');
    expect(document.querySelector('header')!.innerHTML).toBe('учебный профиль');
    expect(linkFirstUses('<p>учебный профиль</p>', glossary, () => '#')).toBe('<p>учебный профиль</p>');
  });

  it('changes nothing but the linked words: settings text in the head and the body stays escaped, byte for byte', () => {
    const head = '<head><title>Термины — Школа&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>'
      + '<script>if (a < b && "учебный профиль") {}</script><style>p::after { content: "</p>учебный профиль" }</style></head>';
    const body = '<body><main><p title="учебный профиль &quot;&gt;">Текст &lt;b&gt; про <!-- учебный профиль --> учебный профиль.</p></main></body>';
    const html = `<!doctype html><html lang="ru">${head}${body}</html>`;
    const linked = linkFirstUses(html, glossary, () => '/reference/glossary/#x');
    expect(linked).toBe(html.replace(' учебный профиль.', ' <a href="/reference/glossary/#x" class="term">учебный профиль<span class="vh" data-editorial> (термин)</span></a>.'));
  });
});

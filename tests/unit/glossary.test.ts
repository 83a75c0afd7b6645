import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { glossarySchema, linkFirstUses, termPattern, type Term } from '../../src/domain/glossary.ts';
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

  describe('on two small terms', () => {
    const terms = glossarySchema.parse([
      { id: 'profil', term: 'профиль', forms: ['профил\\p{L}*'], definitions: [{ doc: 'd', anchor: 'p-1', text: 'Профиль — учётная запись.' }] },
      { id: 'chat', term: 'чат', forms: ['чат\\p{L}*'], definitions: [{ doc: 'd', anchor: 'p-2', text: 'Чат — переписка группы.' }] },
    ]);
    const linked = (main: string, href = (entry: Term) => `#${entry.id}`) => {
      const html = linkFirstUses(`<p>профиль чат</p><main>${main}</main><p>профиль чат</p>`, terms, href);
      return html.replace(/<span class="vh" data-editorial> \(термин\)<\/span>/g, '').replace(/ class="term"/g, '');
    };

    it('links each term once, in whichever order the text uses them, and nothing outside main', () => {
      expect(linked('<p>Чат и профиль, снова чат.</p>')).toBe('<p>профиль чат</p><main><p><a href="#chat">Чат</a> и <a href="#profil">профиль</a>, снова чат.</p></main><p>профиль чат</p>');
      expect(linked('<p>Профили</p><p>чаты профиля</p>')).toBe('<p>профиль чат</p><main><p><a href="#profil">Профили</a></p><p><a href="#chat">чаты</a> профиля</p></main><p>профиль чат</p>');
    });

    it('skips text in elements marked editorial or with a class «notice» or «meta», however the attribute is written', () => {
      for (const skipped of ['<div data-editorial>', '<div class="note notice">', "<div class='meta'>", '<div class=meta>', '<dt>', '<label>', '<mark>']) {
        const name = /^<(\w+)/.exec(skipped)![1];
        expect(linked(`${skipped}профиль</${name}><p>профиль</p>`), skipped).toBe(`<p>профиль чат</p><main>${skipped}профиль</${name}><p><a href="#profil">профиль</a></p></main><p>профиль чат</p>`);
      }
      expect(linked('<div class="metadata">профиль</div>')).toBe('<p>профиль чат</p><main><div class="metadata"><a href="#profil">профиль</a></div></main><p>профиль чат</p>');
    });

    it('keeps track of elements around void, self-closed and stray closing tags', () => {
      expect(linked('<h2>Профиль<br>чат<img src="x.png"><span/></h2><p>профиль</p>')).toBe('<p>профиль чат</p><main><h2>Профиль<br>чат<img src="x.png"><span/></h2><p><a href="#profil">профиль</a></p></main><p>профиль чат</p>');
      expect(linked('<p>текст</em> профиль</p>')).toBe('<p>профиль чат</p><main><p>текст</em> <a href="#profil">профиль</a></p></main><p>профиль чат</p>');
      expect(linked('<a href="#y"><em>профиль</em></a> чат')).toBe('<p>профиль чат</p><main><a href="#y"><em>профиль</em></a> <a href="#chat">чат</a></main><p>профиль чат</p>');
    });

    it('escapes the link address', () => {
      expect(linked('профиль', () => '/a?b=1&c="2"<')).toContain('<a href="/a?b=1&amp;c=&quot;2&quot;&lt;">профиль</a>');
    });
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

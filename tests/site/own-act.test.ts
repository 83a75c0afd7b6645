/**
 * Grounding in the institution's own act, as a reader sees it: one institution with its own act at the site root
 * (npm run build:own-act: детский сад № 27, Арсеньев), an institution of the demo whose act has no chat rules
 * (Школа № 12, Керчь), and one institution without an own act (the sub-folder build).
 */
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { DEMO_SECTION, DIST, DIST_OWN_ACT, DIST_SUBFOLDER, readPage } from '../support/project.ts';
import { collapse } from '../support/text.ts';
import { chunkOf, documentOf, shownSection, type SearchIndex, type TextChunk } from '../../src/domain/search-index.ts';

const page = (file: string, dist = DIST_OWN_ACT) => parseHTML(readPage(file, dist)).document;
/** Text as a reader sees it: white space collapsed, the non-breaking spaces of «п.\u00a04.5» kept. */
const texts = (elements: Iterable<Element>) => [...elements].map((element) => (element.textContent ?? '').replace(/[ \t\r\n]+/g, ' ').trim());

/** Own act first: «по нашему порядку», then the Ministry's letter, then other institutions, led once by «в других учреждениях так:». */
function expectGroundedOrder(labels: string[]) {
  const rank = (label: string) => (label.startsWith('по нашему') ? 0 : label.startsWith('Минпросвещения') ? 1 : 2);
  const ranks = labels.map(rank);
  expect(ranks, labels.join(' | ')).toEqual([...ranks].sort());
  const others = labels.filter((label) => rank(label) === 2);
  if (others.length) {
    expect(others[0]).toMatch(/^в других учреждениях так: \S/);
    for (const label of others.slice(1)) expect(label).not.toContain('в других учреждениях так');
  }
}

describe('one institution with its own act, its pages at the site root', () => {
  it('shows its act first as «Наше положение», the others as «Как это устроено в других учреждениях», with no models notice', () => {
    const home = page('index.html');
    const headings = texts(home.querySelectorAll('main h2'));
    expect(headings.indexOf('Наше положение')).toBeGreaterThanOrEqual(0);
    expect(headings.indexOf('Наше положение')).toBeLessThan(headings.indexOf('Как это устроено в других учреждениях'));
    expect(home.querySelector('main a[href="/docs/arsenev-dou-27/"]')).not.toBeNull();
    for (const file of ['index.html', 'roditelyam/index.html', 'voprosy/index.html', 'roles/teachers/index.html']) {
      expect(collapse(page(file).querySelector('main')!.textContent!), file).not.toContain('даны как образцы');
    }
  });

  it('lists on the parents’ page the chat rules its act states, cited «по нашему порядку», and shows apart the rule only the техникум states', () => {
    const parents = page('roditelyam/index.html');
    const [own, elsewhere] = [...parents.querySelectorAll('ul.rules')];
    const ownCitations = texts(own.querySelectorAll('.basis li > a:not(.term)'));
    expect(ownCitations.length).toBeGreaterThanOrEqual(5);
    for (const label of ownCitations) expect(label).toMatch(/^по нашему порядку, п\.\u00a04\.\d/);
    expect(parents.querySelector('#v-drugikh')?.textContent).toBe('Чего нет в нашем документе: как это устроено в других учреждениях');
    expect(texts(elsewhere.querySelectorAll('.basis li > a:not(.term)'))[0]).toMatch(/^в других учреждениях так: Техникум, порядок, п\.\u00a021\.4/);
  });

  it('cites its own act on the poster', () => {
    for (const source of texts(page('roditelyam/plakat/index.html').querySelectorAll('.poster-steps small'))) expect(source).toMatch(/^по нашему порядку, п\./);
  });

  it('cites its own act first on the role pages, the handouts, the deck and in the Q&A, other institutions apart and named', () => {
    const role = page('roles/teachers/index.html');
    for (const refs of role.querySelectorAll('main .duty .refs')) expectGroundedOrder(texts(refs.querySelectorAll('a')));
    expect(texts(role.querySelectorAll('main .refs a'))[0]).toMatch(/^по нашему порядку, п\./);
    expect(role.querySelector('#elsewhere')?.textContent).toBe('Чего нет в нашем документе: как это устроено в других учреждениях');

    expect(texts(page('pamyatki/teachers/index.html').querySelectorAll('.handout-duties .cite a'))[0]).toMatch(/^по нашему порядку, п\./);

    const captions = texts(page('pedchas/index.html').querySelectorAll('.slide-quote figcaption'));
    expect(captions.some((caption) => caption.startsWith('по нашему порядку, п.'))).toBe(true);
    for (const caption of captions) expect(caption).toMatch(/^(по нашему порядку|в других учреждениях так: \S|Минпросвещения России)/);

    const answers = [...page('voprosy/index.html').querySelectorAll('.faq-refs')].map((refs) => texts(refs.querySelectorAll('a')));
    expect(answers.filter((labels) => labels[0]?.startsWith('по нашему порядку')).length).toBeGreaterThanOrEqual(5);
    for (const labels of answers) expectGroundedOrder(labels);
  });
});

describe('the parents’ page of an institution whose act has no chat rules (demo: Школа № 12)', () => {
  const parents = page(`${DEMO_SECTION}roditelyam/index.html`, DIST);

  it('shows every chat rule apart, as other institutions’ rules, naming the institution', () => {
    expect(parents.querySelectorAll('ul.rules').length).toBe(1);
    expect(parents.querySelector('#v-drugikh')).not.toBeNull();
    const labels = texts(parents.querySelectorAll('ul.rules .basis li > a:not(.term)'));
    expect(labels[0]).toMatch(/^в других учреждениях так: Детский сад №\u00a027/);
    for (const label of labels) expect(label).not.toMatch(/^по нашему/);
  });

  it('cites its own act for joining the chat, before the other institutions', () => {
    expectGroundedOrder(texts(parents.querySelectorAll('#chat .basis li > a:not(.term)')));
    expect(texts(parents.querySelectorAll('#chat .basis li > a:not(.term)'))[0]).toBe('по нашему положению, п.\u00a02.6, подп.\u00a01');
  });
});

describe('the parents’ page of an institution without an own act', () => {
  const parents = page('roditelyam/index.html', DIST_SUBFOLDER);

  it('says the rules are other institutions’ models and names the institution at every rule, with nothing «по нашему»', () => {
    expect(parents.querySelector('.notice')?.textContent).toContain('даны как образцы');
    expect(parents.querySelector('#v-drugikh')).toBeNull();
    for (const label of texts(parents.querySelectorAll('ul.rules .basis li > a:not(.term)'))) expect(label).toMatch(/^(Детский сад №\u00a027|Техникум|Школа №\u00a012)/);
    for (const label of texts(parents.querySelectorAll('.basis li > a:not(.term)'))) expect(label).not.toMatch(/^по нашему|в других учреждениях так/);
  });
});

describe('search on a site serving several institutions', () => {
  it('indexes each document and the Q&A once: an institution’s section copy never repeats a result', () => {
    const index = JSON.parse(readPage('search/index.json', DIST)) as SearchIndex;
    const urls = index.documents.map((document) => document.url);
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls).toContain('/voprosy/');
    expect(urls.filter((url) => url.includes('uchrezhdeniya/'))).toEqual([]);
    const chunk = (n: number) => JSON.parse(readPage(`search/text/${n}.json`, DIST)) as TextChunk;
    const sections = index.lengths.map((_, section) => `${documentOf(index, section)}#${shownSection(chunk(chunkOf(section)), section)[0]}`);
    expect(new Set(sections).size).toBe(sections.length);
  });
});

describe('the pedagogical hour, the deck, the poster and the handouts say whose rules they show', () => {
  it('lists on the pedagogical-hour page only the duties the own act states, as the role checklists do', () => {
    const hour = page('roles/pedagogical-hour/index.html');
    expect(hour.querySelector('.own-act')).not.toBeNull();
    const listed = [...hour.querySelectorAll('main section')].map((section) => {
      const href = section.querySelector('p a[href^="/roles/"]')!.getAttribute('href')!;
      const role = page(`${href.slice(1)}index.html`);
      const apart = new Set(texts(role.querySelectorAll('.elsewhere .duty')));
      const own = texts(role.querySelectorAll('main .duty')).filter((duty) => !apart.has(duty));
      for (const cite of section.querySelectorAll('li .cite')) cite.remove(); // the first clause, checked in tests/site/scope.test.ts
      const items = texts(section.querySelectorAll('li')).map((item) => item.replace(/^[^:]*: /, ''));
      for (const item of items) expect(own.some((duty) => duty.includes(item)), `${href}: ${item}`).toBe(true);
      return items.length;
    });
    expect(listed.reduce((sum, count) => sum + count, 0)).toBeGreaterThanOrEqual(10);
  });

  it('says on the deck’s title slide, the poster, the handouts and the pedagogical-hour page of an institution without an own act that the rules are models', () => {
    const models = 'образцы из документов других учреждений';
    expect(page('pedchas/index.html', DIST_SUBFOLDER).querySelector('#slide-1')?.textContent).toContain(models);
    expect(page('roditelyam/plakat/index.html', DIST_SUBFOLDER).querySelector('.poster')?.textContent).toContain(models);
    for (const file of ['pamyatki/index.html', 'roles/pedagogical-hour/index.html']) expect(page(file, DIST_SUBFOLDER).querySelector('.notice')?.textContent, file).toContain('даны как образцы');
    expect(page('pedchas/index.html').querySelector('#slide-1')?.textContent).not.toContain(models);
    expect(page('roditelyam/plakat/index.html').querySelector('.poster')?.textContent).not.toContain(models);
  });
});

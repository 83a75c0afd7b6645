/** Search logic without a build: normalisation, query words, plurals, ranking, and the search content. */
import { describe, expect, it } from 'vitest';
import faqRaw from '../../content/faq.json';
import synonymsRaw from '../../content/search-synonyms.json';
import { z } from 'zod';
import { normalizeText, normalizeHtmlText, queryTerms, pluralRu, MAX_TERMS } from '../../src/domain/search-text.ts';
import { expandTerms, rankSections, excerptOf, matchedWords, isFormOf, type IndexedPage } from '../../src/domain/search-rank.ts';
import { faqEntrySchema, synonymsSchema } from '../../src/domain/faq.ts';
import { enclosingSection } from '../../src/domain/search-data.ts';
import { documentAnchors } from '../../src/domain/anchors.ts';
import { regulationFiles } from '../support/project.ts';

describe('normalizeText', () => {
  it('reads ё as е and keeps the length', () => {
    expect(normalizeText('Создаёт, ЁЛКА')).toBe('Создает, ЕЛКА');
  });
  it('turns Latin look-alikes inside a Cyrillic word into Cyrillic, leaves Latin words alone', () => {
    const defect = 'видеoinформацией';
    expect(normalizeText(defect)).toBe('видеоинформацией');
    expect(normalizeText(defect)).toHaveLength(defect.length);
    expect(normalizeText('WhatsApp и VK Мессенджер')).toBe('WhatsApp и VK Мессенджер');
  });
  it('normalises the text of HTML, not its tags, attributes or scripts', () => {
    const html = '<p class="ё">видеoinформация ёж</p><script>const ё = "o";</script>';
    expect(normalizeHtmlText(html)).toBe('<p class="ё">видеоинформация еж</p><script>const ё = "o";</script>');
  });
});

describe('queryTerms', () => {
  it('drops question words and keeps the meaning', () => {
    expect(queryTerms('Как подтвердить, что я учитель?').terms).toEqual(['подтвердить', 'учитель']);
  });
  it('gives nothing for an empty query or punctuation only', () => {
    expect(queryTerms('').terms).toEqual([]);
    expect(queryTerms('?!… — «»').terms).toEqual([]);
  });
  it('keeps stop words when nothing else is left', () => {
    expect(queryTerms('что это').terms).toEqual(['что', 'это']);
  });
  it('reads HTML in a query as words, never as markup', () => {
    expect(queryTerms('<img src=x onerror=alert(1)>').terms).toEqual(['img', 'src', 'x', 'onerror', 'alert', '1']);
  });
  it('cuts a 1000-character query and says so', () => {
    const result = queryTerms('чат '.repeat(250));
    expect(result.truncated).toBe(true);
    expect(result.terms).toEqual(['чат']);
    expect(queryTerms('а б в г д е ж з и к л м н о п').terms.length).toBeLessThanOrEqual(MAX_TERMS);
  });
  it('normalises ё and mixed scripts in the query', () => {
    expect(queryTerms('создаёт видеoinформацию').terms).toEqual(['создает', 'видеоинформацию']);
  });
});

describe('pluralRu', () => {
  it.each([
    [1, '1\u00a0результат'], [2, '2\u00a0результата'], [5, '5\u00a0результатов'], [11, '11\u00a0результатов'],
    [21, '21\u00a0результат'], [22, '22\u00a0результата'], [0, '0\u00a0результатов'],
  ])('%i → %s', (count, text) => {
    expect(pluralRu(count, ['результат', 'результата', 'результатов'])).toBe(text);
  });
});

describe('word forms and synonyms', () => {
  it('accepts forms of a word, rejects longer words that only share its stem', () => {
    expect(isFormOf('«Учителя»,', 'учитель')).toBe(true);
    expect(isFormOf('подтверждает', 'подтвердить')).toBe(true);
    expect(isFormOf('платформы', 'платить')).toBe(false);
    expect(isFormOf('способствует', 'спо')).toBe(false);
  });
  it('adds the synonyms of a query word', () => {
    expect(expandTerms(['ватсапе'], [['ватсап', 'whatsapp'], ['чат', 'беседа']])).toEqual([['ватсапе', 'ватсап', 'whatsapp']]);
  });
});

describe('rankSections', () => {
  // Words:        0      1       2      3      4       5       6      7       8
  const content = 'Общие слова. Учитель создает чат. Родитель входит в чат';
  const page: IndexedPage = { url: '/docs/x/', content, anchors: [{ id: 'p-1', location: 2 }, { id: 'p-1-1', location: 4 }, { id: 'p-2', location: 5 }] };
  const pages = new Map([[page.url, page]]);
  const isSection = (_url: string, id: string) => id !== 'p-1-1';
  const at = (...locations: number[]) => [{ url: page.url, locations: locations.map((location) => ({ location, weight: 1 })) }];

  it('ranks the section holding every query word first, nested list items rolled into it', () => {
    const hits = rankSections([at(2), at(3, 8)], pages, isSection);
    expect(hits.map((hit) => hit.anchor)).toEqual(['p-1', 'p-2']);
    expect(hits[0].locations).toEqual([2, 3]);
  });
  it('builds an excerpt with the matches marked and lists the words to highlight', () => {
    const [hit] = rankSections([at(2), at(3)], pages, isSection);
    expect(excerptOf(content, hit)).toEqual([{ text: 'Учитель', mark: true }, { text: ' ', mark: false }, { text: 'создает', mark: true }, { text: ' чат.', mark: false }]);
    expect(matchedWords(content, hit)).toEqual(['учитель', 'создает']);
  });
});

describe('search content', () => {
  const anchors = new Map(regulationFiles().map(({ slug, body }) => [slug, new Set(documentAnchors(slug, body).map((anchor) => anchor.id))]));
  const faq = z.array(faqEntrySchema).parse(faqRaw);

  it('has at least 30 questions with unique ids, each citing existing clauses', () => {
    expect(faq.length).toBeGreaterThanOrEqual(30);
    expect(new Set(faq.map((entry) => entry.id)).size).toBe(faq.length);
    const dangling = faq.flatMap((entry) => entry.refs.filter((ref) => !anchors.get(ref.doc)?.has(ref.anchor)).map((ref) => `${entry.id}: ${ref.doc}#${ref.anchor}`));
    expect(dangling).toEqual([]);
  });
  it('rejects an answer without a source', () => {
    expect(faqEntrySchema.safeParse({ id: 'x', question: 'Можно ли так?', answer: ['Можно, говорит документ, всегда.'], refs: [] }).success).toBe(false);
  });
  it('credits a cited list item to the clause search returns', () => {
    const sections = ['p-3', 'p-3-1', 'p-3-1-abz-2', 'p-30'];
    expect(enclosingSection('p-3-1-4', sections)).toBe('p-3-1');
    expect(enclosingSection('p-3-1-abz-2', sections)).toBe('p-3-1-abz-2');
    expect(enclosingSection('p-30-1', sections)).toBe('p-30');
    expect(enclosingSection('p-4-1', sections)).toBeUndefined();
  });
  it('has valid synonym groups', () => {
    expect(synonymsSchema.parse(synonymsRaw).groups.length).toBeGreaterThan(10);
  });
});

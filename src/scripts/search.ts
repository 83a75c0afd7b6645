/**
 * The search page: loads Pagefind on first use, searches each query word (with synonyms) and ranks
 * clauses (src/domain/search-rank.ts), renders results as plain DOM (no HTML from the index or the
 * query is ever parsed), keeps the query and filters in the address, and moves through results with arrows.
 */
import { queryTerms, pluralRu } from '../domain/search-text.ts';
import { expandTerms, rankSections, isFormOf, words, excerptOf, matchedWords, type IndexedPage, type WordMatch, type SectionHit } from '../domain/search-rank.ts';
import { sectionKey, type SearchData } from '../domain/search-data.ts';
import { withBase } from '../domain/paths.ts';

interface PagefindFragment {
  url: string;
  raw_url?: string;
  content: string;
  anchors: { id: string; location: number }[];
  weighted_locations: { location: number; weight: number }[];
  filters: Record<string, string[]>;
  meta: Record<string, string>;
}
interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindFragment>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  search(term: string, options?: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[] }>;
}

const MAX_SHOWN = 20;
/** Pages whose text is fetched and ranked per query. */
const MAX_PAGES = 4;
const RESULT_FORMS = ['результат', 'результата', 'результатов'] as const;

interface Filters {
  doc: string;
  type: string;
  role: string;
}

export function startSearchPage(): void {
  const form = document.getElementById('search-form') as HTMLFormElement;
  const input = document.getElementById('search-q') as HTMLInputElement;
  const status = document.getElementById('search-status')!;
  const list = document.getElementById('search-results') as HTMLOListElement;
  const base = form.dataset.base ?? '/';
  const documents = new Map<string, string>((JSON.parse(form.dataset.documents ?? '[]') as { slug: string; title: string }[]).map((d) => [d.slug, d.title]));
  const select = (name: keyof Filters) => form.elements.namedItem(name) as HTMLSelectElement;
  document.getElementById('search-nojs')!.hidden = true;

  let engine: Promise<{ pagefind: Pagefind; data: SearchData }> | undefined;
  const load = () => (engine ??= (async () => {
    const pagefind = (await import(/* @vite-ignore */ withBase(base, 'pagefind/pagefind.js'))) as Pagefind;
    await pagefind.options({ noWorker: true });
    const response = await fetch(withBase(base, 'search/data.json'));
    if (!response.ok) throw new Error(`search/data.json: ${response.status}`);
    return { pagefind, data: (await response.json()) as SearchData };
  })());

  // Filters from the address: unknown values are dropped with a calm note.
  const params = new URLSearchParams(location.search);
  const ignored: string[] = [];
  for (const name of ['doc', 'type', 'role'] as const) {
    const value = params.get(name);
    if (!value) continue;
    const field = select(name);
    if ([...field.options].some((option) => option.value === value)) field.value = value;
    else ignored.push(value.slice(0, 40));
  }
  // The whole query goes into the box; queryTerms reads its first MAX_QUERY_LENGTH characters and says so.
  input.value = params.get('q') ?? '';

  let run = 0;
  async function search(updateAddress: boolean): Promise<void> {
    const current = ++run;
    const query = input.value;
    const filters: Filters = { doc: select('doc').value, type: select('type').value, role: select('role').value };
    if (updateAddress) {
      const next = new URLSearchParams();
      if (query) next.set('q', query);
      for (const [name, value] of Object.entries(filters)) if (value) next.set(name, value);
      history.replaceState(null, '', `${location.pathname}${next.size ? `?${next}` : ''}`);
    }
    const { terms, truncated } = queryTerms(query);
    const notes = [
      ...ignored.map((value) => `Фильтр «${value}» не найден, поиск идёт без него.`),
      ...(truncated ? [`Запрос длинный: ищем по первым словам.`] : []),
    ];
    if (!terms.length) {
      render([], new Map(), undefined);
      status.textContent = [query.trim() ? 'В запросе нет слов для поиска: введите слова, например «чат класса».' : 'Введите, что вы хотите узнать.', ...notes].join(' ');
      return;
    }
    status.textContent = 'Ищем…';
    let found: Awaited<ReturnType<typeof find>>;
    try {
      found = await find(terms, filters);
    } catch {
      if (current !== run) return;
      status.textContent = 'Поиск сейчас недоступен. Документы можно открыть из списка ниже.';
      document.getElementById('search-nojs')!.hidden = false;
      return;
    }
    if (current !== run) return;
    render(found.hits, found.pages, found.data);
    const count = found.hits.length;
    status.textContent = [
      count
        ? `Найдено ${pluralRu(count, RESULT_FORMS)}${count > MAX_SHOWN ? `, показаны первые ${MAX_SHOWN}` : ''}.`
        : `Ничего не найдено по запросу «${query.trim().slice(0, 60)}». Попробуйте другие слова или загляните в «Вопросы и ответы».`,
      ...notes,
    ].join(' ');
  }

  const wordCache = new Map<string, string[]>();
  const wordsOf = (url: string, content: string) => {
    if (!wordCache.has(url)) wordCache.set(url, words(content));
    return wordCache.get(url)!;
  };

  async function find(terms: string[], filters: Filters) {
    const { pagefind, data } = await load();
    const pagefindFilters: Record<string, string> = {};
    if (filters.doc) pagefindFilters['документ'] = documents.get(filters.doc) ?? '';
    const type = select('type').selectedOptions[0]?.dataset.filter;
    if (type) pagefindFilters['тип'] = type;
    // Pages with a clause about the role; the clauses themselves are picked below.
    if (filters.role) pagefindFilters['роль'] = filters.role;
    const groups = expandTerms(terms, data.synonyms);
    const pages = new Map<string, IndexedPage & { document: string }>();
    // One search at a time: Pagefind's searches share state and must not overlap.
    const found: { group: number; word: string; result: PagefindResult }[] = [];
    for (const [group, alternatives] of groups.entries()) {
      for (const word of alternatives) {
        const { results } = await pagefind.search(word, { filters: pagefindFilters });
        found.push(...results.map((result) => ({ group, word, result })));
      }
    }
    // Only pages that can hold a top section are fetched: a section never has more of the
    // query's words than its page, and the best pages by Pagefind's score come first.
    const coverage = new Map<string, { groups: Set<number>; score: number }>();
    for (const { group, result } of found) {
      const page = coverage.get(result.id) ?? { groups: new Set<number>(), score: 0 };
      page.groups.add(group);
      page.score = Math.max(page.score, result.score);
      coverage.set(result.id, page);
    }
    const best = Math.max(0, ...[...coverage.values()].map((page) => page.groups.size));
    const candidates = new Set([...coverage.entries()]
      .filter(([, page]) => page.groups.size >= Math.max(1, best - 1))
      .sort(([, a], [, b]) => b.groups.size - a.groups.size || b.score - a.score)
      .slice(0, MAX_PAGES)
      .map(([id]) => id));
    const matches: WordMatch[][] = groups.map(() => []);
    for (const { group, word, result } of found) {
      if (!candidates.has(result.id)) continue;
      const fragment = await result.data();
      const url = fragment.raw_url ?? fragment.url;
      if (!pages.has(url)) pages.set(url, { url, content: fragment.content, anchors: fragment.anchors, document: fragment.filters['документ']?.[0] ?? fragment.meta.title ?? '' });
      const text = wordsOf(url, fragment.content);
      matches[group].push({ url, locations: fragment.weighted_locations.filter(({ location }) => isFormOf(text[location] ?? '', word)) });
    }
    const roleSections = filters.role ? new Set(data.roles[filters.role] ?? []) : undefined;
    const hits = rankSections(matches, pages, (url, id) => Boolean(data.labels[url]?.[id]))
      .filter((hit) => !roleSections || roleSections.has(sectionKey(hit.url, hit.anchor)));
    return { hits, pages, data };
  }

  function render(hits: SectionHit[], pages: Map<string, IndexedPage & { document?: string }>, data: SearchData | undefined): void {
    list.replaceChildren(...hits.slice(0, MAX_SHOWN).map((hit) => {
      const page = pages.get(hit.url)!;
      const label = hit.anchor ? data?.labels[hit.url]?.[hit.anchor] : undefined;
      const highlight = matchedWords(page.content, hit).join(' ');
      const link = document.createElement('a');
      link.href = `${withBase(base, hit.url)}${highlight ? `?highlight=${encodeURIComponent(highlight)}` : ''}${hit.anchor ? `#${hit.anchor}` : ''}`;
      const title = document.createElement('span');
      title.className = 'result-title';
      title.textContent = [page.document, label].filter(Boolean).join(' · ');
      const excerpt = document.createElement('span');
      excerpt.className = 'result-excerpt';
      excerpt.append(...excerptOf(page.content, hit).map((part) => {
        if (!part.mark) return part.text;
        const mark = document.createElement('mark');
        mark.textContent = part.text;
        return mark;
      }));
      link.append(title, excerpt);
      const item = document.createElement('li');
      item.append(link);
      return item;
    }));
    list.hidden = hits.length === 0;
  }

  // Arrow keys: from the box into the results, between results, and back to the box.
  form.addEventListener('keydown', (event) => {
    if (event.target === input && event.key === 'ArrowDown' && !list.hidden) {
      event.preventDefault();
      list.querySelector('a')?.focus();
    }
  });
  list.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = [...list.querySelectorAll('a')];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (at < 0) return;
    event.preventDefault();
    const next = event.key === 'ArrowDown' ? links[Math.min(at + 1, links.length - 1)] : links[at - 1];
    (next ?? input).focus();
  });

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void search(true), 200);
  });
  input.addEventListener('focus', () => void load().catch(() => undefined), { once: true });
  form.addEventListener('change', () => void search(true));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void search(true);
  });
  if (params.has('q') || ignored.length) void search(false);
}

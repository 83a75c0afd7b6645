/**
 * The search page: loads the index built at build time (src/domain/search-index.ts) on first use, and per query
 * only the postings shards of its words and the text chunks of the results on screen; ranks with
 * src/domain/search-engine.ts; renders plain DOM (nothing from the index or the query is parsed as HTML); keeps the
 * query and filters in the address; moves through results with arrows. A failed load is reported in Russian and
 * retried on the next search.
 */
import { pluralRu } from '../domain/search-text.ts';
import { Vocabulary, planQuery, shardsFor, rank, compose, excerpt, matchedWords, suggestions, type Result, type ExcerptPart } from '../domain/search-engine.ts';
import { chunkOf, documentOf, shownSection, termLookup, type SearchIndex, type PostingsShard, type TextChunk, type ShownSection } from '../domain/search-index.ts';
import { withBase } from '../domain/paths.ts';

const MAX_SHOWN = 10;
const ANSWER_WORDS = 60;
const RESULT_FORMS = ['результат', 'результата', 'результатов'] as const;

interface Filters {
  doc: string;
  type: string;
  role: string;
}

/** A document's value in the filter and the address: the last part of its path (`/docs/x/` → `x`, `/voprosy/` → `voprosy`). */
const documentSlug = (url: string) => url.split('/').filter(Boolean).at(-1) ?? '';

/** A file of the index could not be loaded: the server answered with an error, or there was no answer. */
class LoadError extends Error {
  readonly path: string;
  readonly status: number | undefined;
  constructor(path: string, status?: number) {
    super(`${path}: ${status ?? 'network'}`);
    this.path = path;
    this.status = status;
  }
}

export function startSearchPage(): void {
  const form = document.getElementById('search-form') as HTMLFormElement;
  const input = document.getElementById('search-q') as HTMLInputElement;
  const status = document.getElementById('search-status')!;
  const list = document.getElementById('search-results') as HTMLOListElement;
  const suggestion = document.getElementById('search-suggest')!;
  const browseHint = document.getElementById('search-browse-hint')!;
  const base = form.dataset.base ?? '/';
  const select = (name: keyof Filters) => form.elements.namedItem(name) as HTMLSelectElement;

  async function fetchJson<T>(path: string): Promise<T> {
    let response: Response;
    try {
      response = await fetch(withBase(base, path));
    } catch {
      throw new LoadError(path);
    }
    if (!response.ok) throw new LoadError(path, response.status);
    try {
      return (await response.json()) as T;
    } catch {
      throw new LoadError(path, response.status);
    }
  }
  /** Loads a file once; a failure is forgotten, so the next search tries again. */
  function cached<T>(cache: Map<string, Promise<T>>, path: string): Promise<T> {
    let pending = cache.get(path);
    if (!pending) {
      pending = fetchJson<T>(path);
      cache.set(path, pending);
      pending.catch(() => cache.delete(path));
    }
    return pending;
  }
  const indexes = new Map<string, Promise<SearchIndex>>();
  const shardFiles = new Map<string, Promise<PostingsShard>>();
  const chunkFiles = new Map<string, Promise<TextChunk>>();
  let vocabulary: Vocabulary | undefined;
  const load = async () => {
    const index = await cached(indexes, 'search/index.json');
    if (!vocabulary) {
      vocabulary = new Vocabulary(index);
      listDocuments(index);
    }
    return vocabulary;
  };

  // Filters from the address: unknown values are dropped with a calm note.
  const params = new URLSearchParams(location.search);
  const ignored: string[] = [];
  /** Sets a filter from the address; an unknown value is noted (in the order of the filters: document, type, role). */
  const choose = (field: HTMLSelectElement, value: string, first = false) => {
    if ([...field.options].some((option) => option.value === value)) field.value = value;
    else if (first) ignored.unshift(value.slice(0, 40));
    else ignored.push(value.slice(0, 40));
  };
  for (const name of ['type', 'role'] as const) {
    const value = params.get(name);
    if (value) choose(select(name), value);
  }
  // The document filter lists the documents of the index once it loads: a site may publish thousands of them.
  let askedDocument = params.get('doc') ?? '';
  function listDocuments(index: SearchIndex): void {
    const field = select('doc');
    field.append(...index.documents.map((entry) => new Option(entry.title, documentSlug(entry.url))));
    if (askedDocument) choose(field, askedDocument, true);
    askedDocument = '';
  }
  if (ignored.length || params.get('doc') || params.get('type') || params.get('role')) (document.getElementById('search-more') as HTMLDetailsElement).open = true;
  // The whole query goes into the box; the engine reads its first words and says so.
  input.value = params.get('q') ?? '';

  // Until the index lists the documents, the document asked for in the address stays the filter.
  const filters = (): Filters => ({ doc: askedDocument || select('doc').value, type: select('type').value, role: select('role').value });
  const notes = () => ignored.map((value) => `Фильтр «${value}» не найден, поиск идёт без него.`);

  let run = 0;
  async function search(updateAddress: boolean): Promise<void> {
    const current = ++run;
    const query = input.value;
    const next = new URLSearchParams();
    if (query) next.set('q', query);
    for (const [name, value] of Object.entries(filters())) if (value) next.set(name, value);
    // The address follows the query once the answer is on screen (updating it takes the browser a few milliseconds).
    const remember = () => setTimeout(() => {
      if (updateAddress && current === run) history.replaceState(null, '', `${location.pathname}${next.size ? `?${next}` : ''}`);
    });
    suggestion.replaceChildren();
    if (!/[\p{L}\p{N}]/u.test(query)) {
      list.replaceChildren();
      list.hidden = true;
      status.textContent = [query.trim() ? 'В запросе нет слов для поиска: введите слова, например «чат класса».' : 'Введите, что вы хотите узнать.', ...notes()].join(' ');
      remember();
      return;
    }
    status.textContent = 'Ищем…';
    try {
      const found = await find(query);
      if (current !== run) return;
      render(found.results, found.sections, found.index);
      const count = found.results.length;
      status.textContent = [
        count
          ? `Найдено ${pluralRu(count, RESULT_FORMS)}${count > MAX_SHOWN ? `, показаны первые ${MAX_SHOWN}` : ''}.`
          : `Ничего не найдено по запросу «${query.trim().slice(0, 60)}».`,
        ...notes(),
        ...(found.plan.truncated ? ['Запрос длинный: ищем по первым словам.'] : []),
      ].join(' ');
      browseHint.hidden = true;
      if (!count) suggest(query, found.vocabulary);
    } catch (error) {
      if (current !== run) return;
      list.replaceChildren();
      list.hidden = true;
      status.textContent = failure(error);
      browseHint.hidden = false;
    }
    remember();
  }

  function failure(error: unknown): string {
    const tail = 'Пока пункты можно найти без поиска: оглавления документов и «Вопросы и ответы» — ниже.';
    if (error instanceof LoadError && error.status !== undefined) {
      return `Поиск не загрузился: сайт не отдал файл ${error.path} (ответ ${error.status}). Сообщите администратору сайта, что поисковый индекс не выложен. ${tail}`;
    }
    if (error instanceof LoadError) {
      return `Поиск не загрузился: нет связи с сайтом. Проверьте подключение к интернету и нажмите «Найти» ещё раз. ${tail}`;
    }
    return `Поиск не сработал из-за ошибки на странице. Обновите страницу и попробуйте ещё раз. ${tail}`;
  }

  /** Loads what a query needs (the index first: it lists the documents the filter reads), ranks and composes. */
  async function find(query: string) {
    const vocabulary = await load();
    const { index } = vocabulary;
    const filter = filters();
    const plan = planQuery(query, vocabulary);
    const shards = new Map(await Promise.all(shardsFor(plan, index).map(async (shard) => [shard, await cached(shardFiles, `search/terms/${shard}.json`)] as const)));
    const hits = rank(plan, index, termLookup(shards, index.shards));
    const type = select('type').selectedOptions[0]?.dataset.filter ?? '';
    const role = filter.role ? index.roles.indexOf(filter.role) : -1;
    const results = compose(hits, index, (i) => {
      const owner = filter.doc || type ? index.documents[documentOf(index, i)] : undefined;
      return (!filter.doc || documentSlug(owner!.url) === filter.doc)
        && (!type || owner!.types.includes(type))
        && (!filter.role || (role >= 0 && ((index.roleMasks[i] ?? 0) & (1 << role)) !== 0));
    });
    const shown = results.slice(0, MAX_SHOWN);
    const needed = new Set(shown.flatMap((result) => [result.hit, ...(result.source ? [result.source] : [])]).map((hit) => chunkOf(hit.section)));
    const chunks = new Map(await Promise.all([...needed].map(async (chunk) => [chunk, await cached(chunkFiles, `search/text/${chunk}.json`)] as const)));
    const sections = new Map<number, ShownSection>();
    for (const result of shown) {
      for (const { section } of [result.hit, ...(result.source ? [result.source] : [])]) sections.set(section, shownSection(chunks.get(chunkOf(section))!, section));
    }
    return { results, sections, index, plan, vocabulary };
  }

  function marked(parts: ExcerptPart[]): (string | HTMLElement)[] {
    return parts.map((part) => {
      if (!part.mark) return part.text;
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      return mark;
    });
  }

  /** A result's link: «<document> · <label>» (after `prefix`), the excerpt around the matches (`words` long), the matches highlighted on arrival. */
  function link(index: SearchIndex, section: number, [anchorId, label, text]: ShownSection, matched: ReadonlySet<string>, className: string, prefix = '', words?: number): HTMLAnchorElement {
    const owner = index.documents[documentOf(index, section)];
    const highlight = matchedWords(text, matched).join(' ');
    const anchor = document.createElement('a');
    anchor.className = className;
    anchor.href = `${withBase(base, owner.url)}${highlight ? `?highlight=${encodeURIComponent(highlight)}` : ''}#${anchorId}`;
    const heading = document.createElement('span');
    heading.className = 'result-title';
    heading.textContent = `${prefix}${owner.title} · ${label}`;
    const body = document.createElement('span');
    body.className = 'result-excerpt';
    body.append(...marked(excerpt(text, matched, words)));
    anchor.append(heading, body);
    return anchor;
  }

  function render(results: Result[], sections: Map<number, ShownSection>, index: SearchIndex): void {
    list.replaceChildren(...results.slice(0, MAX_SHOWN).map(({ hit, source }) => {
      const item = document.createElement('li');
      const shown = sections.get(hit.section)!;
      if (!source) {
        item.append(link(index, hit.section, shown, hit.matched, 'result-link'));
        return item;
      }
      item.className = 'result-answer';
      item.append(link(index, hit.section, shown, hit.matched, 'result-link', '', ANSWER_WORDS));
      const matched = source.matched.size ? source.matched : hit.matched;
      item.append(link(index, source.section, sections.get(source.section)!, matched, 'result-source', 'Основание: '));
      return item;
    }));
    list.hidden = results.length === 0;
  }

  /** Nothing found: close words of the vocabulary, the nearest questions of the Q&A, and the checklist wizard. */
  function suggest(query: string, vocabulary: Vocabulary): void {
    const { words, answers } = suggestions(query, vocabulary);
    const { index } = vocabulary;
    const lead = document.createElement('p');
    lead.textContent = words.length ? 'Возможно, вы имели в виду: ' : 'Попробуйте другие слова или начните отсюда: ';
    words.forEach((word, i) => {
      const option = document.createElement('a');
      option.href = `?q=${encodeURIComponent(word)}`;
      option.textContent = word;
      lead.append(...(i ? [', '] : []), option);
    });
    const more = document.createElement('ul');
    for (const i of answers) {
      const entry = index.answers[i];
      const item = document.createElement('li');
      const answer = document.createElement('a');
      answer.href = withBase(base, `voprosy/#${entry.a}`);
      answer.textContent = entry.l;
      item.append(answer);
      more.append(item);
    }
    const wizard = document.createElement('li');
    const wizardLink = document.createElement('a');
    wizardLink.href = withBase(base, 'checklist/');
    wizardLink.textContent = 'Мой чек-лист за минуту: что делать в вашей роли';
    wizard.append(wizardLink);
    const all = document.createElement('li');
    const allLink = document.createElement('a');
    allLink.href = withBase(base, 'voprosy/');
    allLink.textContent = 'Все вопросы и ответы';
    all.append(allLink);
    more.append(wizard, all);
    suggestion.replaceChildren(lead, more);
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
  // Opening the filters lists the documents.
  document.getElementById('search-more')!.addEventListener('toggle', () => void load().catch(() => undefined), { once: true });
  // A search asked for now replaces the one the typing pause would start: the list is drawn once.
  form.addEventListener('change', () => {
    clearTimeout(timer);
    void search(true);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void search(true);
  });
  if (params.has('q') || ignored.length) void search(false);
}

/**
 * The search page: loads the index built at build time (src/domain/search-index.ts) on first use, and per query
 * only the postings shards of its words and the text chunks of the results on screen; ranks with
 * src/domain/search-engine.ts; renders plain DOM (nothing from the index or the query is parsed as HTML); keeps the
 * query and filters in the address; moves through results with arrows. A failed load is reported in Russian and
 * retried on the next search.
 */
import { pluralRu } from '../domain/search-text.ts';
import { Vocabulary, planQuery, shardsFor, rank, compose, excerpt, matchedWords, suggestions, type Result, type ExcerptPart } from '../domain/search-engine.ts';
import type { SearchIndex, PostingsShard, TextChunk } from '../domain/search-index.ts';
import { withBase } from '../domain/paths.ts';

const MAX_SHOWN = 10;
const ANSWER_WORDS = 60;
const RESULT_FORMS = ['результат', 'результата', 'результатов'] as const;

interface Filters {
  doc: string;
  type: string;
  role: string;
}

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
    vocabulary ??= new Vocabulary(index);
    return vocabulary;
  };

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
  if (ignored.length || params.get('doc') || params.get('type') || params.get('role')) (document.getElementById('search-more') as HTMLDetailsElement).open = true;
  // The whole query goes into the box; the engine reads its first words and says so.
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
    const notes = ignored.map((value) => `Фильтр «${value}» не найден, поиск идёт без него.`);
    suggestion.replaceChildren();
    if (!/[\p{L}\p{N}]/u.test(query)) {
      list.replaceChildren();
      list.hidden = true;
      status.textContent = [query.trim() ? 'В запросе нет слов для поиска: введите слова, например «чат класса».' : 'Введите, что вы хотите узнать.', ...notes].join(' ');
      return;
    }
    status.textContent = 'Ищем…';
    try {
      const found = await find(query, filters);
      if (current !== run) return;
      render(found.results, found.texts, found.index);
      const count = found.results.length;
      if (found.plan.truncated) notes.push('Запрос длинный: ищем по первым словам.');
      status.textContent = [
        count
          ? `Найдено ${pluralRu(count, RESULT_FORMS)}${count > MAX_SHOWN ? `, показаны первые ${MAX_SHOWN}` : ''}.`
          : `Ничего не найдено по запросу «${query.trim().slice(0, 60)}».`,
        ...notes,
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

  async function find(query: string, filters: Filters) {
    const vocabulary = await load();
    const { index } = vocabulary;
    const plan = planQuery(query, vocabulary);
    const shards = await Promise.all(shardsFor(plan, index).map(async (shard) => [shard, await cached(shardFiles, `search/terms/${shard}.json`)] as const));
    const byShard = new Map(shards);
    const hits = rank(plan, index, (term) => {
      for (const shard of byShard.values()) if (term in shard) return shard[term];
      return undefined;
    });
    const documentUrl = filters.doc === 'voprosy' ? '/voprosy/' : filters.doc ? `/docs/${filters.doc}/` : '';
    const type = select('type').selectedOptions[0]?.dataset.filter ?? '';
    const role = filters.role ? index.roles.indexOf(filters.role) : -1;
    const results = compose(hits, index, (i) => {
      const section = index.sections[i];
      const owner = index.documents[section.d];
      return (!documentUrl || owner.url === documentUrl)
        && (!type || owner.types.includes(type))
        && (!filters.role || (role >= 0 && (section.r & (1 << role)) !== 0));
    });
    const shown = results.slice(0, MAX_SHOWN);
    const needed = new Set(shown.flatMap((result) => [result.hit, ...(result.source ? [result.source] : [])]).map((hit) => index.sections[hit.section].c));
    const chunks = await Promise.all([...needed].map((chunk) => cached(chunkFiles, `search/text/${chunk}.json`)));
    const texts = new Map<number, string>();
    for (const chunk of chunks) for (const [section, text] of Object.entries(chunk)) texts.set(Number(section), text);
    return { results, texts, index, plan, vocabulary };
  }

  function marked(parts: ExcerptPart[]): (string | HTMLElement)[] {
    return parts.map((part) => {
      if (!part.mark) return part.text;
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      return mark;
    });
  }

  function link(index: SearchIndex, section: number, matched: ReadonlySet<string>, text: string, className: string, title: string, parts: ExcerptPart[]): HTMLAnchorElement {
    const { d, a } = index.sections[section];
    const highlight = matchedWords(text, matched).join(' ');
    const anchor = document.createElement('a');
    anchor.className = className;
    anchor.href = `${withBase(base, index.documents[d].url)}${highlight ? `?highlight=${encodeURIComponent(highlight)}` : ''}#${a}`;
    const heading = document.createElement('span');
    heading.className = 'result-title';
    heading.textContent = title;
    const body = document.createElement('span');
    body.className = 'result-excerpt';
    body.append(...marked(parts));
    anchor.append(heading, body);
    return anchor;
  }

  function render(results: Result[], texts: Map<number, string>, index: SearchIndex): void {
    const titleOf = (section: number) => `${index.documents[index.sections[section].d].title} · ${index.sections[section].l}`;
    list.replaceChildren(...results.slice(0, MAX_SHOWN).map(({ hit, source }) => {
      const item = document.createElement('li');
      const text = texts.get(hit.section) ?? '';
      if (!source) {
        item.append(link(index, hit.section, hit.matched, text, 'result-link', titleOf(hit.section), excerpt(text, hit.matched)));
        return item;
      }
      item.className = 'result-answer';
      item.append(link(index, hit.section, hit.matched, text, 'result-link', titleOf(hit.section), excerpt(text, hit.matched, ANSWER_WORDS)));
      const sourceText = texts.get(source.section) ?? '';
      const matched = source.matched.size ? source.matched : hit.matched;
      item.append(link(index, source.section, matched, sourceText, 'result-source', `Основание: ${titleOf(source.section)}`, excerpt(sourceText, matched)));
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
      const entry = index.sections[i];
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

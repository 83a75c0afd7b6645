/**
 * Long lists split into pages, so that no page grows with the number of documents: page 1 at the list's own path
 * (`docs/`), page n at `<path>page/<n>/`. Routes are `[...page].astro` files that call `listPages`.
 */
import { INSTITUTION_TYPES, TYPE_SLUGS, type InstitutionType } from './institution-types.ts';

/** Documents a list page shows (cards, table columns): a page stays far under 200 KB of HTML. */
export const DOCUMENTS_PER_PAGE = 50;
/** Documents a comparison page shows as columns: each adds a cell and a text to every duty. */
export const COMPARED_PER_PAGE = 6;

/** A list inside a page (citations of an act, other documents named in a sentence): the rest is counted. */
export const SHOWN_IN_PAGE = 20;

export interface ListPage {
  /** 1-based. */
  number: number;
  count: number;
  /** Index of the page's first item and one past its last. */
  from: number;
  to: number;
  total: number;
}

/** The `page` route parameter of page n: none for the first. */
export const pageParam = (number: number): string | undefined => (number === 1 ? undefined : `page/${number}`);

/** Site path of page n of the list at `path` (`docs/` → `docs/page/2/`). */
export const listPagePath = (path: string, number: number): string => `${path}${number === 1 ? '' : `page/${number}/`}`;

/** The pages of a list of `total` items, `size` to a page; one (empty) page when there is nothing. */
export function listPages(total: number, size: number): ListPage[] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`page size must be a whole number ≥ 1: ${size}`);
  const count = Math.max(1, Math.ceil(total / size));
  return Array.from({ length: count }, (_, i) => ({ number: i + 1, count, from: i * size, to: Math.min(total, (i + 1) * size), total }));
}

/** Static paths of a list kept per institution type (`<type>/`, `<type>/page/2/`…), `count` items of a type. */
export async function pagesByType(count: (type: InstitutionType) => Promise<number>, size: number) {
  const paths = await Promise.all(INSTITUTION_TYPES.map(async (type) => listPages(await count(type), size)
    .map((page) => ({ params: { type: TYPE_SLUGS[type], page: pageParam(page.number) }, props: { type, page } }))));
  return paths.flat();
}

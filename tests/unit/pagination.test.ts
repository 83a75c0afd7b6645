import { describe, expect, it } from 'vitest';
import { listPagePath, listPages, pageParam } from '../../src/domain/pagination.ts';

describe('long lists split into pages', () => {
  it('covers every item once, in order, each page at most the page size', () => {
    const pages = listPages(1003, 50);
    expect(pages).toHaveLength(21);
    expect(pages.map((page) => page.to - page.from).every((size) => size <= 50)).toBe(true);
    expect(pages.flatMap((page) => Array.from({ length: page.to - page.from }, (_, i) => page.from + i))).toEqual(Array.from({ length: 1003 }, (_, i) => i));
    expect(pages.at(-1)).toEqual({ number: 21, count: 21, from: 1000, to: 1003, total: 1003 });
  });

  it('keeps a list that fits one page, and an empty list, at its own address', () => {
    expect(listPages(6, 50)).toEqual([{ number: 1, count: 1, from: 0, to: 6, total: 6 }]);
    expect(listPages(0, 50)).toEqual([{ number: 1, count: 1, from: 0, to: 0, total: 0 }]);
    expect([pageParam(1), listPagePath('docs/', 1)]).toEqual([undefined, 'docs/']);
  });

  it('puts page n at <list>page/<n>/', () => {
    expect([pageParam(2), listPagePath('reference/compare/role/teacher/', 3)]).toEqual(['page/2', 'reference/compare/role/teacher/page/3/']);
  });

  it('refuses a page size that is not a whole number ≥ 1', () => {
    expect(() => listPages(10, 0)).toThrow(/page size/);
    expect(() => listPages(10, 2.5)).toThrow(/page size/);
  });
});

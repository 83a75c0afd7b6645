/** Every clause anchor of the MDX is on the built page, once, with its «ссылка на пункт» control. */
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { regulationFiles, htmlPages, readPage } from '../support/project.ts';
import { documentAnchors } from '../../src/domain/anchors.ts';

describe('clause anchors on the built pages', () => {
  it.each(regulationFiles().map((file) => [file.slug, file] as const))('%s: each anchor is present once, with a permalink', (slug, file) => {
    const { document } = parseHTML(readPage(`docs/${slug}/index.html`));
    for (const anchor of documentAnchors(slug, file.body)) {
      const targets = document.querySelectorAll(`[id="${anchor.id}"]`);
      expect(targets.length, anchor.id).toBe(1);
      const link = targets[0].querySelector(`a[data-permalink][href="#${anchor.id}"]`);
      expect(link, `ссылка на пункт ${anchor.id}`).not.toBeNull();
      expect(link!.textContent).toContain(anchor.label);
    }
  });

  it('has no duplicate id on any page', () => {
    for (const page of htmlPages()) {
      const ids = [...parseHTML(readPage(page)).document.querySelectorAll('[id]')].map((element) => element.id);
      expect(ids.filter((id, i) => ids.indexOf(id) !== i), page).toEqual([]);
    }
  });

  it('makes every numbered clause a heading, so search can return it as a sub-result', () => {
    for (const file of regulationFiles()) {
      const { document } = parseHTML(readPage(`docs/${file.slug}/index.html`));
      for (const anchor of documentAnchors(file.slug, file.body).filter((a) => a.kind !== 'item' && a.kind !== 'paragraph')) {
        expect(document.getElementById(anchor.id)?.tagName, `${file.slug}#${anchor.id}`).toMatch(/^H[23]$/);
      }
    }
  });
});

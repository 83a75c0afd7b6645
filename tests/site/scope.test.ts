/** Printed material says what the role pages say, with the same labels: a handout never drops «Для детских садов». */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { ROOT, readPage } from '../support/project.ts';
import { collapse } from '../support/text.ts';

const catalogue = JSON.parse(readFileSync(join(ROOT, 'content/duties.json'), 'utf8')) as { roles: { slug: string }[] };

/** Each duty as the page shows it: its label (conditions), then its text — without the clause links and editorial hints. */
function labelledDuties(html: string, item: string, drop: string): string[] {
  const { document } = parseHTML(html);
  return [...document.querySelectorAll(item)].map((element) => {
    for (const aside of element.querySelectorAll(`${drop}, [data-editorial]`)) aside.remove();
    return collapse(element.textContent ?? '');
  });
}

describe('role handouts against the role pages', () => {
  it.each(catalogue.roles.map((role) => role.slug))('%s: the same duties with the same labels, and the MAX notice', (slug) => {
    const rolePage = readPage(`roles/${slug}/index.html`);
    const handout = readPage(`pamyatki/${slug}/index.html`);
    const onRolePage = labelledDuties(rolePage, 'li.duty label', '.refs');
    expect(onRolePage.length).toBeGreaterThan(2);
    expect(labelledDuties(handout, '.handout-duties li', '.cite')).toEqual(onRolePage);
    for (const html of [rolePage, handout]) expect(parseHTML(html).document.querySelector('.platform-notice')?.textContent).toMatch(/MAX/);
  });

  it('labels a duty only some institutions have, as the role page does', () => {
    const handout = readPage('pamyatki/heads/index.html');
    expect(handout).toMatch(/<strong>Для детских садов: <\/strong>Ограничьте применение работниками иностранных мессенджеров/);
  });
});

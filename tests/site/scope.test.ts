/** Printed material says what the role pages say, with the same labels: a handout never drops «Для детских садов». */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { ROOT, readPage } from '../support/project.ts';
import { collapse } from '../support/text.ts';

const catalogue = JSON.parse(readFileSync(join(ROOT, 'content/duties.json'), 'utf8')) as { roles: { slug: string }[] };
const settings = JSON.parse(readFileSync(join(ROOT, 'content/site.json'), 'utf8')) as { institutions: { id: string }[] };
/** Every role in every institution's section: `<id>/<role>`. */
const cases = settings.institutions.flatMap(({ id }) => catalogue.roles.map((role) => `${id}/${role.slug}`));

/** Each duty as the page shows it: its label (conditions), then its text — without the clause links and editorial hints. */
function labelledDuties(items: Iterable<Element>, drop: string): string[] {
  return [...items].map((element) => {
    for (const aside of element.querySelectorAll(`${drop}, [data-editorial]`)) aside.remove();
    return collapse(element.textContent ?? '');
  });
}

/** A role page's duties: its own act's checklist, and apart what only other institutions' documents state. */
function rolePageDuties(html: string): { own: string[]; elsewhere: string[] } {
  const { document } = parseHTML(html);
  const apart = document.querySelector('.elsewhere');
  const elsewhere = apart ? labelledDuties(apart.querySelectorAll('li.duty label'), '.refs') : [];
  apart?.remove();
  return { own: labelledDuties(document.querySelectorAll('li.duty label'), '.refs'), elsewhere };
}

describe('role handouts against the role pages', () => {
  it.each(cases)('%s: the same duties with the same labels, and the MAX notice', (sectionRole) => {
    const [id, slug] = sectionRole.split('/');
    const rolePage = readPage(`uchrezhdeniya/${id}/roles/${slug}/index.html`);
    const handout = readPage(`uchrezhdeniya/${id}/pamyatki/${slug}/index.html`);
    // The handout lists the own act's duties; only when the own act says nothing of the role, how other institutions have it.
    const { own, elsewhere } = rolePageDuties(rolePage);
    const expected = own.length > 0 ? own : elsewhere;
    expect(expected.length).toBeGreaterThan(0);
    expect(labelledDuties(parseHTML(handout).document.querySelectorAll('.handout-duties li'), '.cite')).toEqual(expected);
    for (const html of [rolePage, handout]) expect(parseHTML(html).document.querySelector('.platform-notice')?.textContent).toMatch(/MAX/);
  });

  it('labels a duty only some situations or institution types have, as the role page does', () => {
    const handouts = cases.map((sectionRole) => {
      const [id, slug] = sectionRole.split('/');
      return readPage(`uchrezhdeniya/${id}/pamyatki/${slug}/index.html`);
    });
    expect(handouts.some((html) => html.includes('<strong>Если чаты создаёт региональная ГИС: </strong>'))).toBe(true);
    expect(handouts.some((html) => /<strong>Для (детских садов|школ|колледжей и техникумов): <\/strong>/.test(html))).toBe(true);
  });
});

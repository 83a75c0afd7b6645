/** Printed material says what the role pages say, with the same labels: a handout never drops «Для детских садов». */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { DIST, DIST_OWN_ACT, DIST_SUBFOLDER, ROOT, SUBFOLDER, htmlPages, readPage } from '../support/project.ts';
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

describe('the parents\' poster against the parents\' page', () => {
  const poster = (JSON.parse(readFileSync(join(ROOT, 'content/parents.json'), 'utf8')) as { poster: { text: string }[] }).poster;

  it.each(settings.institutions.map(({ id }) => id))('%s: the checked steps of content/parents.json, and the MAX notice', (id) => {
    const sheet = parseHTML(readPage(`uchrezhdeniya/${id}/roditelyam/plakat/index.html`)).document;
    const page = parseHTML(readPage(`uchrezhdeniya/${id}/roditelyam/index.html`)).document;
    expect([...sheet.querySelectorAll('.poster-steps li > span')].map((step) => collapse(step.textContent ?? ''))).toEqual(poster.map((step) => collapse(step.text)));
    for (const document of [sheet, page]) {
      const notice = document.querySelector('.platform-notice');
      expect(notice?.textContent).toMatch(/MAX/);
      expect(notice?.querySelector('a')?.getAttribute('href')).toBe('/reference/changes/');
    }
  });
});


/** The three builds: name, output folder, base path. */
const BUILDS = [
  ['the demo', DIST, '/'],
  ['one institution without its own act, in a sub-folder', DIST_SUBFOLDER, SUBFOLDER],
  ['one institution with its own act', DIST_OWN_ACT, '/'],
] as const;

/** A role page's checklist of the institution's own rules (without what is shown apart), phase by phase. */
function rolePageGroups(html: string): { title: string; items: { conditions: string; line: string; sources: string[] }[] }[] {
  const { document } = parseHTML(html);
  document.querySelector('.elsewhere')?.remove();
  return [...document.querySelectorAll('.checklist > section')].map((section) => ({
    title: collapse(section.querySelector('h2')?.textContent ?? ''),
    items: [...section.querySelectorAll('li.duty')].map((item) => ({
      conditions: collapse(item.querySelector('label strong')?.textContent ?? ''),
      line: labelledDuties([item.querySelector('label')!], '.refs')[0],
      // «Техникум, порядок» of «в других учреждениях так: Техникум, порядок, п. 21.4, подп. 3».
      sources: [...item.querySelectorAll('.refs a')].map((link) => collapse(link.textContent ?? '').replace(/^в других учреждениях так: /, '').replace(/, (?:п|разд)\.\s.*$/u, '')),
    })),
  }));
}

/** The one other institution's act a duty rests on alone, as the role page cites it; none for the own act, the letter or several. */
function soleSource(sources: string[]): string | undefined {
  const documents = new Set(sources);
  const [only] = documents;
  return documents.size === 1 && !only.startsWith('по нашему') && !only.includes('(рекомендации для всех учреждений)') ? only : undefined;
}

describe('the deck\'s role slides against the role pages', () => {
  it.each(BUILDS)('in %s: each phase\'s task is the role page\'s, with its condition and the act it alone rests on; the role page\'s MAX notice comes first', (_name, dist, base) => {
    const decks = htmlPages(dist).filter((file) => file.endsWith('pedchas/index.html'));
    expect(decks.length).toBeGreaterThan(0);
    let slides = 0;
    let named = 0;
    for (const deck of decks) {
      const { document } = parseHTML(readPage(deck, dist));
      for (const editorial of document.querySelectorAll('[data-editorial]')) editorial.remove(); // glossary marks beside the words
      const noticeSlide = document.querySelector('[data-slide-id^="rol-"]')?.previousElementSibling;
      const platform = collapse(noticeSlide?.querySelector('.slide-platform')?.textContent ?? '') || 'нет уведомления о MAX перед слайдами ролей';
      for (const slide of document.querySelectorAll('[data-slide-id^="rol-"] .slide-frame')) {
        const where = `${deck} ${collapse(slide.querySelector('h2')?.textContent ?? '')}`;
        const href = slide.querySelector('.slide-cite a')!.getAttribute('href')!;
        expect(href.startsWith(base), where).toBe(true);
        const rolePage = readPage(`${href.slice(base.length)}index.html`, dist);
        const groups = rolePageGroups(rolePage);
        const topics = [...slide.querySelectorAll('.slide-topics > li')].map((item) => {
          const title = collapse(item.querySelector('strong')!.textContent ?? '').replace(/:$/, '');
          const scope = /^\(только в документе: (.*)\)$/.exec(collapse(item.querySelector('.slide-scope')?.textContent ?? ''))?.[1];
          for (const aside of item.querySelectorAll('strong, .slide-scope')) aside.remove();
          const text = collapse(item.textContent ?? '');
          return { title, scope, more: text.endsWith(' И другое.'), task: text.replace(/ И другое\.$/, '').replace(/\.$/, '') };
        });
        // The own act silent on the role: the slide says so, and lends no other institution's rule.
        if (!groups.length) expect(collapse(slide.textContent ?? ''), where).toContain('Наш документ об этой роли ничего не говорит.');
        expect(topics.map((topic) => topic.title), where).toEqual(groups.map((group) => group.title));
        topics.forEach((topic, i) => {
          const { items } = groups[i];
          const duty = items.find((item) => !item.conditions) ?? items[0];
          expect(topic.task.startsWith(duty.conditions ? `${duty.conditions} ` : ''), `${where}: ${topic.task}`).toBe(true);
          // The deck names the duty's first words («…: присоединитесь»), the page all of it («…: Присоединитесь …»).
          expect(duty.line.toLowerCase().startsWith(topic.task.toLowerCase()), `${where}: «${topic.task}» is not «${duty.line}»`).toBe(true);
          expect(topic.scope, `${where}: ${topic.task}`).toBe(soleSource(duty.sources));
          expect(topic.more, `${where}: ${topic.title}`).toBe(items.length > 1);
          if (topic.scope) named++;
        });
        // The role page's MAX notice, given once before the role slides.
        const notice = collapse(parseHTML(rolePage).document.querySelector('.platform-notice p')?.textContent ?? '');
        expect(notice, where).toMatch(/MAX/);
        expect(notice.startsWith(platform), `${where}: «${platform}»`).toBe(true);
        slides++;
      }
    }
    expect(slides).toBeGreaterThan(0);
    // Without an own act, a task only one other institution's act states names it.
    if (dist === DIST_SUBFOLDER) expect(named).toBeGreaterThan(0);
  });
});

describe('the pedagogical-hour page against the role pages', () => {
  it.each(BUILDS)('in %s: each role\'s duties with their labels, each cited by its first clause as the role page cites it', (_name, dist, base) => {
    const pages = htmlPages(dist).filter((file) => file.endsWith('roles/pedagogical-hour/index.html'));
    expect(pages.length).toBeGreaterThan(0);
    for (const file of pages) {
      for (const section of parseHTML(readPage(file, dist)).document.querySelectorAll('main section')) {
        const href = [...section.querySelectorAll('a')].map((link) => link.getAttribute('href') ?? '').find((link) => /roles\/[a-z-]+\/$/.test(link))!;
        const rolePage = parseHTML(readPage(`${href.slice(base.length)}index.html`, dist)).document;
        rolePage.querySelector('.elsewhere')?.remove();
        const items = [...rolePage.querySelectorAll('li.duty')];
        const lines = [...section.querySelectorAll('.duty-lines > li')];
        expect(lines.map((line) => collapse(line.querySelector('.cite a')?.textContent ?? '')), `${file} ${href}`).toEqual(items.map((item) => collapse(item.querySelector('.refs a')?.textContent ?? '')));
        expect(labelledDuties(lines, '.cite'), `${file} ${href}`).toEqual(labelledDuties(items.map((item) => item.querySelector('label')!), '.refs'));
      }
    }
  });
});

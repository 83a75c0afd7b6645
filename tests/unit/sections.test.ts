/**
 * Where an institution's pages live and how links are made: one institution at the root, several each in its own
 * section; links under the deploy base; dates and numbers as a Russian reader expects them.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSiteConfig } from '../../src/domain/site-config.ts';
import { chooserPages, institutionRoutes, platformSentence, sectionAt, sectionPath, sectionRoutes, sectionsOf } from '../../src/domain/sections.ts';
import { documentPath, lawPath, termPath, withBase } from '../../src/domain/paths.ts';
import { formatDate, isoDate, numberSign } from '../../src/domain/format.ts';
import { INSTITUTION_TYPES, TYPE_NAMES, TYPE_SLUGS, typeBySlug } from '../../src/domain/institution-types.ts';
import { ROOT } from '../support/project.ts';

const read = (file: string) => parseSiteConfig(JSON.parse(readFileSync(join(ROOT, file), 'utf8')));
/** The demo: five institutions. */
const several = read('content/site.json');
/** One school without an own act. */
const one = read('content/examples/one-institution-no-own-act.json');
const [dou, school] = several.institutions;

describe('sections of the site', () => {
  it('puts the pages of a site serving one institution at the root, with no chooser pages', () => {
    expect(sectionPath(one, 'shkola-1')).toBe('');
    expect(sectionsOf(one)).toEqual([{ path: '', institution: one.institutions[0] }]);
    expect(sectionAt(one, '/roditelyam/')).toEqual({ path: '', institution: one.institutions[0] });
    expect(sectionRoutes(one)).toEqual([{ params: { section: undefined }, props: { section: { path: '', institution: one.institutions[0] } } }]);
    expect(institutionRoutes(one)).toEqual(sectionRoutes(one));
    expect(chooserPages(one)).toEqual([]);
  });

  it('gives each of several institutions its own section, and the shared root a chooser for its own pages', () => {
    expect(sectionPath(several, school.id)).toBe('uchrezhdeniya/kerch-shkola-12/');
    expect(sectionsOf(several).map((section) => [section.path, section.institution?.id ?? null])).toEqual([
      ['', null],
      ['uchrezhdeniya/arsenev-dou-27/', 'arsenev-dou-27'],
      ['uchrezhdeniya/kerch-shkola-12/', 'kerch-shkola-12'],
      ['uchrezhdeniya/orenburg-dou-111/', 'orenburg-dou-111'],
      ['uchrezhdeniya/tekhnikum/', 'tekhnikum'],
      ['uchrezhdeniya/novosibirsk-sosh-215/', 'novosibirsk-sosh-215'],
    ]);
    expect(sectionRoutes(several).map((route) => route.params.section)).toEqual([
      undefined,
      'uchrezhdeniya/arsenev-dou-27',
      'uchrezhdeniya/kerch-shkola-12',
      'uchrezhdeniya/orenburg-dou-111',
      'uchrezhdeniya/tekhnikum',
      'uchrezhdeniya/novosibirsk-sosh-215',
    ]);
    // An institution's own pages (poster, deck, handouts) are built in its section only.
    expect(institutionRoutes(several).map((route) => route.props.section.institution.id)).toEqual(several.institutions.map((institution) => institution.id));
    expect(chooserPages(several).map((page) => page.path)).toEqual(['roditelyam/', 'roditelyam/plakat/', 'pamyatki/', 'pedchas/']);
  });

  it('finds the section of a page from its path, the shared root for pages outside any section', () => {
    expect(sectionAt(several, '/uchrezhdeniya/kerch-shkola-12/roditelyam/').institution?.id).toBe('kerch-shkola-12');
    expect(sectionAt(several, 'uchrezhdeniya/arsenev-dou-27/').institution?.id).toBe('arsenev-dou-27');
    expect(sectionAt(several, '/docs/tekhnikum/')).toEqual({ path: '', institution: null });
    expect(sectionAt(several, '/')).toEqual({ path: '', institution: null });
  });

  it('says where the institution\'s chats are, or whom to ask when that is not set or the page serves several', () => {
    expect(platformSentence(school)).toBe('В учреждении «Школа № 12 (Керчь)» сейчас используется: MAX.');
    const unset = 'Где сейчас чаты вашего учреждения, уточните у администратора платформы.';
    expect(platformSentence(several.institutions.find((institution) => institution.id === 'tekhnikum')!)).toBe(unset);
    expect(platformSentence(null)).toBe(unset);
    expect(platformSentence({ ...dou, platform: 'VK Мессенджер' })).toBe('В учреждении «Детский сад № 27 «Дюймовочка» (Арсеньев)» сейчас используется: VK Мессенджер.');
  });
});

describe('site paths', () => {
  it('puts every link under the deploy base, with exactly one slash between', () => {
    expect(withBase('/', 'docs/tekhnikum/')).toBe('/docs/tekhnikum/');
    expect(withBase('/podpapka/', 'docs/tekhnikum/')).toBe('/podpapka/docs/tekhnikum/');
    expect(withBase('/podpapka', '/docs/tekhnikum/')).toBe('/podpapka/docs/tekhnikum/');
    expect(withBase('/podpapka/', '//search/')).toBe('/podpapka/search/');
    expect(withBase('/podpapka/')).toBe('/podpapka/');
    expect(withBase('/podpapka/', '#p-3')).toBe('/podpapka/#p-3');
  });

  it('links a document, a clause in it, an act of the legal basis and a glossary term', () => {
    expect(documentPath('tekhnikum')).toBe('docs/tekhnikum/');
    expect(documentPath('tekhnikum', 'p-21-4')).toBe('docs/tekhnikum/#p-21-4');
    expect(lawPath('152-fz')).toBe('reference/legal-basis/#152-fz');
    expect(termPath('gis')).toBe('reference/glossary/#gis');
  });
});

describe('dates, numbers and institution types as a reader sees them', () => {
  it('writes a date in words with a non-breaking space before «г.», whatever the server\'s time zone', () => {
    expect(formatDate(new Date('2024-10-17'))).toBe('17 октября 2024\u00a0г.');
    expect(formatDate(new Date('2025-01-01T00:00:00Z'))).toBe('1 января 2025\u00a0г.');
    expect(isoDate(new Date('2024-10-17'))).toBe('2024-10-17');
    expect(numberSign('236-а')).toBe('№\u00a0236-а');
  });

  it('names each institution type and finds it by its URL slug', () => {
    expect(INSTITUTION_TYPES.map((type) => [TYPE_SLUGS[type], TYPE_NAMES[type]])).toEqual([
      ['dou', 'Детские сады (ДОУ)'],
      ['shkola', 'Школы'],
      ['spo', 'Колледжи и техникумы (СПО)'],
    ]);
    for (const type of INSTITUTION_TYPES) expect(typeBySlug(TYPE_SLUGS[type])).toBe(type);
    expect(typeBySlug('vuz')).toBeUndefined();
  });
});

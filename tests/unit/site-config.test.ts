import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSiteConfig, basePathOf, missingSetting } from '../../src/domain/site-config.ts';
import { REGULATIONS_DIR, ROOT } from '../support/project.ts';

const shipped = JSON.parse(readFileSync(join(ROOT, 'content/site.json'), 'utf8'));
const documents = readdirSync(REGULATIONS_DIR).filter((name) => name.endsWith('.mdx')).map((name) => name.replace(/\.mdx$/, ''));
const [first, second] = shipped.institutions;
/** The shipped settings with the first institution changed. */
const withFirst = (changes: Record<string, unknown>) => ({ ...shipped, institutions: [{ ...first, ...changes }, ...shipped.institutions.slice(1)] });

describe('site configuration', () => {
  it('accepts the shipped demo: the five seed institutions, each with its own act, and the Ministry letter common to all', () => {
    const config = parseSiteConfig(shipped, documents);
    expect(config.institutions.map((institution) => institution.documents)).toEqual([
      ['arsenev-dou-27'], ['kerch-shkola-12'], ['orenburg-dou-111'], ['tekhnikum'], ['novosibirsk-sosh-215'],
    ]);
    expect(config.common).toEqual(['minprosveshcheniya-04-423']);
    for (const institution of config.institutions) expect(institution.admin.name).toMatch(/пример/);
  });

  it('accepts the example of one institution without an own act', () => {
    const example = JSON.parse(readFileSync(join(ROOT, 'content/examples/one-institution-no-own-act.json'), 'utf8'));
    expect(parseSiteConfig(example, documents).institutions[0].documents).toEqual([]);
  });

  it('names the setting to fill when the site URL is missing or wrong', () => {
    const { siteUrl: _, ...withoutUrl } = shipped;
    expect(() => parseSiteConfig(withoutUrl)).toThrow(/siteUrl/);
    expect(() => parseSiteConfig({ ...shipped, siteUrl: 'school.ru/sferum' })).toThrow(/siteUrl/);
    for (const siteUrl of ['ftp://school.ru/sferum/', 'javascript:alert(1)//']) expect(() => parseSiteConfig({ ...shipped, siteUrl }), siteUrl).toThrow(/siteUrl.*https:\/\//);
  });

  it('explains wrong contact details in Russian', () => {
    expect(() => parseSiteConfig(withFirst({ admin: { ...first.admin, email: 'не почта' } }))).toThrow(/institutions\.0\.admin\.email.*электронной почты/);
    expect(() => parseSiteConfig(withFirst({ admin: { ...first.admin, phone: '12' } }))).toThrow(/admin\.phone.*номером телефона/);
    expect(() => parseSiteConfig(withFirst({ name: ' ' }))).toThrow(/institutions\.0\.name/);
  });

  it('accepts an institution\'s deadlines and explains a wrongly written date', () => {
    const deadlines = [{ what: 'Все педагоги вошли в «Сферум»', date: '2026-09-25' }];
    expect(parseSiteConfig(withFirst({ deadlines })).institutions[0].deadlines).toEqual(deadlines);
    expect(() => parseSiteConfig(withFirst({ deadlines: [{ what: 'Чаты созданы', date: '25.09.2026' }] }))).toThrow(/deadlines\.0\.date.*ГГГГ-ММ-ДД/);
    expect(() => parseSiteConfig(withFirst({ deadlines: [{ what: ' ', date: '2026-09-25' }] }))).toThrow(/deadlines/);
  });

  it('stops on a misspelled document, naming the setting and the documents there are', () => {
    expect(() => parseSiteConfig(withFirst({ documents: ['arsenev-dou-72'] }), documents)).toThrow(
      /content\/site\.json[\s\S]*institutions\.0\.documents\.0: нет документа «arsenev-dou-72» в content\/regulations\/ \(есть: .*arsenev-dou-27/,
    );
    expect(() => parseSiteConfig({ ...shipped, common: ['minprosveshchenia-04-423'] }, documents)).toThrow(/common\.0: нет документа «minprosveshchenia-04-423»/);
  });

  it('stops on two institutions with one id, and on a document owned by two institutions', () => {
    expect(() => parseSiteConfig({ ...shipped, institutions: [first, { ...second, id: first.id }] })).toThrow(
      /institutions\.1\.id: id «arsenev-dou-27» уже занят учреждением institutions\.0/,
    );
    expect(() => parseSiteConfig({ ...shipped, institutions: [first, { ...second, documents: [...second.documents, ...first.documents] }] })).toThrow(
      /institutions\.1\.documents\.1: документ «arsenev-dou-27» уже указан как свой у учреждения institutions\.0/,
    );
    expect(() => parseSiteConfig(withFirst({ documents: ['minprosveshcheniya-04-423'] }))).toThrow(/«minprosveshcheniya-04-423» указан и в «common»/);
  });

  it('names the settings file given in its messages', () => {
    expect(() => parseSiteConfig({ ...shipped, institutions: [] }, documents, 'tests/settings.json')).toThrow(/tests\/settings\.json[\s\S]*хотя бы одно учреждение/);
  });

  it('names the missing setting in the placeholder a page shows', () => {
    expect(missingSetting('deadlines', 'сроки подключения')).toBe('укажите в content/site.json: «deadlines» — сроки подключения');
  });

  it('takes the deploy sub-folder from the site URL', () => {
    expect(basePathOf('https://school.ru/')).toBe('/');
    expect(basePathOf('https://school.ru/sferum')).toBe('/sferum/');
    expect(basePathOf('https://school.ru/a/b/')).toBe('/a/b/');
  });
});

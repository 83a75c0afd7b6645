import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSiteConfig, basePathOf, missingSetting } from '../../src/domain/site-config.ts';
import { ROOT } from '../support/project.ts';

const shipped = JSON.parse(readFileSync(join(ROOT, 'content/site.json'), 'utf8'));

describe('site configuration', () => {
  it('accepts the shipped demo configuration', () => {
    expect(parseSiteConfig(shipped).institution.short).toBeTruthy();
  });

  it('names the setting to fill when the site URL is missing or wrong', () => {
    const { siteUrl: _, ...withoutUrl } = shipped;
    expect(() => parseSiteConfig(withoutUrl)).toThrow(/siteUrl/);
    expect(() => parseSiteConfig({ ...shipped, siteUrl: 'school.ru/sferum' })).toThrow(/siteUrl/);
    for (const siteUrl of ['ftp://school.ru/sferum/', 'javascript:alert(1)//']) expect(() => parseSiteConfig({ ...shipped, siteUrl }), siteUrl).toThrow(/siteUrl.*https:\/\//);
  });

  it('explains wrong contact details in Russian', () => {
    expect(() => parseSiteConfig({ ...shipped, admin: { ...shipped.admin, email: 'не почта' } })).toThrow(/admin\.email.*электронной почты/);
    expect(() => parseSiteConfig({ ...shipped, admin: { ...shipped.admin, phone: '12' } })).toThrow(/admin\.phone.*номером телефона/);
    expect(() => parseSiteConfig({ ...shipped, institution: { ...shipped.institution, name: ' ' } })).toThrow(/institution\.name/);
  });

  it('accepts the institution\'s deadlines and explains a wrongly written date', () => {
    const deadlines = [{ what: 'Все педагоги вошли в «Сферум»', date: '2026-09-25' }];
    expect(parseSiteConfig({ ...shipped, deadlines }).deadlines).toEqual(deadlines);
    expect(() => parseSiteConfig({ ...shipped, deadlines: [{ what: 'Чаты созданы', date: '25.09.2026' }] })).toThrow(/deadlines\.0\.date.*ГГГГ-ММ-ДД/);
    expect(() => parseSiteConfig({ ...shipped, deadlines: [{ what: ' ', date: '2026-09-25' }] })).toThrow(/deadlines/);
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

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSiteConfig, readSiteConfig, basePathOf, missingSetting } from '../../src/domain/site-config.ts';
import { telHref } from '../../src/domain/validation.ts';
import { ROOT } from '../support/project.ts';

const shippedText = readFileSync(join(ROOT, 'content/site.json'), 'utf8');
const shipped = JSON.parse(shippedText);
const withAdmin = (admin: Record<string, unknown>) => ({ ...shipped, admin: { ...shipped.admin, ...admin } });
const withInstitution = (institution: Record<string, unknown>) => ({ ...shipped, institution: { ...shipped.institution, ...institution } });
/** The message a setting's value stops the build with. */
const problem = (raw: unknown) => {
  try {
    parseSiteConfig(raw);
  } catch (error) {
    return (error as Error).message;
  }
  return 'принято';
};

describe('site configuration', () => {
  it('accepts the shipped demo configuration', () => {
    expect(parseSiteConfig(shipped).institution.short).toBeTruthy();
    expect(readSiteConfig(shippedText)).toEqual(parseSiteConfig(shipped));
  });

  it('names the setting to fill when the site URL is missing or wrong', () => {
    const { siteUrl: _, ...withoutUrl } = shipped;
    expect(problem(withoutUrl)).toMatch(/^Ошибка в content\/site\.json:\n  – siteUrl: заполните: нужен полный адрес сайта/);
    expect(problem({ ...shipped, siteUrl: 'school.ru/sferum' })).toMatch(/siteUrl: нужен полный адрес сайта/);
  });

  it('accepts only an http or https folder as the site address, in Latin letters', () => {
    expect(problem({ ...shipped, siteUrl: 'https://school.ru/sferum/index.html' })).toMatch(/siteUrl: адрес папки сайта, без имени файла/);
    expect(problem({ ...shipped, siteUrl: 'ftp://school.ru/sferum/' })).toMatch(/siteUrl: адрес сайта начинается с https:\/\/ или http:\/\//);
    expect(problem({ ...shipped, siteUrl: 'javascript:alert(1)//' })).toMatch(/siteUrl: адрес сайта начинается с https:\/\//);
    expect(problem({ ...shipped, siteUrl: 'https://school.ru/sferum/?a=1' })).toMatch(/siteUrl: только адрес папки сайта/);
    expect(problem({ ...shipped, siteUrl: 'https://школа.рф/сферум/' })).toMatch(/siteUrl: папка в адресе пишется латиницей/);
    expect(problem({ ...shipped, siteUrl: 'https://school.ru/%D1%81%D1%84/' })).toMatch(/siteUrl: папка в адресе пишется латиницей/);
    expect(parseSiteConfig({ ...shipped, siteUrl: ' https://школа.рф/sferum/ ' }).siteUrl).toBe('https://школа.рф/sferum/');
    expect(basePathOf(parseSiteConfig({ ...shipped, siteUrl: 'https://школа.рф/sferum/' }).siteUrl)).toBe('/sferum/');
  });

  it('explains wrong contact details in Russian', () => {
    expect(problem(withAdmin({ email: 'не почта' }))).toMatch(/admin\.email: нужен адрес электронной почты/);
    expect(problem(withAdmin({ phone: '12' }))).toMatch(/admin\.phone: в номере телефона меньше 10 цифр/);
    expect(problem(withAdmin({ phone: '(((-----)))' }))).toMatch(/admin\.phone: в номере телефона меньше 10 цифр/);
    expect(problem(withAdmin({ phone: '+7 900 000-00-00 доб. 5' }))).toMatch(/admin\.phone: номер телефона пишется цифрами/);
    expect(problem(withInstitution({ name: ' ' }))).toMatch(/institution\.name: заполните: сейчас пусто/);
    expect(telHref('+7 (900) 000-00-00')).toBe('tel:+79000000000');
  });

  it('says what type a setting needs when it has another, in Russian', () => {
    expect(problem(withInstitution({ short: 15 }))).toMatch(/institution\.short: нужен текст в кавычках, а здесь число/);
    expect(problem(withAdmin({ phone: 79000000000 }))).toMatch(/admin\.phone: нужен номер телефона в кавычках, а здесь число/);
    expect(problem(withAdmin({ email: ['a@b.ru'] }))).toMatch(/admin\.email: нужен адрес электронной почты в кавычках, а здесь список/);
    expect(problem({ ...shipped, siteUrl: true })).toMatch(/siteUrl: нужен полный адрес сайта в кавычках, .*а здесь true или false/);
    expect(problem({ ...shipped, admin: 'Иванова' })).toMatch(/admin: нужен объект \{ … \}, а здесь текст/);
    expect(problem({ ...shipped, platform: 'Telegram' })).toMatch(/platform: Неверный вариант: ожидалось одно из "MAX"\|"VK Мессенджер"\|"не задано"/);
    expect(problem(withInstitution({ type: 'вуз' }))).toMatch(/institution\.type: Неверный вариант/);
    expect(problem([])).toMatch(/\(весь файл\): нужен объект/);
    for (const raw of [{}, { ...shipped, extra: 1, deadlines: {} }, withAdmin({ name: null, email: 1, phone: [] }), withInstitution({ type: 1 })]) {
      expect(problem(raw)).not.toMatch(/Invalid|expected|received|Required/i);
    }
  });

  it('refuses text that would stretch or garble pages: over-long values, unbroken runs, invisible control characters', () => {
    expect(problem(withInstitution({ name: 'Ш'.repeat(2000) }))).toMatch(/institution\.name: не длиннее 300 знаков/);
    expect(problem(withInstitution({ short: 'Школа'.repeat(10) }))).toMatch(/institution\.short: слово длиннее 40 знаков растянет страницу/);
    expect(problem(withAdmin({ hours: 'с 9 до 17\u0000' }))).toMatch(/admin\.hours: уберите невидимые управляющие символы/);
    expect(problem(withInstitution({ short: '\u202eалокШ' }))).toMatch(/institution\.short: уберите невидимые управляющие символы/);
    expect(problem(withAdmin({ email: `${'a'.repeat(96)}@b.ru` }))).toMatch(/admin\.email: адрес электронной почты не длиннее 100 знаков/);
    expect(parseSiteConfig(withInstitution({ name: 'ГБПОУ «Научно-исследовательский технико-экономический колледж»' })).institution.name).toMatch(/колледж/);
  });

  it('names the file, the line and the column of a JSON syntax error', () => {
    expect(() => readSiteConfig(shippedText.replace('"platform": "MAX",', '"platform": "MAX"'))).toThrow(
      /^Ошибка в content\/site\.json: это не JSON — строка 11, знак 3\. Проверьте кавычки/,
    );
    expect(() => readSiteConfig('')).toThrow(/^Ошибка в content\/site\.json: это не JSON — строка 1, знак 1/);
  });

  it('accepts the institution\'s deadlines and explains a wrongly written date', () => {
    const deadlines = [{ what: 'Все педагоги вошли в «Сферум»', date: '2026-09-25' }];
    expect(parseSiteConfig({ ...shipped, deadlines }).deadlines).toEqual(deadlines);
    expect(problem({ ...shipped, deadlines: [{ what: 'Чаты созданы', date: '25.09.2026' }] })).toMatch(/deadlines\.0\.date: дата пишется как ГГГГ-ММ-ДД/);
    expect(problem({ ...shipped, deadlines: [{ what: ' ', date: '2026-09-25' }] })).toMatch(/deadlines\.0\.what: заполните/);
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

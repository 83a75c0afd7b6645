import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSiteConfig, readSiteConfig, basePathOf, missingSetting } from '../../src/domain/site-config.ts';
import { telHref } from '../../src/domain/validation.ts';
import { REGULATIONS_DIR, ROOT } from '../support/project.ts';

const shippedText = readFileSync(join(ROOT, 'content/site.json'), 'utf8');
const shipped = JSON.parse(shippedText);
const documents = readdirSync(REGULATIONS_DIR).filter((name) => name.endsWith('.mdx')).map((name) => name.replace(/\.mdx$/, ''));
const [first, second] = shipped.institutions;
/** The shipped settings with the first institution changed. */
const withFirst = (changes: Record<string, unknown>) => ({ ...shipped, institutions: [{ ...first, ...changes }, ...shipped.institutions.slice(1)] });
const withAdmin = (admin: Record<string, unknown>) => withFirst({ admin: { ...first.admin, ...admin } });
/** The message a setting's value stops the build with. */
const problem = (raw: unknown, known?: readonly string[]) => {
  try {
    parseSiteConfig(raw, known);
  } catch (error) {
    return (error as Error).message;
  }
  return 'принято';
};

describe('site configuration', () => {
  it('accepts the shipped demo: the five seed institutions, each with its own act, and the Ministry letter common to all', () => {
    const config = parseSiteConfig(shipped, documents);
    expect(config.institutions.map((institution) => institution.documents)).toEqual([
      ['arsenev-dou-27'], ['kerch-shkola-12'], ['orenburg-dou-111'], ['tekhnikum'], ['novosibirsk-sosh-215'],
    ]);
    expect(config.common).toEqual(['minprosveshcheniya-04-423']);
    for (const institution of config.institutions) expect(institution.admin.name).toMatch(/пример/);
    expect(readSiteConfig(shippedText, documents)).toEqual(config);
  });

  it('accepts the example of one institution without an own act', () => {
    const example = JSON.parse(readFileSync(join(ROOT, 'content/examples/one-institution-no-own-act.json'), 'utf8'));
    expect(parseSiteConfig(example, documents).institutions[0].documents).toEqual([]);
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
    expect(problem(withAdmin({ email: 'не почта' }))).toMatch(/institutions\.0\.admin\.email: нужен адрес электронной почты/);
    expect(problem(withAdmin({ phone: '12' }))).toMatch(/institutions\.0\.admin\.phone: в номере телефона меньше 10 цифр/);
    expect(problem(withAdmin({ phone: '(((-----)))' }))).toMatch(/admin\.phone: в номере телефона меньше 10 цифр/);
    expect(problem(withAdmin({ phone: '+7 900 000-00-00 доб. 5' }))).toMatch(/admin\.phone: номер телефона пишется цифрами/);
    expect(problem(withFirst({ name: ' ' }))).toMatch(/institutions\.0\.name: заполните: сейчас пусто/);
    expect(telHref('+7 (900) 000-00-00')).toBe('tel:+79000000000');
  });

  it('says what type a setting needs when it has another, in Russian', () => {
    expect(problem(withFirst({ short: 15 }))).toMatch(/institutions\.0\.short: нужен текст в кавычках, а здесь число/);
    expect(problem(withAdmin({ phone: 79000000000 }))).toMatch(/admin\.phone: нужен номер телефона в кавычках, а здесь число/);
    expect(problem(withAdmin({ email: ['a@b.ru'] }))).toMatch(/admin\.email: нужен адрес электронной почты в кавычках, а здесь список/);
    expect(problem({ ...shipped, siteUrl: true })).toMatch(/siteUrl: нужен полный адрес сайта в кавычках, .*а здесь true или false/);
    expect(problem(withFirst({ admin: 'Иванова' }))).toMatch(/institutions\.0\.admin: нужен объект \{ … \}, а здесь текст/);
    expect(problem(withFirst({ platform: 'Telegram' }))).toMatch(/institutions\.0\.platform: Неверный вариант: ожидалось одно из "MAX"\|"VK Мессенджер"\|"не задано"/);
    expect(problem(withFirst({ type: 'вуз' }))).toMatch(/institutions\.0\.type: тип учреждения: «ДОУ», «школа» или «СПО»/);
    expect(problem({ ...shipped, institutions: {} })).toMatch(/institutions: нужен список \[ … \], а здесь объект/);
    expect(problem([])).toMatch(/\(весь файл\): нужен объект/);
    for (const raw of [{}, { ...shipped, extra: 1, common: {} }, withFirst({ deadlines: {} }), withAdmin({ name: null, email: 1, phone: [] }), withFirst({ type: 1, documents: 'x' })]) {
      expect(problem(raw)).not.toMatch(/Invalid|expected|received|Required/i);
    }
  });

  it('refuses text that would stretch or garble pages: over-long values, unbroken runs, invisible control characters', () => {
    expect(problem(withFirst({ name: 'Ш'.repeat(2000) }))).toMatch(/institutions\.0\.name: не длиннее 300 знаков/);
    expect(problem(withFirst({ short: 'Школа'.repeat(10) }))).toMatch(/institutions\.0\.short: слово длиннее 40 знаков растянет страницу/);
    expect(problem(withAdmin({ hours: 'с 9 до 17\u0000' }))).toMatch(/admin\.hours: уберите невидимые управляющие символы/);
    expect(problem(withFirst({ short: '\u202eалокШ' }))).toMatch(/institutions\.0\.short: уберите невидимые управляющие символы/);
    expect(problem(withAdmin({ email: `${'a'.repeat(96)}@b.ru` }))).toMatch(/admin\.email: адрес электронной почты не длиннее 100 знаков/);
    expect(parseSiteConfig(withFirst({ name: 'ГБПОУ «Научно-исследовательский технико-экономический колледж»' })).institutions[0].name).toMatch(/колледж/);
  });

  it('names the file, the line and the column of a JSON syntax error', () => {
    expect(() => readSiteConfig(shippedText.replace('"platform": "MAX",', '"platform": "MAX"'))).toThrow(
      /^Ошибка в content\/site\.json: это не JSON — строка 15, знак 7\. Проверьте кавычки/,
    );
    expect(() => readSiteConfig('', documents, 'tests/settings.json')).toThrow(/^Ошибка в tests\/settings\.json: это не JSON — строка 1, знак 1/);
  });

  it('accepts an institution\'s deadlines and explains a wrongly written date', () => {
    const deadlines = [{ what: 'Все педагоги вошли в «Сферум»', date: '2026-09-25' }];
    expect(parseSiteConfig(withFirst({ deadlines })).institutions[0].deadlines).toEqual(deadlines);
    expect(problem(withFirst({ deadlines: [{ what: 'Чаты созданы', date: '25.09.2026' }] }))).toMatch(/institutions\.0\.deadlines\.0\.date: дата пишется как ГГГГ-ММ-ДД/);
    expect(problem(withFirst({ deadlines: [{ what: ' ', date: '2026-09-25' }] }))).toMatch(/institutions\.0\.deadlines\.0\.what: заполните/);
  });

  it('stops on a misspelled document, naming the setting and the documents there are', () => {
    expect(problem(withFirst({ documents: ['arsenev-dou-72'] }), documents)).toMatch(
      /^Ошибка в content\/site\.json:\n  – institutions\.0\.documents\.0: нет документа «arsenev-dou-72» в content\/regulations\/ \(есть: .*arsenev-dou-27/,
    );
    expect(problem({ ...shipped, common: ['minprosveshchenia-04-423'] }, documents)).toBe(
      `Ошибка в content/site.json:\n  – common.0: нет документа «minprosveshchenia-04-423» в content/regulations/ (есть: ${[...documents].sort().join(', ')})`,
    );
  });

  it('stops on two institutions with one id, and on a document owned by two institutions', () => {
    expect(problem({ ...shipped, institutions: [first, { ...second, id: first.id }] })).toMatch(
      /institutions\.1\.id: id «arsenev-dou-27» уже занят учреждением institutions\.0/,
    );
    expect(problem({ ...shipped, institutions: [first, { ...second, documents: [...second.documents, ...first.documents] }] })).toMatch(
      /institutions\.1\.documents\.1: документ «arsenev-dou-27» уже указан как свой у учреждения institutions\.0/,
    );
    expect(problem(withFirst({ documents: ['arsenev-dou-27', 'minprosveshcheniya-04-423'] }))).toBe(
      'Ошибка в content/site.json:\n  – institutions.0.documents.1: документ «minprosveshcheniya-04-423» указан и в «common» (общий для всех), и как свой документ учреждения',
    );
    // The same document listed twice by its own institution is no conflict of owners.
    expect(problem(withFirst({ documents: ['arsenev-dou-27', 'arsenev-dou-27'] }))).toBe('принято');
  });

  it('names the settings file given in its messages', () => {
    expect(() => parseSiteConfig({ ...shipped, institutions: [] }, documents, 'tests/settings.json')).toThrow(/^Ошибка в tests\/settings\.json:[\s\S]*хотя бы одно учреждение/);
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

/**
 * Reading content and settings files so that every problem names the file, the field and what is expected, in Russian;
 * and reusable field validators for settings (text, phone, e-mail, site address).
 */
import { z } from 'zod';

const TYPE_NAMES: Record<string, string> = {
  string: 'текст',
  number: 'число',
  boolean: 'true или false',
  object: 'объект { … }',
  array: 'список [ … ]',
  null: 'null',
};

/** What a JSON value is, in the words of the messages: «число», «список [ … ]». */
export function typeName(value: unknown): string {
  if (value === null) return TYPE_NAMES.null;
  if (Array.isArray(value)) return TYPE_NAMES.array;
  return TYPE_NAMES[typeof value] ?? typeof value;
}

/** The message for a value of the wrong type, or for no value at all. */
const expected = (what: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? `заполните: нужен ${what}` : `нужен ${what}, а здесь ${typeName(issue.input)}`;

/** An id that becomes part of an address: `ikop-sferum`, `p-21-4`. */
export const ID_FORMAT = z
  .string({ error: expected('id в кавычках') })
  .regex(/^[a-z0-9-]+$/, { error: 'id пишется строчной латиницей, цифрами и дефисами, например p-21-4' });

/** Invisible characters that cut or reorder the text a page shows: control characters and bidirectional overrides. */
const HIDDEN_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
const HIDDEN_MESSAGE = 'уберите невидимые управляющие символы (перевод строки, символы направления письма и т. п.): они искажают текст на странице';

/**
 * A text setting: trimmed, not empty, at most `max` characters, no word longer than `longestWord` characters
 * (one unbroken run of letters would stretch every page sideways on a phone).
 */
export function textField({ max = 200, longestWord = 40 }: { max?: number; longestWord?: number } = {}) {
  return z
    .string({ error: expected('текст в кавычках') })
    .trim()
    .min(1, { error: 'заполните: сейчас пусто' })
    .max(max, { error: `не длиннее ${max} знаков` })
    .refine((text) => !HIDDEN_CHARACTERS.test(text), { error: HIDDEN_MESSAGE })
    .refine((text) => text.split(/[\s\-\u2010-\u2015/]+/u).every((word) => [...word].length <= longestWord), {
      error: `слово длиннее ${longestWord} знаков растянет страницу: разделите его пробелом или дефисом`,
    });
}

/** A phone number: digits with spaces, brackets and hyphens, 10 to 15 digits, an optional leading «+». */
export function phoneField() {
  return z
    .string({ error: expected('номер телефона в кавычках') })
    .trim()
    .regex(/^\+?[\d\s()-]+$/, { error: 'номер телефона пишется цифрами, пробелами, скобками и дефисами, например +7 900 000-00-00' })
    .refine((phone) => (phone.match(/\d/g)?.length ?? 0) >= 10, { error: 'в номере телефона меньше 10 цифр: нужен полный номер с кодом, например +7 900 000-00-00' })
    .refine((phone) => (phone.match(/\d/g)?.length ?? 0) <= 15, { error: 'в номере телефона больше 15 цифр' });
}

/** The digits of a phone number for a tel: link. */
export const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;

/** An e-mail address, at most 100 characters. */
export function emailField() {
  return z
    .email({ error: (issue) => (issue.code === 'invalid_type' ? expected('адрес электронной почты в кавычках')(issue) : 'нужен адрес электронной почты, например admin@school.ru') })
    .max(100, { error: 'адрес электронной почты не длиннее 100 знаков' });
}

/**
 * The public address of a site: http or https, a folder (not a file such as index.html), with no query or fragment.
 * The folder is written in Latin letters, digits and «-_.~»: the site's own links are built from it as they are.
 */
export function siteUrlField() {
  const example = 'например https://school.ru/sferum/';
  return z.string({ error: expected(`полный адрес сайта в кавычках, ${example}`) }).trim().superRefine((value, ctx) => {
    const problem = (message: string) => ctx.addIssue({ code: 'custom', message });
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return problem(`нужен полный адрес сайта, ${example}`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return problem(`адрес сайта начинается с https:// или http://, ${example}`);
    if (url.username || url.password || url.search || url.hash || /[?#]/.test(value)) {
      return problem(`только адрес папки сайта, без логина, «?» и «#», ${example}`);
    }
    if (/\/[^/]*\.[^/]*$/.test(url.pathname)) return problem(`адрес папки сайта, без имени файла в конце (index.html и т. п.), ${example}`);
    if (!/^[A-Za-z0-9\-._~/]*$/.test(url.pathname)) {
      return problem(`папка в адресе пишется латиницей, цифрами и знаками «-_.~» (русские буквы и %-коды в пути не поддерживаются), например https://школа.рф/sferum/`);
    }
  });
}

/** Validates a file's parsed content; throws one Russian message naming the file and every wrong field. */
const russian: z.core.$ZodErrorMap = (issue) =>
  issue.code === 'invalid_type' && issue.expected in TYPE_NAMES
    ? expected(TYPE_NAMES[issue.expected])(issue)
    : z.locales.ru().localeError(issue);

export function parseFile<Schema extends z.ZodType>(schema: Schema, raw: unknown, file: string): z.output<Schema> {
  const result = schema.safeParse(raw, { error: russian });
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  – ${issue.path.join('.') || '(весь файл)'}: ${issue.message}`);
  throw new Error(`Ошибка в ${file}:\n${problems.join('\n')}`);
}

/** Parses JSON text; a syntax error names the file, the line and the column. */
export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = Number(/position (\d+)/.exec(message)?.[1] ?? text.length);
    const before = text.slice(0, position).split('\n');
    throw new Error(
      `Ошибка в ${file}: это не JSON — строка ${before.length}, знак ${before.at(-1)!.length + 1}. ` +
        'Проверьте кавычки "…" вокруг текста, запятые между полями и парные скобки.',
    );
  }
}

import { z } from 'zod';
import { ID_FORMAT, parseFile } from './validation.ts';

const isoDate = z.iso.date({ error: 'дата ГГГГ-ММ-ДД' });

/** Who says it: a federal body or the platform's press service, a regional authority, the press, an unofficial guide. */
export const FACT_KINDS = {
  official: 'официальное сообщение',
  regional: 'сообщение региональных властей',
  news: 'сообщение СМИ',
  guide: 'неофициальное руководство',
} as const;

/** A dated, sourced fact about the platform after the regulations were written (content/platform-facts.json). */
export const platformFactSchema = z.object({
  id: ID_FORMAT,
  /** «2025-08-19», «2025-07» when only the month is known, «2022–2025» for a period (VK-era help text). */
  date: z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?|–\d{4})$/, { error: 'дата ГГГГ-ММ, ГГГГ-ММ-ДД или период ГГГГ–ГГГГ' }),
  /** The last day the fact holds for («переходный период до 31 октября»); after it the fact is history. */
  until: z.string().regex(/^\d{4}-\d{2}(?:-\d{2})?$/, { error: 'дата ГГГГ-ММ или ГГГГ-ММ-ДД' }).optional(),
  /** «VK» for what the platform's help said while it lived in VK Мессенджер. */
  era: z.literal('VK').optional(),
  text: z.string().min(10),
  /** The source's own words, copied from the page. */
  quote: z.string().min(10).optional(),
  kind: z.enum(Object.keys(FACT_KINDS) as [keyof typeof FACT_KINDS]).optional(),
  sources: z.array(z.url({ protocol: /^https$/ })).min(1),
  /** When the fact was last checked against its sources. */
  checked: isoDate,
});

export type PlatformFact = z.infer<typeof platformFactSchema>;

/** Validates the facts and returns them in date order. */
export function parsePlatformFacts(data: unknown): PlatformFact[] {
  return parseFile(z.array(platformFactSchema), data, 'content/platform-facts.json').toSorted((a, b) => a.date.localeCompare(b.date));
}

/** Whether the fact's period has ended by `today` (ISO date): a month-only `until` holds to the month's end. */
export function factEnded(fact: Pick<PlatformFact, 'until'>, today: string): boolean {
  if (!fact.until) return false;
  const last = fact.until.length === 7 ? `${fact.until}-31` : fact.until;
  return today > last;
}

/** The facts that still hold on `today`. */
export function currentFacts<T extends Pick<PlatformFact, 'until'>>(facts: readonly T[], today: string): T[] {
  return facts.filter((fact) => !factEnded(fact, today));
}

/** The date to state as «сведения проверены …»: the oldest check among the facts. */
export function factsChecked(facts: readonly Pick<PlatformFact, 'checked'>[]): string {
  const dates = facts.map((fact) => fact.checked).toSorted();
  if (!dates.length) throw new Error('content/platform-facts.json: нет ни одного сведения');
  return dates[0];
}

const DAY_MONTH_YEAR = new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const MONTH_YEAR = new Intl.DateTimeFormat('ru-RU', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** «2025-08-19» → «19 августа 2025 г.»; «2025-07» → «июль 2025 г.» (only the month is known); «2022–2025» → «2022–2025 гг.». */
export function factDate(date: string): string {
  if (date.includes('–')) return `${date}\u00a0гг.`;
  const [year, month, day] = date.split('-').map(Number);
  const text = (day ? DAY_MONTH_YEAR : MONTH_YEAR).format(Date.UTC(year, month - 1, day || 1));
  return text.replace(/ г\.$/, '\u00a0г.');
}

/** Whether a text names VK Мессенджер (the regulations' «учебный профиль VK-мессенджер», «VK мессенджер», «ВКонтакте»). */
export function mentionsVk(text: string): boolean {
  return /(?<![\p{L}\d])(?:VK|ВК)(?![\p{L}\d])|ВКонтакте/iu.test(text);
}

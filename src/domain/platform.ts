import { z } from 'zod';
import { ID_FORMAT, parseFile } from './validation.ts';

/** A dated, sourced fact about the platform after the regulations were written (content/platform-facts.json). */
export const platformFactSchema = z.object({
  id: ID_FORMAT,
  /** «2025-08-19», «2025-07» when only the month is known, «2022–2025» for a period (VK-era help text). */
  date: z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?|–\d{4})$/, { error: 'дата ГГГГ-ММ, ГГГГ-ММ-ДД или период ГГГГ–ГГГГ' }),
  /** «VK» for what the platform's help said while it lived in VK Мессенджер. */
  era: z.literal('VK').optional(),
  text: z.string().min(10),
  sources: z.array(z.url({ protocol: /^https$/ })).min(1),
});

export type PlatformFact = z.infer<typeof platformFactSchema>;

/** Validates the facts and returns them in date order. */
export function parsePlatformFacts(data: unknown): PlatformFact[] {
  return parseFile(z.array(platformFactSchema), data, 'content/platform-facts.json').toSorted((a, b) => a.date.localeCompare(b.date));
}

/** «2025-08-19» → «19 августа 2025 г.»; «2025-07» → «июль 2025 г.» (only the month is known); «2022–2025» → «2022–2025 гг.». */
export function factDate(date: string): string {
  if (date.includes('–')) return `${date}\u00a0гг.`;
  const [year, month, day] = date.split('-').map(Number);
  const options: Intl.DateTimeFormatOptions = day ? { day: 'numeric', month: 'long', year: 'numeric' } : { month: 'long', year: 'numeric' };
  const text = new Intl.DateTimeFormat('ru-RU', { ...options, timeZone: 'UTC' }).format(Date.UTC(year, month - 1, day || 1));
  return text.replace(/ г\.$/, '\u00a0г.');
}

/** Whether a text names VK Мессенджер (the regulations' «учебный профиль VK-мессенджер», «VK мессенджер», «ВКонтакте»). */
export function mentionsVk(text: string): boolean {
  return /(?<![\p{L}\d])(?:VK|ВК)(?![\p{L}\d])|ВКонтакте/iu.test(text);
}

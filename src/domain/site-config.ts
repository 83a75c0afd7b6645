import { z } from 'zod';
import type { PlatformKey } from './checklist.ts';

import { INSTITUTION_TYPES } from './institution-types.ts';

// Kept in a module without zod, so islands that need the types do not ship the schema library.
export { INSTITUTION_TYPES, type InstitutionType } from './institution-types.ts';

/** Where the institution's chats live. «не задано» when the site owner has not said. */
export const PLATFORMS = ['MAX', 'VK Мессенджер', 'не задано'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** The configured platform as the checklist names it; undefined when the settings leave it open. */
export const PLATFORM_KEYS: Record<Platform, PlatformKey | undefined> = { MAX: 'MAX', 'VK Мессенджер': 'VK', 'не задано': undefined };

const required = (setting: string) =>
  z.string({ error: `заполните настройку «${setting}» в content/site.json` }).trim().min(1, {
    error: `заполните настройку «${setting}» в content/site.json`,
  });

/** The institution-specific settings every page reads (content/site.json). */
export const siteConfigSchema = z.object({
  /** Public address of the site, including the sub-folder if it is deployed to one. */
  siteUrl: z
    .url({ error: 'укажите в content/site.json настройку «siteUrl»: полный адрес сайта, например https://school.ru/sferum/' })
    .refine((url) => /^https?:\/\//.test(url), { error: 'адрес «siteUrl» должен начинаться с https:// или http://' }),
  institution: z.object({
    name: required('institution.name'),
    short: required('institution.short'),
    /** null when the site serves several kinds of institution. */
    type: z.enum(INSTITUTION_TYPES).nullable(),
    region: z.string().trim().optional(),
  }),
  platform: z.enum(PLATFORMS),
  admin: z.object({
    name: required('admin.name'),
    position: z.string().trim().optional(),
    email: z.email({ error: 'настройка «admin.email» должна быть адресом электронной почты' }).optional(),
    phone: z
      .string()
      .regex(/^\+?[\d\s()-]{10,20}$/, { error: 'настройка «admin.phone» должна быть номером телефона, например +7 900 000-00-00' })
      .optional(),
    hours: z.string().trim().optional(),
  }),
  /** The institution's own deadlines for joining the platform, shown on the «педагогический час» slides. */
  deadlines: z
    .array(
      z.object({
        what: required('deadlines[].what'),
        date: z.iso.date({ error: 'дата в настройке «deadlines[].date» пишется как ГГГГ-ММ-ДД, например 2026-09-25' }),
      }),
    )
    .optional(),
});

export type SiteConfig = z.infer<typeof siteConfigSchema>;

/** Validates raw settings; throws one message that names every wrong setting. */
export function parseSiteConfig(raw: unknown): SiteConfig {
  const result = siteConfigSchema.safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  – ${issue.path.join('.') || '(весь файл)'}: ${issue.message}`);
  throw new Error(`Ошибка в настройках сайта content/site.json:\n${problems.join('\n')}`);
}

/** The path part of the site URL, always with leading and trailing slashes: the deploy sub-folder. */
export function basePathOf(siteUrl: string): string {
  const path = new URL(siteUrl).pathname;
  return path.endsWith('/') ? path : `${path}/`;
}

/** What a page shows instead of a setting the site owner has not filled: never «undefined». */
export function missingSetting(setting: string, what: string): string {
  return `укажите в content/site.json: «${setting}» — ${what}`;
}

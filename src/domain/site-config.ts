import { z } from 'zod';
import { emailField, parseFile, parseJson, phoneField, siteUrlField, textField } from './validation.ts';

import { INSTITUTION_TYPES } from './institution-types.ts';

// Kept in a module without zod, so islands that need the types do not ship the schema library.
export { INSTITUTION_TYPES, type InstitutionType } from './institution-types.ts';

/** Where the institution's chats live. «не задано» when the site owner has not said. */
export const PLATFORMS = ['MAX', 'VK Мессенджер', 'не задано'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** The institution-specific settings every page reads (content/site.json). */
export const siteConfigSchema = z.object({
  /** Public address of the site, including the sub-folder if it is deployed to one. */
  siteUrl: siteUrlField(),
  institution: z.object({
    name: textField({ max: 300 }),
    short: textField({ max: 60 }),
    /** null when the site serves several kinds of institution. */
    type: z.enum(INSTITUTION_TYPES).nullable(),
    region: textField().optional(),
  }),
  platform: z.enum(PLATFORMS),
  admin: z.object({
    name: textField({ max: 100 }),
    position: textField().optional(),
    email: emailField().optional(),
    phone: phoneField().optional(),
    hours: textField().optional(),
  }),
  /** The institution's own deadlines for joining the platform, shown on the «педагогический час» slides. */
  deadlines: z
    .array(
      z.object({
        what: textField(),
        date: z.iso.date({ error: 'дата пишется как ГГГГ-ММ-ДД, например 2026-09-25' }),
      }),
    )
    .optional(),
});

export type SiteConfig = z.infer<typeof siteConfigSchema>;

export const SITE_CONFIG_FILE = 'content/site.json';

/** Validates raw settings; throws one Russian message that names the file and every wrong setting. */
export function parseSiteConfig(raw: unknown): SiteConfig {
  return parseFile(siteConfigSchema, raw, SITE_CONFIG_FILE);
}

/** Settings from the text of content/site.json: a JSON syntax error names the file and the line. */
export function readSiteConfig(text: string): SiteConfig {
  return parseSiteConfig(parseJson(text, SITE_CONFIG_FILE));
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

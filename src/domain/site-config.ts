import { z } from 'zod';
import type { PlatformKey } from './checklist.ts';
import { emailField, parseFile, parseJson, phoneField, siteUrlField, textField } from './validation.ts';

import { INSTITUTION_TYPES } from './institution-types.ts';

// Kept in a module without zod, so islands that need the types do not ship the schema library.
export { INSTITUTION_TYPES, type InstitutionType } from './institution-types.ts';

/** Where the institution's chats live. «не задано» when the site owner has not said. */
export const PLATFORMS = ['MAX', 'VK Мессенджер', 'не задано'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** The configured platform as the checklist names it; undefined when the settings leave it open. */
export const PLATFORM_KEYS: Record<Platform, PlatformKey | undefined> = { MAX: 'MAX', 'VK Мессенджер': 'VK', 'не задано': undefined };

/** The settings file every message names. */
export const SETTINGS_FILE = 'content/site.json';

/** A regulation's slug: the file name in content/regulations/ without `.mdx`. */
const documentSlugSchema = z.string().regex(/^[a-z0-9-]+$/, { error: 'имя документа — как имя файла в content/regulations/ без .mdx, например kerch-shkola-12' });

/** The platform administrator people are sent to. */
export const adminSchema = z.object({
  name: textField({ max: 100 }),
  position: textField().optional(),
  email: emailField().optional(),
  phone: phoneField().optional(),
  hours: textField().optional(),
});

/** The institution's own deadlines for joining the platform, shown on the «педагогический час» slides. */
export const deadlinesSchema = z.array(
  z.object({
    what: textField(),
    date: z.iso.date({ error: 'дата пишется как ГГГГ-ММ-ДД, например 2026-09-25' }),
  }),
);

/** One institution the site serves: who it is, where its chats are, whom to ask, which acts are its own. */
export const institutionSchema = z.object({
  /** Stable id: the institution's section is `uchrezhdeniya/<id>/` when the site serves several. */
  id: z.string().regex(/^[a-z0-9-]+$/, { error: 'id учреждения — латинские буквы, цифры и дефис, например kerch-shkola-12' }),
  name: textField({ max: 300 }),
  short: textField({ max: 60 }),
  type: z.enum(INSTITUTION_TYPES, { error: 'тип учреждения: «ДОУ», «школа» или «СПО»' }),
  region: textField().optional(),
  platform: z.enum(PLATFORMS),
  admin: adminSchema,
  /** The institution's own acts (slugs in content/regulations/); empty when it has none on the site. */
  documents: z.array(documentSlugSchema).default([]),
  deadlines: deadlinesSchema.optional(),
});
export type Institution = z.infer<typeof institutionSchema>;

/** Every setting of the site (content/site.json). */
export const siteConfigSchema = z
  .object({
    /** Public address of the site, including the sub-folder if it is deployed to one. */
    siteUrl: siteUrlField(),
    /** Documents that apply to every institution: the Ministry's letter with its methodical recommendations. */
    common: z.array(documentSlugSchema).default([]),
    institutions: z.array(institutionSchema).min(1, { error: 'перечислите в «institutions» хотя бы одно учреждение' }),
  })
  .superRefine((config, ctx) => {
    const ids = new Map<string, number>();
    const owners = new Map<string, number>();
    config.institutions.forEach((institution, i) => {
      const twin = ids.get(institution.id);
      if (twin !== undefined) ctx.addIssue({ code: 'custom', path: ['institutions', i, 'id'], message: `id «${institution.id}» уже занят учреждением institutions.${twin}: у каждого учреждения свой id` });
      else ids.set(institution.id, i);
      institution.documents.forEach((slug, j) => {
        const owner = owners.get(slug);
        if (owner !== undefined && owner !== i)
          ctx.addIssue({ code: 'custom', path: ['institutions', i, 'documents', j], message: `документ «${slug}» уже указан как свой у учреждения institutions.${owner}: у документа один владелец` });
        else owners.set(slug, i);
        if (config.common.includes(slug))
          ctx.addIssue({ code: 'custom', path: ['institutions', i, 'documents', j], message: `документ «${slug}» указан и в «common» (общий для всех), и как свой документ учреждения` });
      });
    });
  });

export type SiteConfig = z.infer<typeof siteConfigSchema>;

/**
 * Validates raw settings; throws one Russian message that names the file and every wrong setting.
 * `documents` — the slugs of content/regulations/: a setting naming any other document is an error.
 */
export function parseSiteConfig(raw: unknown, documents?: readonly string[], file = SETTINGS_FILE): SiteConfig {
  const config = parseFile(siteConfigSchema, raw, file);
  if (documents) {
    const known = new Set(documents);
    const unknown = (slug: string, setting: string) => (known.has(slug) ? [] : [`  – ${setting}: нет документа «${slug}» в content/regulations/ (есть: ${[...known].sort().join(', ')})`]);
    const problems = [
      ...config.common.flatMap((slug, i) => unknown(slug, `common.${i}`)),
      ...config.institutions.flatMap((institution, i) => institution.documents.flatMap((slug, j) => unknown(slug, `institutions.${i}.documents.${j}`))),
    ];
    if (problems.length) throw new Error(`Ошибка в ${file}:\n${problems.join('\n')}`);
  }
  return config;
}

/** Settings from the text of a settings file: a JSON syntax error names the file and the line. */
export function readSiteConfig(text: string, documents?: readonly string[], file = SETTINGS_FILE): SiteConfig {
  return parseSiteConfig(parseJson(text, file), documents, file);
}

/** The path part of the site URL, always with leading and trailing slashes: the deploy sub-folder. */
export function basePathOf(siteUrl: string): string {
  const path = new URL(siteUrl).pathname;
  return path.endsWith('/') ? path : `${path}/`;
}

/** What a page shows instead of a setting the site owner has not filled: never «undefined». */
export function missingSetting(setting: string, what: string): string {
  return `укажите в ${SETTINGS_FILE}: «${setting}» — ${what}`;
}

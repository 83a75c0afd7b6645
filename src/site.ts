import facts from '../content/platform-facts.json';
import { loadSiteConfig } from './settings-file.ts';
import { BASE } from './base-path.ts';
import { factsChecked, parsePlatformFacts } from './domain/platform.ts';
import { sectionAt, sectionsOf, type Section } from './domain/sections.ts';
import type { Institution } from './domain/site-config.ts';
import parentsData from '../content/parents.json';
import { parentsPageSchema } from './domain/parents.ts';

/** The site's settings (content/site.json), validated once for every page. */
export const site = loadSiteConfig();

/** Every section of the site: one per institution, plus the shared root when there are several. */
export const sections = sectionsOf(site);

/** The section a page belongs to, from its URL. */
export function sectionOfPage(url: URL): Section {
  const path = url.pathname.startsWith(BASE) ? url.pathname.slice(BASE.length) : url.pathname;
  return sectionAt(site, path);
}

/** Dated, sourced facts about the platform after the regulations were written, in date order. */
export const platformFacts = parsePlatformFacts(facts);

/** When the facts in content/platform-facts.json were checked against their sources: the oldest check. */
export const FACTS_CHECKED = factsChecked(platformFacts);

/** The day of the build: facts whose period ended before it are history, not news. */
export const BUILD_DAY = new Date().toISOString().slice(0, 10);

/** An administrator's contact in one line, for texts that send the reader to them. */
export function adminContactLine({ admin }: Pick<Institution, 'admin'>): string {
  return [admin.name, admin.position, admin.phone && `тел. ${admin.phone.replaceAll(' ', '\u00a0')}`, admin.email, admin.hours].filter(Boolean).join(', ');
}

/** The parents' page: steps, chat rules and what stays private, each statement with its basis (content/parents.json). */
export const parentsPage = parentsPageSchema.parse(parentsData);

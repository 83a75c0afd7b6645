import settings from '../content/site.json';
import facts from '../content/platform-facts.json';
import { parseSiteConfig } from './domain/site-config.ts';
import { factsChecked, parsePlatformFacts } from './domain/platform.ts';
import parentsData from '../content/parents.json';
import { parentsPageSchema } from './domain/parents.ts';

/** The institution's settings (content/site.json), validated once for every page. */
export const site = parseSiteConfig(settings);

/** Dated, sourced facts about the platform after the regulations were written, in date order. */
export const platformFacts = parsePlatformFacts(facts);

/** When the facts in content/platform-facts.json were checked against their sources: the oldest check. */
export const FACTS_CHECKED = factsChecked(platformFacts);

/** The day of the build: facts whose period ended before it are history, not news. */
export const BUILD_DAY = new Date().toISOString().slice(0, 10);

/** The administrator's contact in one line, for texts that send the reader to them. */
export const adminContactLine = [
  site.admin.name,
  site.admin.position,
  site.admin.phone && `тел. ${site.admin.phone.replaceAll(' ', '\u00a0')}`,
  site.admin.email,
  site.admin.hours,
]
  .filter(Boolean)
  .join(', ');

/** The parents' page: steps, chat rules and what stays private, each statement with its basis (content/parents.json). */
export const parentsPage = parentsPageSchema.parse(parentsData);

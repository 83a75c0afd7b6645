/**
 * Where each institution's pages live. One institution: its pages sit at the site root. Several: each has its
 * own section `uchrezhdeniya/<id>/`, and the root holds what they share (documents, reference, the wizard) and a
 * chooser «Ваше учреждение» in place of the institution-specific pages.
 */
import type { Institution, SiteConfig } from './site-config.ts';

/** The folder that holds the institutions' sections when the site serves several. */
export const SECTIONS_FOLDER = 'uchrezhdeniya';

/** The institutions listed on the root's home page (site path): footers and contact notes link there. */
export const INSTITUTION_LIST_ID = 'vashe-uchrezhdenie';
export const INSTITUTION_LIST = `#${INSTITUTION_LIST_ID}`;

export interface Section {
  /** Site path prefix: `` (the root) or `uchrezhdeniya/<id>/`. */
  path: string;
  /** Null for the shared root of a site that serves several institutions. */
  institution: Institution | null;
}

/** Site path of an institution's section (`` when the site serves only it). */
export function sectionPath(config: SiteConfig, id: string): string {
  return config.institutions.length === 1 ? '' : `${SECTIONS_FOLDER}/${id}/`;
}

/** Every section of the site: the root first. */
export function sectionsOf(config: SiteConfig): Section[] {
  if (config.institutions.length === 1) return [{ path: '', institution: config.institutions[0] }];
  return [{ path: '', institution: null }, ...config.institutions.map((institution) => ({ path: sectionPath(config, institution.id), institution }))];
}

/** The section a site path (without the base) belongs to. */
export function sectionAt(config: SiteConfig, path: string): Section {
  const relative = path.replace(/^\/+/, '');
  return sectionsOf(config).find((section) => section.path && relative.startsWith(section.path)) ?? sectionsOf(config)[0];
}

export interface SectionRoute {
  params: { section: string | undefined };
  props: { section: Section };
}

/** Astro `getStaticPaths` entries of a page built once per section, the shared root included: the rest parameter `section` is the prefix. */
export function sectionRoutes(config: SiteConfig): SectionRoute[] {
  return sectionsOf(config).map((section) => ({ params: { section: section.path.replace(/\/$/, '') || undefined }, props: { section } }));
}

/** The same for a page that only an institution has (its poster, deck, handouts): the shared root gets a chooser instead. */
export function institutionRoutes(config: SiteConfig): (SectionRoute & { props: { section: InstitutionSection } })[] {
  return sectionRoutes(config).filter((route): route is SectionRoute & { props: { section: InstitutionSection } } => route.props.section.institution !== null);
}

/** The institution-only pages: at the shared root of a site serving several, each is a chooser «Ваше учреждение». */
export const INSTITUTION_PAGES = [
  { path: 'roditelyam/', title: 'Родителям: чат группы или класса в «Сферуме»' },
  { path: 'roditelyam/plakat/', title: 'Плакат для родителей' },
  { path: 'pamyatki/', title: 'Памятки по ролям для печати' },
  { path: 'pedchas/', title: 'Педагогический час: презентация' },
] as const;

/** Root chooser pages: none when the site serves one institution (its pages are at the root). */
export function chooserPages(config: SiteConfig): (typeof INSTITUTION_PAGES)[number][] {
  return config.institutions.length === 1 ? [] : [...INSTITUTION_PAGES];
}

/** Which platform the institution's chats are on, as a sentence; without an institution, whom to ask. */
export function platformSentence(institution: Institution | null): string {
  if (!institution || institution.platform === 'не задано') return 'Где сейчас чаты вашего учреждения, уточните у администратора платформы.';
  return `В учреждении «${institution.short}» сейчас используется: ${institution.platform}.`;
}

/** A section with an institution: every section but the shared root. */
export type InstitutionSection = Section & { institution: Institution };

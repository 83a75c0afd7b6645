/** The duty catalogue (content/duties.json), validated, with every clause reference resolved to a link. */
import raw from '../content/duties.json';
import { catalogueSchema, splitRef, type RoleInfo } from './domain/duties.ts';
import { dutyMappingSchema, withMappings } from './domain/duty-mapping.ts';
import type { DutyView, Fact, GroundedChecklist } from './domain/checklist.ts';
import { sitePath } from './base-path.ts';
import { PLATFORM_KEYS } from './domain/site-config.ts';
import { parseFile } from './domain/validation.ts';
import { TEMPLATES } from './domain/messages.ts';
import { groundCitations, groundingOf, type DocumentInfo, type Grounding } from './domain/grounding.ts';
import type { ClauseRef } from './domain/paths.ts';
import type { Section } from './domain/sections.ts';
import type { WizardProps } from './islands/Wizard.tsx';
import { clauseLookup, regulations } from './content.ts';
import { platformFacts, site, adminContactLine, BUILD_DAY } from './site.ts';
import { currentFacts } from './domain/platform.ts';
import { currentNotes, fullSituation, groundedChecklist } from './domain/checklist.ts';

/** Confirmed mappings of own acts (content/duty-mapping/*.json): their clauses join the duties' refs. */
const mappings = Object.entries(import.meta.glob('../content/duty-mapping/*.json', { eager: true, import: 'default' })).map(([path, mapping]) =>
  parseFile(dutyMappingSchema, mapping, path.replace(/^\.\.\//, '')),
);

export const catalogue = withMappings(parseFile(catalogueSchema, raw, 'content/duties.json'), mappings);
export const roles: RoleInfo[] = catalogue.roles;

/** The facts that still hold on the day of the build: a transition period that has ended is not shown as news. */
export const facts: Fact[] = currentFacts(platformFacts, BUILD_DAY).map(({ id, date, text, sources }) => ({ id, date, text, sources }));

let views: Promise<DutyView[]> | undefined;

/**
 * Duties with clause links («Порядок техникума, п. 21.4, подп. 3»), made once per build (read only); a reference to a
 * missing clause fails the build. The basis quotes stay out: pages and the wizard show the clause links, not the
 * checker's data.
 */
export function dutyViews(): Promise<DutyView[]> {
  views ??= clauseLookup().then((lookup) => catalogue.duties.map(({ id, roles, types, phase, text, refs, when, platform }) => ({
    id,
    roles,
    types,
    phase,
    text,
    when,
    platform: platform && currentNotes(platform, facts),
    refs: refs.map((ref) => {
      const clause = lookup(splitRef(ref), `content/duties.json («${id}»)`);
      return { href: sitePath(clause.to), doc: clause.doc, clause: clause.label, label: `${clause.document}, ${clause.label}` };
    }),
  })));
  return views;
}

let info: Promise<Record<string, DocumentInfo>> | undefined;

/** Every document's institution and kind, as citations name them; built once per build (read only). */
export function documentInfo(): Promise<Record<string, DocumentInfo>> {
  info ??= regulations().then((entries) => Object.fromEntries(entries.map((entry) => [entry.id, { institution: entry.data.institution.short, kind: entry.data.kind }])));
  return info;
}

/** A section's grounding: its institution's own acts and the common documents (none own on the shared root). */
export function groundingOfSection(section: Section): Grounding {
  return groundingOf(section.institution, site.common);
}

const roleChecklists = new Map<string, Promise<GroundedChecklist>>();

/**
 * A role's full checklist in a section, as its role page, its handout and the «Педагогический час» page show it:
 * every variant, grounded in the section's own act. In an institution, the variants of its type; a role its type does
 * not have keeps every variant, as models. Made once per build (read only).
 */
export function roleChecklist(role: RoleInfo, section: Section): Promise<GroundedChecklist> {
  const key = `${section.path}\n${role.id}`;
  let checklist = roleChecklists.get(key);
  if (!checklist) {
    const ownTypes = role.types.filter((type) => type === section.institution?.type);
    checklist = Promise.all([dutyViews(), documentInfo()]).then(([duties, documents]) =>
      groundedChecklist(duties, new Map(facts.map((fact) => [fact.id, fact])), fullSituation(role.id, ownTypes.length ? ownTypes : role.types), groundingOfSection(section), documents),
    );
    roleChecklists.set(key, checklist);
  }
  return checklist;
}

/**
 * How a section cites clauses: its own act first («по нашему положению, п. 2.6»), others each naming their
 * institution; `index` is the citation's place in `refs`. The citer throws (failing the build), naming `usedIn`,
 * on a clause that does not exist.
 */
export async function sectionCiter(section: Section): Promise<(refs: readonly ClauseRef[], usedIn: string) => { to: string; label: string; index: number }[]> {
  const lookup = await clauseLookup();
  const grounding = groundingOfSection(section);
  const documents = await documentInfo();
  return (refs, usedIn) =>
    groundCitations(
      refs.map((ref, index) => {
        const { doc, label, to } = lookup(ref, usedIn);
        return { doc, clause: label, to, index };
      }),
      grounding,
      documents,
    ).map(({ to, label, index }) => ({ to, label, index }));
}

/** Everything the wizard island needs: rendered into the page, and served as data for hydration. */
export async function wizardProps(): Promise<WizardProps> {
  const only = site.institutions.length === 1 ? site.institutions[0] : null;
  return {
    roles: roles.map(({ id, name, types, slug }) => ({ id, name, types, href: sitePath(`roles/${slug}/`) })),
    duties: await dutyViews(),
    facts,
    siteType: only?.type ?? null,
    institutions: site.institutions.map(({ id, short, type, platform, documents, admin }) => ({ id, short, type, platform: PLATFORM_KEYS[platform], documents, adminContact: adminContactLine({ admin }) })),
    common: site.common,
    documents: await documentInfo(),
    templates: [...TEMPLATES],
  };
}

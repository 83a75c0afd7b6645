/** The duty catalogue (content/duties.json), validated, with every clause reference resolved to a link. */
import raw from '../content/duties.json';
import { catalogueSchema, splitRef, type RoleInfo } from './domain/duties.ts';
import { dutyMappingSchema, withMappings } from './domain/duty-mapping.ts';
import type { DutyView, Fact } from './domain/checklist.ts';
import { withBase } from './domain/paths.ts';
import { PLATFORM_KEYS } from './domain/site-config.ts';
import { TEMPLATES } from './domain/messages.ts';
import type { WizardProps } from './islands/Wizard.tsx';
import { clauseLookup } from './content.ts';
import { platformFacts, site, adminContactLine } from './site.ts';

/** Confirmed mappings of own acts (content/duty-mapping/*.json): their clauses join the duties' refs. */
const mappings = Object.values(import.meta.glob('../content/duty-mapping/*.json', { eager: true, import: 'default' })).map((mapping) =>
  dutyMappingSchema.parse(mapping),
);

export const catalogue = withMappings(catalogueSchema.parse(raw), mappings);
export const roles: RoleInfo[] = catalogue.roles;

export const facts: Fact[] = platformFacts.map(({ id, date, text, sources }) => ({ id, date, text, sources }));

/** Duties with clause links («Порядок техникума, п. 21.4, подп. 3»); a reference to a missing clause fails the build. */
export async function dutyViews(): Promise<DutyView[]> {
  const base = import.meta.env.BASE_URL;
  const lookup = await clauseLookup();
  // The basis quotes stay out: pages and the wizard show the clause links, not the checker's data.
  return catalogue.duties.map(({ id, roles, types, phase, text, refs, when, platform }) => ({
    id,
    roles,
    types,
    phase,
    text,
    when,
    platform,
    refs: refs.map((ref) => {
      const clause = lookup(splitRef(ref), `content/duties.json («${id}»)`);
      return { href: withBase(base, clause.to), label: `${clause.document}, ${clause.label}` };
    }),
  }));
}

/** Everything the wizard island needs: rendered into the page, and served as data for hydration. */
export async function wizardProps(): Promise<WizardProps> {
  return {
    roles: roles.map(({ id, name, types, slug }) => ({ id, name, types, href: withBase(import.meta.env.BASE_URL, `roles/${slug}/`) })),
    duties: await dutyViews(),
    facts,
    siteType: site.institution.type,
    sitePlatform: PLATFORM_KEYS[site.platform],
    adminContact: adminContactLine,
    templates: [...TEMPLATES],
  };
}

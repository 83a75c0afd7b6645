import { catalogue, documentInfo, groundingOfSection, sectionCiter } from './catalogue.ts';
import { clauseLookup } from './content.ts';
import { platformFacts, site, BUILD_DAY } from './site.ts';
import type { InstitutionSection } from './domain/sections.ts';
import { buildDeck, deckRoles, type DeckRole, type QrLink, type Slide } from './domain/deck.ts';
import { currentFacts, factDate } from './domain/platform.ts';
import { publicUrl } from './domain/qr.ts';
import { dutiesFor, modelsLine, soleModelSource } from './domain/grounding.ts';
import { splitRef } from './domain/duties.ts';

/** Roles of «кто что делает» and the handouts, from the duty catalogue. */
export const roles: DeckRole[] = deckRoles(catalogue);

/** The teachers' wizard, which the closing slide's QR code opens. */
export const TEACHERS_PAGE = 'checklist/';

/** The teachers' wizard for an institution: asks nothing the settings answer. */
export function teachersPage({ institution }: InstitutionSection): string {
  return site.institutions.length > 1 ? `${TEACHERS_PAGE}?u=${institution.id}` : TEACHERS_PAGE;
}

/** The deck's QR links, absolute under the configured site address. */
export function deckLinks(section: InstitutionSection, siteUrl: URL, base: string): QrLink[] {
  return [
    { label: 'Родителям: как войти в чат', url: publicUrl(siteUrl, base, `${section.path}roditelyam/`) },
    { label: 'Педагогам: чек-лист за минуту', url: publicUrl(siteUrl, base, teachersPage(section)) },
  ];
}

/** Every slide, quoting the regulations verbatim. */
export async function deckSlides(section: InstitutionSection, siteUrl: URL, base: string): Promise<Slide[]> {
  const lookup = await clauseLookup();
  const cite = await sectionCiter(section);
  const documents = await documentInfo();
  const grounding = groundingOfSection(section);
  // As on the role pages: with an own act, the slides name what it states (other institutions' duties stay on the
  // role page, apart), and only what holds for the institution's type.
  const { listed } = dutiesFor(catalogue.duties.map((duty) => ({ duty, refs: duty.refs.map(splitRef) })), grounding);
  return buildDeck({
    institution: section.institution,
    // A task resting on one other institution's act alone names it, as the role page's citations do.
    roles: deckRoles({ roles: catalogue.roles, duties: listed.map(({ duty }) => duty) }, section.institution.type, (refs) => soleModelSource(refs, grounding, documents)),
    facts: currentFacts(platformFacts, BUILD_DAY),
    links: deckLinks(section, siteUrl, base),
    quote: ({ doc, anchor, items = [] }) => {
      const clause = lookup({ doc, anchor }, 'src/domain/deck.ts');
      // Cited as the institution's pages cite: its own act first, another institution's named as such.
      const [{ label }] = cite([{ doc, anchor }], 'src/domain/deck.ts');
      return { ...clause, label, items: items.map((item) => lookup({ doc, anchor: item }, 'src/domain/deck.ts').text) };
    },
    // Quotes are captioned; a role slide names an institution only beside a task its act alone states, the role pages cite every one.
    modelsLine: modelsLine(grounding, '; чьё каждое правило, сказано у цитат и в чек-листах ролей'),
    sectionPath: section.path,
    formatDate: factDate,
  });
}

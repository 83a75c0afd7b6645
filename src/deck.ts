import { catalogue, groundingOfSection, sectionCiter } from './catalogue.ts';
import { clauseLookup } from './content.ts';
import { platformFacts, site, BUILD_DAY } from './site.ts';
import type { InstitutionSection } from './domain/sections.ts';
import { buildDeck, deckRoles, type DeckRole, type QrLink, type Slide } from './domain/deck.ts';
import { currentFacts, factDate } from './domain/platform.ts';
import { publicUrl } from './domain/qr.ts';
import { modelsLine } from './domain/grounding.ts';

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
  return buildDeck({
    institution: section.institution,
    // Only what holds for this institution's type: a kindergarten's staff are not shown a college's rule as theirs.
    roles: deckRoles(catalogue, section.institution.type),
    facts: currentFacts(platformFacts, BUILD_DAY),
    links: deckLinks(section, siteUrl, base),
    quote: ({ doc, anchor, items = [] }) => {
      const clause = lookup({ doc, anchor }, 'src/domain/deck.ts');
      // Cited as the institution's pages cite: its own act first, another institution's named as such.
      const [{ label }] = cite([{ doc, anchor }], 'src/domain/deck.ts');
      return { ...clause, label, items: items.map((item) => lookup({ doc, anchor: item }, 'src/domain/deck.ts').text) };
    },
    modelsLine: modelsLine(groundingOfSection(section)),
    formatDate: factDate,
  });
}

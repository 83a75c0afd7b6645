import { audiences } from './audiences.ts';
import { clauseLookup } from './content.ts';
import { platformFacts, site } from './site.ts';
import { buildDeck, deckRoles, type DeckRole, type QrLink, type Slide } from './domain/deck.ts';
import { formatPartialDate } from './domain/format.ts';
import { publicUrl } from './domain/qr.ts';

/** Roles of «кто что делает» and the handouts. Switch to the duty catalogue here when it is merged. */
export const roles: DeckRole[] = deckRoles(audiences);

/** The teachers' step-by-step page the closing slide's QR code opens (the wizard, once it is merged). */
export const TEACHERS_PAGE = 'roles/teachers/';

/** The deck's QR links, absolute under the configured site address. */
export function deckLinks(siteUrl: URL, base: string): QrLink[] {
  return [
    { label: 'Родителям: как войти в чат', url: publicUrl(siteUrl, base, 'roditelyam/') },
    { label: 'Педагогам: обязанности по шагам', url: publicUrl(siteUrl, base, TEACHERS_PAGE) },
  ];
}

/** Every slide, quoting the regulations verbatim. */
export async function deckSlides(siteUrl: URL, base: string): Promise<Slide[]> {
  const lookup = await clauseLookup();
  return buildDeck({
    site,
    roles,
    facts: platformFacts,
    links: deckLinks(siteUrl, base),
    quote: ({ doc, anchor, items = [] }) => {
      const clause = lookup({ doc, anchor }, 'src/domain/deck.ts');
      return { ...clause, items: items.map((item) => lookup({ doc, anchor: item }, 'src/domain/deck.ts').text) };
    },
    formatDate: formatPartialDate,
  });
}

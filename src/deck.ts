import { catalogue } from './catalogue.ts';
import { clauseLookup } from './content.ts';
import { platformFacts, site, BUILD_DAY } from './site.ts';
import { buildDeck, deckRoles, type DeckRole, type QrLink, type Slide } from './domain/deck.ts';
import { currentFacts, factDate } from './domain/platform.ts';
import { publicUrl } from './domain/qr.ts';

/** Roles of «кто что делает» and the handouts, from the duty catalogue. */
export const roles: DeckRole[] = deckRoles(catalogue);

/** The teachers' wizard, which the closing slide's QR code opens. */
export const TEACHERS_PAGE = 'checklist/';

/** The deck's QR links, absolute under the configured site address. */
export function deckLinks(siteUrl: URL, base: string): QrLink[] {
  return [
    { label: 'Родителям: как войти в чат', url: publicUrl(siteUrl, base, 'roditelyam/') },
    { label: 'Педагогам: чек-лист за минуту', url: publicUrl(siteUrl, base, TEACHERS_PAGE) },
  ];
}

/** Every slide, quoting the regulations verbatim. */
export async function deckSlides(siteUrl: URL, base: string): Promise<Slide[]> {
  const lookup = await clauseLookup();
  return buildDeck({
    site,
    roles,
    facts: currentFacts(platformFacts, BUILD_DAY),
    links: deckLinks(siteUrl, base),
    quote: ({ doc, anchor, items = [] }) => {
      const clause = lookup({ doc, anchor }, 'src/domain/deck.ts');
      return { ...clause, items: items.map((item) => lookup({ doc, anchor: item }, 'src/domain/deck.ts').text) };
    },
    formatDate: factDate,
  });
}

/** Deck navigation, shipped to the browser: no imports, so nothing else comes with it. */

/** The slide a deep link asks for (`#slide-5`, 1-based), or the nearest one when the number is out of range. */
export function nearestSlide(hash: string, count: number): number {
  const requested = Number.parseInt(hash.replace(/^#?(?:slide-)?/, ''), 10);
  if (count < 1) return 1;
  return Math.min(Math.max(Number.isFinite(requested) ? requested : 1, 1), count);
}

/** The deck's BroadcastChannel protocol: the one message the deck and its presenter window exchange. */
const PROTOCOL = 'sferum-pedchas';
export interface SlideMessage {
  protocol: typeof PROTOCOL;
  slide: number;
}

export function slideMessage(slide: number): SlideMessage {
  return { protocol: PROTOCOL, slide };
}

/** The slide a channel message asks for, or undefined for anything that is not a well-formed message of this deck. */
export function requestedSlide(data: unknown, count: number): number | undefined {
  if (typeof data !== 'object' || data === null || Object.keys(data).length !== 2) return undefined;
  const { protocol, slide } = data as Record<string, unknown>;
  if (protocol !== PROTOCOL || typeof slide !== 'number' || !Number.isInteger(slide) || slide < 1 || slide > count) return undefined;
  return slide;
}

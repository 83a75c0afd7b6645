/** Deck navigation, shipped to the browser: no imports, so nothing else comes with it. */

/** The slide a deep link asks for (`#slide-5`, 1-based), or the nearest one when the number is out of range. */
export function nearestSlide(hash: string, count: number): number {
  const requested = Number.parseInt(hash.replace(/^#?(?:slide-)?/, ''), 10);
  if (count < 1) return 1;
  return Math.min(Math.max(Number.isFinite(requested) ? requested : 1, 1), count);
}

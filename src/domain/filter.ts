/** URL filters of the comparison (?role=…&type=…), read in the browser: kept apart so the page ships only this. */

/** A filter value read from a URL: a known value, or «все» with the unknown value kept for the note. */
export interface Filter {
  value?: string;
  unknown?: string;
}

/** Reads a filter: empty → all; a known value → it; anything else → all, remembering what was asked. */
export function readFilter(raw: string | null | undefined, known: readonly string[]): Filter {
  const value = raw?.trim();
  if (!value || value === 'vse') return {};
  return known.includes(value) ? { value } : { unknown: value.slice(0, 60) };
}

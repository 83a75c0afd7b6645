/** Joins the deploy base (`/` or `/sub/folder/`) and a site path (`docs/x/`, `#id`). */
export function withBase(base: string, path = ''): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  return `${root}${path.replace(/^\/+/, '')}`;
}

/** A clause of a regulation: document slug and anchor id. */
export interface ClauseRef {
  doc: string;
  anchor: string;
}

/** Site path of a regulation's page, with an optional clause anchor. */
export function documentPath(slug: string, anchor?: string): string {
  return `docs/${slug}/${anchor ? `#${anchor}` : ''}`;
}

/** Site paths of the reference pages («Справка»). */
export const REFERENCE_PATHS = {
  index: 'reference/',
  changes: 'reference/changes/',
  foreignMessengers: 'reference/foreign-messengers/',
  legalBasis: 'reference/legal-basis/',
  glossary: 'reference/glossary/',
  compare: 'reference/compare/',
} as const;

/** An act's entry on the legal-basis page. */
export function lawPath(id: string): string {
  return `${REFERENCE_PATHS.legalBasis}#${id}`;
}

/** A term's entry in the glossary. */
export function termPath(id: string): string {
  return `${REFERENCE_PATHS.glossary}#${id}`;
}

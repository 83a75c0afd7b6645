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

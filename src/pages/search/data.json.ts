import type { APIRoute } from 'astro';
import { regulations, anchorsOf } from '../../content.ts';
import { faq, roleClauses, synonyms } from '../../search-content.ts';
import { sectionKey, type SearchData } from '../../domain/search-data.ts';
import { documentPath } from '../../domain/paths.ts';

const FAQ_PATH = '/voprosy/';

/** Section labels, role sections and synonyms for the search page; fails the build on a dangling reference. */
export const GET: APIRoute = async () => {
  const labels: SearchData['labels'] = {};
  for (const entry of await regulations()) {
    labels[`/${documentPath(entry.id)}`] = Object.fromEntries(
      anchorsOf(entry).filter((anchor) => anchor.kind !== 'item').map((anchor) => [anchor.id, anchor.label]),
    );
  }
  labels[FAQ_PATH] = Object.fromEntries(faq.map((entry) => [entry.id, entry.question]));
  const roles: SearchData['roles'] = Object.fromEntries(roleClauses.roles.map((role) => [role.id, []]));
  for (const clause of roleClauses.clauses) {
    const url = `/${documentPath(clause.doc)}`;
    if (!labels[url]?.[clause.anchor]) throw new Error(`content/role-clauses.json: нет пункта ${clause.doc}#${clause.anchor}`);
    for (const role of clause.roles) roles[role].push(sectionKey(url, clause.anchor));
  }
  for (const entry of faq) for (const role of entry.roles) roles[role].push(sectionKey(FAQ_PATH, entry.id));
  const data: SearchData = { labels, roles, synonyms: synonyms.groups };
  return new Response(JSON.stringify(data), { headers: { 'content-type': 'application/json' } });
};

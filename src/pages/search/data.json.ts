import type { APIRoute } from 'astro';
import { regulations, anchorsOf } from '../../content.ts';
import { faq, synonyms } from '../../search-content.ts';
import { catalogue } from '../../catalogue.ts';
import { splitRef } from '../../domain/duties.ts';
import { enclosingSection, sectionKey, type SearchData } from '../../domain/search-data.ts';
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
  // The role filter follows the duty catalogue: a clause concerns the roles of the duties that cite it.
  const sections = Object.fromEntries(catalogue.roles.map((role) => [role.id, new Set<string>()]));
  for (const duty of catalogue.duties) {
    for (const ref of duty.refs) {
      const { doc, anchor } = splitRef(ref);
      const url = `/${documentPath(doc)}`;
      const section = enclosingSection(anchor, Object.keys(labels[url] ?? {}));
      if (!section) throw new Error(`content/duties.json («${duty.id}»): нет пункта ${ref}`);
      for (const role of duty.roles) sections[role].add(sectionKey(url, section));
    }
  }
  const roles: SearchData['roles'] = Object.fromEntries(Object.entries(sections).map(([role, keys]) => [role, [...keys]]));
  for (const entry of faq) for (const role of entry.roles) roles[role].push(sectionKey(FAQ_PATH, entry.id));
  const data: SearchData = { labels, roles, synonyms: synonyms.groups };
  return new Response(JSON.stringify(data), { headers: { 'content-type': 'application/json' } });
};

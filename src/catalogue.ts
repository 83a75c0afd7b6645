/** The duty catalogue (content/duties.json), validated, with every clause reference resolved to a link. */
import raw from '../content/duties.json';
import { catalogueSchema, splitRef, type RoleInfo } from './domain/duties.ts';
import type { DutyView, Fact } from './domain/checklist.ts';
import { documentPath, withBase } from './domain/paths.ts';
import { regulations, anchorsOf } from './content.ts';
import { platformFacts } from './site.ts';

export const catalogue = catalogueSchema.parse(raw);
export const roles: RoleInfo[] = catalogue.roles;

export const facts: Fact[] = platformFacts.map(({ id, date, text, sources }) => ({ id, date, text, sources }));

/** Duties with clause links («Порядок техникума, п. 21.4, подп. 3»); a reference to a missing clause fails the build. */
export async function dutyViews(): Promise<DutyView[]> {
  const base = import.meta.env.BASE_URL;
  const documents = new Map((await regulations()).map((entry) => [entry.id, { title: entry.data.shortTitle, anchors: new Map(anchorsOf(entry).map((a) => [a.id, a])) }]));
  return catalogue.duties.map(({ refs, ...duty }) => ({
    ...duty,
    refs: refs.map((ref) => {
      const { doc, anchor } = splitRef(ref);
      const found = documents.get(doc)?.anchors.get(anchor);
      if (!found) throw new Error(`content/duties.json («${duty.id}»): нет пункта ${ref}`);
      return { href: withBase(base, documentPath(doc, anchor)), label: `${documents.get(doc)!.title}, ${found.label}` };
    }),
  }));
}

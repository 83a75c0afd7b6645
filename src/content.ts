import { getCollection, type CollectionEntry } from 'astro:content';
import { documentAnchors, type Anchor } from './domain/anchors.ts';
import type { Law } from './domain/regulation.ts';

export type Regulation = CollectionEntry<'regulations'>;

/** All regulations in their published order. */
export async function regulations(): Promise<Regulation[]> {
  const entries = await getCollection('regulations');
  return entries.sort((a, b) => a.data.order - b.data.order);
}

/** A regulation's anchors; throws on an id collision, failing the build. */
export function anchorsOf(entry: Regulation): Anchor[] {
  return documentAnchors(entry.id, entry.body ?? '');
}

/** The cited acts of a regulation; throws on an id missing from content/laws.json. */
export async function lawsOf(entry: Regulation): Promise<Law[]> {
  const laws = new Map((await getCollection('laws')).map((law) => [law.id, law.data]));
  return entry.data.laws.map((id) => {
    const law = laws.get(id);
    if (!law) throw new Error(`content/regulations/${entry.id}.mdx: поле laws ссылается на «${id}», которого нет в content/laws.json`);
    return law;
  });
}

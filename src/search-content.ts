import type { APIRoute, GetStaticPaths } from 'astro';
import faqRaw from '../content/faq.json';
import synonymsRaw from '../content/search-synonyms.json';
import glossaryRaw from '../content/glossary.json';
import { glossarySchema } from './domain/glossary.ts';
import { z } from 'zod';
import { faqEntrySchema, synonymsSchema } from './domain/faq.ts';
import { parseFile } from './domain/validation.ts';
import { documentIndex, laws } from './content.ts';
import { catalogue } from './catalogue.ts';
import { splitRef } from './domain/duties.ts';
import { documentPath } from './domain/paths.ts';
import { INSTITUTION_TYPES } from './domain/site-config.ts';
import { TYPE_NAMES } from './domain/institution-types.ts';
import { buildSearchIndex, enclosingSection, type BuiltIndex, type DocumentInput, type SectionInput } from './domain/search-index.ts';

/** «Вопросы и ответы» (content/faq.json), validated. */
export const faq = parseFile(z.array(faqEntrySchema), faqRaw, 'content/faq.json');

/** Synonym groups and abbreviations for search (content/search-synonyms.json), validated. */
export const synonyms = parseFile(synonymsSchema, synonymsRaw, 'content/search-synonyms.json');

/** Name of the FAQ as a «document» in search results and filters. */
export const FAQ_TITLE = 'Вопросы и ответы';
const FAQ_PATH = '/voprosy/';

let built: Promise<BuiltIndex> | undefined;

/**
 * The search index of the site, built once per build: every clause and anchored paragraph of the documents
 * (with its list items) and every Q&A entry. Fails the build on a dangling reference.
 */
export function searchIndex(): Promise<BuiltIndex> {
  built ??= (async () => {
    const documents: DocumentInput[] = [];
    const sections: SectionInput[] = [];
    const sectionIds = new Map<string, string[]>();
    for (const [slug, { entry, anchors, texts }] of await documentIndex()) {
      const url = `/${documentPath(slug)}`;
      const { title, shortTitle, institution, appliesTo } = entry.data;
      documents.push({ url, title: shortTitle, types: appliesTo, about: [title, shortTitle, institution.name, institution.short, institution.region ?? '', ...appliesTo.map((type) => TYPE_NAMES[type])].join(' ') });
      const ids = [...anchors.values()].filter((anchor) => anchor.kind === 'clause' || anchor.kind === 'paragraph').map((anchor) => anchor.id);
      sectionIds.set(slug, ids);
      const parts = new Map(ids.map((id) => [id, [texts.get(id) ?? '']]));
      for (const anchor of anchors.values()) {
        if (anchor.kind !== 'item') continue;
        const section = enclosingSection(anchor.id, ids);
        if (section) parts.get(section)!.push(texts.get(anchor.id) ?? '');
      }
      for (const id of ids) {
        const text = parts.get(id)!.filter(Boolean).join(' ');
        if (text) sections.push({ url, anchor: id, label: anchors.get(id)!.label, text, roles: [] });
      }
    }
    const keyOf = (doc: string, anchor: string, usedIn: string) => {
      const section = enclosingSection(anchor, sectionIds.get(doc) ?? []);
      if (!section) throw new Error(`${usedIn}: нет пункта ${doc}#${anchor}`);
      return `/${documentPath(doc)}#${section}`;
    };
    // The role filter follows the duty catalogue: a clause concerns the roles of the duties that cite it.
    const byKey = new Map(sections.map((section) => [`${section.url}#${section.anchor}`, section]));
    for (const duty of catalogue.duties) {
      for (const ref of duty.refs) {
        const { doc, anchor } = splitRef(ref);
        const section = byKey.get(keyOf(doc, anchor, `content/duties.json («${duty.id}»)`));
        if (section) section.roles = [...new Set([...section.roles, ...duty.roles])];
      }
    }
    documents.push({ url: FAQ_PATH, title: FAQ_TITLE, types: [...INSTITUTION_TYPES], about: FAQ_TITLE });
    for (const entry of faq) {
      sections.push({
        url: FAQ_PATH,
        anchor: entry.id,
        label: entry.question,
        text: entry.answer.join(' '),
        title: entry.question,
        hidden: entry.also.join('; '),
        roles: entry.roles,
        refs: entry.refs.map((ref) => keyOf(ref.doc, ref.anchor, `content/faq.json («${entry.id}»)`)),
      });
    }
    const terms = parseFile(glossarySchema, glossaryRaw, 'content/glossary.json').map(({ id, term, definitions }) => ({
      term,
      definitions: definitions.map(({ doc, anchor }) => keyOf(doc, anchor, `content/glossary.json («${id}»)`)),
    }));
    return buildSearchIndex({ documents, sections, synonyms: synonyms.groups, abbreviations: synonyms.abbreviations, laws: laws(), terms });
  })();
  return built;
}

/** The static route of one part of the index (`search/terms/N.json` or `search/text/N.json`). */
export function indexPartRoute(part: 'shards' | 'chunks'): { getStaticPaths: GetStaticPaths; GET: APIRoute } {
  return {
    getStaticPaths: async () => (await searchIndex())[part].map((_, n) => ({ params: { n: String(n) } })),
    GET: async ({ params }) => {
      const file = (await searchIndex())[part][Number(params.n)];
      if (!file) return new Response(null, { status: 404 });
      return new Response(JSON.stringify(file), { headers: { 'content-type': 'application/json' } });
    },
  };
}

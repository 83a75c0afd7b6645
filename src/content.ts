import { AstroJSX, Fragment, jsx, jsxs } from 'astro/jsx-runtime';
import { Renderer } from 'astro/runtime/server/index.js';
import { evaluate, type EvaluateOptions } from 'satteri';
import { z } from 'zod';
import { readFileSync } from 'node:fs';
import { documentAnchors, anchorTexts, type Anchor } from './domain/anchors.ts';
import { documentPath, type ClauseRef } from './domain/paths.ts';
import { regulationBody, lawSchema, type Law } from './domain/regulation.ts';
import { parseFile } from './domain/validation.ts';
import { readRegulations, type Regulation } from './regulation-files.ts';
import type { InstitutionType } from './domain/site-config.ts';
import lawsFile from '../content/laws.json';

export type { Regulation };

let ordered: Regulation[] | undefined;

/**
 * All regulations in their published order (a new array each call; the entries are shared), read from their files
 * once per build (in `npm run dev`, once per edit: see sferum-regulations-reload in astro.config.mjs). Only the
 * frontmatter is kept: a text is read where it is needed (bodyOf) and compiled where its page is rendered
 * (regulationText), not made a module of the build (about 1.5 MB of memory a document in Astro's content
 * collections). An imported document with fields still to fill is a build warning.
 */
export async function regulations(): Promise<Regulation[]> {
  if (!ordered) {
    ordered = readRegulations('content/regulations');
    for (const entry of ordered) {
      if (entry.data.unfilled.length) console.warn(`${entry.filePath}: не заполнено (на страницах — «не указано»): ${entry.data.unfilled.join(', ')}`);
    }
  }
  return [...ordered];
}

/** The regulations written for `type` (all when absent), in the site's order. */
export async function regulationsFor(type?: InstitutionType): Promise<Regulation[]> {
  return (await regulations()).filter((entry) => !type || entry.data.appliesTo.includes(type));
}

/** A regulation's text: its MDX, without the frontmatter, read from its file. */
export function bodyOf(entry: Regulation): string {
  return regulationBody(readFileSync(entry.filePath, 'utf8'));
}

let allLaws: Law[] | undefined;

/** The acts the regulations cite (content/laws.json), checked against their schema. */
export function laws(): Law[] {
  allLaws ??= parseFile(z.array(lawSchema), lawsFile, 'content/laws.json');
  return allLaws;
}

/** What a regulation's text is rendered with: its components (Clause, Items…), by name. */
export type TextComponents = Record<string, unknown>;

/**
 * A regulation's text (`body`, its MDX) as a component, compiled when its page is rendered, as @astrojs/mdx compiles
 * it (same compiler, same options: astro.config.mjs keeps the source's punctuation), rather than as a module of the
 * build (see regulations()).
 */
export function regulationText(body: string): (props: { components: TextComponents }) => unknown {
  const runtime = { Fragment, jsx, jsxs } as Pick<EvaluateOptions, 'Fragment' | 'jsx' | 'jsxs'>;
  const { default: compiled } = evaluate(body, { ...runtime, elementAttributeNameCase: 'html', features: { gfm: true, smartPunctuation: false } }) as {
    default: (props: { components: TextComponents }) => unknown;
  };
  const Content = ({ components }: { components: TextComponents }) => compiled({ components: { Fragment, ...components } });
  // Rendered by Astro's JSX renderer, as @astrojs/mdx tags its modules (no other renderer is tried on it).
  Object.defineProperty(Content, Renderer, { value: AstroJSX });
  return Content;
}

/** A regulation's anchors (`body`: its text, when already read); throws on an id collision, failing the build. */
export function anchorsOf(entry: Regulation, body = bodyOf(entry)): Anchor[] {
  return documentAnchors(entry.id, body);
}

/** The cited acts of a regulation; throws on an id missing from content/laws.json. */
export function lawsOf(entry: Regulation): Law[] {
  const byId = new Map(laws().map((law) => [law.id, law]));
  return entry.data.laws.map((id) => {
    const law = byId.get(id);
    if (!law) throw new Error(`content/regulations/${entry.id}.mdx: поле laws ссылается на «${id}», которого нет в content/laws.json`);
    return law;
  });
}

export interface IndexedDocument {
  entry: Regulation;
  anchors: Map<string, Anchor>;
  /** Anchor id → the anchor's own text, in document order. */
  texts: Map<string, string>;
}

let index: Promise<Map<string, IndexedDocument>> | undefined;

/** Every regulation with its anchors and their texts, indexed once per build. */
export function documentIndex(): Promise<Map<string, IndexedDocument>> {
  index ??= regulations().then(
    (entries) =>
      new Map(
        entries.map((entry) => {
          const body = bodyOf(entry);
          return [entry.id, { entry, anchors: new Map(anchorsOf(entry, body).map((anchor) => [anchor.id, anchor])), texts: anchorTexts(body) }];
        }),
      ),
  );
  return index;
}

/** A clause cited elsewhere on the site: where it is, how to call it, what it says. */
export interface Citation extends ClauseRef {
  /** Site path of the clause. */
  to: string;
  /** Short title of the document. */
  document: string;
  /** «п. 3.1, подп. 4». */
  label: string;
  /** The opening words, for lists. */
  excerpt?: string;
  /** The anchor's own text, whole and verbatim. */
  text: string;
}

/** Looks clauses up across all regulations; the lookup throws (failing the build), naming `usedIn`, on a clause that does not exist. */
export async function clauseLookup(): Promise<(ref: ClauseRef, usedIn: string) => Citation> {
  const documents = await documentIndex();
  return ({ doc, anchor }, usedIn) => {
    const document = documents.get(doc);
    const found = document?.anchors.get(anchor);
    if (!document || !found) throw new Error(`${usedIn}: нет пункта ${doc}#${anchor}`);
    return { doc, anchor, to: documentPath(doc, anchor), document: document.entry.data.shortTitle, label: found.label, excerpt: found.excerpt, text: document.texts.get(anchor) ?? '' };
  };
}

/** The site's sources as the claim checker reads them: clause texts from the MDX, facts, institutions' names. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { anchorTexts } from '../../src/domain/anchors.ts';
import { similar, type ClaimSources } from '../../src/domain/claims.ts';
import type { DocumentInfo } from '../../src/domain/grounding.ts';
import { regulationFiles, ROOT } from './project.ts';

const files = regulationFiles();
const texts = new Map(files.map((file) => [file.slug, anchorTexts(file.body)]));

/** A clause's text with its nested sub-clauses, in document order (`p-3-1` includes `p-3-1-4`). */
export function clauseText(ref: string): string | undefined {
  const [doc, anchor] = ref.split('#');
  const anchors = texts.get(doc);
  if (!anchors?.has(anchor)) return undefined;
  return [...anchors].filter(([id]) => id === anchor || id.startsWith(`${anchor}-`)).map(([, text]) => text).join(' ');
}

interface InstitutionFrontmatter {
  shortTitle?: string;
  kind?: string;
  institution?: { short?: string; type?: string };
}

/** Each document as the site's citations name it (src/catalogue.ts, documentInfo): its institution and kind. */
export const documents: Record<string, DocumentInfo> = Object.fromEntries(
  files.map((file) => {
    const { kind = '', institution } = file.frontmatter as InstitutionFrontmatter;
    return [file.slug, { institution: institution?.short ?? file.slug, kind }];
  }),
);

/** The document's short title, as clause links show it: «Порядок техникума». */
export function documentTitle(doc: string): string {
  const file = files.find((entry) => entry.slug === doc);
  return (file?.frontmatter as InstitutionFrontmatter | undefined)?.shortTitle ?? doc;
}

/** Words that name an institution: its short name and its number («№ 27»); none for the Ministry's letter. */
function institutionNames(doc: string): string[] | undefined {
  const file = files.find((entry) => entry.slug === doc);
  const institution = (file?.frontmatter as InstitutionFrontmatter | undefined)?.institution;
  if (!institution?.short || institution.type === 'министерство') return undefined;
  const number = /№\s*\d+/.exec(institution.short)?.[0];
  return [institution.short, ...(number ? [number] : [])];
}

const facts: { id: string; text: string; quote?: string }[] = JSON.parse(readFileSync(join(ROOT, 'content/platform-facts.json'), 'utf8'));

export const repositorySources: ClaimSources = {
  clauseText,
  factText: (id) => {
    const fact = facts.find((entry) => entry.id === id);
    return fact && [fact.text, fact.quote].filter(Boolean).join(' ');
  },
  institutionNames,
  saidElsewhere: (doc, quote) => [...texts].some(([other, anchors]) => other !== doc && [...anchors.values()].some((text) => similar(quote, text))),
};

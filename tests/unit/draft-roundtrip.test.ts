/** A draft downloaded as .docx and brought back with `npm run import` gives back the same clauses. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Packer } from 'docx';
import { anchorTexts, documentAnchors } from '../../src/domain/anchors.ts';
import { catalogueSchema } from '../../src/domain/duties.ts';
import { buildDraftSource, type ModelDocument } from '../../src/domain/draft-source.ts';
import { assembleDraft, defaultOptions, draftText, rolesFor } from '../../src/domain/draft.ts';
import { draftDocument } from '../../src/islands/draft-docx.ts';
import { importRegulation } from '../../src/import/index.ts';
import { INSTITUTION_TYPES } from '../../src/domain/institution-types.ts';
import { regulationFiles, ROOT } from '../support/project.ts';

const read = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
const documents = new Map<string, ModelDocument>(
  regulationFiles().map((file) => [
    file.slug,
    { title: String(file.frontmatter.title), shortTitle: String(file.frontmatter.shortTitle), anchors: documentAnchors(file.slug, file.body), texts: anchorTexts(file.body) },
  ]),
);
const source = buildDraftSource(read('content/draft-models.json'), documents, catalogueSchema.parse(read('content/duties.json')).roles);

describe.each(INSTITUTION_TYPES)('a %s draft through .docx and back', (type) => {
  it('imports with every clause under its number and its text', async () => {
    const base = defaultOptions(source, { type, platform: 'MAX', name: 'МБОУ «Школа № 5»', short: 'Школа № 5' });
    const draft = assembleDraft(source, { ...base, roles: rolesFor(source, type) });
    const bytes = new Uint8Array(await Packer.toBuffer(draftDocument(draft)));
    const imported = await importRegulation({ fileName: 'proekt.docx', bytes }, { slug: 'proekt' });
    const body = imported.mdx.replace(/^---\n[\s\S]*?\n---\n/, '');
    const anchors = documentAnchors('proekt', body);
    const texts = anchorTexts(body);
    for (const clause of draft.sections.flatMap((section) => section.clauses)) {
      const anchor = anchors.find((a) => a.kind === 'clause' && a.number === clause.number);
      expect(anchor, `${type}: пункт ${clause.number}`).toBeDefined();
      expect(texts.get(anchor!.id), `${type}: пункт ${clause.number}`).toBe(draftText(clause.paragraphs[0].pieces).replace(/\s+/g, ' ').trim());
      const nested = anchors.filter((a) => a.id.startsWith(`${anchor!.id}-`)).map((a) => texts.get(a.id));
      const expected = clause.paragraphs.slice(1).map((paragraph) => draftText(paragraph.pieces).replace(/\s+/g, ' ').trim());
      expect(nested.slice(0, expected.length), `${type}: подпункты ${clause.number}`).toEqual(expected);
      // The importer reads the appendix after the last clause as that clause's paragraphs: nothing else may follow a clause.
      if (nested.length > expected.length) expect(nested[expected.length]).toBe('Приложение. Источник каждого пункта');
    }
  });
});

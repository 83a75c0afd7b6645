/**
 * .docx import: the five sources written as Word documents with real automatic numbering (the `docx`
 * package), and Word's numbering definitions (lvlText, start, numFmt, restarts) turned into visible numbers.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, LevelFormat, Packer, Paragraph, TextRun, type ILevelsOptions } from 'docx';
import { anchorTexts } from '../../src/domain/anchors.ts';
import { importRegulation } from '../../src/import/index.ts';
import { readNumbering, paragraphLabels, formatCounter } from '../../src/import/docx.ts';
import { SOURCES_DIR } from '../support/project.ts';
import { SEED_SOURCES, expectSameAsCurated, importAll } from '../support/imported.ts';
import { asDocx, level } from '../support/docx-source.ts';

describe('import of the five sources as .docx with Word numbering', () => {
  it.each(SEED_SOURCES)('%s → %j: same ids and same text as the curated documents', async (source, slugs) => {
    const { bytes, automatic } = await asDocx(readFileSync(join(SOURCES_DIR, source), 'utf8'));
    expect(automatic).toBeGreaterThan(10);
    const results = await importAll(source.replace(/\.txt$/, '.docx'), bytes);
    expect(results[0].report.format).toBe('docx');
    expect(results[0].report.notes.join(' ')).toMatch(/номера из автоматической нумерации Word: \d+/);
    results.forEach((result, i) => expectSameAsCurated(result, slugs[i]));
  });
});

describe('Word numbering definitions', () => {
  const doc = (paragraphs: Paragraph[], config: { reference: string; levels: ILevelsOptions[] }[]) =>
    Packer.toBuffer(new Document({ numbering: { config }, sections: [{ children: paragraphs }] })).then((b) => new Uint8Array(b));
  const numbered = (text: string, reference: string, level: number, instance?: number) =>
    new Paragraph({ children: [new TextRun(text)], numbering: { reference, level, ...(instance !== undefined && { instance }) } });

  it('writes «%1.%2.», «%1.%2.%3)», Russian letters and start values out as the numbers Word shows, restarting deeper levels', async () => {
    const bytes = await doc(
      [
        numbered('Общие положения', 'n', 0),
        numbered('Порядок применяется в школе.', 'n', 1),
        numbered('Участники обязаны:', 'n', 1),
        numbered('соблюдать правила;', 'n', 2),
        numbered('беречь пароль.', 'n', 2),
        numbered('Права', 'n', 0),
        numbered('Участники имеют право:', 'n', 1),
        numbered('на доступ;', 'letters', 0),
        numbered('на поддержку.', 'letters', 0),
        numbered('Участники также могут:', 'n', 1),
        numbered('задавать вопросы.', 'letters', 0, 1),
      ],
      [
        { reference: 'n', levels: [level(0, '%1.', LevelFormat.DECIMAL, 3), level(1, '%1.%2.'), level(2, '%1.%2.%3)')] },
        { reference: 'letters', levels: [level(0, '%1)', LevelFormat.RUSSIAN_LOWER)] },
      ],
    );
    const result = await importRegulation({ fileName: 'polozhenie.docx', bytes });
    const texts = anchorTexts(result.mdx.replace(/^---\n[\s\S]*?\n---\n/, ''));
    expect([...texts.keys()]).toEqual(['p-3', 'p-3-1', 'p-3-2', 'p-3-2-1', 'p-3-2-2', 'p-4', 'p-4-1', 'p-4-1-1', 'p-4-1-2', 'p-4-2', 'p-4-2-1']);
    expect(texts.get('p-4-1-2')).toBe('б) на поддержку.');
    expect(texts.get('p-4-2-1')).toBe('а) задавать вопросы.'); // a new instance of the list starts again
    expect(result.mdx).toContain('<Clause id="p-3-2" n="3.2.">');
  });

  it('computes labels from numbering.xml: lvlText, start overrides, lvlRestart, formats', () => {
    const numbering = readNumbering(`
      <w:abstractNum w:abstractNumId="1">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Раздел %1."/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlRestart w:val="0"/><w:lvlText w:val="%2."/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="7"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>`);
    const p = (ilvl: number) => `<w:p><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="7"/></w:numPr></w:pPr></w:p>`;
    const labels = paragraphLabels(`<w:body>${p(0)}${p(1)}${p(1)}<w:p><w:r><w:t>текст</w:t></w:r></w:p>${p(0)}${p(1)}${p(2)}</w:body>`, numbering);
    expect(labels).toEqual(['Раздел 5.', 'I.', 'II.', undefined, 'Раздел 6.', 'III.', '  -']);
    expect(['decimal', 'russianLower', 'russianUpper', 'lowerLetter', 'upperRoman', 'lowerRoman'].map((f) => formatCounter(4, f))).toEqual(['4', 'г', 'Г', 'd', 'IV', 'iv']);
  });
});

/**
 * Verbatim both ways: every line of every source text is on the built page, and every block of the page's
 * regulation text, minus what is marked editorial, is a span of the source, in the source's order.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { regulationFiles, readPage, SOURCES_DIR } from '../support/project.ts';
import { collapse, mainText, normalizeSourceLine, readingBlocks } from '../support/text.ts';

const files = regulationFiles();
const sources = [...new Set(files.map((file) => String(file.frontmatter.source)))];

/** 002's staff acknowledgment sheet: private names, deliberately not published. */
function withoutAcknowledgmentSheet(lines: string[]): { kept: string[]; left: string[] } {
  const start = lines.indexOf('С приказом ознакомлены:');
  if (start < 0) return { kept: lines, left: [] };
  const end = lines.findIndex((line, i) => i > start && line.startsWith('**'));
  return { kept: [...lines.slice(0, start), ...lines.slice(end)], left: lines.slice(start, end) };
}

describe('regulation text is verbatim', () => {
  it.each(sources)('%s: every line is on the page', (source) => {
    const raw = readFileSync(join(SOURCES_DIR, source), 'utf8').split('\n').filter((line) => line.trim());
    const { kept, left } = withoutAcknowledgmentSheet(raw);
    if (source.startsWith('002')) expect(left.filter((line) => line.includes('\t')).length).toBe(24); // table header + 23 names
    const pages = files.filter((file) => file.frontmatter.source === source);
    const text = pages.map((file) => mainText(readPage(`docs/${file.slug}/index.html`))).join(' ');
    const missing = kept.map(normalizeSourceLine).filter((line) => line && !text.includes(line));
    expect(missing, `${missing.length} строк не найдено`).toEqual([]);
    for (const name of left.slice(2)) expect(text).not.toContain(name.split('\t')[0]);
  });

  it.each(files.map((file) => [file.slug, file] as const))('%s: the page adds no word to the source, and keeps its order', (slug, file) => {
    const source = collapse(readFileSync(join(SOURCES_DIR, String(file.frontmatter.source)), 'utf8').split('\n').map(normalizeSourceLine).join(' '));
    const blocks = readingBlocks(readPage(`docs/${slug}/index.html`), '.regulation-text');
    expect(blocks.length).toBeGreaterThan(10);
    let cursor = 0;
    const foreign: string[] = [];
    for (const block of blocks) {
      const at = source.indexOf(block, cursor);
      if (at < 0) foreign.push(source.includes(block) ? `не на своём месте: «${block}»` : `нет в источнике: «${block}»`);
      else cursor = at + block.length;
    }
    expect(foreign).toEqual([]);
  });

  it('keeps the source defects as they are', () => {
    const page = (slug: string) => mainText(readPage(`docs/${slug}/index.html`));
    expect(page('orenburg-dou-111')).toContain('Discjrd');
    expect(page('orenburg-dou-111')).toContain('37.07.2023');
    expect(page('kerch-shkola-12')).toContain('организывает');
    expect(page('tekhnikum')).toContain('педагогов Колледжа');
    expect(page('arsenev-dou-27')).toContain('видеoinформацией');
  });
});

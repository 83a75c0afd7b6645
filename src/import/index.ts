/**
 * Import of a regulation: a .docx, .txt, .md or text PDF → an MDX content document with a permanent id on
 * every numbered clause, item and paragraph, plus a report of what a person must check.
 */
import { createHash } from 'node:crypto';
import { anchorTexts } from '../domain/anchors.ts';
import { frontmatterYaml, statedFrontmatter, type ImportedFrontmatter } from './frontmatter.ts';
import { mixedWords, renderBody } from './render.ts';
import { anchoredNodes, parseDocument, type AnchoredNode } from './structure.ts';
import { readSource, type SourceText } from './sources.ts';

export { ImportRefused } from './sources.ts';

export interface ImportInput {
  fileName: string;
  bytes: Uint8Array;
}

export interface ImportOptions {
  slug?: string;
  /** The current MDX of the document, when re-importing a corrected source: unchanged clauses keep their ids. */
  existing?: string;
  /** Position in the list of documents. */
  order?: number;
  /** File name the source gets in content/sources/ (the frontmatter `source`). */
  sourceName?: string;
}

export interface ImportReport {
  format: SourceText['format'];
  sections: number;
  clauses: number;
  items: number;
  paragraphs: number;
  ids: string[];
  /** Words mixing Latin and Cyrillic letters, marked with <Sic>. */
  suspicious: { word: string; fix: string }[];
  unplaced: { line: number; text: string }[];
  /** Words joined across a line break at a hyphen. */
  hyphenations: string[];
  unfilled: string[];
  /** Lines of an acknowledgment sheet left out. */
  leftOut: number;
  /** A second document attached after the acknowledgment sheet, from this source line on. */
  attachedFromLine?: number;
  /** Ids of the existing document kept by matching text, ids new, ids that disappear. */
  kept: string[];
  added: string[];
  removed: string[];
  /** Ids whose text the corrected source changes. */
  changed: string[];
  notes: string[];
}

export interface ImportResult {
  slug: string;
  mdx: string;
  /** Plain text the document was built from (for .docx and PDF: the text extracted, numbers written out). */
  text: string;
  frontmatter: ImportedFrontmatter;
  report: ImportReport;
  /** Text of a second document attached after an acknowledgment sheet: import it on its own. */
  attached?: string;
}

function ownText(text: string): string {
  return text.replaceAll('**', '').replace(/\s+/g, ' ').trim();
}

/** Gives unchanged clauses of the existing document their old ids; returns ids kept by text, new and removed. */
function keepIds(nodes: AnchoredNode[], existing: string): Pick<ImportReport, 'kept' | 'added' | 'removed' | 'changed'> {
  const before = anchorTexts(existing.replace(/^---\n[\s\S]*?\n---\n/, ''));
  const claimed = new Set<string>();
  const unmatched: AnchoredNode[] = [];
  for (const node of nodes) {
    if (before.get(node.id) === ownText(node.text)) claimed.add(node.id);
    else unmatched.push(node);
  }
  const kept: string[] = [];
  const rest: AnchoredNode[] = [];
  for (const node of unmatched) {
    const old = [...before].find(([id, text]) => !claimed.has(id) && text === ownText(node.text) && text);
    if (old) {
      node.id = old[0];
      claimed.add(old[0]);
      kept.push(old[0]);
    } else rest.push(node);
  }
  const added: string[] = [];
  const changed: string[] = [];
  for (const node of rest) {
    if (before.has(node.id) && !claimed.has(node.id)) {
      claimed.add(node.id); // the same clause, its text corrected
      changed.push(node.id);
      continue;
    }
    if (claimed.has(node.id)) {
      // The structural id went to a clause that moved here unchanged: the next free number beside it.
      const prefix = node.id.replace(/-\d+$/, '');
      const taken = [...claimed, ...before.keys()].filter((id) => id.startsWith(`${prefix}-`)).map((id) => Number(/^(\d+)/.exec(id.slice(prefix.length + 1))?.[1] ?? 0));
      node.id = `${prefix}-${Math.max(0, ...taken) + 1}`;
    }
    claimed.add(node.id);
    added.push(node.id);
  }
  const removed = [...before.keys()].filter((id) => !claimed.has(id));
  return { kept, added, removed, changed };
}

/** Slug from a file name: Latin letters, digits and hyphens. */
export function slugFromFileName(fileName: string): string {
  const map: Record<string, string> = {
    а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o',
    п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  };
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '').toLowerCase();
  return [...base].map((ch) => map[ch] ?? ch).join('').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'dokument';
}

/** Imports one source file. Throws ImportRefused with a Russian message for inputs it cannot take. */
export async function importRegulation(input: ImportInput, options: ImportOptions = {}): Promise<ImportResult> {
  const source = await readSource(input.fileName, input.bytes);
  return importText(source, input.fileName, options);
}

/** Imports text already read from a source (also used for the document attached to another). */
export function importText(source: SourceText, fileName: string, options: ImportOptions = {}): ImportResult {
  const slug = options.slug ?? slugFromFileName(fileName);
  const firstPass = parseDocument(source.text);
  const sourceName = options.sourceName ?? `000_${createHash('sha256').update(source.text).digest('hex').slice(0, 16)}.txt`;
  const head = statedFrontmatter(firstPass.nodes, source.text, sourceName, options.order ?? 100);
  const parsed = head.kind === 'приказ' ? parseDocument(source.text, 'приказ') : firstPass;
  const frontmatter = statedFrontmatter(parsed.nodes, source.text, sourceName, options.order ?? 100);
  const anchors = anchoredNodes(parsed.nodes);
  const stability = options.existing ? keepIds(anchors, options.existing) : { kept: [], added: [], removed: [], changed: [] };
  const body = renderBody(parsed.nodes);
  const suspicious = [...new Map(anchors.flatMap((node) => mixedWords(node.text)).map(({ word, fix }) => [word, { word, fix }])).values()];
  const count = (tag: string) => anchors.filter((node) => node.tag === tag).length;
  const report: ImportReport = {
    format: source.format,
    sections: count('Section'),
    clauses: count('Clause'),
    items: count('Item'),
    paragraphs: count('Para'),
    ids: anchors.map((node) => node.id),
    suspicious,
    unplaced: parsed.unplaced,
    hyphenations: parsed.hyphenations.map((h) => h.joined),
    unfilled: frontmatter.unfilled,
    leftOut: parsed.leftOut,
    attachedFromLine: parsed.attached?.line,
    ...stability,
    notes: [...source.notes, ...parsed.renamed.map((id) => `номер пункта ${id} встречается дважды: второму дан id с суффиксом`)],
  };
  return { slug, mdx: `${frontmatterYaml(frontmatter)}\n${body}`, text: source.text, frontmatter, report, attached: parsed.attached?.text };
}

/** The report as printed by `npm run import`. */
export function formatReport(result: ImportResult): string {
  const r = result.report;
  const lines = [
    `Документ ${result.slug} (${r.format}): разделов ${r.sections}, пунктов ${r.clauses}, подпунктов ${r.items}, абзацев с id ${r.paragraphs}.`,
    `id: ${r.ids.length ? `${r.ids.slice(0, 12).join(', ')}${r.ids.length > 12 ? ` … ещё ${r.ids.length - 12}` : ''}` : 'нет — проверьте нумерацию пунктов'}`,
  ];
  if (r.suspicious.length) lines.push(`Подозрительные символы (латиница в русских словах, помечены <Sic>): ${r.suspicious.map((s) => `«${s.word}» → «${s.fix}»`).join(', ')}`);
  if (r.hyphenations.length) lines.push(`Склеены переносы: ${r.hyphenations.join(', ')} — проверьте, нужен ли дефис.`);
  if (r.unplaced.length) lines.push(`Не удалось отнести к пункту (оставлены как текст): ${r.unplaced.map((u) => `стр. ${u.line} «${u.text.slice(0, 40)}»`).join('; ')}`);
  if (r.leftOut) lines.push(`Лист ознакомления (${r.leftOut} строк с фамилиями) не опубликован; в документе — редакционное примечание.`);
  if (r.attachedFromLine) lines.push(`С строки ${r.attachedFromLine} идёт другой документ (приложение): сохраните его отдельным файлом и импортируйте отдельно.`);
  if (r.kept.length) lines.push(`Сохранены прежние id пунктов с тем же текстом: ${r.kept.join(', ')}`);
  if (r.added.length) lines.push(`Новые id: ${r.added.join(', ')}`);
  if (r.changed.length) lines.push(`Изменился текст пунктов: ${r.changed.join(', ')} — опишите изменения в tests/unit/clause-redactions.json.`);
  if (r.removed.length) lines.push(`Пропадут опубликованные id (ссылки на них перестанут работать): ${r.removed.join(', ')}`);
  for (const note of r.notes) lines.push(`Замечание: ${note}.`);
  lines.push(r.unfilled.length ? `Заполните во frontmatter: ${r.unfilled.join(', ')} (сейчас «не указано»).` : 'Frontmatter заполнен по тексту документа.');
  return lines.join('\n');
}

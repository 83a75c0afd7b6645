/**
 * Text of a .docx: paragraphs via mammoth, and Word's automatic list numbers computed from the file's own
 * numbering definitions (word/numbering.xml: lvlText «%1.%2.», start, numFmt, restarts, overrides), since
 * mammoth turns numbered paragraphs into bare lists.
 */
import { inflateRawSync } from 'node:zlib';
import mammoth from 'mammoth';
import { parseHTML } from 'linkedom';

/** Reads one file out of a zip archive (stored or deflated). */
export function zipEntry(zip: Uint8Array, name: string): string | undefined {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  if (end < 0) throw new Error('не zip-архив');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    if (decoder.decode(zip.subarray(at + 46, at + 46 + nameLength)) === name) {
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      const data = zip.subarray(start, start + size);
      return decoder.decode(method === 8 ? inflateRawSync(data) : data);
    }
    at += 46 + nameLength + extra + comment;
  }
  return undefined;
}

interface Level {
  start: number;
  format: string;
  text: string;
  /** Restart after this level (1-based) is used; 0 never restarts. */
  restart?: number;
}

const attr = (xml: string, tag: string): string | undefined => new RegExp(`<w:${tag}\\b[^>]*w:val="([^"]*)"`).exec(xml)?.[1];

function readLevels(xml: string): Map<number, Level> {
  const levels = new Map<number, Level>();
  for (const [, ilvl, body] of xml.matchAll(/<w:lvl\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
    const restart = attr(body, 'lvlRestart');
    levels.set(Number(ilvl), {
      start: Number(attr(body, 'start') ?? 1),
      format: attr(body, 'numFmt') ?? 'decimal',
      text: attr(body, 'lvlText') ?? '',
      restart: restart === undefined ? undefined : Number(restart),
    });
  }
  return levels;
}

/** numId → its levels (the abstract definition with the instance's overrides). */
export function readNumbering(xml: string): Map<string, Map<number, Level>> {
  const abstracts = new Map<string, Map<number, Level>>();
  for (const [, id, body] of xml.matchAll(/<w:abstractNum\b[^>]*w:abstractNumId="(\d+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) {
    abstracts.set(id, readLevels(body));
  }
  const nums = new Map<string, Map<number, Level>>();
  for (const [, id, body] of xml.matchAll(/<w:num\b[^>]*w:numId="(\d+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const levels = new Map(abstracts.get(attr(body, 'abstractNumId') ?? '') ?? []);
    for (const [, ilvl, override] of body.matchAll(/<w:lvlOverride\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvlOverride>/g)) {
      const level = levels.get(Number(ilvl));
      const start = attr(override, 'startOverride');
      const own = readLevels(override).get(Number(ilvl));
      if (own) levels.set(Number(ilvl), own);
      else if (level && start) levels.set(Number(ilvl), { ...level, start: Number(start) });
    }
    nums.set(id, levels);
  }
  return nums;
}

const RUSSIAN = 'абвгдежзиклмнопрстуфхцчшщэюя';

function roman(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [value, numeral] of table) while (n >= value) (out += numeral), (n -= value);
  return out;
}

/** A counter in the level's format: decimal, Russian or Latin letters, Roman numerals. */
export function formatCounter(n: number, format: string): string {
  switch (format) {
    case 'russianLower': return RUSSIAN[(n - 1) % RUSSIAN.length];
    case 'russianUpper': return RUSSIAN[(n - 1) % RUSSIAN.length].toUpperCase();
    case 'lowerLetter': return String.fromCharCode(96 + (((n - 1) % 26) + 1));
    case 'upperLetter': return String.fromCharCode(64 + (((n - 1) % 26) + 1));
    case 'lowerRoman': return roman(n).toLowerCase();
    case 'upperRoman': return roman(n);
    case 'decimalZero': return String(n).padStart(2, '0');
    default: return String(n);
  }
}

/** Computes the visible label of each numbered paragraph of word/document.xml, in order (undefined: none). */
export function paragraphLabels(documentXml: string, numbering: Map<string, Map<number, Level>>): (string | undefined)[] {
  const counters = new Map<string, number[]>();
  const labels: (string | undefined)[] = [];
  for (const [paragraph] of documentXml.matchAll(/<w:p(?:\s[^>]*)?\/>|<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>/g)) {
    const numId = attr(paragraph, 'numId');
    const ilvl = Number(attr(paragraph, 'ilvl') ?? 0);
    const levels = numId ? numbering.get(numId) : undefined;
    const level = levels?.get(ilvl);
    if (!numId || numId === '0' || !levels || !level) {
      labels.push(undefined);
      continue;
    }
    const count = counters.get(numId) ?? [];
    for (let l = 0; l < ilvl; l++) count[l] ??= (levels.get(l)?.start ?? 1) - 1;
    count[ilvl] = (count[ilvl] ?? level.start - 1) + 1;
    // Deeper levels restart, unless their lvlRestart says they restart only after a higher level.
    for (let l = ilvl + 1; l < 9; l++) {
      const deeper = levels.get(l);
      if (!deeper || deeper.restart === 0 || (deeper.restart !== undefined && deeper.restart <= ilvl)) continue;
      count[l] = undefined as unknown as number;
    }
    counters.set(numId, count);
    if (level.format === 'bullet') {
      labels.push(`${' '.repeat(ilvl)}-`);
      continue;
    }
    labels.push(level.text.replace(/%(\d)/g, (_, k: string) => formatCounter(count[Number(k) - 1] ?? levels.get(Number(k) - 1)?.start ?? 1, levels.get(Number(k) - 1)?.format ?? 'decimal')));
  }
  return labels;
}

interface MammothParagraph {
  type: string;
  numbering?: unknown;
  children: { type: string; value?: string; children?: unknown[] }[];
}

/** The .docx as text: one paragraph per block, line breaks kept, bold as `**`, list numbers written out. */
export async function docxText(bytes: Uint8Array): Promise<{ text: string; numbered: number; warnings: string[] }> {
  const documentXml = zipEntry(bytes, 'word/document.xml');
  if (!documentXml) throw new Error('в файле нет word/document.xml');
  const numberingXml = zipEntry(bytes, 'word/numbering.xml');
  const labels = numberingXml ? paragraphLabels(documentXml, readNumbering(numberingXml)) : [];
  const warnings: string[] = [];
  let paragraphIndex = 0;
  let numbered = 0;
  const transformParagraph = (paragraph: MammothParagraph): MammothParagraph => {
    const label = labels[paragraphIndex++];
    if (!label) return { ...paragraph, numbering: null };
    numbered++;
    return { ...paragraph, numbering: null, children: [{ type: 'run', children: [{ type: 'text', value: `${label} ` }] }, ...paragraph.children] };
  };
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // mammoth's own types leave out `transforms`, which its documentation describes.
  const { transforms } = mammoth as unknown as { transforms: { paragraph: (transform: (paragraph: MammothParagraph) => MammothParagraph) => unknown } };
  const result = await mammoth.convertToHtml(
    { buffer },
    { transformDocument: transforms.paragraph(transformParagraph) as never, ignoreEmptyParagraphs: false },
  );
  if (labels.length && paragraphIndex !== labels.length) {
    warnings.push(`нумерация Word сопоставлена не со всеми абзацами (${paragraphIndex} из ${labels.length}): проверьте номера пунктов`);
  }
  const { document } = parseHTML(`<html><body>${result.value}</body></html>`);
  const paragraphs: string[] = [];
  for (const element of document.querySelectorAll('p, h1, h2, h3, h4, h5, h6, li, td, th')) {
    if (element.querySelector('p, li')) continue;
    const read = (node: Node): string => {
      if (node.nodeType === 3) return node.textContent ?? '';
      if (node.nodeType !== 1) return '';
      const tag = (node as Element).tagName;
      if (tag === 'BR') return '\n';
      const inner = [...node.childNodes].map(read).join('');
      return (tag === 'STRONG' || tag === 'B') && inner.trim() ? `**${inner}**` : inner;
    };
    paragraphs.push([...element.childNodes].map(read).join('').replace(/\*\*(\s*)\*\*/g, '$1'));
  }
  return { text: paragraphs.join('\n\n'), numbered, warnings };
}

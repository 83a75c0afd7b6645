/**
 * Frontmatter of an imported regulation: what the text states (title, kind, approval, agreements), the rest
 * set to «не указано» and listed in `unfilled` for a person to fill in.
 */
import type { DocumentNode } from './structure.ts';

export const UNFILLED = 'не указано';

export interface Act {
  by: string;
  document?: string;
  date?: string;
  number?: string;
}

export interface ImportedFrontmatter {
  title: string;
  shortTitle: string;
  kind: string;
  order: number;
  institution: { name: string; short: string; type: string };
  appliesTo: string[];
  approval?: Act;
  agreements: Act[];
  source: string;
  /** Frontmatter fields still to be filled in by a person. */
  unfilled: string[];
}

const KINDS: Record<string, string> = { положение: 'положение', порядок: 'порядок', приказ: 'приказ', письмо: 'письмо' };
const MONTHS = ['январ', 'феврал', 'март', 'апрел', 'ма', 'июн', 'июл', 'август', 'сентябр', 'октябр', 'ноябр', 'декабр'];

function clean(text: string): string {
  return text.replaceAll('**', '').replace(/\s+/g, ' ').trim();
}

/** «17.10.2024», «от «17» октября 2024г.», «13 июля 2022 г.» → ISO date. */
export function statedDate(text: string): string | undefined {
  const numeric = /(\d{1,2})\.(\d{1,2})\.(\d{4})/.exec(text);
  if (numeric) return `${numeric[3]}-${numeric[2].padStart(2, '0')}-${numeric[1].padStart(2, '0')}`;
  const worded = /«?(\d{1,2})»?\s+([а-я]+)\s+(\d{4})/.exec(text);
  if (!worded) return undefined;
  const month = MONTHS.findIndex((stem) => worded[2].startsWith(stem) && (stem !== 'ма' || /^ма[яй]/.test(worded[2])));
  return month < 0 ? undefined : `${worded[3]}-${String(month + 1).padStart(2, '0')}-${worded[1].padStart(2, '0')}`;
}

/** «№ 236-а», «№26», «N 04-423»: the last one, since an institution's name may hold a number too («детский сад № 27»). */
export function statedNumber(text: string): string | undefined {
  return [...text.matchAll(/(?:№|N)\s*(\d[\dA-Za-zА-Яа-яЁё/-]*)/g)].at(-1)?.[1].replace(/-$/, '');
}

function act(lines: string[]): Act {
  const text = clean(lines.join(' '));
  const body = lines.slice(1).map(clean).filter(Boolean);
  const by = clean((body.join(' ').split(/\s(?:от|протокол|№)\s/)[0] ?? '').replace(/[,;]$/, '')) || UNFILLED;
  const document = /протокол/i.test(text) ? 'протокол' : /приказ/i.test(text) ? 'приказ' : /решени/i.test(text) ? 'решение' : undefined;
  return { by, ...(document && { document }), ...(statedDate(text) && { date: statedDate(text) }), ...(statedNumber(text) && { number: statedNumber(text) }) };
}

/** Institution type from the words of the text. */
function institutionType(text: string): string | undefined {
  if (/детск(?:ий|ого) сад|дошкольн/i.test(text)) return 'ДОУ';
  if (/техникум|колледж|профессиональн(?:ое|ая) образовательн/i.test(text)) return 'СПО';
  if (/школ|общеобразовательн|гимнази|лице/i.test(text)) return 'школа';
  return undefined;
}

/** Reads what the document states about itself from its unanchored opening blocks and stamps. */
export function statedFrontmatter(nodes: readonly DocumentNode[], fullText: string, source: string, order: number): ImportedFrontmatter {
  const unfilled: string[] = [];
  const head: { type: string; lines: string[] }[] = [];
  for (const node of nodes) {
    if (node.type === 'anchor' && node.tag !== 'Para') break;
    if (node.type === 'raw' || node.type === 'stamp') head.push(node);
  }
  const headLines = head.flatMap((node) => node.lines.map(clean)).filter(Boolean);

  let kind: string | undefined;
  let title: string | undefined;
  for (const [n, node] of head.entries()) {
    const lines = node.lines.map(clean);
    const at = lines.findIndex((line) => (/^[«"]?([А-ЯЁа-яё]+)/.exec(line)?.[1].toLowerCase() ?? '') in KINDS);
    if (at < 0) continue;
    const match = /^[«"]?([А-ЯЁа-яё]+)[»"]?(.*)$/.exec(lines[at])!;
    const word = match[1].toLowerCase();
    kind = KINDS[word];
    const rest = match[2].replace(/[\s_\\№]+$/, '').trim();
    const sameBlock = lines.slice(at + 1).filter(Boolean);
    const following = sameBlock.length ? sameBlock.join(' ') : head[n + 1]?.lines.map(clean).join(' ');
    if (kind === 'приказ' || kind === 'письмо') title = headLines.slice(headLines.indexOf(lines[at]) + 1).find((line) => /^[«"]/.test(line))?.replace(/^[«"]|[»"]$/g, '');
    else if (rest.length > 10) title = `${match[1][0].toUpperCase()}${match[1].slice(1).toLowerCase()}${match[2]}`;
    else if (following) title = `${word[0].toUpperCase()}${word.slice(1)} ${following}`;
    break;
  }
  title = title?.replace(/\.$/, '').trim();
  if (!kind) unfilled.push('kind');
  if (!title || title.length < 10) {
    title = UNFILLED;
    unfilled.push('title');
  }

  const stamps = head.filter((node) => node.type === 'stamp').map((node) => node.lines);
  const approvalStamp = stamps.find((lines) => /УТВЕРЖД|^Приказом/i.test(clean(lines[0])));
  const orderLine = kind === 'приказ' ? headLines.find((line) => /^от\s.*№/.test(line)) : undefined;
  const approval = approvalStamp ? act(approvalStamp) : orderLine ? { ...act(['', orderLine]), by: UNFILLED, document: 'приказ' } : undefined;
  if (!approval) unfilled.push('approval');
  else if (approval.by === UNFILLED) unfilled.push('approval.by');
  // One «СОГЛАСОВАНО» stamp may list several protocols, one paragraph each.
  const agreements = stamps
    .filter((lines) => /СОГЛАСОВАН/i.test(clean(lines[0])))
    .flatMap((lines) => lines.slice(1).join('\n').split(/\n\s*\n/).map((paragraph) => paragraph.split('\n')))
    .filter((lines) => lines.some((line) => statedDate(line) || statedNumber(line)))
    .map((lines) => act(['', ...lines]));

  const type = institutionType(fullText);
  unfilled.push('institution.name', 'institution.short', 'shortTitle');
  if (!type) unfilled.push('institution.type');
  return {
    title,
    shortTitle: UNFILLED,
    kind: kind ?? 'положение',
    order,
    institution: { name: UNFILLED, short: UNFILLED, type: type ?? 'школа' },
    appliesTo: [type ?? 'школа'],
    ...(approval && { approval }),
    agreements,
    source,
    unfilled,
  };
}

function yamlString(value: string): string {
  return JSON.stringify(value);
}

function actYaml(value: Act, indent: string): string {
  return [
    `by: ${yamlString(value.by)}`,
    value.document && `document: ${yamlString(value.document)}`,
    value.date && `date: ${value.date}`,
    value.number && `number: ${yamlString(value.number)}`,
  ]
    .filter(Boolean)
    .map((line, i) => (i ? `${indent}${line}` : line))
    .join('\n');
}

/** The YAML frontmatter block, with a comment that names what is left to fill in. */
export function frontmatterYaml(data: ImportedFrontmatter): string {
  const lines = [
    '---',
    `# Импортировано из content/sources/${data.source}. Поля со значением «${UNFILLED}» заполните (список — в unfilled), затем уберите их из unfilled.`,
    `title: ${yamlString(data.title)}`,
    `shortTitle: ${yamlString(data.shortTitle)}`,
    `kind: ${data.kind}`,
    `order: ${data.order}`,
    'institution:',
    `  name: ${yamlString(data.institution.name)}`,
    `  short: ${yamlString(data.institution.short)}`,
    `  type: ${data.institution.type}`,
    `appliesTo: [${data.appliesTo.join(', ')}]`,
  ];
  if (data.approval) lines.push(`approval:\n  ${actYaml(data.approval, '  ')}`);
  if (data.agreements.length) lines.push(`agreements:\n${data.agreements.map((a) => `  - ${actYaml(a, '    ')}`).join('\n')}`);
  lines.push(`source: ${data.source}`);
  lines.push(`unfilled: [${data.unfilled.join(', ')}]`);
  lines.push('---');
  return `${lines.join('\n')}\n`;
}

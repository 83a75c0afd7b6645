/** The importer: the five sources reproduce the curated documents; messy shapes; refused inputs; the command. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load as loadYaml } from 'js-yaml';
import { anchorTexts, documentAnchors } from '../../src/domain/anchors.ts';
import { regulationSchema } from '../../src/domain/regulation.ts';
import { formatReport, importRegulation, ImportRefused, type ImportResult } from '../../src/import/index.ts';
import { regulationFiles, ROOT, SOURCES_DIR } from '../support/project.ts';
import { SEED_SOURCES, body, expectCompiles, expectSameAsCurated, importAll } from '../support/imported.ts';

const curated = new Map(regulationFiles().map((file) => [file.slug, file]));
const encode = (text: string) => new TextEncoder().encode(text);

describe('import of the five sources as .txt', () => {
  it.each(SEED_SOURCES)('%s → %j: same ids and same text as the curated documents', async (source, slugs) => {
    const results = await importAll(source, readFileSync(join(SOURCES_DIR, source)));
    expect(results.map((r) => r.report.ids.length)).toEqual(slugs.map((slug) => documentAnchors(slug, curated.get(slug)!.body).length));
    results.forEach((result, i) => expectSameAsCurated(result, slugs[i]));
  });

  it('leaves out the acknowledgment sheet of order 141-од with a note, and names the attached letter in the report', async () => {
    const [order, letter] = await importAll('002.txt', readFileSync(join(SOURCES_DIR, '002_0c6b8841986b4b4b.txt')));
    expect(order.report.leftOut).toBe(25); // the heading, the table header and 23 names
    expect(order.mdx).not.toMatch(/Адигамова|Сапиева/);
    expect(order.mdx).toMatch(/<Note>Лист ознакомления/);
    expect(order.report.attachedFromLine).toBeGreaterThan(0);
    expect(formatReport(order)).toMatch(/другой документ .*импортируйте отдельно/);
    expect(letter.attached).toBeUndefined();
  });

  it('fills the frontmatter with what the text states and marks the rest for a person', async () => {
    const [arsenev] = await importAll('000.txt', readFileSync(join(SOURCES_DIR, '000_b35ab8a95db90d95.txt')));
    const data = regulationSchema.parse(loadYaml(/^---\n([\s\S]*?)\n---/.exec(arsenev.mdx)![1]));
    expect(data.kind).toBe('порядок');
    expect(data.title).toMatch(/^Порядок применения сервисов взаимодействия педагогов/);
    expect(data.approval).toMatchObject({ date: new Date('2024-10-17'), number: '236-а' });
    expect(data.agreements.map((a) => [a.document, a.number])).toEqual([['протокол', '4'], ['протокол', '2']]);
    expect(data.institution.type).toBe('ДОУ');
    expect(data.institution.name).toBe('не указано');
    expect(data.unfilled).toEqual(expect.arrayContaining(['institution.name', 'institution.short', 'shortTitle']));
    const [order] = await importAll('002.txt', readFileSync(join(SOURCES_DIR, '002_0c6b8841986b4b4b.txt')));
    expect(order.frontmatter).toMatchObject({ kind: 'приказ', approval: { date: '2024-09-13', number: '141-од', by: 'не указано' } });
    expect(order.frontmatter.unfilled).toContain('approval.by');
  });
});

async function importText(text: string, fileName = 'doc.txt') {
  return importRegulation({ fileName, bytes: encode(text) });
}

describe('messy shapes', () => {
  it('joins hard-wrapped lines and hyphenation across lines, keeping every character of the source', async () => {
    const { mdx, report } = await importText('1. Общие положения\n\n1.1. Настоящее положение устанавливает\nправила применения видео-\nконференц-связи и информа-\nционных систем.\n');
    const texts = anchorTexts(body(mdx));
    expect(texts.get('p-1-1')).toBe('Настоящее положение устанавливает правила применения видео-конференц-связи и информа-ционных систем.');
    expect(report.hyphenations).toEqual(['видео-конференц-связи', 'информа-ционных']);
    expect(formatReport({ ...(await importText('x')), report } as ImportResult)).toMatch(/Склеены переносы: видео-конференц-связи, информа-ционных/);
  });

  it('reads numbers written as «1.», «1.1.», «1.1», «3.1.4)», items «а)», «1)», «–», «-», «•», and «Раздел I»', async () => {
    const text = [
      'Раздел I. Общие положения',
      '1. Права участников',
      '1.1 Участники имеют право:',
      'а) на доступ к платформе;',
      'б) на обращение в поддержку.',
      '1.2. Участники обязаны:',
      '– соблюдать правила;',
      '- не передавать пароль;',
      '• сообщать о взломе.',
      '1.2.1) сообщать администратору;',
      '2. Заключительные положения',
      '1) вступает в силу со дня утверждения.',
    ].join('\n');
    const { mdx, report } = await importText(text);
    const anchors = documentAnchors('x', body(mdx));
    expect(anchors.map((a) => a.id)).toEqual(['razdel-1', 'p-1', 'p-1-1', 'p-1-1-1', 'p-1-1-2', 'p-1-2', 'p-1-2-1', 'p-1-2-2', 'p-1-2-3', 'p-1-2-1-2', 'p-2', 'p-2-1']);
    expect(anchors.find((a) => a.id === 'p-1-1-1')!.label).toBe('п.\u00a01.1, подп.\u00a01');
    // Dashes are list markers; letters, numbers and bullets stay in the text, as the source shows them.
    const texts = anchorTexts(body(mdx));
    expect(texts.get('p-1-1-1')).toBe('а) на доступ к платформе;');
    expect(texts.get('p-1-2-1')).toBe('соблюдать правила;');
    expect(texts.get('p-1-2-3')).toBe('• сообщать о взломе.');
    expect(report.unplaced).toEqual([]);
  });

  it('keeps approval blocks at the top as stamps and reads the approval from them', async () => {
    const text = '«СОГЛАСОВАНО»\nПротокол педагогического совета\n№ 3 от 28.08.2025\n\nУТВЕРЖДЕНО\nПриказом директора\nот «29» августа 2025 г. № 120-о\n\nИ.И. Иванова\n\nПОЛОЖЕНИЕ\nо работе в «Сферуме»\n\n1. Общие положения\n\n1.1. Текст положения.\n';
    const result = await importText(text);
    expect(body(result.mdx).match(/<Stamp>/g)).toHaveLength(2);
    expect(body(result.mdx)).toMatch(/<Stamp>\nУТВЕРЖДЕНО\nПриказом директора\nот «29» августа 2025 г. № 120-о\n\nИ.И. Иванова\n<\/Stamp>/);
    expect(result.frontmatter).toMatchObject({ kind: 'положение', title: 'Положение о работе в «Сферуме»', approval: { date: '2025-08-29', number: '120-о' } });
    expect(result.frontmatter.agreements).toEqual([{ by: 'Протокол педагогического совета', document: 'протокол', date: '2025-08-28', number: '3' }]);
  });

  it('keeps Latin look-alikes inside Russian words verbatim, marked with Sic and a note', async () => {
    const { mdx, report } = await importText('1. Педагог пишет в чaт группы.\n');
    expect(body(mdx)).toContain('<Sic fix="чат">чaт</Sic>');
    expect(body(mdx)).toMatch(/<Note>В источнике в слове «чат» буква «a» набрана латиницей/);
    expect(report.suspicious).toEqual([{ word: 'чaт', fix: 'чат' }]);
    expect(anchorTexts(body(mdx)).get('p-1')).toBe('Педагог пишет в чaт группы.');
    const title = await importText('ПОРЯДОК\nработы в чaтах\n\n1. Текст.\n');
    expect(body(title.mdx).trimStart()).toMatch(/^ПОРЯДОК\nработы в <Sic fix="чатах">чaтах<\/Sic>\n\n<Note>В источнике в слове «чатах»/);
    expectCompiles(title.mdx);
  });

  it('leaves out an acknowledgment sheet with personal names, with an editorial note', async () => {
    const text = '1. Назначить администратора.\n\nЗаведующий\nП.П. Петрова\n\nЛист ознакомления\nФИО\tДата\tПодпись\nИванова Анна Петровна\t\t\nСидоров Пётр Ильич\t\t\n';
    const { mdx, report } = await importText(text);
    expect(mdx).not.toMatch(/Иванова|Сидоров/);
    expect(mdx).toContain('<Note>Лист ознакомления');
    expect(body(mdx)).toMatch(/<Stamp>\nЗаведующий\nП\.П\. Петрова\n<\/Stamp>/);
    expect(report.leftOut).toBe(4);
  });

  it('escapes what MDX would read as markup, so the document compiles', async () => {
    const { mdx } = await importText(
      'ПОЛОЖЕНИЕ № ____\n16.10.2024г.\n- прочерк\n\n1. Значение {x} < 5 и > 2, путь C:\\temp, *звёздочка*, адрес <https://sferum.ru>.\n',
    );
    expectCompiles(mdx);
    expect(body(mdx)).toContain('ПОЛОЖЕНИЕ № \\_\\_\\_\\_\n16\\.10.2024г.\n\n\\- прочерк'); // an item before any clause: kept as text, reported
    expect(body(mdx)).toContain('адрес [https://sferum.ru](https://sferum.ru).');
    expect(body(mdx)).toContain('Значение \\{x\\} \\< 5 и \\> 2, путь C:\\\\temp, \\*звёздочка\\*, адрес');
  });

  it('reads Windows-1251 text files and says so', async () => {
    const cp1251 = Uint8Array.from([0x31, 0x2e, 0x20, 0xcf, 0xf0, 0xe0, 0xe2, 0xe8, 0xeb, 0xe0, 0x2e]); // «1. Правила.»
    const result = await importRegulation({ fileName: 'old.txt', bytes: cp1251 });
    expect(anchorTexts(body(result.mdx)).get('p-1')).toBe('Правила.');
    expect(formatReport(result)).toMatch(/Windows-1251/);
  });
});

/** A one-page PDF; `text` is drawn with a standard font when given (ASCII only). */
function pdf(text?: string): Uint8Array {
  const stream = text ? `BT /F1 12 Tf 72 720 Td (${text}) Tj ET` : '';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return encode(out);
}

describe('refused inputs', () => {
  const refused = async (fileName: string, bytes: Uint8Array) => {
    const error = await importRegulation({ fileName, bytes }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRefused);
    return (error as Error).message;
  };

  it('refuses .doc, saying to save it as .docx', async () => {
    expect(await refused('polozhenie.doc', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0]))).toMatch(/сохраните как .*\.docx/);
  });
  it('refuses an empty file and a file of blank lines', async () => {
    expect(await refused('pusto.txt', new Uint8Array())).toMatch(/пуст/);
    expect(await refused('pusto.txt', encode('\n \n'))).toMatch(/нет текста/);
  });
  it('refuses a scanned PDF with no text layer, asking for the text version', async () => {
    expect(await refused('scan.pdf', pdf())).toMatch(/скан.*текстовую версию/);
  });
  it('refuses unknown types and a .docx that is not a Word file, naming what fits', async () => {
    expect(await refused('foto.jpg', Uint8Array.from([0xff, 0xd8, 0xff]))).toMatch(/Подойдут \.docx, \.txt, \.md или PDF/);
    expect(await refused('fake.docx', encode('просто текст'))).toMatch(/не документ Word/);
  });
  it('reads a PDF with a text layer', async () => {
    const result = await importRegulation({ fileName: 'text.pdf', bytes: pdf('1. General provisions of the act.') });
    expect(result.report.format).toBe('pdf');
    expect(result.report.ids).toEqual(['p-1']);
  });
});

describe('re-import of a corrected source', () => {
  it('keeps the ids of unchanged clauses when an item is inserted and a clause corrected', async () => {
    const source = readFileSync(join(SOURCES_DIR, '000_b35ab8a95db90d95.txt'), 'utf8');
    const corrected = source
      .replace('- вносит, редактирует информацию об образовательной организации;', '- проверяет заявку;\n- вносит, редактирует информацию об образовательной организации;')
      .replace('Настоящее положение вступает в силу с момента его подписания и утверждения.', 'Настоящее положение вступает в силу с 1 сентября.');
    const existing = readFileSync(join(ROOT, 'content/regulations/arsenev-dou-27.mdx'), 'utf8');
    const result = await importRegulation({ fileName: 'arsenev.txt', bytes: encode(corrected) }, { existing });
    const published = documentAnchors('arsenev-dou-27', curated.get('arsenev-dou-27')!.body).map((a) => a.id);
    expect(published.filter((id) => !result.report.ids.includes(id))).toEqual([]);
    expect(result.report.removed).toEqual([]);
    const texts = anchorTexts(body(result.mdx));
    const before = anchorTexts(curated.get('arsenev-dou-27')!.body);
    expect(texts.get('p-3-1-3')).toBe(before.get('p-3-1-3')); // «вносит…» keeps its id although it moved down
    expect(result.report.added).toEqual(['p-3-1-16']);
    expect(texts.get('p-3-1-16')).toBe('проверяет заявку;');
    expect(texts.get('p-5-1')).toBe('Настоящее положение вступает в силу с 1 сентября.');
    expect(result.report.changed).toEqual(['p-5-1']);
    expect(formatReport(result)).toMatch(/Новые id: p-3-1-16/);
    expect(formatReport(result)).toMatch(/Изменился текст пунктов: p-5-1/);
  });
});

describe('npm run import', () => {
  const repository = () => {
    const root = mkdtempSync(join(tmpdir(), 'import-'));
    for (const dir of ['content/regulations', 'content/sources']) mkdirSync(join(root, dir), { recursive: true });
    cpSync(join(ROOT, 'content/duties.json'), join(root, 'content/duties.json'));
    cpSync(join(ROOT, 'content/regulations/tekhnikum.mdx'), join(root, 'content/regulations/tekhnikum.mdx'));
    return root;
  };
  const run = (root: string, ...args: string[]) =>
    spawnSync(process.execPath, [join(ROOT, 'src/import/cli.ts'), ...args], { env: { ...process.env, IMPORT_ROOT: root }, encoding: 'utf8' });

  it('writes the document, its source and a mapping proposal; asks for --force before replacing; --dry-run writes nothing', () => {
    const root = repository();
    try {
      const file = join(root, 'polozhenie.txt');
      writeFileSync(file, '1. Общие положения\n\n1.1. Администратор создаёт структуру учреждения на платформе.\n');
      const dry = run(root, file, '--slug', 'shkola-1', '--dry-run');
      expect(dry.status, dry.stderr).toBe(0);
      expect(dry.stdout).toMatch(/пунктов 1, подпунктов 0/);
      expect(existsSync(join(root, 'content/regulations/shkola-1.mdx'))).toBe(false);

      expect(run(root, file, '--slug', 'shkola-1').status).toBe(0);
      const written = readFileSync(join(root, 'content/regulations/shkola-1.mdx'), 'utf8');
      expect(written).toMatch(/^source: 000_[0-9a-f]{16}\.txt$/m);
      expect(written).toMatch(/^order: 6$/m); // after the existing document's order 5
      expect(readdirSync(join(root, 'content/sources'))).toHaveLength(1);
      const mapping = JSON.parse(readFileSync(join(root, 'content/duty-mapping/shkola-1.json'), 'utf8'));
      expect(Object.keys(mapping.proposed)).toEqual(['p-1-1']);

      writeFileSync(file, '1. Общие положения\n\n1.1. Изменённый текст.\n');
      const refused = run(root, file, '--slug', 'shkola-1');
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(/уже есть.*--force/);
      expect(readFileSync(join(root, 'content/regulations/shkola-1.mdx'), 'utf8')).toBe(written);
      expect(run(root, file, '--slug', 'shkola-1', '--force').status).toBe(0);
      expect(readFileSync(join(root, 'content/regulations/shkola-1.mdx'), 'utf8')).toContain('Изменённый текст.');
      expect(readdirSync(join(root, 'content/regulations')).filter((name) => name.includes('.tmp'))).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('prints a clear Russian message and writes nothing for a refused file', () => {
    const root = repository();
    try {
      const file = join(root, 'staryi.doc');
      writeFileSync(file, 'x');
      const result = run(root, file);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/Формат \.doc не поддерживается/);
      expect(readdirSync(join(root, 'content/sources'))).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

/**
 * `npm run import -- <file> [--slug name] [--dry-run] [--force]`: imports a regulation into
 * content/regulations/<slug>.mdx and copies its source to content/sources/. See README «Свой документ: импорт».
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ImportRefused, formatReport, importRegulation } from './index.ts';
import { loadCorpus, mappingJson, proposeMapping } from './propose-duties.ts';
import { dutyMappingSchema } from '../domain/duty-mapping.ts';

/** The repository; IMPORT_ROOT points the command at a copy (the tests use one). */
const ROOT = process.env.IMPORT_ROOT ?? fileURLToPath(new URL('../..', import.meta.url));
const REGULATIONS = join(ROOT, 'content/regulations');
const SOURCES = join(ROOT, 'content/sources');
const MAPPINGS = join(ROOT, 'content/duty-mapping');

/** Writes through a temporary file and a rename, so a failure never leaves half a file. */
function writeAtomically(path: string, data: string | Uint8Array): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, path);
}

/** «NNN_<16 hex of the content hash>.txt»: the same bytes keep the same name on re-import. */
function sourceName(bytes: Uint8Array): string {
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  const names = readdirSync(SOURCES);
  const same = names.find((name) => name.endsWith(`_${hash}.txt`));
  if (same) return same;
  const next = Math.max(-1, ...names.map((name) => Number(/^(\d{3})_/.exec(name)?.[1] ?? -1))) + 1;
  return `${String(next).padStart(3, '0')}_${hash}.txt`;
}

function nextOrder(): number {
  const orders = readdirSync(REGULATIONS)
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => Number(/^order:\s*(\d+)/m.exec(readFileSync(join(REGULATIONS, name), 'utf8'))?.[1] ?? 0));
  return Math.max(0, ...orders) + 1;
}

function usage(message: string): never {
  console.error(`${message}\nИспользование: npm run import -- <файл .docx | .txt | .md | .pdf> [--slug имя] [--dry-run] [--force]`);
  process.exit(2);
}

async function main(args: string[]): Promise<void> {
  const file = args.find((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--slug');
  if (!file) usage('Не указан файл.');
  const slugAt = args.indexOf('--slug');
  const slug = slugAt >= 0 ? args[slugAt + 1] : undefined;
  if (slugAt >= 0 && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug ?? '')) usage('--slug: только строчная латиница, цифры и дефисы, например shkola-1-polozhenie.');
  const dryRun = args.includes('--dry-run');
  const force = args.includes('--force');
  if (!existsSync(file)) usage(`Файл «${file}» не найден.`);

  const bytes = new Uint8Array(readFileSync(file));
  const draft = await importRegulation({ fileName: basename(file), bytes }, { slug });
  const target = join(REGULATIONS, `${draft.slug}.mdx`);
  const exists = existsSync(target);
  if (exists && !force && !dryRun) {
    console.error(`content/regulations/${draft.slug}.mdx уже есть. Чтобы заменить его, повторите с --force (id неизменённых пунктов сохранятся), или задайте другое имя: --slug.`);
    process.exit(1);
  }
  const textBytes = new TextEncoder().encode(draft.text);
  const name = sourceName(draft.report.format === 'txt' || draft.report.format === 'md' ? bytes : textBytes);
  const result = await importRegulation(
    { fileName: basename(file), bytes },
    { slug: draft.slug, order: exists ? Number(/^order:\s*(\d+)/m.exec(readFileSync(target, 'utf8'))?.[1]) : nextOrder(), sourceName: name, existing: exists ? readFileSync(target, 'utf8') : undefined },
  );
  console.log(formatReport(result));
  const mappingPath = join(MAPPINGS, `${result.slug}.json`);
  const previous = existsSync(mappingPath) ? dutyMappingSchema.parse(JSON.parse(readFileSync(mappingPath, 'utf8'))) : undefined;
  const mapping = proposeMapping(result.slug, result.mdx, loadCorpus(ROOT, result.slug), previous);
  console.log(`Сопоставление с обязанностями: предложено ${Object.keys(mapping.proposed).length}, подтверждено ${Object.keys(mapping.mapped).length}, отложено ${Object.keys(mapping.setAside).length} — проверьте content/duty-mapping/${result.slug}.json.`);
  if (dryRun) {
    console.log('--dry-run: ничего не записано.');
    return;
  }
  const extension = extname(file).toLowerCase();
  if (result.report.format === 'txt' || result.report.format === 'md') writeAtomically(join(SOURCES, name), bytes);
  else {
    writeAtomically(join(SOURCES, name), textBytes);
    writeAtomically(join(SOURCES, name.replace(/\.txt$/, extension)), bytes); // the original, beside its text
  }
  mkdirSync(MAPPINGS, { recursive: true });
  writeAtomically(mappingPath, mappingJson(mapping));
  writeAtomically(target, result.mdx);
  console.log(`Записано: content/regulations/${result.slug}.mdx, content/sources/${name}, content/duty-mapping/${result.slug}.json.`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ImportRefused) console.error(error.message);
  else console.error(`Импорт не удался, ничего не записано: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

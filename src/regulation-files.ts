import { readdirSync, readFileSync } from 'node:fs';
import { load as loadYaml } from 'js-yaml';
import { regulationFrontmatter, regulationSchema, type RegulationData } from './domain/regulation.ts';
import { ID_FORMAT, parseFile } from './domain/validation.ts';

/** A published regulation: its file, its id (the file name: it is the document's address) and its frontmatter. */
export interface Regulation {
  id: string;
  filePath: string;
  data: RegulationData;
}

/** One regulation file: its frontmatter read as YAML and checked against the schema; a fault names the file. */
function readRegulation(dir: string, name: string): Regulation {
  const filePath = `${dir}/${name}`;
  const id = parseFile(ID_FORMAT, name.replace(/\.mdx$/, ''), `${filePath} (имя файла — адрес документа)`);
  const frontmatter = regulationFrontmatter(readFileSync(filePath, 'utf8'));
  if (frontmatter === undefined) throw new Error(`Ошибка в ${filePath}: файл не начинается с frontmatter — строки ---, поля документа, строки ---.`);
  let data: unknown;
  try {
    data = loadYaml(frontmatter);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Error(`Ошибка в ${filePath}: frontmatter не читается как YAML (${reason}). Проверьте отступы и кавычки.`);
  }
  return { id, filePath, data: parseFile(regulationSchema, data, filePath) };
}

/** Every regulation in `dir` (its *.mdx files), in the site's order: by `order`, then by id. */
export function readRegulations(dir: string): Regulation[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => readRegulation(dir, name))
    .sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id));
}

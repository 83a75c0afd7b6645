/** Reads and validates the settings file: content/site.json, or the file named by SITE_SETTINGS (relative to the project, or absolute: the tests and the benchmark build other configurations). */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readSiteConfig, SETTINGS_FILE, type SiteConfig } from './domain/site-config.ts';

export function loadSiteConfig(root = process.cwd()): SiteConfig {
  const file = process.env.SITE_SETTINGS || SETTINGS_FILE;
  let text: string;
  try {
    text = readFileSync(resolve(root, file), 'utf8');
  } catch (error) {
    throw new Error(`Не удалось прочитать настройки сайта ${file}: ${(error as Error).message}`);
  }
  const documents = readdirSync(join(root, 'content/regulations'))
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => name.replace(/\.mdx$/, ''));
  return readSiteConfig(text, documents, file);
}

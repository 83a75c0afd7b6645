/** Paths and readers shared by the tests: the repository, its content and its two builds. */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load as loadYaml } from 'js-yaml';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const REGULATIONS_DIR = join(ROOT, 'content/regulations');
export const SOURCES_DIR = join(ROOT, 'content/sources');
/** The site built at the root, and built again under a sub-folder (see package.json "test"). */
export const DIST = join(ROOT, 'dist');
export const DIST_SUBFOLDER = join(ROOT, 'dist-subfolder');
export const SUBFOLDER = '/podpapka/';
/** The demo (content/site.json) serves five institutions: each institution's pages are in its section. */
export const DEMO_SECTION = 'uchrezhdeniya/kerch-shkola-12/';
/** The sub-folder build serves one institution without an own act, its pages at the root (package.json "build:subfolder"). */
export const SUBFOLDER_SETTINGS = 'content/examples/one-institution-no-own-act.json';
/** One institution with its own act, its pages at the site root (package.json "build:own-act"). */
export const DIST_OWN_ACT = join(ROOT, 'dist-own-act');
export const OWN_ACT_SETTINGS = 'content/examples/one-institution-own-act.json';

const SETTINGS_OF_BUILD = new Map([[DIST_SUBFOLDER, SUBFOLDER_SETTINGS], [DIST_OWN_ACT, OWN_ACT_SETTINGS]]);

/** The settings a build was made with: the demo's, the sub-folder build's or the own-act build's. */
export function settingsOf(dist: string): { siteUrl: string; institutions: { id: string; name: string; short: string; admin: { name: string }; documents: string[] }[] } {
  return JSON.parse(readFileSync(join(ROOT, SETTINGS_OF_BUILD.get(dist) ?? 'content/site.json'), 'utf8'));
}

export interface RegulationFile {
  slug: string;
  frontmatter: Record<string, unknown>;
  body: string;
}

/** Every content/regulations/*.mdx, split into YAML frontmatter and MDX body. */
export function regulationFiles(): RegulationFile[] {
  return readdirSync(REGULATIONS_DIR)
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .map((name) => {
      const text = readFileSync(join(REGULATIONS_DIR, name), 'utf8');
      const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
      if (!match) throw new Error(`${name}: нет frontmatter`);
      return { slug: name.replace(/\.mdx$/, ''), frontmatter: loadYaml(match[1]) as Record<string, unknown>, body: match[2] };
    });
}

/** Every built HTML page of a build, as paths relative to its root. */
export function htmlPages(dist = DIST): string[] {
  if (!existsSync(dist)) throw new Error(`нет сборки ${dist}: сначала npm run build`);
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '_astro') walk(path);
      } else if (entry.name.endsWith('.html')) pages.push(relative(dist, path));
    }
  };
  walk(dist);
  return pages.sort();
}

/** URL path of a built page: `docs/x/index.html` → `docs/x/`. */
export function pagePath(file: string): string {
  return file.replace(/(^|\/)index\.html$/, '$1');
}

export function readPage(file: string, dist = DIST): string {
  return readFileSync(join(dist, file), 'utf8');
}

/** A scratch copy of the project (its sources, content and settings; node_modules linked) to break or edit in a test. */
export function scratchProject(prefix: string): string {
  const scratch = mkdtempSync(join(tmpdir(), prefix));
  for (const entry of ['src', 'content', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    cpSync(join(ROOT, entry), join(scratch, entry), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(scratch, 'node_modules'));
  return scratch;
}

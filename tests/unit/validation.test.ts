/** Bad content stops the build with a Russian message naming the file and the field (checked here without a build). */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogueSchema } from '../../src/domain/duties.ts';
import { documentAnchors } from '../../src/domain/anchors.ts';
import { regulationSchema } from '../../src/domain/regulation.ts';
import { parseFile } from '../../src/domain/validation.ts';
import { regulationFiles, ROOT } from '../support/project.ts';

const message = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  return 'принято';
};

describe('content errors', () => {
  const catalogue = JSON.parse(readFileSync(join(ROOT, 'content/duties.json'), 'utf8'));
  const parseCatalogue = (raw: unknown) => message(() => parseFile(catalogueSchema, raw, 'content/duties.json'));

  it('a duplicate or malformed duty id names the file and the duty', () => {
    const duties = [...catalogue.duties, { ...catalogue.duties[0] }];
    expect(parseCatalogue({ ...catalogue, duties })).toMatch(
      new RegExp(`^Ошибка в content/duties\\.json:\\n  – duties\\.${duties.length - 1}\\.id: обязанность «${catalogue.duties[0].id}» повторяется`),
    );
    const renamed = catalogue.duties.with(2, { ...catalogue.duties[2], id: 'Чаты класса' });
    expect(parseCatalogue({ ...catalogue, duties: renamed })).toMatch(/content\/duties\.json:\n  – duties\.2\.id: id пишется строчной латиницей/);
  });

  it('an invalid clause id names the document file', () => {
    const [file] = regulationFiles();
    const broken = file.body.replace(/<Clause id="[^"]+"/, '<Clause id="П 1"');
    expect(message(() => documentAnchors(file.slug, broken))).toBe(`content/regulations/${file.slug}.mdx: недопустимый id «П 1»: только латиница, цифры и дефисы`);
  });

  it('hostile frontmatter values stop with the field named, in Russian, or pass as text', () => {
    const { frontmatter } = regulationFiles()[0];
    const problem = (field: string, value: unknown) => {
      const result = regulationSchema.safeParse({ ...frontmatter, [field]: value });
      return result.success ? 'принято' : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    };
    expect(problem('shortTitle', 'Ш'.repeat(2000))).toMatch(/^shortTitle: не длиннее 60 знаков/);
    expect(problem('title', 15)).toMatch(/^title: нужен текст в кавычках, а здесь число/);
    expect(problem('title', 'Порядок\u0000')).toMatch(/^title: уберите невидимые управляющие символы/);
    expect(problem('title', '\u202eПорядок')).toMatch(/^title: уберите невидимые управляющие символы/);
    expect(problem('laws', ['<b>'])).toMatch(/^laws\.0: id пишется строчной латиницей/);
    expect(problem('notes', ['x'.repeat(41)])).toMatch(/^notes\.0: слово длиннее 40 знаков/);
    expect(problem('shortTitle', 'Порядок</title><script>alert(1)</script>')).toBe('принято');
  });
});

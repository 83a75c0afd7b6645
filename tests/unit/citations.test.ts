/**
 * A reviewed snapshot of what every duty and every answer cites (tests/unit/snapshots/citations.md): each clause
 * with its citation and opening words, so a wrong citation shows as a diff a reviewer reads, not just as an id.
 * After a deliberate change: npm run test:unit -- -u tests/unit/citations.test.ts, then review the diff in git.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogueSchema, splitRef } from '../../src/domain/duties.ts';
import { faqEntrySchema } from '../../src/domain/faq.ts';
import { documentAnchors, type Anchor } from '../../src/domain/anchors.ts';
import { regulationFiles, ROOT } from '../support/project.ts';

const catalogue = catalogueSchema.parse(JSON.parse(readFileSync(join(ROOT, 'content/duties.json'), 'utf8')));
const faq = (JSON.parse(readFileSync(join(ROOT, 'content/faq.json'), 'utf8')) as unknown[]).map((entry) => faqEntrySchema.parse(entry));
const anchors = new Map(regulationFiles().map((file) => [file.slug, new Map(documentAnchors(file.slug, file.body).map((a) => [a.id, a]))]));

function citation(doc: string, anchor: string): string {
  const found: Anchor | undefined = anchors.get(doc)?.get(anchor);
  return `- ${doc}#${anchor} · ${found ? `${found.label.replaceAll('\u00a0', ' ')} · «${found.excerpt ?? found.title ?? ''}»` : 'НЕТ ТАКОГО ПУНКТА'}`;
}

function citations(): string {
  const lines = ['# Что цитируют обязанности и ответы', '', '## Обязанности (content/duties.json)'];
  for (const duty of catalogue.duties) {
    lines.push('', `### ${duty.id}: ${duty.text}`, ...duty.refs.map((ref) => citation(splitRef(ref).doc, splitRef(ref).anchor)));
  }
  lines.push('', '## Вопросы и ответы (content/faq.json)');
  for (const entry of faq) lines.push('', `### ${entry.id}: ${entry.question}`, ...entry.refs.map((ref) => citation(ref.doc, ref.anchor)));
  return `${lines.join('\n')}\n`;
}

describe('citations of duties and answers', () => {
  it('match the reviewed snapshot', async () => {
    await expect(citations()).toMatchFileSnapshot('snapshots/citations.md');
  });

  it('cite only clauses that exist', () => {
    expect(citations()).not.toContain('НЕТ ТАКОГО ПУНКТА');
  });
});

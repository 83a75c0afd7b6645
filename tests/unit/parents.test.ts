/** content/parents.json: every statement rests on source words that are really there. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { anchorTexts } from '../../src/domain/anchors.ts';
import { allBases, clauseOf, parentsPageSchema } from '../../src/domain/parents.ts';
import { ROOT, regulationFiles } from '../support/project.ts';

const page = parentsPageSchema.parse(JSON.parse(readFileSync(join(ROOT, 'content/parents.json'), 'utf8')));
const facts: { id: string; text: string }[] = JSON.parse(readFileSync(join(ROOT, 'content/platform-facts.json'), 'utf8'));
const texts = new Map(regulationFiles().map((file) => [file.slug, anchorTexts(file.body)]));
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('the parents’ page data', () => {
  it.each(allBases(page).map(({ usedIn, basis }) => [usedIn, basis]))('%s: the quote is verbatim in its source', (_, basis) => {
    const source = 'ref' in basis ? texts.get(clauseOf(basis).doc)?.get(clauseOf(basis).anchor) : facts.find((fact) => fact.id === basis.fact)?.text;
    expect(source, JSON.stringify(basis)).toBeDefined();
    expect(flat(source!)).toContain(flat(basis.quote));
  });

  it('rejects a basis in any other shape', () => {
    const bad = { ...page, ask: { text: 'Спросите.', basis: [{ ref: 'arsenev-dou-27 p-4-2', quote: 'текст' }] } };
    expect(parentsPageSchema.safeParse(bad).success).toBe(false);
    expect(parentsPageSchema.safeParse({ ...page, ask: { text: 'Спросите.', basis: [] } }).success).toBe(false);
  });
});

/** Own-act duty mappings (content/duty-mapping/*.json): complete and confirmed, proposed by similarity, merged into the catalogue. */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { catalogueSchema } from '../../src/domain/duties.ts';
import { dutyMappingSchema, mappingProblems, withMappings, type DutyMapping } from '../../src/domain/duty-mapping.ts';
import { loadCorpus, mappableTexts, proposeDuties, proposeMapping } from '../../src/import/propose-duties.ts';
import { ROOT } from '../support/project.ts';

const MAPPINGS = join(ROOT, 'content/duty-mapping');
const catalogue = catalogueSchema.parse(JSON.parse(readFileSync(join(ROOT, 'content/duties.json'), 'utf8')));
const dutyIds = new Set(catalogue.duties.map((duty) => duty.id));
const files = existsSync(MAPPINGS) ? readdirSync(MAPPINGS).filter((name) => name.endsWith('.json')) : [];

describe('duty mapping files', () => {
  it.each(files.length ? files : ['(нет файлов)'])('%s: every numbered clause and item is mapped or set aside, nothing left proposed', (name) => {
    if (!files.length) return;
    const mapping = dutyMappingSchema.parse(JSON.parse(readFileSync(join(MAPPINGS, name), 'utf8')));
    expect(name).toBe(`${mapping.document}.json`);
    const mdx = readFileSync(join(ROOT, 'content/regulations', `${mapping.document}.mdx`), 'utf8');
    expect(mappingProblems(mapping, [...mappableTexts(mdx).keys()], dutyIds)).toEqual([]);
  });
});

describe('mapping checks', () => {
  const mapping: DutyMapping = {
    document: 'shkola-1',
    mapped: { 'p-1-1': ['head-local-act'] },
    setAside: { 'p-1-2': 'Определение понятий, обязанности нет.' },
    proposed: { 'p-1-3': { duties: ['head-local-act'], score: 0.5 } },
  };

  it('fails while proposals are left, a clause is in no section, or a duty is unknown', () => {
    expect(mappingProblems(mapping, ['p-1-1', 'p-1-2', 'p-1-3', 'p-1-4'], dutyIds)).toEqual([
      'content/duty-mapping/shkola-1.json: не проверены предложения (proposed): p-1-3',
      'content/duty-mapping/shkola-1.json: пункты не сопоставлены и не отложены: p-1-4',
    ]);
    const confirmed = { ...mapping, mapped: { ...mapping.mapped, 'p-1-3': ['no-such-duty'] }, proposed: {} };
    expect(mappingProblems(confirmed, ['p-1-1', 'p-1-2', 'p-1-3'], dutyIds)).toEqual([
      'content/duty-mapping/shkola-1.json: таких обязанностей нет в content/duties.json: p-1-3 → no-such-duty',
    ]);
    expect(mappingProblems({ ...mapping, proposed: {} }, ['p-1-1', 'p-1-2'], dutyIds)).toEqual([]);
  });

  it('fails on a clause the document no longer has, and on a clause both mapped and set aside', () => {
    const stale = { ...mapping, proposed: {}, setAside: { ...mapping.setAside, 'p-9': 'Пункт удалён из документа.' } };
    expect(mappingProblems(stale, ['p-1-1', 'p-1-2'], dutyIds)).toEqual(['content/duty-mapping/shkola-1.json: таких пунктов в документе нет: p-9']);
    const twice = { ...mapping, proposed: {}, setAside: { ...mapping.setAside, 'p-1-1': 'Без обязанности.' } };
    expect(mappingProblems(twice, ['p-1-1', 'p-1-2'], dutyIds)).toEqual(['content/duty-mapping/shkola-1.json: пункты и сопоставлены, и отложены: p-1-1']);
  });

  it('adds confirmed clauses to the refs of their duties, and only those', () => {
    const merged = withMappings(catalogue, [mapping]);
    const duty = merged.duties.find((d) => d.id === 'head-local-act')!;
    expect(duty.refs).toContain('shkola-1#p-1-1');
    expect(duty.refs).not.toContain('shkola-1#p-1-3');
    expect(merged.duties.filter((d) => d.id !== 'head-local-act')).toEqual(catalogue.duties.filter((d) => d.id !== 'head-local-act'));
  });
});

describe('proposals by similarity', () => {
  /** Each seed document in turn is treated as a new own act: the catalogue without its refs proposes its mapping. */
  const seeds = ['arsenev-dou-27', 'kerch-shkola-12', 'tekhnikum', 'novosibirsk-sosh-215'];

  it.each(seeds)('%s: the proposal names a duty the catalogue itself assigns for most of its cited clauses', (slug) => {
    const mdx = readFileSync(join(ROOT, 'content/regulations', `${slug}.mdx`), 'utf8');
    const texts = mappableTexts(mdx);
    const truth = new Map<string, string[]>();
    for (const duty of catalogue.duties) {
      for (const ref of duty.refs) if (ref.startsWith(`${slug}#`)) truth.set(ref.split('#')[1], [...(truth.get(ref.split('#')[1]) ?? []), duty.id]);
    }
    const cited = new Map([...texts].filter(([id]) => truth.has(id)));
    const proposals = proposeDuties(cited, loadCorpus(ROOT, slug));
    const hits = [...cited.keys()].filter((id) => proposals.get(id)?.duties?.some((duty) => truth.get(id)!.includes(duty)));
    const share = hits.length / cited.size;
    console.log(`${slug}: ${hits.length} из ${cited.size} пунктов каталога предложены верно (${Math.round(share * 100)} %)`);
    expect(share).toBeGreaterThanOrEqual(0.75);
  });

  it('proposes every numbered clause and item of a new document and keeps what a person confirmed', () => {
    const mdx = readFileSync(join(ROOT, 'content/regulations/tekhnikum.mdx'), 'utf8');
    const corpus = loadCorpus(ROOT, 'tekhnikum');
    const first = proposeMapping('tekhnikum-copy', mdx, corpus);
    expect(Object.keys(first.proposed)).toEqual([...mappableTexts(mdx).keys()]);
    expect(dutyMappingSchema.parse(first)).toEqual(first);
    const confirmed = { ...first, mapped: { 'p-20-1-1': ['admin-apply'] }, setAside: { 'p-1': 'Предмет регулирования, обязанности нет.' } };
    const again = proposeMapping('tekhnikum-copy', mdx, corpus, confirmed);
    expect(again.mapped).toEqual(confirmed.mapped);
    expect(again.setAside).toEqual(confirmed.setAside);
    expect(Object.keys(again.proposed)).not.toContain('p-20-1-1');
    expect(Object.keys(again.proposed)).toHaveLength(Object.keys(first.proposed).length - 2);
  });
});

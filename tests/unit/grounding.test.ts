/**
 * Which rules bind an institution's people: its own act is cited first as «по нашему положению», the Ministry's
 * letter as recommendations for all, other institutions' acts apart and by name — never as if binding here.
 */
import { describe, expect, it } from 'vitest';
import { dutiesFor, dutyStanding, groundCitations, groundingOf, hasOwnAct, modelsLine, modelsNotice, orderByStanding, soleModelSource, splitByStanding, standingOf } from '../../src/domain/grounding.ts';

const COMMON = ['minprosveshcheniya-04-423'];
const DOCUMENTS = {
  'kerch-shkola-12': { institution: 'Школа № 12 (Керчь)', kind: 'положение' },
  'orenburg-dou-111': { institution: 'Детский сад № 111 (Оренбург)', kind: 'приказ' },
  tekhnikum: { institution: 'Техникум', kind: 'порядок' },
  'novosibirsk-sosh-215': { institution: 'СОШ № 215 (Новосибирск)', kind: 'приложение' },
  'minprosveshcheniya-04-423': { institution: 'Минпросвещения России', kind: 'письмо' },
};
const school = groundingOf({ short: 'Школа № 12 (Керчь)', documents: ['kerch-shkola-12'] }, COMMON);
const withoutOwnAct = groundingOf({ short: 'Школа № 1', documents: [] }, COMMON);
const sharedRoot = groundingOf(null, COMMON);

/** The citations of one duty, in catalogue order: another school, the letter, the school's own act. */
const REFS = [
  { doc: 'novosibirsk-sosh-215', clause: 'п.\u00a02' },
  { doc: 'minprosveshcheniya-04-423', clause: 'п.\u00a04' },
  { doc: 'tekhnikum', clause: 'п.\u00a021.4' },
  { doc: 'kerch-shkola-12', clause: 'п.\u00a02.6' },
];

describe('grounding of citations in an institution', () => {
  it('knows the institution, its own acts and the common documents; on the shared root, none are own', () => {
    expect(school).toEqual({ institution: 'Школа № 12 (Керчь)', own: ['kerch-shkola-12'], common: COMMON });
    expect(sharedRoot).toEqual({ institution: null, own: [], common: COMMON });
    expect([hasOwnAct(school), hasOwnAct(withoutOwnAct), hasOwnAct(sharedRoot)]).toEqual([true, false, false]);
  });

  it('tells the own act, the common letter and other institutions\' acts apart', () => {
    expect(['kerch-shkola-12', 'minprosveshcheniya-04-423', 'tekhnikum'].map((doc) => standingOf(doc, school))).toEqual(['own', 'common', 'model']);
    expect(standingOf('kerch-shkola-12', sharedRoot)).toBe('model');
  });

  it('orders citations own act first, then the letter, then the others, keeping their order within each', () => {
    expect(orderByStanding(REFS, school).map((ref) => ref.doc)).toEqual(['kerch-shkola-12', 'minprosveshcheniya-04-423', 'novosibirsk-sosh-215', 'tekhnikum']);
    expect(orderByStanding(REFS, sharedRoot).map((ref) => ref.doc)).toEqual(['minprosveshcheniya-04-423', 'novosibirsk-sosh-215', 'tekhnikum', 'kerch-shkola-12']);
    expect(REFS.map((ref) => ref.doc)[0]).toBe('novosibirsk-sosh-215'); // the input is left as it was
  });

  it('cites the own act as «по нашему…», the letter as recommendations for all, and leads the others with «в других учреждениях так:»', () => {
    expect(groundCitations(REFS, school, DOCUMENTS).map((ref) => ref.label)).toEqual([
      'по нашему положению, п.\u00a02.6',
      'Минпросвещения России, письмо (рекомендации для всех учреждений), п.\u00a04',
      'в других учреждениях так: СОШ № 215 (Новосибирск), приложение, п.\u00a02',
      'Техникум, порядок, п.\u00a021.4',
    ]);
    const orenburg = groundingOf({ short: 'Детский сад № 111 (Оренбург)', documents: ['orenburg-dou-111'] }, COMMON);
    expect(groundCitations([{ doc: 'orenburg-dou-111', clause: 'п.\u00a04.1' }], orenburg, DOCUMENTS)[0].label).toBe('по нашему приказу, п.\u00a04.1');
    const tekhnikum = groundingOf({ short: 'Техникум', documents: ['tekhnikum'] }, COMMON);
    expect(groundCitations([{ doc: 'tekhnikum', clause: 'п.\u00a021.4' }], tekhnikum, DOCUMENTS)[0].label).toBe('по нашему порядку, п.\u00a021.4');
    const novosibirsk = groundingOf({ short: 'СОШ № 215 (Новосибирск)', documents: ['novosibirsk-sosh-215'] }, COMMON);
    expect(groundCitations([{ doc: 'novosibirsk-sosh-215', clause: 'п.\u00a02' }], novosibirsk, DOCUMENTS)[0].label).toBe('по нашему документу, п.\u00a02');
  });

  it('without an own act, names every institution and leads none with «в других учреждениях»: all of them are models', () => {
    expect(groundCitations(REFS, withoutOwnAct, DOCUMENTS).map((ref) => ref.label)).toEqual([
      'Минпросвещения России, письмо (рекомендации для всех учреждений), п.\u00a04',
      'СОШ № 215 (Новосибирск), приложение, п.\u00a02',
      'Техникум, порядок, п.\u00a021.4',
      'Школа № 12 (Керчь), положение, п.\u00a02.6',
    ]);
  });

  it('keeps what else a citation carries, and stops on a document it knows nothing of', () => {
    expect(groundCitations([{ doc: 'tekhnikum', clause: 'п.\u00a01', to: 'docs/tekhnikum/#p-1' }], school, DOCUMENTS)).toEqual([
      { doc: 'tekhnikum', clause: 'п.\u00a01', to: 'docs/tekhnikum/#p-1', label: 'в других учреждениях так: Техникум, порядок, п.\u00a01' },
    ]);
    expect(() => groundCitations([{ doc: 'arsenev-dou-72', clause: 'п.\u00a01' }], school, DOCUMENTS)).toThrow('нет сведений о документе «arsenev-dou-72»');
  });
});

describe('duties of an institution', () => {
  const own = { id: 'own', refs: [{ doc: 'tekhnikum' }, { doc: 'kerch-shkola-12' }] };
  const recommended = { id: 'recommended', refs: [{ doc: 'tekhnikum' }, { doc: 'minprosveshcheniya-04-423' }] };
  const elsewhere = { id: 'elsewhere', refs: [{ doc: 'tekhnikum' }, { doc: 'orenburg-dou-111' }] };
  const duties = [elsewhere, own, recommended];

  it('stands on the own act when the act states it, on the letter when only the letter does, otherwise is a model', () => {
    expect([own, recommended, elsewhere].map((duty) => dutyStanding(duty.refs, school))).toEqual(['own', 'common', 'model']);
    expect(splitByStanding(duties, school)).toEqual({ own: [own], common: [recommended], model: [elsewhere] });
  });

  it('lists the own act\'s duties as the institution\'s rules and shows the rest apart; without an own act, lists all', () => {
    expect(dutiesFor(duties, school)).toEqual({ listed: [own], apart: [recommended, elsewhere] });
    expect(dutiesFor(duties, withoutOwnAct)).toEqual({ listed: duties, apart: [] });
    expect(dutiesFor(duties, sharedRoot)).toEqual({ listed: duties, apart: [] });
  });

  it('names the one other institution\'s act a duty rests on alone, as its citations do; not a duty of several documents, of the letter or of the own act', () => {
    const alone = [{ doc: 'tekhnikum' }, { doc: 'tekhnikum' }];
    expect(soleModelSource(alone, withoutOwnAct, DOCUMENTS)).toBe('Техникум, порядок');
    expect(soleModelSource(alone, school, DOCUMENTS)).toBe('Техникум, порядок');
    expect([elsewhere, recommended].map((duty) => soleModelSource(duty.refs, withoutOwnAct, DOCUMENTS))).toEqual([undefined, undefined]);
    expect(soleModelSource([{ doc: 'minprosveshcheniya-04-423' }], withoutOwnAct, DOCUMENTS)).toBeUndefined();
    expect(soleModelSource([{ doc: 'kerch-shkola-12' }], school, DOCUMENTS)).toBeUndefined();
    expect(() => soleModelSource([{ doc: 'arsenev-dou-27' }], withoutOwnAct, DOCUMENTS)).toThrow('нет сведений о документе «arsenev-dou-27»');
  });

  it('warns that the rules shown are models where the institution has no own act, or the page serves several', () => {
    expect(modelsNotice(school)).toBeUndefined();
    expect(modelsLine(school)).toBeUndefined();
    expect(modelsLine(withoutOwnAct)).toBe('Своего документа о «Сферуме» у учреждения на сайте нет: правила здесь\u00a0— образцы из документов других учреждений, у каждого указано, чьё оно.');
    expect(modelsLine(withoutOwnAct, '; чьё каждое правило, сказано у цитат')).toMatch(/других учреждений; чьё каждое правило, сказано у цитат\.$/);
    expect(modelsNotice(withoutOwnAct)).toMatch(/^У учреждения «Школа № 1» своего документа о «Сферуме» на этом сайте нет\. Правила ниже взяты из документов других учреждений и даны как образцы/);
    expect(modelsNotice(sharedRoot)).toMatch(/^Эта страница общая для нескольких учреждений\. Правила ниже взяты из документов других учреждений/);
    expect(modelsNotice(sharedRoot)).toMatch(/спросите о нём администратора платформы\. Методические рекомендации Минпросвещения России общие для всех учреждений, но это рекомендации, а не акт учреждения\.$/);
  });
});

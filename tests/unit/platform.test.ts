import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { currentFacts, factDate, factEnded, factsChecked, mentionsVk, parsePlatformFacts } from '../../src/domain/platform.ts';
import { catalogueSchema } from '../../src/domain/duties.ts';
import { currentNotes } from '../../src/domain/checklist.ts';
import { ROOT } from '../support/project.ts';

describe('platform facts', () => {
  it('are all dated and sourced, in date order', () => {
    const facts = parsePlatformFacts(JSON.parse(readFileSync(join(ROOT, 'content/platform-facts.json'), 'utf8')));
    // Undated help-centre details are only allowed as the VK era's, over a period.
    expect(facts.filter((fact) => fact.date.includes('–')).every((fact) => fact.era === 'VK')).toBe(true);
    expect(facts.map((fact) => fact.date)).toEqual(facts.map((fact) => fact.date).toSorted());
    expect(facts[0].id).toBe('vk-profile-2022');
  });

  it('rejects a fact without a date or a source', () => {
    const fact = { id: 'x', date: '2025-09-01', text: 'Какой-то факт о платформе.', sources: ['https://example.ru/'], checked: '2026-11-24' };
    expect(() => parsePlatformFacts([{ ...fact, date: 'осенью' }])).toThrow(/ГГГГ-ММ/);
    expect(() => parsePlatformFacts([{ ...fact, sources: [] }])).toThrow();
    expect(() => parsePlatformFacts([{ ...fact, sources: ['http://example.ru/'] }])).toThrow();
    expect(() => parsePlatformFacts([{ ...fact, checked: undefined }])).toThrow();
    expect(() => parsePlatformFacts([{ ...fact, until: 'весной' }])).toThrow(/ГГГГ-ММ/);
  });

  it('keeps a fact whose period has ended out of what is current, up to the last day it holds', () => {
    expect(factEnded({ until: '2025-10-31' }, '2025-10-31')).toBe(false);
    expect(factEnded({ until: '2025-10-31' }, '2025-11-01')).toBe(true);
    expect(factEnded({ until: '2025-12' }, '2025-12-31')).toBe(false);
    expect(factEnded({ until: '2025-12' }, '2026-01-01')).toBe(true);
    expect(factEnded({}, '2099-01-01')).toBe(false);
  });

  it('shows parents the Saint Petersburg transition period while it lasts, and not after it ended', () => {
    const facts = parsePlatformFacts(JSON.parse(readFileSync(join(ROOT, 'content/platform-facts.json'), 'utf8')));
    const catalogue = catalogueSchema.parse(JSON.parse(readFileSync(join(ROOT, 'content/duties.json'), 'utf8')));
    const parentJoin = catalogue.duties.find((duty) => duty.id === 'parent-join')!;
    const notesOn = (today: string) => currentNotes(parentJoin.platform!, currentFacts(facts, today)).MAX;
    expect(notesOn('2025-09-01')).toContain('spb-transition');
    expect(notesOn('2026-11-24')).not.toContain('spb-transition');
    expect(notesOn('2026-11-24')).toContain('ask-admin');
  });

  it('takes the «checked on» date from the facts: the oldest check', () => {
    const facts = parsePlatformFacts(JSON.parse(readFileSync(join(ROOT, 'content/platform-facts.json'), 'utf8')));
    expect(factsChecked(facts)).toBe(facts.map((fact) => fact.checked).toSorted()[0]);
    expect(factsChecked([{ checked: '2026-11-24' }, { checked: '2026-11-20' }])).toBe('2026-11-20');
  });

  it('names who says each quoted fact: the kind of its source', () => {
    const facts = parsePlatformFacts(JSON.parse(readFileSync(join(ROOT, 'content/platform-facts.json'), 'utf8')));
    expect(facts.filter((fact) => fact.quote && !fact.kind).map((fact) => fact.id)).toEqual([]);
  });

  it('writes a full date in words, and a month alone when the day is unknown', () => {
    expect(factDate('2025-08-19')).toBe('19 августа 2025\u00a0г.');
    expect(factDate('2025-07')).toBe('июль 2025\u00a0г.');
    expect(factDate('2022-09')).toBe('сентябрь 2022\u00a0г.');
    expect(factDate('2022–2025')).toBe('2022–2025\u00a0гг.');
  });

  it('finds VK Мессенджер however a document spells it, and not inside other words', () => {
    expect(mentionsVk('Учебный профиль VK-мессенджер — бесплатное приложение')).toBe(true);
    expect(mentionsVk('с использованием российского мессенджера - VK мессенджер')).toBe(true);
    expect(mentionsVk('чаты «Сферума» во ВКонтакте')).toBe(true);
    expect(mentionsVk('заместитель заведующего по ВО и МР; ВКС; VKS')).toBe(false);
  });
});

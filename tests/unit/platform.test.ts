import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { factDate, mentionsVk, parsePlatformFacts } from '../../src/domain/platform.ts';
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
    const fact = { id: 'x', date: '2025-09-01', text: 'Какой-то факт о платформе.', sources: ['https://example.ru/'] };
    expect(() => parsePlatformFacts([{ ...fact, date: 'осенью' }])).toThrow(/ГГГГ-ММ/);
    expect(() => parsePlatformFacts([{ ...fact, sources: [] }])).toThrow();
    expect(() => parsePlatformFacts([{ ...fact, sources: ['http://example.ru/'] }])).toThrow();
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

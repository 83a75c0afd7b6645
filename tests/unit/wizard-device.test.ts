/** What the wizard keeps on the device and the ready-made texts: bad input gets a Russian message, nothing is lost. */
import { describe, expect, it } from 'vitest';
import { readTicks, writeTicks, readFields, writeFields, asideKey, loadSaved, saveChange, withTick, withoutTicks, ticksKey, withField, TICKS, FIELDS, type Store } from '../../src/domain/saved.ts';
import { TEMPLATES, fieldError, fillTemplate, normalisePhone, registrationMailto } from '../../src/domain/messages.ts';

const template = (id: string) => TEMPLATES.find((t) => t.id === id)!;
const field = (templateId: string, id: string) => template(templateId).fields.find((f) => f.id === id)!;

describe('saved ticks and fields', () => {
  it('reads back what it wrote', () => {
    expect(readTicks(writeTicks(['a', 'b']))).toEqual({ value: ['a', 'b'] });
    expect(readFields(writeFields({ 'chat-rules': { chat: '7 «Б»' } }))).toEqual({ value: { 'chat-rules': { chat: '7 «Б»' } } });
    expect(readTicks(null)).toEqual({ value: [] });
  });

  it('reports a corrupted or old-version entry in Russian instead of using it', () => {
    expect(readTicks('{"v":1,"done":[')).toEqual({ problem: 'Сохранённые отметки повреждены и не прочитаны.' });
    expect(readTicks('{"v":1,"done":[1,2]}').problem).toMatch(/повреждены/);
    expect(readTicks('{"done":["a"]}').problem).toMatch(/в другом формате/);
    expect(readTicks('{"v":0,"done":["a"]}').problem).toBe('Сохранённые отметки записаны в другом формате (версия 0) и не прочитаны.');
    expect(readFields('{"v":1,"fields":{"x":{"y":5}}}').problem).toMatch(/поля повреждены/);
    expect(readFields('null').problem).toMatch(/повреждены/);
  });

  it('reads only the shape it wrote: a list of ids, fields grouped by text', () => {
    const broken = { problem: 'Сохранённые поля повреждены и не прочитаны.' };
    for (const fields of ['[]', '"x"', 'null', '[{"a":"b"}]', '{"t":null}', '{"t":"x"}', '{"t":{"a":"b"},"u":{"c":1}}']) {
      expect(readFields(`{"v":1,"fields":${fields}}`), fields).toEqual(broken);
    }
    expect(readFields('{"v":1,"fields":{"t":{"a":"b"},"u":{}}}')).toEqual({ value: { t: { a: 'b' }, u: {} } });
    expect(readFields('{"v":1}')).toEqual(broken);
    expect(readTicks('{"v":1,"done":"a"}')).toEqual({ problem: 'Сохранённые отметки повреждены и не прочитаны.' });
    expect(readTicks('"текст"')).toEqual({ problem: 'Сохранённые отметки повреждены и не прочитаны.' });
    expect(readTicks('{"v":"12345678901234567890","done":[]}')).toEqual({ problem: 'Сохранённые отметки записаны в другом формате (версия 1234567890) и не прочитаны.' });
  });

  it('keeps an unreadable entry aside under a new key', () => {
    expect(asideKey('sferum-fields', new Date('2026-01-02T03:04:05Z'))).toBe('sferum-fields:не-прочитано:2026-01-02T03:04:05.000Z');
  });
});

/** An in-memory localStorage that can be made full: then every write is refused. */
function memoryStore(entries: Record<string, string> = {}): Store & { entries: Map<string, string>; full: boolean } {
  const store = {
    entries: new Map(Object.entries(entries)),
    full: false,
    get: (key: string) => store.entries.get(key) ?? null,
    set: (key: string, value: string) => !store.full && (store.entries.set(key, value), true),
  };
  return store;
}
const now = new Date('2026-01-02T03:04:05Z');

describe('saving ticks and fields', () => {
  it('keeps a corrupt entry aside, then starts afresh', () => {
    const store = memoryStore({ list: '{"v":1,"done":[' });
    expect(loadSaved(store, 'list', TICKS, now)).toEqual({ value: [], problem: expect.stringMatching(/повреждены.*сохранена отдельно.*\(list:не-прочитано:2026-01-02T03:04:05\.000Z\); отметки начаты заново/) });
    expect(store.entries.get(asideKey('list', now))).toBe('{"v":1,"done":[');
    expect(saveChange(store, 'list', TICKS, TICKS.empty, withTick('a', true))).toEqual({ value: ['a'], saved: true });
  });

  it('reads a good entry as it is, and starts an absent one empty without keeping anything aside', () => {
    const store = memoryStore({ list: writeTicks(['a']) });
    expect(loadSaved(store, 'list', TICKS, now)).toEqual({ value: ['a'] });
    expect(loadSaved(store, 'other', TICKS, now)).toEqual({ value: [] });
    expect([...store.entries.keys()]).toEqual(['list']);
  });

  it('keeps aside a corrupt entry even when the empty one cannot be written after it', () => {
    const store = memoryStore({ f: '{"v":1,"fields":[]}' });
    const writes: string[] = [];
    const once: Store = { get: store.get, set: (key, value) => (writes.push(key), writes.length === 1 && store.set(key, value)) };
    expect(loadSaved(once, 'f', FIELDS, now).problem).toBe(
      'Сохранённые поля повреждены и не прочитаны. Отложить прежнюю запись не удалось: память браузера заполнена. Чтобы её не стереть, новые поля на этом устройстве не сохраняются.',
    );
    expect(store.entries.get('f')).toBe('{"v":1,"fields":[]}');
    expect(store.entries.get(asideKey('f', now))).toBe('{"v":1,"fields":[]}');
  });

  it('with storage full and a corrupt entry: says so truthfully and never writes over the entry', () => {
    const store = memoryStore({ list: 'испорчено' });
    store.full = true;
    const loaded = loadSaved(store, 'list', TICKS, now);
    expect(loaded.problem).toMatch(/повреждены.*Отложить прежнюю запись не удалось.*не сохраняются/);
    expect(loaded.problem).not.toMatch(/сохранена отдельно/);
    store.full = false; // space frees up: still the unread entry is not overwritten by the next tick
    expect(saveChange(store, 'list', TICKS, ['b'], withTick('a', true))).toMatchObject({ value: ['b', 'a'], saved: false, problem: expect.stringMatching(/не сохраняются/) });
    expect(store.entries.get('list')).toBe('испорчено');
  });

  it('reports a refused write and keeps the old entry', () => {
    const store = memoryStore({ list: writeTicks(['a']) });
    store.full = true;
    expect(saveChange(store, 'list', TICKS, TICKS.empty, withTick('b', true))).toMatchObject({ value: ['a', 'b'], saved: false, problem: expect.stringMatching(/^Не сохранено: .*Прежние отметки остались как были/) });
    expect(store.entries.get('list')).toBe(writeTicks(['a']));
    expect(saveChange(store, 'f', FIELDS, FIELDS.empty, withField('t', 'f', 'x'))).toMatchObject({ saved: false, problem: expect.stringMatching(/Прежние поля/) });
  });

  it('two tabs: a change applies to what the other tab stored, not to this page\'s stale copy', () => {
    const store = memoryStore();
    saveChange(store, 'list', TICKS, TICKS.empty, withTick('a', true)); // tab 1
    expect(saveChange(store, 'list', TICKS, TICKS.empty, withTick('b', true)).value).toEqual(['a', 'b']); // tab 2, loaded before tab 1 ticked
    expect(saveChange(store, 'list', TICKS, TICKS.empty, withTick('a', false)).value).toEqual(['b']);
    saveChange(store, 'f', FIELDS, FIELDS.empty, withField('t', 'name', 'Иванова'));
    expect(saveChange(store, 'f', FIELDS, FIELDS.empty, withField('t', 'phone', '+7 900')).value).toEqual({ t: { name: 'Иванова', phone: '+7 900' } });
  });
});

describe('ready-made texts', () => {
  it('accepts Russian mobile numbers in common forms and rejects others', () => {
    expect(normalisePhone('8 (912) 345-67-89')).toBe('+7 912 345-67-89');
    expect(normalisePhone('+79123456789')).toBe('+7 912 345-67-89');
    for (const wrong of ['12345', '+7 495 123-45-67', '+1 912 345 67 89', '8912345678a', '189123456789', '891234567890']) expect(normalisePhone(wrong), wrong).toBeUndefined();
  });

  it('fills a text with the values as typed, trimmed, only phone fields normalised, an empty field left empty', () => {
    const registration = template('registration-email');
    const filled = fillTemplate(registration, { org: '  Школа № 1 ', name: '89123456789', phone: '12345' });
    expect(filled.split('\n')).toEqual(registration.lines.map((line) => line.replace('{org}', 'Школа № 1').replace('{name}', '89123456789').replace('{phone}', '12345').replace('{email}', '')));
    expect(fillTemplate(registration, { phone: ' 8 912 345 67 89 ' })).toContain('+7 912 345-67-89');
    expect(fieldError(field('registration-email', 'org'), 'x'.repeat(300))).toBeUndefined();
  });

  it('gives a clear Russian message for wrong phone, e-mail and link formats', () => {
    expect(fieldError(field('registration-email', 'phone'), '123')).toBe('Введите мобильный номер в формате +7 900 000-00-00');
    expect(fieldError(field('registration-email', 'email'), 'admin@school')).toBe('Введите адрес электронной почты в формате name@example.ru');
    expect(fieldError(field('registration-email', 'email'), '"><img onerror=alert(1)>@x.ru')).toMatch(/Введите адрес/);
    expect(fieldError(field('parent-invitation', 'link'), 'javascript:alert(1)')).toMatch(/https:\/\//);
    expect(fieldError(field('registration-email', 'org'), '  ')).toBe('Заполните поле «Полное название учреждения»');
    expect(fieldError(field('registration-email', 'org'), 'x'.repeat(301))).toMatch(/слишком длинное/);
    expect(fieldError(field('registration-email', 'phone'), '8 912 345 67 89')).toBeUndefined();
  });

  it('builds the registration e-mail as the Ministry letter asks: subject, contacts, both attachments', () => {
    const text = fillTemplate(template('registration-email'), { org: 'МБОУ СОШ № 1', name: 'Иванова Мария Петровна', phone: '89123456789', email: 'a@b.ru' });
    expect(text).toContain('образовательную организацию: МБОУ СОШ № 1.');
    expect(text).toContain('Мобильный телефон администратора: +7 912 345-67-89');
    expect(text).toMatch(/1\) документ на бланке организации за подписью руководителя и печатью/);
    expect(text).toContain('2) анкета заполнена в электронном виде: https://vk.cc/cnEOTn.');
    const mailto = registrationMailto(text);
    expect(mailto.startsWith('mailto:info@sferum.ru?subject=')).toBe(true);
    expect(decodeURIComponent(mailto.split('subject=')[1].split('&')[0])).toBe('СФЕРУМ: Регистрация организации');
  });

  it('keeps hostile text as plain text: placeholders inside values are not expanded, markup is encoded in the mailto link', () => {
    const hostile = '<script>alert(1)</script> {phone}';
    const text = fillTemplate(template('registration-email'), { org: hostile, name: '"><img onerror=alert(1)>', phone: '89123456789', email: 'a@b.ru' });
    expect(text).toContain(`организацию: ${hostile}.`);
    expect(registrationMailto(text)).not.toMatch(/[<>"]/);
  });

  it('builds the chat rules from the ethics clauses and an invitation for parents', () => {
    const rules = fillTemplate(template('chat-rules'), { chat: '7 «Б»', moderator: 'Анна Сергеевна' });
    expect(rules).toContain('Правила общения в чате «7 «Б»»');
    expect(rules).toMatch(/модератор напоминает о них/);
    const invitation = fillTemplate(template('parent-invitation'), { group: '3 «А»', link: 'https://example.ru/x', teacher: 'Анна Сергеевна' });
    expect(invitation).toContain('https://example.ru/x');
  });
});

describe('ticks shared by the wizard and the role pages', () => {
  it('keeps one entry per role, and per institution on a site that serves several', () => {
    expect(ticksKey('parent')).toBe('sferum-ticks:v1:parent');
    expect(ticksKey('parent', 'kerch-shkola-12')).toBe('sferum-ticks:v1:parent:kerch-shkola-12');
    expect(ticksKey('admin', 'kerch-shkola-12')).not.toBe(ticksKey('admin', 'tekhnikum'));
  });

  it('clears only the ticks of the checklist started again', () => {
    expect(withoutTicks(['a', 'c'])(['a', 'b', 'c'])).toEqual(['b']);
  });
});

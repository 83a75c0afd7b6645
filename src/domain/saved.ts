/**
 * What the wizard keeps on the device (localStorage): versioned JSON. A value that cannot be read is
 * reported and kept aside by the caller, never overwritten silently. Pure and free of zod: shipped to the browser.
 */

export const SAVED_VERSION = 1;

export type Read<T> = { value: T; problem?: undefined } | { value?: undefined; problem: string };

function read<T>(raw: string | null, what: string, shape: (data: Record<string, unknown>) => T | undefined, empty: T): Read<T> {
  if (raw === null) return { value: empty };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    data = undefined;
  }
  if (typeof data !== 'object' || data === null) return { problem: `Сохранённые ${what} повреждены и не прочитаны.` };
  const record = data as Record<string, unknown>;
  if (record.v !== SAVED_VERSION) return { problem: `Сохранённые ${what} записаны в другом формате (версия ${String(record.v).slice(0, 10)}) и не прочитаны.` };
  const value = shape(record);
  return value === undefined ? { problem: `Сохранённые ${what} повреждены и не прочитаны.` } : { value };
}

/** Ticked duty ids of one checklist. */
export function readTicks(raw: string | null): Read<string[]> {
  return read(raw, 'отметки', (data) => (Array.isArray(data.done) && data.done.every((id) => typeof id === 'string') ? (data.done as string[]) : undefined), []);
}

export function writeTicks(done: Iterable<string>): string {
  return JSON.stringify({ v: SAVED_VERSION, done: [...done] });
}

/** Values typed into the ready-made texts' fields, by template and field id. */
export type FieldValues = Record<string, Record<string, string>>;

export function readFields(raw: string | null): Read<FieldValues> {
  return read(
    raw,
    'поля',
    (data) => {
      const fields = data.fields;
      if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) return undefined;
      const ok = Object.values(fields).every(
        (group) => typeof group === 'object' && group !== null && Object.values(group).every((value) => typeof value === 'string'),
      );
      return ok ? (fields as FieldValues) : undefined;
    },
    {},
  );
}

export function writeFields(fields: FieldValues): string {
  return JSON.stringify({ v: SAVED_VERSION, fields });
}

export const FIELDS_KEY = 'sferum-fields';

/** Where an unreadable value is kept aside: the key plus a suffix, never reused. */
export function asideKey(key: string, now: Date): string {
  return `${key}:не-прочитано:${now.toISOString()}`;
}

/** Key-value storage as the islands see it (localStorage behind src/islands/device.ts); set is false when refused. */
export interface Store {
  get(key: string): string | null;
  set(key: string, value: string): boolean;
}

/** How to read and write one kind of saved value. */
export interface SavedFormat<T> {
  read(raw: string | null): Read<T>;
  write(value: T): string;
  empty: T;
  /** «отметки», «поля»: what the messages call the value. */
  what: string;
}

export const TICKS: SavedFormat<string[]> = { read: readTicks, write: writeTicks, empty: [], what: 'отметки' };
export const FIELDS: SavedFormat<FieldValues> = { read: readFields, write: writeFields, empty: {}, what: 'поля' };

export interface Loaded<T> {
  value: T;
  /** What went wrong with the stored entry, for the person to read. */
  problem?: string;
}

/**
 * Reads a saved value. An unreadable entry is copied aside first and only then replaced by an empty one; when the
 * copy cannot be written, the entry stays untouched and every later write to it is refused (see `saveChange`).
 */
export function loadSaved<T>(store: Store, key: string, format: SavedFormat<T>, now: Date): Loaded<T> {
  const raw = store.get(key);
  const read = format.read(raw);
  if (read.problem === undefined) return { value: read.value };
  const aside = asideKey(key, now);
  if (store.set(aside, raw ?? '') && store.set(key, format.write(format.empty))) {
    return { value: format.empty, problem: `${read.problem} Прежняя запись сохранена отдельно на этом устройстве (${aside}); ${format.what} начаты заново.` };
  }
  return { value: format.empty, problem: `${read.problem} ${notSavedOver(format)}` };
}

const notSavedOver = (format: SavedFormat<unknown>) =>
  `Отложить прежнюю запись не удалось: память браузера заполнена. Чтобы её не стереть, новые ${format.what} на этом устройстве не сохраняются.`;

export type Saved<T> = { value: T; saved: true } | { value: T; saved: false; problem: string };

/**
 * Applies a change to what is stored now, not to what this page read earlier (another tab may have written since),
 * and writes it. Never writes over an entry it cannot read: then the change applies to `shown`, the page's own copy,
 * and is not saved. A refused write leaves the old entry as it was.
 */
export function saveChange<T>(store: Store, key: string, format: SavedFormat<T>, shown: T, change: (current: T) => T): Saved<T> {
  const current = format.read(store.get(key));
  if (current.problem !== undefined) return { value: change(shown), saved: false, problem: `${current.problem} ${notSavedOver(format)}` };
  const value = change(current.value);
  if (store.set(key, format.write(value))) return { value, saved: true };
  return { value, saved: false, problem: `Не сохранено: браузер не даёт сохранять данные на этом устройстве (память заполнена или сохранение запрещено). Прежние ${format.what} остались как были.` };
}

/**
 * Where a role's ticks are kept: one entry per role (and institution, on a site that serves several), shared by the
 * wizard's checklists and the role's page. Ticks are duty ids, so a duty ticked in one place shows ticked in the other.
 */
export function ticksKey(role: string, institution?: string): string {
  return ['sferum-ticks', `v${SAVED_VERSION}`, role, ...(institution ? [institution] : [])].join(':');
}

/** Ticks with these duties cleared (a checklist started again). */
export const withoutTicks = (ids: readonly string[]) => (done: string[]) => done.filter((id) => !ids.includes(id));

/** Ticks with one duty set or cleared. */
export const withTick = (id: string, ticked: boolean) => (done: string[]) => (ticked ? [...new Set([...done, id])] : done.filter((other) => other !== id));

/** Fields with one value set. */
export const withField = (template: string, field: string, value: string) => (fields: FieldValues): FieldValues => ({
  ...fields,
  [template]: { ...fields[template], [field]: value },
});

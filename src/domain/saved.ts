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

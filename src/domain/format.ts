const RUSSIAN_DATE = new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** Russian date in words: 2024-10-17 → «17 октября 2024 г.» (UTC, as frontmatter dates are). */
export function formatDate(date: Date): string {
  const formatted = RUSSIAN_DATE.format(date);
  return formatted.replace(/ г\.$/, '\u00a0г.');
}

/** ISO form for <time datetime>. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** «№ 236-а» with a non-breaking space. */
export function numberSign(number: string): string {
  return `№\u00a0${number}`;
}

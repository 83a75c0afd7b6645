/** Russian date in words: 2024-10-17 → «17 октября 2024 г.» (UTC, as frontmatter dates are). */
export function formatDate(date: Date): string {
  const formatted = new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
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

/** A fact's date as the source gives it: «2025-08-19» → «19 августа 2025 г.», «2022-09» → «сентябрь 2022 г.». */
export function formatPartialDate(iso: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return formatDate(new Date(iso));
  const month = new Intl.DateTimeFormat('ru-RU', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}-01`));
  return month.replace(/ г\.$/, '\u00a0г.');
}

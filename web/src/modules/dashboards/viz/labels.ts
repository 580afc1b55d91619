import type { CellValue, TimeSpec } from '../../../api/query-types';

type Grain = NonNullable<TimeSpec['grain']>;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Calendar values are formatted in UTC: a `yyyy-MM-dd` day is a day, not an instant in some time zone. */
function utcFormatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** A `yyyy-MM-dd` (or ISO timestamp) cell as a date, or null when it is not one. */
export function parseDay(value: CellValue): Date | null {
  if (typeof value !== 'string') return null;
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (day) return new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

/** A time bucket as an axis label fit for its grain: "Nov 3" for days and weeks, "Nov 2026" for months... */
export function timeLabel(value: CellValue, grain: Grain | undefined, locale: string): string {
  const date = parseDay(value);
  if (date === null) return value === null ? '—' : String(value);
  switch (grain) {
    case 'hour':
      return utcFormatter(locale, { month: 'short', day: 'numeric', hour: 'numeric' }).format(date);
    case 'month':
      return monthLabel(date, locale);
    case 'quarter':
      return `Q${Math.floor(date.getUTCMonth() / 3) + 1} ${date.getUTCFullYear()}`;
    case 'year':
      return String(date.getUTCFullYear());
    default:
      return utcFormatter(locale, { month: 'short', day: 'numeric' }).format(date);
  }
}

/** A time bucket in full, for a tooltip's heading: "Tue, Nov 3, 2026" for days, the axis label otherwise. */
export function timeHeading(value: CellValue, grain: Grain | undefined, locale: string): string {
  const date = parseDay(value);
  if (date === null || (grain !== undefined && grain !== 'day' && grain !== 'week')) return timeLabel(value, grain, locale);
  return utcFormatter(locale, { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric' }).format(date);
}

/** A month in the locale with its year: "Nov 2026", "nov. 2026". */
export function monthLabel(date: Date, locale: string): string {
  return utcFormatter(locale, { month: 'short', year: 'numeric' }).format(date);
}

/** An hour of the day (0–23) as the locale writes it on a clock axis: "9 AM" in en-US, "09" in de-DE. */
export function hourLabel(hour: number, locale: string): string {
  const parts = utcFormatter(locale, { hour: 'numeric' }).formatToParts(new Date(Date.UTC(2000, 0, 1, hour)));
  const kept = parts.filter((part) => part.type === 'hour' || part.type === 'dayPeriod').map((part) => part.value);
  return kept.join(' ');
}

/** 2023-01-01 was a Sunday: the day `iso % 7` after it is the ISO weekday `iso` (1 = Monday .. 7 = Sunday). */
const aSunday = Date.UTC(2023, 0, 1);

/** The locale's name of an ISO weekday (1 = Monday .. 7 = Sunday). */
export function weekdayName(iso: number, locale: string, width: 'short' | 'long' = 'short'): string {
  return utcFormatter(locale, { weekday: width }).format(new Date(aSunday + (iso % 7) * 86_400_000));
}

/** The text cut to `max` characters with an ellipsis, for axis labels (the tooltip shows it whole). */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}

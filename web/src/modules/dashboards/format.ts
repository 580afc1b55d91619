import type { CellValue, ValueFormat } from '../../api/query-types';

/**
 * Where numbers are shown: the browser's locale and the company's currency (ISO 4217, from `GET /api/info`; empty
 * when not known: amounts then show without a symbol).
 */
export interface FormatContext {
  locale: string;
  currency: string;
}

/** How a missing value reads everywhere (tables, cards, tooltips). */
export const NO_VALUE = '—';

// Intl formatters are costly to build and a dashboard formats thousands of cells: keep one per option set.
const numberFormatters = new Map<string, Intl.NumberFormat>();
const dateFormatters = new Map<string, Intl.DateTimeFormat>();

function numberFormatter(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = numberFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, options);
    numberFormatters.set(key, formatter);
  }
  return formatter;
}

function dateFormatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = dateFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, options);
    dateFormatters.set(key, formatter);
  }
  return formatter;
}

function numberOptions(format: ValueFormat, context: FormatContext, compact: boolean): Intl.NumberFormatOptions {
  const shape: Intl.NumberFormatOptions = compact ? { notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 } : {};
  switch (format) {
    case 'currency':
      // Without a known currency an amount is still an amount: two decimals, no symbol rather than a wrong one.
      if (context.currency === '') return compact ? shape : { minimumFractionDigits: 2, maximumFractionDigits: 2 };
      return compact
        ? { ...shape, style: 'currency', currency: context.currency }
        : { style: 'currency', currency: context.currency };
    case 'percent':
      return { style: 'percent', minimumFractionDigits: compact ? 0 : 1, maximumFractionDigits: compact ? 0 : 1 };
    case 'integer':
      return compact ? shape : { maximumFractionDigits: 0 };
    default:
      return compact ? shape : { maximumFractionDigits: 2 };
  }
}

/** `yyyy-MM-dd` dates are calendar days, not instants: read them as UTC so no time zone shifts the day. */
function formatDate(value: string, context: FormatContext): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (day) {
    const date = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
    return dateFormatter(context.locale, { dateStyle: 'short', timeZone: 'UTC' }).format(date);
  }
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return value;
  return dateFormatter(context.locale, { dateStyle: 'short', timeStyle: 'short' }).format(instant);
}

/** Seconds as `1h 05m`, `4m 30s` or `12s`. */
function formatDuration(seconds: number, context: FormatContext): string {
  const sign = seconds < 0 ? '-' : '';
  const total = Math.round(Math.abs(seconds));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = total % 60;
  const two = (n: number): string => String(n).padStart(2, '0');
  if (hours > 0) return `${sign}${numberFormatter(context.locale, {}).format(hours)}h ${two(minutes)}m`;
  if (minutes > 0) return `${sign}${minutes}m ${two(rest)}s`;
  return `${sign}${rest}s`;
}

/**
 * A cell in the model's format and the person's locale: "—" for null, the locale's short date for dates, a fraction
 * as a percent, amounts in the company's currency. `compact` (axis labels, tight cards) gives "1.2K" / "$3.4M".
 */
export function formatValue(
  value: CellValue,
  format: ValueFormat,
  context: FormatContext,
  style: 'full' | 'compact' = 'full',
): string {
  if (value === null || value === undefined || value === '') return NO_VALUE;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (format === 'date') return typeof value === 'string' ? formatDate(value, context) : String(value);
  const number = typeof value === 'number' ? value : format === 'none' ? Number.NaN : Number(value);
  if (!Number.isFinite(number)) return String(value);
  if (format === 'duration') return formatDuration(number, context);
  return numberFormatter(context.locale, numberOptions(format, context, style === 'compact')).format(number);
}

/**
 * A percent change (a fraction: 0.123 is +12.3%) with an explicit sign, a true minus sign for decreases, and "—"
 * when there is no comparison (null, or a previous value of zero).
 */
export function formatPercentChange(fraction: number | null, context: FormatContext): string {
  if (fraction === null || !Number.isFinite(fraction)) return NO_VALUE;
  const magnitude = numberFormatter(context.locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(Math.abs(fraction));
  if (magnitude === numberFormatter(context.locale, { style: 'percent', minimumFractionDigits: 1 }).format(0)) {
    return magnitude;
  }
  return `${fraction > 0 ? '+' : '\u2212'}${magnitude}`;
}

/** An instant (ISO timestamp) as the locale's time of day with seconds, for "Updated …"; null when it is not a time. */
export function formatClock(value: string, context: FormatContext): string | null {
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return null;
  return dateFormatter(context.locale, { timeStyle: 'medium' }).format(instant);
}

/** An instant (ISO timestamp) as the locale's date and time, for "Data as of …"; null when it is not a time. */
export function formatInstant(value: string, context: FormatContext): string | null {
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return null;
  return dateFormatter(context.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(instant);
}

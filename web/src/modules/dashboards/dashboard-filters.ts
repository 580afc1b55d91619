import type { QuerySpec, RangeSpec } from '../../api/query-types';

/** The quick ranges of the filter bar, and `custom` (from/to dates). */
export const RANGE_KEYS = ['7d', '30d', '90d', 'ytd', 'custom'] as const;
export type RangeKey = (typeof RANGE_KEYS)[number];

/** The dashboard's filters, as they live in the URL. */
export interface DashboardFilters {
  range: RangeKey;
  /** The first and last day (`yyyy-MM-dd`, inclusive) of a custom range; null for the quick ranges. */
  from: string | null;
  to: string | null;
  /** The branch id to show; null for all the caller's branches. */
  location: string | null;
}

export const DEFAULT_FILTERS: Readonly<DashboardFilters> = { range: '30d', from: null, to: null, location: null };

const presets: Record<Exclude<RangeKey, 'custom'>, string> = {
  '7d': 'last_7_days',
  '30d': 'last_30_days',
  '90d': 'last_90_days',
  ytd: 'year_to_date',
};

/** A query value as vue-router gives it: a string, null, or an array of those. */
type QueryValue = string | null | (string | null)[] | undefined;

function single(value: QueryValue): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first !== '' ? first : null;
}

/** Whether the text is a real calendar day written `yyyy-MM-dd`. */
export function isIsoDate(text: string | null): text is string {
  if (text === null) return false;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
}

/**
 * The filters of a URL query (`?range=…&from=…&to=…&location=…`). Anything invalid falls back to the default: an
 * unknown range, or a custom range without two valid dates in order, is the default 30 days.
 */
export function parseFilters(query: Record<string, QueryValue>): DashboardFilters {
  const location = single(query['location']);
  const range = single(query['range']);
  const filters: DashboardFilters = { ...DEFAULT_FILTERS, location };
  if (range === 'custom') {
    const from = single(query['from']);
    const to = single(query['to']);
    return isIsoDate(from) && isIsoDate(to) && from <= to ? { ...filters, range, from, to } : filters;
  }
  return (RANGE_KEYS as readonly string[]).includes(range ?? '') ? { ...filters, range: range as RangeKey } : filters;
}

/** The URL query of the filters; defaults are left out, so the plain dashboard address is the default view. */
export function filtersToQuery(filters: DashboardFilters): Record<string, string> {
  const query: Record<string, string> = {};
  if (filters.range !== DEFAULT_FILTERS.range) query['range'] = filters.range;
  if (filters.range === 'custom' && filters.from !== null && filters.to !== null) {
    query['from'] = filters.from;
    query['to'] = filters.to;
  }
  if (filters.location !== null) query['location'] = filters.location;
  return query;
}

/** The query spec's range for the filters. */
export function rangeSpec(filters: DashboardFilters): RangeSpec {
  if (filters.range === 'custom' && filters.from !== null && filters.to !== null) return { from: filters.from, to: filters.to };
  // A custom range without its dates cannot come out of parseFilters; read it as the default.
  return { preset: presets[filters.range === 'custom' ? '30d' : filters.range] };
}

/**
 * A tile's spec with the dashboard's filters applied (a new spec; the tile's is left as it is): the range goes to a
 * spec that names none (a tile with its own range, "Revenue today", keeps it), and a chosen branch is one more filter.
 */
export function applyFilters(spec: QuerySpec, filters: DashboardFilters): QuerySpec {
  const applied: QuerySpec = { ...spec };
  if (spec.time?.range === undefined) applied.time = { ...spec.time, range: rangeSpec(filters) };
  if (filters.location !== null) {
    applied.filters = [...(spec.filters ?? []), { member: 'location_id', op: 'equals', values: [filters.location] }];
  }
  return applied;
}

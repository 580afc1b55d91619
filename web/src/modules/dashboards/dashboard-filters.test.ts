import { describe, expect, it } from 'vitest';
import type { QuerySpec } from '../../api/query-types';
import { applyFilters, DEFAULT_FILTERS, filtersToQuery, isIsoDate, parseFilters, rangeSpec, type DashboardFilters } from './dashboard-filters';

describe('parseFilters', () => {
  it('defaults to the last 30 days of all branches', () => {
    expect(parseFilters({})).toEqual({ range: '30d', from: null, to: null, location: null });
  });

  it.each(['7d', '30d', '90d', 'ytd'] as const)('reads the quick range %s', (range) => {
    expect(parseFilters({ range })).toEqual({ ...DEFAULT_FILTERS, range });
  });

  it('reads a custom range and a branch', () => {
    expect(parseFilters({ range: 'custom', from: '2026-01-01', to: '2026-02-28', location: 'north' })).toEqual({
      range: 'custom',
      from: '2026-01-01',
      to: '2026-02-28',
      location: 'north',
    });
  });

  it('accepts a custom range of one day', () => {
    expect(parseFilters({ range: 'custom', from: '2026-01-01', to: '2026-01-01' }).range).toBe('custom');
  });

  it.each([
    ['an unknown range', { range: '1y' }],
    ['a custom range without dates', { range: 'custom' }],
    ['a custom range with one date', { range: 'custom', from: '2026-01-01' }],
    ['a custom range that ends before it starts', { range: 'custom', from: '2026-02-01', to: '2026-01-01' }],
    ['a custom range with an impossible day', { range: 'custom', from: '2026-02-30', to: '2026-03-01' }],
    ['a custom range in another format', { range: 'custom', from: '01/02/2026', to: '2026-03-01' }],
  ])('falls back to the default for %s', (_, query) => {
    expect(parseFilters(query)).toEqual(DEFAULT_FILTERS);
  });

  it('keeps the branch when the range is invalid', () => {
    expect(parseFilters({ range: 'nope', location: 'south' })).toEqual({ ...DEFAULT_FILTERS, location: 'south' });
  });

  it('takes the first of repeated parameters and ignores empty ones', () => {
    expect(parseFilters({ range: ['90d', '7d'], location: '' })).toEqual({ ...DEFAULT_FILTERS, range: '90d' });
    expect(parseFilters({ range: [null], location: null })).toEqual(DEFAULT_FILTERS);
  });

  it('ignores dates of a quick range', () => {
    expect(parseFilters({ range: '7d', from: '2026-01-01', to: '2026-01-31' })).toEqual({ ...DEFAULT_FILTERS, range: '7d' });
  });
});

describe('filtersToQuery', () => {
  it('leaves the defaults out', () => {
    expect(filtersToQuery(DEFAULT_FILTERS)).toEqual({});
  });

  it('writes what parseFilters reads back', () => {
    const filters: DashboardFilters[] = [
      { ...DEFAULT_FILTERS, range: 'ytd', location: 'east' },
      { range: 'custom', from: '2025-12-01', to: '2026-01-15', location: null },
      { ...DEFAULT_FILTERS, range: '7d' },
    ];
    for (const f of filters) expect(parseFilters(filtersToQuery(f))).toEqual(f);
    expect(filtersToQuery(filters[1]!)).toEqual({ range: 'custom', from: '2025-12-01', to: '2026-01-15' });
  });
});

describe('rangeSpec', () => {
  it.each([
    ['7d', 'last_7_days'],
    ['30d', 'last_30_days'],
    ['90d', 'last_90_days'],
    ['ytd', 'year_to_date'],
  ] as const)('maps %s to the preset %s', (range, preset) => {
    expect(rangeSpec({ ...DEFAULT_FILTERS, range })).toEqual({ preset });
  });

  it('maps a custom range to its dates', () => {
    expect(rangeSpec({ range: 'custom', from: '2026-01-01', to: '2026-01-31', location: null })).toEqual({ from: '2026-01-01', to: '2026-01-31' });
  });
});

describe('applyFilters', () => {
  const filters: DashboardFilters = { ...DEFAULT_FILTERS, range: '7d', location: 'north' };

  it('sets the range of a spec that has none, keeping the rest of its time', () => {
    expect(applyFilters({ metrics: ['revenue'], time: { grain: 'day' } }, { ...filters, location: null })).toEqual({
      metrics: ['revenue'],
      time: { grain: 'day', range: { preset: 'last_7_days' } },
    });
    expect(applyFilters({ analysis: 'customer_segments' }, { ...filters, location: null })).toEqual({
      analysis: 'customer_segments',
      time: { range: { preset: 'last_7_days' } },
    });
  });

  it('keeps the range a tile names itself', () => {
    const spec: QuerySpec = { metrics: ['revenue'], time: { range: { preset: 'today' } } };
    expect(applyFilters(spec, filters).time).toEqual({ range: { preset: 'today' } });
  });

  it('appends the branch filter after the tile filters', () => {
    const spec: QuerySpec = { metrics: ['revenue'], filters: [{ member: 'category', op: 'in', values: ['Paint'] }] };
    expect(applyFilters(spec, filters).filters).toEqual([
      { member: 'category', op: 'in', values: ['Paint'] },
      { member: 'location_id', op: 'equals', values: ['north'] },
    ]);
  });

  it('adds no branch filter for all branches', () => {
    expect(applyFilters({ metrics: ['revenue'] }, { ...filters, location: null }).filters).toBeUndefined();
  });

  it('never changes the tile spec', () => {
    const spec: QuerySpec = { metrics: ['revenue'], time: { grain: 'day' }, filters: [{ member: 'category', op: 'in', values: ['Paint'] }] };
    const copy = structuredClone(spec);
    applyFilters(spec, filters);
    expect(spec).toEqual(copy);
  });
});

describe('isIsoDate', () => {
  it('accepts real days only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate(null)).toBe(false);
  });
});

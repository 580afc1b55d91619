import { describe, expect, it } from 'vitest';
import { formatClock, formatInstant, formatPercentChange, formatValue, type FormatContext } from './format';

const us: FormatContext = { locale: 'en-US', currency: 'USD' };
const de: FormatContext = { locale: 'de-DE', currency: 'EUR' };

// Intl puts narrow no-break spaces in some locales; compare with plain spaces.
const plain = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatValue', () => {
  it('formats currency in the company currency and the locale', () => {
    expect(formatValue(12345.678, 'currency', us)).toBe('$12,345.68');
    expect(plain(formatValue(12345.678, 'currency', de))).toBe('12.345,68 €');
  });

  it('formats amounts without a symbol when the currency is not known', () => {
    expect(formatValue(12345.6, 'currency', { locale: 'en-US', currency: '' })).toBe('12,345.60');
  });

  it('formats a fraction as a percent with one decimal', () => {
    expect(formatValue(0.1234, 'percent', us)).toBe('12.3%');
    expect(plain(formatValue(0.1234, 'percent', de))).toBe('12,3 %');
  });

  it('formats integers with grouping and no decimals', () => {
    expect(formatValue(1234567, 'integer', us)).toBe('1,234,567');
    expect(formatValue(1234567, 'integer', de)).toBe('1.234.567');
    expect(formatValue(2.6, 'integer', us)).toBe('3');
  });

  it('formats plain numbers with at most two decimals', () => {
    expect(formatValue(1234.5678, 'number', us)).toBe('1,234.57');
    expect(formatValue(1234.5678, 'number', de)).toBe('1.234,57');
    expect(formatValue(3, 'none', us)).toBe('3');
  });

  it('formats calendar days as the locale short date without shifting the day', () => {
    expect(formatValue('2026-03-01', 'date', us)).toBe('3/1/26');
    expect(formatValue('2026-03-01', 'date', de)).toBe('01.03.26');
  });

  it('formats timestamps with a time', () => {
    expect(formatValue('2026-03-01T10:00:00Z', 'date', us)).toMatch(/26/);
    expect(formatValue('not a date', 'date', us)).toBe('not a date');
  });

  it('shows null and empty as a dash', () => {
    expect(formatValue(null, 'currency', us)).toBe('—');
    expect(formatValue('', 'integer', us)).toBe('—');
    expect(formatValue(null, 'date', de)).toBe('—');
  });

  it('keeps text as text', () => {
    expect(formatValue('North branch', 'none', us)).toBe('North branch');
    expect(formatValue(true, 'none', us)).toBe('Yes');
  });

  it('formats numbers sent as text', () => {
    expect(formatValue('1500.5', 'currency', us)).toBe('$1,500.50');
  });

  it('formats durations in seconds', () => {
    expect(formatValue(330, 'duration', us)).toBe('5m 30s');
    expect(formatValue(3900, 'duration', us)).toBe('1h 05m');
    expect(formatValue(12, 'duration', us)).toBe('12s');
  });

  it('formats compactly for axis labels', () => {
    expect(formatValue(1234, 'integer', us, 'compact')).toBe('1.2K');
    expect(formatValue(3_400_000, 'currency', us, 'compact')).toBe('$3.4M');
    expect(plain(formatValue(3_400_000, 'currency', de, 'compact'))).toBe('3,4 Mio. €');
    expect(formatValue(0.25, 'percent', us, 'compact')).toBe('25%');
  });
});

describe('formatPercentChange', () => {
  it('signs increases with a plus and decreases with a true minus', () => {
    expect(formatPercentChange(0.123, us)).toBe('+12.3%');
    expect(formatPercentChange(-0.04, us)).toBe('\u22124.0%');
    expect(plain(formatPercentChange(0.123, de))).toBe('+12,3 %');
  });

  it('shows no sign for no change and a dash for no comparison', () => {
    expect(formatPercentChange(0, us)).toBe('0.0%');
    expect(formatPercentChange(0.00001, us)).toBe('0.0%');
    expect(formatPercentChange(null, us)).toBe('—');
    expect(formatPercentChange(Number.POSITIVE_INFINITY, us)).toBe('—');
  });
});

describe('formatInstant', () => {
  it('formats a timestamp in the locale, and refuses what is not one', () => {
    expect(formatInstant('2026-03-01T10:00:00Z', us)).toMatch(/Mar 1, 2026/);
    expect(formatInstant('2026-03-01T10:00:00Z', de)).toMatch(/01\.03\.2026/);
    expect(formatInstant('soon', us)).toBeNull();
  });
});

describe('formatClock', () => {
  it('formats the time of day with seconds in the locale, and refuses what is not a time', () => {
    expect(formatClock('2026-03-01T10:00:05Z', us)).toMatch(/^\d{1,2}:\d{2}:05\s?[AP]M$/);
    expect(formatClock('2026-03-01T10:00:05Z', de)).toMatch(/^\d{2}:\d{2}:05$/);
    expect(formatClock('soon', us)).toBeNull();
  });
});

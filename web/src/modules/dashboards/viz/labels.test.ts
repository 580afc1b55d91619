import { describe, expect, it } from 'vitest';
import { hourLabel, monthLabel, parseDay, timeHeading, timeLabel, truncate, weekdayName } from './labels';

describe('labels', () => {
  it('writes hours as the locale does on a clock', () => {
    expect(hourLabel(0, 'en-US')).toBe('12 AM');
    expect(hourLabel(9, 'en-US')).toBe('9 AM');
    expect(hourLabel(15, 'en-US')).toBe('3 PM');
    expect(hourLabel(9, 'de-DE')).toBe('09');
    expect(hourLabel(23, 'en-GB')).toBe('23');
  });

  it('names ISO weekdays in the locale, 7 being Sunday', () => {
    expect(weekdayName(7, 'en-US')).toBe('Sun');
    expect(weekdayName(1, 'en-US')).toBe('Mon');
    expect(weekdayName(6, 'en-US', 'long')).toBe('Saturday');
    expect(weekdayName(1, 'de-DE', 'long')).toBe('Montag');
  });

  it('reads days as calendar days, whatever the time zone', () => {
    expect(parseDay('2026-03-01')?.toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(parseDay(12)).toBeNull();
    expect(monthLabel(new Date(Date.UTC(2026, 2, 1)), 'en-US')).toBe('Mar 2026');
  });

  it('labels time buckets by their grain', () => {
    expect(timeLabel('2026-11-03', 'day', 'en-US')).toBe('Nov 3');
    expect(timeLabel('2026-11-01', 'month', 'en-US')).toBe('Nov 2026');
    expect(timeLabel('2026-04-01', 'quarter', 'en-US')).toBe('Q2 2026');
    expect(timeHeading('2026-11-03', 'day', 'en-US')).toBe('Tue, Nov 3, 2026');
  });

  it('cuts long names with an ellipsis and leaves short ones alone', () => {
    expect(truncate('Pressure washer deluxe 3000', 12)).toBe('Pressure wa…');
    expect(truncate('Hose', 12)).toBe('Hose');
  });
});

import { describe, expect, it } from 'vitest';
import { findColumn } from './answer-data';
import { barSeries, barSummary, buildBarOption, hourSeries, weekdaySeries } from './bar-option';
import { answerOf, callFormatter, lightTheme, tileOf, us } from './test-answers';

const revenue = { name: 'revenue', label: 'Revenue', format: 'currency' as const };

function byHour(rows: [number, number][]) {
  const hour = { name: 'hour_of_day', type: 'integer', format: 'integer', label: 'Hour of day', role: 'dimension' } as const;
  return answerOf([hour, revenue], rows);
}

function byWeekday(rows: [number, number][]) {
  return answerOf([{ name: 'weekday', type: 'integer', format: 'integer', label: 'Weekday', role: 'dimension' }, revenue], rows);
}

describe('hourSeries', () => {
  it('fills every hour 0–23 in order, the hours without sales as zero', () => {
    const answer = byHour([[9, 120], [14, 80.5]]);
    const series = hourSeries(answer, findColumn(answer, 'hour_of_day')!, findColumn(answer, 'revenue'), 'en-US');

    expect(series.values).toHaveLength(24);
    expect(series.values[9]).toBe(120);
    expect(series.values[14]).toBe(80.5);
    expect(series.values.filter((v) => v === 0)).toHaveLength(22);
    expect(series.labels.slice(0, 2)).toEqual(['12 AM', '1 AM']);
    expect(series.labels[9]).toBe('9 AM');
    expect(series.headings[9]).toBe('9 AM–10 AM');
    expect(series.rows[10]).toBeNull();
  });

  it('labels the hours as the locale does', () => {
    const answer = byHour([]);
    expect(hourSeries(answer, findColumn(answer, 'hour_of_day')!, null, 'de-DE').labels[9]).toBe('09');
  });
});

describe('weekdaySeries', () => {
  it('orders the ISO weekdays Sunday..Saturday, missing days as zero', () => {
    const answer = byWeekday([[1, 10], [2, 20], [5, 50], [7, 70]]);
    const series = weekdaySeries(answer, findColumn(answer, 'weekday')!, findColumn(answer, 'revenue'), 'en-US');

    expect(series.labels).toEqual(['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']);
    expect(series.values).toEqual([70, 10, 20, 0, 0, 50, 0]);
    expect(series.headings[0]).toBe('Sunday');
  });
});

describe('buildBarOption', () => {
  it('fills the axis as options.fill asks and formats the tooltip in the metric format', () => {
    const answer = byWeekday([[3, 1234.5]]);
    const tile = tileOf('bar', { options: { x: 'weekday', fill: 'weekdays' } });
    const option = buildBarOption(tile, answer, lightTheme, us);

    const xAxis = option.xAxis as { data: string[] };
    expect(xAxis.data).toEqual(['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']);
    const tooltip = option.tooltip as { formatter: unknown };
    const text = callFormatter(tooltip.formatter, [{ dataIndex: 3 }]);
    expect(text).toContain('Wednesday');
    expect(text).toContain('$1,234.50');
    expect(callFormatter(tooltip.formatter, [{ dataIndex: 4 }])).toContain('$0.00');
  });

  it('keeps the answer order along other dimensions', () => {
    const answer = answerOf(
      [{ name: 'location', type: 'string', format: 'none', label: 'Branch', role: 'dimension' }, revenue],
      [['Austin', 5], ['Boston', 9]],
    );
    expect(barSeries(tileOf('bar'), answer, us)).toMatchObject({ labels: ['Austin', 'Boston'], values: [5, 9] });
  });

  it('gives screen readers one line per bar, weekday names included', () => {
    const answer = byWeekday([[7, 70]]);
    const summary = barSummary(tileOf('bar', { options: { x: 'weekday', fill: 'weekdays' } }), answer, us);
    expect(summary.headers).toEqual(['Weekday', 'Revenue']);
    expect(summary.rows[0]).toEqual(['Sunday', '$70.00']);
    expect(summary.rows).toHaveLength(7);
  });
});

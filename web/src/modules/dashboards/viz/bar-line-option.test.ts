import { describe, expect, it } from 'vitest';
import { formatValue } from '../format';
import { barLineSeries, buildBarLineOption } from './bar-line-option';
import { answerOf, callFormatter, lightTheme, tileOf, us } from './test-answers';

const answer = answerOf(
  [
    { name: 'order_date', type: 'date', format: 'date', label: 'Order date', role: 'time' },
    { name: 'revenue', label: 'Revenue', format: 'currency' },
    { name: 'orders', label: 'Orders', type: 'integer', format: 'integer' },
  ],
  [
    ['2026-11-02', 1500.25, 12],
    ['2026-11-03', null, 0],
  ],
);
const tile = tileOf('bar_line', { spec: { time: { grain: 'day' } }, options: { bars: ['revenue'], lines: ['orders'] } });

describe('buildBarLineOption', () => {
  it('draws options.bars on the left axis and options.lines on the right', () => {
    const option = buildBarLineOption(tile, answer, lightTheme, us);
    const series = option.series as { type: string; name: string; yAxisIndex: number; data: number[] }[];

    expect(series.map((s) => [s.type, s.name, s.yAxisIndex])).toEqual([
      ['bar', 'Revenue', 0],
      ['line', 'Orders', 1],
    ]);
    expect(series[0]?.data).toEqual([1500.25, 0]);
    expect((option.xAxis as { data: string[] }).data).toEqual(['Nov 2', 'Nov 3']);
  });

  it('breaks the hovered day down in a tooltip with every series formatted', () => {
    const option = buildBarLineOption(tile, answer, lightTheme, us);
    const tooltip = option.tooltip as { trigger: string; formatter: unknown };

    expect(tooltip.trigger).toBe('axis');
    const text = callFormatter(tooltip.formatter, [{ dataIndex: 0, seriesIndex: 0 }, { dataIndex: 0, seriesIndex: 1 }]);
    expect(text).toContain('Mon, Nov 2, 2026');
    expect(text).toContain('Revenue: <strong>$1,500.25</strong>');
    expect(text).toContain('Orders: <strong>12</strong>');
    expect(callFormatter(tooltip.formatter, [{ dataIndex: 1 }])).toContain('Revenue: <strong>—</strong>');
  });

  it('formats each axis in its metrics format, compact', () => {
    const option = buildBarLineOption(tile, answer, lightTheme, us);
    const [left, right] = option.yAxis as { axisLabel: { formatter: unknown } }[];
    expect(callFormatter(left?.axisLabel.formatter, 25000)).toBe(formatValue(25000, 'currency', us, 'compact'));
    expect(callFormatter(right?.axisLabel.formatter, 1200)).toBe('1.2K');
  });

  it('draws the first metric as bars and the rest as lines when the tile names none', () => {
    const plain = barLineSeries(tileOf('bar_line'), answer);
    expect(plain.bars.map((c) => c.column.name)).toEqual(['revenue']);
    expect(plain.lines.map((c) => c.column.name)).toEqual(['orders']);
  });
});

describe('buildBarLineOption in a low box', () => {
  it('drops the legend and thins the axes', () => {
    const option = buildBarLineOption(tile, answer, lightTheme, us, true);
    expect((option.legend as { show: boolean }).show).toBe(false);
    expect((option.yAxis as { splitNumber: number }[]).map((axis) => axis.splitNumber)).toEqual([2, 2]);
    expect((buildBarLineOption(tile, answer, lightTheme, us).legend as { show: boolean }).show).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { formatValue } from '../format';
import { buildHbarOption, rankedBars } from './hbar-option';
import { answerOf, callFormatter, lightTheme, tileOf, us } from './test-answers';

const answer = answerOf(
  [
    { name: 'product', type: 'string', format: 'none', label: 'Product', role: 'dimension' },
    { name: 'revenue', label: 'Revenue', format: 'currency' },
  ],
  [
    ['Garden hose <50 ft> professional grade', 900],
    ['Rake', 1500],
    ['Shovel', 300],
  ],
);

describe('buildHbarOption', () => {
  it('puts the highest value on top (last on ECharts’ bottom-up category axis)', () => {
    expect(rankedBars(tileOf('hbar'), answer, us).map((bar) => bar.name)).toEqual([
      'Shovel',
      'Garden hose <50 ft> professional grade',
      'Rake',
    ]);
    const option = buildHbarOption(tileOf('hbar'), answer, lightTheme, us);
    expect((option.series as { data: number[] }[])[0]?.data).toEqual([300, 900, 1500]);
  });

  it('prints each value on its bar, formatted', () => {
    const option = buildHbarOption(tileOf('hbar'), answer, lightTheme, us);
    const label = (option.series as { label: { show: boolean; formatter: unknown } }[])[0]?.label;
    expect(label?.show).toBe(true);
    expect(callFormatter(label?.formatter, { value: 1500 })).toBe(formatValue(1500, 'currency', us, 'compact'));
  });

  it('truncates long category labels and shows the full name, escaped, in the tooltip', () => {
    const option = buildHbarOption(tileOf('hbar'), answer, lightTheme, us);
    const axisLabel = (option.yAxis as { axisLabel: { formatter: unknown } }).axisLabel;
    expect(callFormatter(axisLabel.formatter, 'Garden hose <50 ft> professional grade')).toBe('Garden hose <50 f…');

    const text = callFormatter((option.tooltip as { formatter: unknown }).formatter, [{ dataIndex: 1 }]);
    expect(text).toContain('Garden hose &#60;50 ft&#62; professional grade');
    expect(text).toContain('$900.00');
  });
});


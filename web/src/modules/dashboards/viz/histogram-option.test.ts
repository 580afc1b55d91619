import { describe, expect, it } from 'vitest';
import { bandLabel, buildHistogramOption, histogramSummary, valueBands } from './histogram-option';
import { answerOf, callFormatter, lightTheme, us } from './test-answers';

const answer = answerOf(
  [
    { name: 'value_from', label: 'From', role: 'dimension', format: 'currency' },
    { name: 'value_to', label: 'To', role: 'dimension', format: 'currency' },
    { name: 'customers', label: 'Customers', type: 'integer', format: 'integer' },
    { name: 'revenue', label: 'Revenue', format: 'currency' },
  ],
  [
    [0, 50, 120, 3100.5],
    [50, 100, 80, 5900],
    [100, 250, 40, 6400],
    [250, 500, 9, 3300],
    [500, null, 2, 1900],
  ],
);

describe('histogram', () => {
  it('labels the value bands in the company currency, the last one open', () => {
    expect(valueBands(answer, us)).toEqual(['$0–50', '$50–100', '$100–250', '$250–500', '$500+']);
    expect(bandLabel(0, 50, { locale: 'en-GB', currency: 'GBP' })).toBe('£0–50');
    expect(bandLabel(500, null, { locale: 'de-DE', currency: 'EUR' }).replace(/\s/g, ' ')).toBe('500 €+');
  });

  it('draws customers per band and lists the revenue in the tooltip', () => {
    const option = buildHistogramOption(answer, lightTheme, us);
    const series = option.series as { data: number[] }[];
    expect(series[0]?.data).toEqual([120, 80, 40, 9, 2]);

    const text = callFormatter((option.tooltip as { formatter: unknown }).formatter, [{ dataIndex: 0 }]);
    expect(text).toContain('$0–50');
    expect(text).toContain('Customers: <strong>120</strong>');
    expect(text).toContain('Revenue: <strong>$3,100.50</strong>');
  });

  it('gives screen readers the bands by name', () => {
    const summary = histogramSummary(answer, us);
    expect(summary.headers).toEqual(['Lifetime value', 'Customers', 'Revenue']);
    expect(summary.rows[4]).toEqual(['$500+', '2', '$1,900.00']);
  });
});

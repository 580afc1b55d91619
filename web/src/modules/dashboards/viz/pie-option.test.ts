import { describe, expect, it } from 'vitest';
import { buildPieOption, pieSlices } from './pie-option';
import { answerOf, callFormatter, lightTheme, tileOf, us } from './test-answers';

const segments = answerOf(
  [
    { name: 'segment', type: 'string', format: 'none', label: 'Segment', role: 'dimension' },
    { name: 'customers', type: 'integer', format: 'integer', label: 'Customers' },
    { name: 'orders', type: 'integer', format: 'integer', label: 'Orders' },
    { name: 'revenue', label: 'Revenue', format: 'currency' },
  ],
  [
    ['vip', 5, 60, 9000],
    ['loyal', 15, 90, 7000],
    ['regular', 30, 80, 4000],
    ['new', 50, 50, 2500],
  ],
);
const segmentTile = tileOf('pie', { spec: { analysis: 'customer_segments' } });

describe('buildPieOption', () => {
  it('names the customer segments and sizes them by customers', () => {
    const slices = pieSlices(segmentTile, segments, us);
    expect(slices.map((s) => s.name)).toEqual(['VIP (10+ orders)', 'Loyal (5–9)', 'Regular (2–4)', 'New (1)']);
    expect(slices.map((s) => s.value)).toEqual([5, 15, 30, 50]);
    expect(slices[3]?.share).toBe(0.5);
  });

  it('shows customers, share, orders and revenue in the segment tooltip', () => {
    const option = buildPieOption(segmentTile, segments, lightTheme, us);
    const text = callFormatter((option.tooltip as { formatter: unknown }).formatter, { dataIndex: 1 });
    expect(text).toContain('Loyal (5–9)');
    expect(text).toContain('Customers: <strong>15</strong>');
    expect(text).toContain('Share: <strong>15.0%</strong>');
    expect(text).toContain('Orders: <strong>90</strong>');
    expect(text).toContain('Revenue: <strong>$7,000.00</strong>');
  });

  it('draws the donut at once, as every chart draws its first answer', () => {
    const option = buildPieOption(segmentTile, segments, lightTheme, us);
    const [series] = option.series as { animationDuration?: number }[];
    expect(series?.animationDuration).toBe(0);
    expect(option.animationDuration).toBe(0);
  });

  it('draws any dimension and its first metric otherwise', () => {
    const answer = answerOf(
      [
        { name: 'location', type: 'string', format: 'none', label: 'Branch', role: 'dimension' },
        { name: 'revenue', label: 'Revenue', format: 'currency' },
      ],
      [['Austin', 300], ['Boston', 100]],
    );
    const slices = pieSlices(tileOf('pie'), answer, us);
    expect(slices.map((s) => [s.name, s.value, s.share])).toEqual([['Austin', 300, 0.75], ['Boston', 100, 0.25]]);
    const tooltip = buildPieOption(tileOf('pie'), answer, lightTheme, us).tooltip as { formatter: unknown };
    const text = callFormatter(tooltip.formatter, { dataIndex: 0 });
    expect(text).toContain('Revenue: <strong>$300.00</strong>');
    expect(text).toContain('Share: <strong>75.0%</strong>');
  });
});

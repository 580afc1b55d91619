import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { answerOf, locationColumn, ordersColumn, revenueColumn, tileOf, usd } from '../../testing/dashboards';
import TableViz from './table-viz.vue';

const answer = answerOf([locationColumn, revenueColumn, ordersColumn], [
  ['North', 2000, 20],
  ['South', 500.5, null],
]);

describe('TableViz', () => {
  it('labels the columns and right-aligns and formats the metrics, with raw values on the cells', () => {
    const wrapper = mount(TableViz, { props: { tile: tileOf('t', 'table'), answer, format: usd } });

    expect(wrapper.findAll('th').map((th) => th.text())).toEqual(['Branch', 'Revenue', 'Orders']);
    const rows = wrapper.findAll('[data-row]');
    expect(rows).toHaveLength(2);
    const revenue = rows[1]!.find('[data-column="revenue"]');
    expect(revenue.attributes('data-value')).toBe('500.5');
    expect(revenue.text()).toBe('$500.50');
    expect(revenue.classes()).toContain('numeric');
    expect(rows[1]!.find('[data-column="location"]').classes()).not.toContain('numeric');
    expect(rows[1]!.find('[data-column="orders"]').attributes('data-value')).toBe('');
    expect(rows[1]!.find('[data-column="orders"]').text()).toBe('—');
  });

  it('adds a rank column and an inline bar scaled to the largest value', () => {
    const tile = tileOf('t', 'table', { options: { rank: true, bar: 'revenue' } });

    const wrapper = mount(TableViz, { props: { tile, answer, format: usd } });

    expect(wrapper.findAll('th')[0]?.text()).toBe('#');
    expect(wrapper.findAll('.rank').map((td) => td.text())).toEqual(['1', '2']);
    const bars = wrapper.findAll('[data-column="revenue"] .bar > span');
    expect(bars.map((bar) => bar.attributes('style'))).toEqual(['width: 100%;', 'width: 25.025%;']);
    expect(wrapper.findAll('[data-column="orders"] .bar')).toHaveLength(0);
  });

  it('shows each metric change from the comparison rows when asked', () => {
    const compared = {
      ...answer,
      comparison: {
        kind: 'previous_period' as const,
        from: '2026-01-01',
        to: '2026-01-31',
        rows: [{ revenue: { previous: 1000, delta: 1000, percent: 1 }, orders: { previous: 20, delta: 0, percent: 0 } }, {}],
        totals: {},
      },
    };

    const wrapper = mount(TableViz, { props: { tile: tileOf('t', 'table', { options: { deltas: true } }), answer: compared, format: usd } });

    expect(wrapper.find('[data-row] [data-column="revenue"] .delta').text()).toContain('▲ +100.0%');
    expect(wrapper.find('[data-row] [data-column="revenue"] .delta').classes()).toContain('delta-up');
    expect(wrapper.find('[data-row] [data-column="orders"] .delta').classes()).toContain('delta-flat');
    expect(wrapper.findAll('[data-row]')[1]!.find('.delta').exists()).toBe(false);
  });
});

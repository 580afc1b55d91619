import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { answerOf, ordersColumn, revenueColumn, tileOf, usd } from '../../testing/dashboards';
import KpiCards from './kpi-cards.vue';

const comparison = (revenue: number | null, orders: number | null) => ({
  kind: 'previous_period' as const,
  from: '2026-01-01',
  to: '2026-01-31',
  rows: [],
  totals: {
    revenue: { previous: 100, delta: 10, percent: revenue },
    orders: { previous: 10, delta: -1, percent: orders },
  },
});

describe('KpiCards', () => {
  it('shows one card per metric with its label, formatted total and raw value', () => {
    const answer = answerOf([revenueColumn, ordersColumn], [[12345.67, 321]], { totals: { revenue: 12345.67, orders: 321 } });

    const wrapper = mount(KpiCards, { props: { tile: tileOf('kpis', 'kpi'), answer, format: usd } });

    const cards = wrapper.findAll('[data-metric]');
    expect(cards.map((c) => c.attributes('data-metric'))).toEqual(['revenue', 'orders']);
    expect(cards[0]?.attributes('data-value')).toBe('12345.67');
    expect(cards[0]?.find('.kpi-label').text()).toBe('Revenue');
    expect(cards[0]?.find('.kpi-value').text()).toBe('$12,345.67');
    expect(cards[1]?.find('.kpi-value').text()).toBe('321');
  });

  it('marks a rise with an up arrow, a plus sign and the up colour, and a fall with a down arrow and a minus', () => {
    const answer = answerOf([revenueColumn, ordersColumn], [[110, 9]], { totals: { revenue: 110, orders: 9 }, comparison: comparison(0.1, -0.1) });

    const wrapper = mount(KpiCards, { props: { tile: tileOf('kpis', 'kpi', { options: { caption: 'vs last month' } }), answer, format: usd } });

    const up = wrapper.find('[data-metric="revenue"] .kpi-delta');
    expect(up.classes()).toContain('delta-up');
    expect(up.text()).toContain('▲');
    expect(up.text()).toContain('+10.0%');
    expect(up.text()).toContain('up 10.0%');
    expect(up.text()).toContain('vs last month');
    const down = wrapper.find('[data-metric="orders"] .kpi-delta');
    expect(down.classes()).toContain('delta-down');
    expect(down.text()).toContain('▼');
    expect(down.text()).toContain('\u221210.0%');
    expect(up.classes()).toContain('delta-good');
    expect(down.classes()).toContain('delta-bad');
  });

  it('colours a rise as bad news for the metrics the tile lists as lower is better', () => {
    const answer = answerOf([revenueColumn, ordersColumn], [[110, 9]], { totals: { revenue: 110, orders: 9 }, comparison: comparison(0.1, -0.1) });
    const tile = tileOf('kpis', 'kpi', { options: { lower_is_better: ['revenue', 'orders'] } });

    const wrapper = mount(KpiCards, { props: { tile, answer, format: usd } });

    expect(wrapper.find('[data-metric="revenue"] .kpi-delta').classes()).toContain('delta-bad');
    expect(wrapper.find('[data-metric="orders"] .kpi-delta').classes()).toContain('delta-good');
    expect(wrapper.find('[data-metric="revenue"] .kpi-delta').text()).toContain('▲');
  });

  it('shows no change without an arrow, and nothing when there is no comparison value', () => {
    const answer = answerOf([revenueColumn, ordersColumn], [[100, 10]], { totals: { revenue: 100, orders: 10 }, comparison: comparison(0, null) });

    const wrapper = mount(KpiCards, { props: { tile: tileOf('kpis', 'kpi'), answer, format: usd } });

    const flat = wrapper.find('[data-metric="revenue"] .kpi-delta');
    expect(flat.classes()).toContain('delta-flat');
    expect(flat.find('.delta-arrow').exists()).toBe(false);
    expect(wrapper.find('[data-metric="orders"] .kpi-delta').exists()).toBe(false);
  });

  it('takes the first row when the answer has no totals, and shows a dash for a missing value', () => {
    const answer = answerOf([revenueColumn, ordersColumn], [[50, null]]);

    const wrapper = mount(KpiCards, { props: { tile: tileOf('kpis', 'kpi'), answer, format: usd } });

    expect(wrapper.find('[data-metric="revenue"]').attributes('data-value')).toBe('50');
    expect(wrapper.find('[data-metric="orders"]').attributes('data-value')).toBe('');
    expect(wrapper.find('[data-metric="orders"] .kpi-value').text()).toBe('—');
  });

  it('leads with the first metric when the tile is too narrow for cards side by side', () => {
    const answer = answerOf([revenueColumn, ordersColumn], [[1, 2]]);

    const narrow = mount(KpiCards, { props: { tile: tileOf('t', 'kpi', { position: { x: 0, y: 0, w: 3, h: 2 } }), answer, format: usd } });
    const wide = mount(KpiCards, { props: { tile: tileOf('t', 'kpi', { position: { x: 0, y: 0, w: 12, h: 2 } }), answer, format: usd } });

    expect(narrow.find('[data-metric="orders"]').classes()).toContain('kpi-secondary');
    expect(wide.find('[data-metric="orders"]').classes()).not.toContain('kpi-secondary');
  });
});

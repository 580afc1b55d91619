import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { ApiError } from '../../api/client';
import type { DashboardTile } from '../../api/query-types';
import { answerOf, ordersColumn, revenueColumn, tileOf, usd } from '../../testing/dashboards';
import TileFrame from './tile-frame.vue';
import type { TileState } from './tile-state';
import type { TileLive } from './use-live-tiles';

// The charts are web-charts' own: stand-ins here, one that draws and one that throws while drawing.
vi.mock('./viz/viz-registry', () => ({
  vizComponent: (viz: string) =>
    viz === 'pie'
      ? defineComponent({
          setup() {
            throw new Error('No canvas.');
          },
          render: () => null,
        })
      : defineComponent({ props: ['tile', 'answer', 'theme', 'format'], setup: (props) => () => h('div', { 'data-viz': viz, 'data-theme': props['theme'] }) }),
  vizEmptyMessage: () => null,
}));

const answer = answerOf([revenueColumn, ordersColumn], [[10, 1]], { totals: { revenue: 10, orders: 1 } });

function mountTile(
  state: TileState,
  tile: DashboardTile = tileOf('kpis', 'kpi'),
  exporter: (() => Promise<string>) | null = null,
  live: TileLive | null = null,
) {
  return mount(TileFrame, { props: { tile, state, format: usd, theme: 'dark', exporter, live } });
}

describe('TileFrame', () => {
  it('shows a skeleton while loading', () => {
    const wrapper = mountTile({ status: 'loading' });

    expect(wrapper.attributes('data-tile')).toBe('kpis');
    expect(wrapper.attributes('data-state')).toBe('loading');
    expect(wrapper.attributes('aria-busy')).toBe('true');
    expect(wrapper.find('.tile-skeleton').exists()).toBe(true);
  });

  it('shows the KPI cards and the data time once ready', () => {
    const wrapper = mountTile({ status: 'ready', answer });

    expect(wrapper.attributes('data-state')).toBe('ready');
    expect(wrapper.find('h2').text()).toBe('Tile kpis');
    expect(wrapper.find('[data-metric="revenue"]').attributes('data-value')).toBe('10');
    expect(wrapper.find('.tile-as-of').text()).toMatch(/^Data as of Mar 1, 2026/);
  });

  it('shows a table tile as a table and a chart tile with its viz, the theme and format passed on', () => {
    expect(mountTile({ status: 'ready', answer }, tileOf('t', 'table')).find('[data-row]').exists()).toBe(true);

    const chart = mountTile({ status: 'ready', answer }, tileOf('c', 'bar'));
    expect(chart.find('[data-viz="bar"]').attributes('data-theme')).toBe('dark');
  });

  it('shows the helpful sentence of an empty tile', () => {
    const wrapper = mountTile({ status: 'empty', answer, message: 'No data for this period.' });

    expect(wrapper.attributes('data-state')).toBe('empty');
    expect(wrapper.find('.tile-empty').text()).toBe('No data for this period.');
  });

  it('shows the error with its detail and asks for a retry', async () => {
    const wrapper = mountTile({ status: 'error', message: 'Unknown metric "revnue".' });

    expect(wrapper.attributes('data-state')).toBe('error');
    expect(wrapper.find('[role="alert"]').text()).toContain('Unknown metric "revnue".');
    await wrapper.find('[data-action="retry"]').trigger('click');

    expect(wrapper.emitted('retry')).toHaveLength(1);
  });

  it('shows the error state when its chart fails to draw, without breaking what is around it', async () => {
    const wrapper = mountTile({ status: 'ready', answer }, tileOf('segments', 'pie'));
    await flushPromises();

    expect(wrapper.attributes('data-state')).toBe('error');
    expect(wrapper.text()).toContain('This chart could not be drawn.');
  });

  it('shows the description as help text', () => {
    const wrapper = mountTile({ status: 'loading' }, tileOf('t', 'kpi', { description: 'Leads to sales.' }));

    expect(wrapper.find('.tile-tooltip').text()).toBe('Leads to sales.');
    expect(wrapper.attributes('aria-describedby')).toBe(wrapper.find('.tile-tooltip').attributes('id'));
  });

  it('offers the CSV export only with an exporter, and reports a failed export', async () => {
    expect(mountTile({ status: 'ready', answer }).find('[data-action="export"]').exists()).toBe(false);

    const exporter = vi.fn(async (): Promise<string> => {
      throw new ApiError('You may not export data.', 'http', 403);
    });
    const wrapper = mountTile({ status: 'ready', answer }, tileOf('kpis', 'kpi'), exporter);
    await wrapper.find('[data-action="export"]').trigger('click');
    await flushPromises();

    expect(exporter).toHaveBeenCalledOnce();
    expect(wrapper.find('.tile-export-error').text()).toBe('You may not export data.');
  });

  it('says when a pushed change came, marks the tile for tests and highlights it anew for each change', async () => {
    const quiet = mountTile({ status: 'ready', answer }, tileOf('kpis', 'kpi'), null, { updatedAt: null, notLive: null });
    expect(quiet.attributes('data-updated-at')).toBeUndefined();
    expect(quiet.find('.tile-flash').exists()).toBe(false);
    expect(quiet.find('.tile-updated').exists()).toBe(false);

    const pushed: TileLive = { updatedAt: '2026-03-01T10:00:05Z', notLive: null };
    const wrapper = mountTile({ status: 'ready', answer }, tileOf('kpis', 'kpi'), null, pushed);
    expect(wrapper.attributes('data-updated-at')).toBe('2026-03-01T10:00:05Z');
    expect(wrapper.find('.tile-updated').text()).toMatch(/^Updated \d{1,2}:\d{2}:05\s?[AP]M$/);
    expect(wrapper.find('.tile-as-of').exists()).toBe(true);
    expect(wrapper.find('.kpi-cards').classes()).toContain('kpi-pushed');
    const flash = wrapper.find('.tile-flash').element;
    expect(wrapper.find('.tile-flash').attributes('aria-hidden')).toBe('true');

    await wrapper.setProps({ live: { updatedAt: '2026-03-01T10:00:09Z', notLive: null } });
    expect(wrapper.find('.tile-flash').element).not.toBe(flash);
  });

  it('keeps its answer and hints with the reason when it is not live', () => {
    const wrapper = mountTile({ status: 'ready', answer }, tileOf('kpis', 'kpi'), null, { updatedAt: null, notLive: 'Not allowed.' });

    expect(wrapper.attributes('data-state')).toBe('ready');
    expect(wrapper.find('.tile-not-live').text()).toBe('Not live');
    expect(wrapper.find('.tile-not-live').attributes('title')).toBe('Not allowed.');
    expect(wrapper.find('[role="alert"]').exists()).toBe(false);
  });
});

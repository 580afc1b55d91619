import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { describe, expect, it } from 'vitest';
import { fakeApi } from '../../../testing/fake-api';
import { formatValue } from '../format';
import MapViz from './map-viz.vue';
import { answerOf, tileOf, us } from './test-answers';

const tile = tileOf('map', {
  title: 'Branches on the map',
  options: { label: 'location', latitude: 'latitude', longitude: 'longitude', size: 'revenue', colour: 'revenue' },
});
const answer = answerOf(
  [
    { name: 'location', type: 'string', format: 'none', label: 'Branch', role: 'dimension' },
    { name: 'latitude', label: 'Latitude', role: 'dimension' },
    { name: 'longitude', label: 'Longitude', role: 'dimension' },
    { name: 'revenue', label: 'Revenue', format: 'currency' },
  ],
  [
    ['Austin', 30.27, -97.74, 40000],
    ['Boston', 42.36, -71.06, 10000],
  ],
  {
    comparison: {
      kind: 'previous_period',
      from: '2026-09-01',
      to: '2026-09-30',
      rows: [{ revenue: { previous: 32000, delta: 8000, percent: 0.25 } }, { revenue: { previous: 0, delta: 0, percent: null } }],
      totals: {},
    },
  },
);
const info = { product: 'Northstar', version: '0.1.0', engine: { name: 'DuckDB', version: 'v1' }, dialect: 'DuckDb', currency: 'USD' };

function mountMap() {
  return mount(MapViz, {
    props: { tile, answer, theme: 'light', format: us },
    global: { plugins: [createPinia()] },
    attachTo: document.body,
  });
}

describe('MapViz', () => {
  it('draws the shipped outline and a circle per branch, with a legend and a table for screen readers', async () => {
    const api = fakeApi({ 'GET /api/info': { ...info, mapTileUrl: null } });
    const wrapper = mountMap();
    await flushPromises();

    const root = wrapper.get('[data-viz="map"]');
    expect(root.attributes('data-rendered')).toBe('true');
    expect(root.attributes('aria-label')).toBe('Branches on the map');
    expect(wrapper.findAll('path.leaflet-interactive')).toHaveLength(2);
    const short = (value: number) => formatValue(value, 'currency', us, 'compact');
    expect(wrapper.findAll('.map-label').map((label) => label.text())).toEqual([
      `Austin${short(40000)} · ▲ +25.0%`,
      `Boston${short(10000)} · —`,
    ]);
    expect(wrapper.find('.map-legend').text()).toContain('Circle size: Revenue');
    expect(wrapper.findAll('tbody tr').map((row) => row.text())).toEqual(['Austin$40,000.00▲ +25.0%', 'Boston$10,000.00—']);
    expect(wrapper.find('img.leaflet-tile').exists()).toBe(false);
    expect(api.requests.map((r) => r.path)).toEqual(['/api/info']);
    wrapper.unmount();
  });

  it('adds the raster tiles of the configured tile server', async () => {
    fakeApi({ 'GET /api/info': { ...info, mapTileUrl: '/tiles/{z}/{x}/{y}.png' } });
    const wrapper = mountMap();
    await flushPromises();

    expect(wrapper.find('.leaflet-tile-pane .leaflet-layer').exists()).toBe(true);
    wrapper.unmount();
  });
});

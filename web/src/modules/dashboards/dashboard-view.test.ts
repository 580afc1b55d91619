import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter, type Router } from 'vue-router';
import type { QuerySpec } from '../../api/query-types';
import { useSessionStore } from '../../stores/session';
import { branches, meAs } from '../../testing/accounts';
import { answerOf, locationColumn, revenueColumn, ordersColumn, salesDashboard } from '../../testing/dashboards';
import { fakeApi, ndjsonStream, problem, type FakeRequest } from '../../testing/fake-api';
import DashboardView from './dashboard-view.vue';

const info = { product: 'Northstar', version: '1', engine: { name: 'DuckDB', version: '1' }, dialect: 'DuckDb', currency: 'EUR', mapTileUrl: null };
const kpiAnswer = answerOf([revenueColumn, ordersColumn], [[1500, 12]], { totals: { revenue: 1500, orders: 12 } });
const todayAnswer = answerOf([revenueColumn], [[80]], { totals: { revenue: 80 } });
const branchAnswer = answerOf([locationColumn, revenueColumn], [['North', 900], ['South', 600]]);

/** The dashboard page on a memory router at `path`, signed in as a role that may export (or not). */
async function open(path: string, mayExport = true): Promise<{ wrapper: ReturnType<typeof mount>; router: Router }> {
  const pinia = createPinia();
  setActivePinia(pinia);
  useSessionStore().me = meAs(mayExport ? 'manager' : 'viewer');
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/dashboards/:id', name: 'dashboard', component: DashboardView, props: true }],
  });
  await router.push(path);
  const wrapper = mount({ template: '<RouterView />' }, { global: { plugins: [pinia, router] }, attachTo: document.body });
  await flushPromises();
  return { wrapper, router };
}

function specsOf(request: FakeRequest | undefined): Record<string, QuerySpec> {
  const body = request?.body as { queries: { id: string; spec: QuerySpec }[] };
  return Object.fromEntries(body.queries.map((query) => [query.id, query.spec]));
}

const line = (value: unknown): string => `${JSON.stringify(value)}\n`;
const stateOf = (wrapper: ReturnType<typeof mount>, tile: string): string | undefined =>
  wrapper.find(`[data-tile="${tile}"]`).attributes('data-state');

afterEach(() => {
  document.body.innerHTML = '';
});

describe('DashboardView', () => {
  it('asks for all tiles in one batch with the filters applied, and fills each tile as its line arrives', async () => {
    const stream = ndjsonStream();
    const api = fakeApi({
      'GET /api/dashboards/sales': salesDashboard,
      'GET /api/info': info,
      'GET /api/branches': branches,
      'POST /api/query/batch': () => stream.response,
    });
    const mark = vi.spyOn(performance, 'mark');

    const { wrapper } = await open('/dashboards/sales?range=7d&location=north');

    const batches = api.requests.filter((r) => r.path === '/api/query/batch');
    expect(batches).toHaveLength(1);
    const specs = specsOf(batches[0]);
    expect(specs['kpis']).toEqual({
      metrics: ['revenue', 'orders'],
      time: { range: { preset: 'last_7_days' } },
      filters: [{ member: 'location_id', op: 'equals', values: ['north'] }],
    });
    expect(specs['today']?.time).toEqual({ range: { preset: 'today' } });
    expect(wrapper.find('h1').text()).toBe('Sales analytics');
    expect(['kpis', 'today', 'branches'].map((t) => stateOf(wrapper, t))).toEqual(['loading', 'loading', 'loading']);
    expect(wrapper.find('[data-dashboard-ready]').attributes('data-dashboard-ready')).toBe('false');

    // Lines come in the order the queries finish, not the order of the tiles.
    stream.send(line({ id: 'branches', answer: branchAnswer }));
    await vi.waitFor(() => expect(stateOf(wrapper, 'branches')).toBe('ready'));
    expect(stateOf(wrapper, 'kpis')).toBe('loading');

    stream.send(line({ id: 'today', error: { status: 400, title: 'Bad request', detail: 'Unknown metric "revnue".' } }));
    stream.send(line({ id: 'kpis', answer: kpiAnswer }));
    stream.close();
    await vi.waitFor(() => expect(stateOf(wrapper, 'kpis')).toBe('ready'));
    await flushPromises();

    expect(stateOf(wrapper, 'today')).toBe('error');
    expect(wrapper.find('[data-tile="today"]').text()).toContain('Unknown metric "revnue".');
    expect(wrapper.find('[data-tile="kpis"] [data-metric="revenue"] .kpi-value').text()).toBe('€1,500.00');
    expect(wrapper.find('[data-dashboard-ready]').attributes('data-dashboard-ready')).toBe('true');
    expect(mark).toHaveBeenCalledWith('dashboard-ready');
    wrapper.unmount();
  });

  it('re-runs only the failed tile on retry', async () => {
    const api = fakeApi({
      'GET /api/dashboards/sales': salesDashboard,
      'GET /api/info': info,
      'GET /api/branches': branches,
      'POST /api/query/batch': () =>
        new Response(line({ id: 'kpis', answer: kpiAnswer }) + line({ id: 'today', error: { detail: 'Timed out.' } }) + line({ id: 'branches', answer: branchAnswer })),
      'POST /api/query': todayAnswer,
    });
    const { wrapper } = await open('/dashboards/sales?range=90d');
    expect(stateOf(wrapper, 'today')).toBe('error');

    await wrapper.find('[data-tile="today"] [data-action="retry"]').trigger('click');
    await flushPromises();

    expect(stateOf(wrapper, 'today')).toBe('ready');
    expect(wrapper.find('[data-tile="today"] [data-metric="revenue"]').attributes('data-value')).toBe('80');
    expect(api.requests.filter((r) => r.path === '/api/query/batch')).toHaveLength(1);
    const retried = api.requests.filter((r) => r.path === '/api/query');
    expect(retried.map((r) => r.body)).toEqual([{ metrics: ['revenue'], time: { range: { preset: 'today' } } }]);
    wrapper.unmount();
  });

  it('cancels the batch under way and loads again when a filter changes', async () => {
    const first = ndjsonStream();
    const second = ndjsonStream();
    const streams = [first, second];
    const api = fakeApi({
      'GET /api/dashboards/sales': salesDashboard,
      'GET /api/info': info,
      'GET /api/branches': branches,
      'POST /api/query/batch': () => streams.shift()!.response,
    });
    const { wrapper, router } = await open('/dashboards/sales');

    await router.replace({ query: { range: 'ytd' } });
    await flushPromises();

    const batches = api.requests.filter((r) => r.path === '/api/query/batch');
    expect(batches).toHaveLength(2);
    expect(batches[0]?.signal?.aborted).toBe(true);
    expect(specsOf(batches[1])['kpis']?.time).toEqual({ range: { preset: 'year_to_date' } });

    // The cancelled batch's stream is no longer read: a late line of it cannot land.
    expect(() => first.send(line({ id: 'kpis', answer: kpiAnswer }))).toThrow();
    expect(stateOf(wrapper, 'kpis')).toBe('loading');
    expect(wrapper.find('[data-dashboard-ready]').attributes('data-dashboard-ready')).toBe('false');

    second.send(line({ id: 'kpis', answer: kpiAnswer }));
    await vi.waitFor(() => expect(stateOf(wrapper, 'kpis')).toBe('ready'));
    wrapper.unmount();
  });

  it('shows every tile left without a line as an error when the batch ends or fails', async () => {
    fakeApi({
      'GET /api/dashboards/sales': salesDashboard,
      'GET /api/info': info,
      'GET /api/branches': branches,
      'POST /api/query/batch': () => new Response(line({ id: 'kpis', answer: kpiAnswer })),
    });

    const { wrapper } = await open('/dashboards/sales');

    expect(stateOf(wrapper, 'kpis')).toBe('ready');
    expect(stateOf(wrapper, 'today')).toBe('error');
    expect(wrapper.find('[data-tile="branches"]').text()).toContain('The server sent no answer for this tile.');
    wrapper.unmount();
  });

  it('shows all tiles in error, and the page still stands, when the batch is refused', async () => {
    fakeApi({
      'GET /api/dashboards/sales': salesDashboard,
      'GET /api/info': info,
      'GET /api/branches': branches,
      'POST /api/query/batch': problem(503, { title: 'Service Unavailable' }),
    });

    const { wrapper } = await open('/dashboards/sales');

    expect(['kpis', 'today', 'branches'].map((t) => stateOf(wrapper, t))).toEqual(['error', 'error', 'error']);
    expect(wrapper.find('[data-tile="kpis"]').text()).toContain('Service Unavailable');
    expect(wrapper.find('[data-testid="location-filter"]').exists()).toBe(true);
    wrapper.unmount();
  });

  it('exports a tile with its export spec and the filters, only for users who may export', async () => {
    const api = fakeApi({
      'GET /api/dashboards/sales': salesDashboard,
      'GET /api/info': info,
      'GET /api/branches': branches,
      'POST /api/query/batch': () => new Response(''),
      'POST /api/export/csv': new Response('a\n', { headers: { 'Content-Disposition': 'attachment; filename="x.csv"' } }),
    });
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:x');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});

    const viewer = await open('/dashboards/sales', false);
    expect(viewer.wrapper.find('[data-action="export"]').exists()).toBe(false);
    viewer.wrapper.unmount();

    const { wrapper } = await open('/dashboards/sales?location=south');
    await wrapper.find('[data-tile="branches"] [data-action="export"]').trigger('click');
    await flushPromises();

    expect(api.requests.find((r) => r.path === '/api/export/csv')?.body).toEqual({
      spec: {
        metrics: ['revenue', 'orders'],
        dimensions: ['location', 'product'],
        time: { range: { preset: 'last_30_days' } },
        filters: [{ member: 'location_id', op: 'equals', values: ['south'] }],
      },
      name: 'sales-branches',
    });
    wrapper.unmount();
  });

  it('places each tile on the grid by its position', async () => {
    fakeApi({
      'GET /api/dashboards/sales': salesDashboard,
      'GET /api/info': info,
      'GET /api/branches': branches,
      'POST /api/query/batch': () => new Response(''),
    });

    const { wrapper } = await open('/dashboards/sales');

    const style = wrapper.find('[data-tile="branches"]').attributes('style');
    expect(style).toContain('--x: 7');
    expect(style).toContain('--y: 3');
    expect(style).toContain('--w: 6');
    expect(style).toContain('--h: 4');
    wrapper.unmount();
  });

  it('explains a dashboard that cannot be loaded', async () => {
    fakeApi({
      'GET /api/dashboards/nope': problem(404, { title: 'Not Found', detail: 'There is no dashboard "nope".' }),
      'GET /api/info': info,
    });

    const { wrapper } = await open('/dashboards/nope');

    expect(wrapper.find('[role="alert"]').text()).toContain('There is no dashboard "nope".');
    wrapper.unmount();
  });
});


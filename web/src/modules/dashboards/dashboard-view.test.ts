import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter, type Router } from 'vue-router';
import type { QueryAnswer, QuerySpec } from '../../api/query-types';
import { useSessionStore } from '../../stores/session';
import { branches, meAs } from '../../testing/accounts';
import { answerOf, locationColumn, revenueColumn, ordersColumn, salesDashboard } from '../../testing/dashboards';
import { fakeApi, ndjsonStream, problem, type FakeRequest } from '../../testing/fake-api';
import type { FakeHubLink } from '../live/fake-hub-link';
import type { LiveRequest, SubscribeResult } from '../live/live-types';
import DashboardView from './dashboard-view.vue';

/** The live hub of these tests: each page gets a fake link; `respond` is how Subscribe answers. */
const hub = vi.hoisted(() => ({
  links: [] as FakeHubLink[],
  respond: (request: LiveRequest): SubscribeResult | Error => new Error(`No answer for ${JSON.stringify(request)}.`),
}));
vi.mock('../live/signalr-link', async () => {
  const { FakeHubLink } = await import('../live/fake-hub-link');
  return {
    createSignalrLink: () => {
      const link = new FakeHubLink((request) => hub.respond(request));
      hub.links.push(link);
      return link;
    },
  };
});

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
  hub.links.length = 0;
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

  it('neither shows nor applies the branch filter on a dashboard without branches, even with a branch in the URL', async () => {
    const stream = ndjsonStream();
    const api = fakeApi({
      'GET /api/dashboards/technology': { ...salesDashboard, id: 'technology', title: 'Technology', branchFilter: false },
      'GET /api/info': info,
      'GET /api/branches': branches,
      'POST /api/query/batch': () => stream.response,
    });

    const { wrapper } = await open('/dashboards/technology?range=7d&location=north');

    const specs = specsOf(api.requests.find((r) => r.path === '/api/query/batch'));
    expect(specs['kpis']).toEqual({ metrics: ['revenue', 'orders'], time: { range: { preset: 'last_7_days' } } });
    expect(wrapper.find('[data-testid="location-filter"]').exists()).toBe(false);
    expect(wrapper.find('[data-range="7d"]').attributes('aria-pressed')).toBe('true');
    stream.close();
    await flushPromises();
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

  describe('live', () => {
    const keyOf = (request: LiveRequest): string => `${JSON.stringify(request.spec)}@${request.intervalSeconds}`;
    /** The answer of each tile's spec, as the batch gives it. */
    function answerFor(spec: QuerySpec): QueryAnswer {
      if (spec.dimensions !== undefined) return branchAnswer;
      return spec.metrics?.length === 2 ? kpiAnswer : todayAnswer;
    }
    const subscribedAs = (request: LiveRequest, answer = answerFor(request.spec)): SubscribeResult => ({
      key: keyOf(request),
      intervalSeconds: request.intervalSeconds,
      answer,
      computedAt: '2026-03-01T10:00:00Z',
    });
    const allLines = () =>
      line({ id: 'kpis', answer: kpiAnswer }) + line({ id: 'today', answer: todayAnswer }) + line({ id: 'branches', answer: branchAnswer });
    const batchOfAll = () => new Response(allLines());
    /** The sales dashboard's API, its batch answered by `batch`. */
    const salesApi = (batch: () => Response = batchOfAll, extra: Record<string, unknown> = {}) =>
      fakeApi({
        'GET /api/dashboards/sales': salesDashboard,
        'GET /api/info': info,
        'GET /api/branches': branches,
        'POST /api/query/batch': batch,
        ...extra,
      });
    const kpisOf = (revenue: number, orders: number) =>
      answerOf([revenueColumn, ordersColumn], [[revenue, orders]], { totals: { revenue, orders } });
    function link(): FakeHubLink {
      const last = hub.links.at(-1);
      if (last === undefined) throw new Error('The page made no live connection.');
      return last;
    }
    const updatedAt = (wrapper: ReturnType<typeof mount>, tile: string) =>
      wrapper.find(`[data-tile="${tile}"]`).attributes('data-updated-at');
    const kpiValue = (wrapper: ReturnType<typeof mount>, tile: string, metric: string) =>
      wrapper.find(`[data-tile="${tile}"] [data-metric="${metric}"]`).attributes('data-value');

    it("follows each tile's filtered spec once the batch is in, with the dashboard's interval (5 s when it names none)", async () => {
      hub.respond = (request) => subscribedAs(request);
      const stream = ndjsonStream();
      const api = fakeApi({
        'GET /api/dashboards/sales': { ...salesDashboard, liveIntervalSeconds: 60 },
        'GET /api/info': info,
        'GET /api/branches': branches,
        'POST /api/query/batch': () => stream.response,
      });
      const { wrapper } = await open('/dashboards/sales?range=7d&location=north');

      stream.send(line({ id: 'kpis', answer: kpiAnswer }));
      await vi.waitFor(() => expect(stateOf(wrapper, 'kpis')).toBe('ready'));
      expect(hub.links.flatMap((l) => l.subscribed)).toEqual([]);
      stream.send(line({ id: 'today', answer: todayAnswer }) + line({ id: 'branches', answer: branchAnswer }));
      stream.close();
      await vi.waitFor(() => expect(link().subscribed).toHaveLength(3));

      const batchSpecs = specsOf(api.requests.find((r) => r.path === '/api/query/batch'));
      expect(link().subscribed).toEqual(['kpis', 'today', 'branches'].map((id) => ({ spec: batchSpecs[id], intervalSeconds: 60 })));
      // Snapshots equal to the batch's answers change nothing.
      await flushPromises();
      expect(['kpis', 'today', 'branches'].map((tile) => updatedAt(wrapper, tile))).toEqual([undefined, undefined, undefined]);
      wrapper.unmount();

      salesApi();
      const plain = await open('/dashboards/sales');
      await vi.waitFor(() => expect(link().subscribed).toHaveLength(3));
      expect(link().subscribed.map((r) => r.intervalSeconds)).toEqual([5, 5, 5]);
      plain.wrapper.unmount();
    });

    it('shows a pushed answer in its tile, with the time it came, and leaves the other tiles as they are', async () => {
      hub.respond = (request) => subscribedAs(request);
      salesApi();
      const { wrapper } = await open('/dashboards/sales');
      await vi.waitFor(() => expect(link().subscribed).toHaveLength(3));
      const kpis = link().subscribed[0]!;

      const before = Date.now();
      link().push({ key: keyOf(kpis), answer: kpisOf(1750, 13), computedAt: '2026-03-01T10:00:07Z' });
      await flushPromises();

      expect(kpiValue(wrapper, 'kpis', 'revenue')).toBe('1750');
      expect(wrapper.find('[data-tile="kpis"] [data-metric="revenue"] .kpi-value').text()).toBe('€1,750.00');
      const stamp = updatedAt(wrapper, 'kpis');
      expect(Date.parse(stamp ?? '')).toBeGreaterThanOrEqual(before - 1);
      expect(wrapper.find('[data-tile="kpis"] .tile-updated').text()).toMatch(/^Updated \S/);
      expect(wrapper.find('[data-tile="kpis"] .tile-flash').exists()).toBe(true);
      expect(updatedAt(wrapper, 'today')).toBeUndefined();
      expect(kpiValue(wrapper, 'today', 'revenue')).toBe('80');

      // An update older than what is shown is dropped.
      link().push({ key: keyOf(kpis), answer: kpiAnswer, computedAt: '2026-03-01T10:00:03Z' });
      await flushPromises();
      expect(kpiValue(wrapper, 'kpis', 'revenue')).toBe('1750');
      expect(updatedAt(wrapper, 'kpis')).toBe(stamp);
      wrapper.unmount();
    });

    it('shows the fresh snapshots after a reconnection, whatever was missed while disconnected', async () => {
      let revenue = 1500;
      hub.respond = (request) =>
        subscribedAs(request, request.spec.metrics?.length === 2 ? kpisOf(revenue, 12) : answerFor(request.spec));
      salesApi();
      const { wrapper } = await open('/dashboards/sales');
      await vi.waitFor(() => expect(link().subscribed).toHaveLength(3));
      await flushPromises();
      expect(updatedAt(wrapper, 'kpis')).toBeUndefined();

      link().drop();
      revenue = 2100;
      link().restore();
      await flushPromises();

      expect(link().subscribed).toHaveLength(6);
      expect(kpiValue(wrapper, 'kpis', 'revenue')).toBe('2100');
      expect(updatedAt(wrapper, 'kpis')).toBeDefined();
      expect(updatedAt(wrapper, 'branches')).toBeUndefined();
      wrapper.unmount();
    });

    it('stops following the old specs as soon as a filter changes, and everything when the page closes', async () => {
      hub.respond = (request) => subscribedAs(request);
      const second = ndjsonStream();
      const batches = [batchOfAll(), second.response];
      salesApi(() => batches.shift()!);
      const { wrapper, router } = await open('/dashboards/sales');
      await vi.waitFor(() => expect(link().subscribed).toHaveLength(3));
      await flushPromises();
      const firstKeys = link().subscribed.map(keyOf);

      await router.replace({ query: { range: 'ytd' } });
      await flushPromises();
      expect(link().unsubscribed).toEqual(firstKeys);
      // A late push for an old spec no longer lands in a tile loading the new one.
      link().push({ key: firstKeys[0]!, answer: kpiAnswer, computedAt: '2026-03-01T10:02:00Z' });
      await flushPromises();
      expect(stateOf(wrapper, 'kpis')).toBe('loading');

      second.send(allLines());
      second.close();
      await vi.waitFor(() => expect(link().subscribed).toHaveLength(6));
      await flushPromises();

      const secondKeys = link().subscribed.slice(3).map(keyOf);
      expect(secondKeys[0]).toContain('year_to_date');
      // "Revenue today" keeps its own range: the same spec, followed again.
      expect(secondKeys[1]).toBe(firstKeys[1]);

      wrapper.unmount();
      expect(link().unsubscribed).toEqual([...firstKeys, ...secondKeys]);
    });

    it('leaves a tile with its batch answer, hinting it is not live, when its subscription is refused; the others stay live', async () => {
      const refusal = "dimensions[0]: unknown dimension 'location'";
      hub.respond = (request) => (request.spec.dimensions ? new Error(refusal) : subscribedAs(request));
      salesApi();
      const { wrapper } = await open('/dashboards/sales');
      await vi.waitFor(() => expect(wrapper.find('[data-tile="branches"] .tile-not-live').exists()).toBe(true));

      expect(stateOf(wrapper, 'branches')).toBe('ready');
      expect(wrapper.find('[data-tile="branches"] [data-row]').exists()).toBe(true);
      expect(wrapper.find('[data-tile="branches"] .tile-not-live').attributes('title')).toBe(refusal);
      expect(wrapper.find('[data-tile="branches"] [role="alert"]').exists()).toBe(false);

      const today = link().subscribed[1]!;
      const pushed = answerOf([revenueColumn], [[95]], { totals: { revenue: 95 } });
      link().push({ key: keyOf(today), answer: pushed, computedAt: '2026-03-01T10:01:00Z' });
      await flushPromises();
      expect(kpiValue(wrapper, 'today', 'revenue')).toBe('95');
      wrapper.unmount();
    });

    it('follows a tile again when it is retried', async () => {
      hub.respond = (request) => (request.spec.time?.range?.preset === 'today' ? new Error('Timed out.') : subscribedAs(request));
      const timedOut = line({ id: 'today', error: { detail: 'Timed out.' } });
      const lines = line({ id: 'kpis', answer: kpiAnswer }) + timedOut + line({ id: 'branches', answer: branchAnswer });
      const api = salesApi(() => new Response(lines), { 'POST /api/query': todayAnswer });
      const { wrapper } = await open('/dashboards/sales');
      await vi.waitFor(() => expect(wrapper.find('[data-tile="today"] .tile-not-live').exists()).toBe(true));
      expect(stateOf(wrapper, 'today')).toBe('error');

      hub.respond = (request) => subscribedAs(request);
      await wrapper.find('[data-tile="today"] [data-action="retry"]').trigger('click');
      await flushPromises();

      expect(api.requests.filter((r) => r.path === '/api/query')).toHaveLength(1);
      expect(stateOf(wrapper, 'today')).toBe('ready');
      const todaySubscriptions = link().subscribed.filter((r) => r.spec.time?.range?.preset === 'today');
      expect(todaySubscriptions).toHaveLength(2);
      expect(wrapper.find('[data-tile="today"] .tile-not-live').exists()).toBe(false);
      wrapper.unmount();
    });
  });
});

import { describe, expect, it } from 'vitest';
import { fakeApi, problem } from '../../testing/fake-api';
import { prefetchDashboard, takeDashboard } from './dashboard-prefetch';

const sales = { id: 'sales', title: 'Sales', description: null, order: 2, tiles: [] };

describe('the dashboard asked for at start-up', () => {
  it('is requested once and taken by the view of that dashboard', async () => {
    const api = fakeApi({ 'GET /api/dashboards/sales': sales });

    prefetchDashboard('/dashboards/sales');
    expect(api.requests.map((request) => request.path)).toEqual(['/api/dashboards/sales']);
    expect((await takeDashboard('sales', new AbortController().signal)).title).toBe('Sales');
    expect(api.requests).toHaveLength(1);

    // Taken once: the next visit asks again.
    await takeDashboard('sales', new AbortController().signal);
    expect(api.requests).toHaveLength(2);
  });

  it('is asked for again when the early request failed, as when the session had ended', async () => {
    let calls = 0;
    fakeApi({
      'GET /api/dashboards/sales': () => (++calls === 1 ? problem(401, { title: 'Unauthorized' }) : sales),
    });

    prefetchDashboard('/dashboards/sales');
    expect((await takeDashboard('sales', new AbortController().signal)).title).toBe('Sales');
    expect(calls).toBe(2);
  });

  it('is not used for another dashboard, and other pages ask for none', async () => {
    const api = fakeApi({ 'GET /api/dashboards/sales': sales, 'GET /api/dashboards/executive': { ...sales, id: 'executive', title: 'Executive' } });

    prefetchDashboard('/users');
    prefetchDashboard('/dashboards/%E0%A4%A');
    expect(api.requests).toHaveLength(0);

    prefetchDashboard('/dashboards/sales');
    expect((await takeDashboard('executive', new AbortController().signal)).title).toBe('Executive');
    expect(api.requests.map((request) => request.path)).toEqual(['/api/dashboards/sales', '/api/dashboards/executive']);
  });
});

import { describe, expect, it } from 'vitest';
import { fakeApi, problem } from '../testing/fake-api';
import { getDashboard, listDashboards } from './dashboards';

describe('the dashboards API', () => {
  it('lists the dashboards', async () => {
    const list = [{ id: 'executive', title: 'Executive', description: null, order: 1 }];
    fakeApi({ 'GET /api/dashboards': list });

    expect(await listDashboards()).toEqual(list);
  });

  it('gets one dashboard by its id, escaped', async () => {
    const api = fakeApi({ 'GET /api/dashboards/sales%2F2': { id: 'sales/2', title: 'Sales', description: null, order: 2, tiles: [] } });

    expect((await getDashboard('sales/2')).title).toBe('Sales');
    expect(api.requests[0]?.path).toBe('/api/dashboards/sales%2F2');
  });

  it('rejects with the problem of an unknown dashboard', async () => {
    fakeApi({ 'GET /api/dashboards/nope': problem(404, { title: 'Not Found', detail: 'There is no dashboard "nope".' }) });

    await expect(getDashboard('nope')).rejects.toMatchObject({ status: 404, message: 'There is no dashboard "nope".' });
  });
});

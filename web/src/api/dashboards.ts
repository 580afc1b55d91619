import { getJson } from './client';
import type { Dashboard, DashboardSummary } from './query-types';

/** `GET /api/dashboards`: the dashboards, in their order. */
export function listDashboards(signal?: AbortSignal): Promise<DashboardSummary[]> {
  return getJson<DashboardSummary[]>('/api/dashboards', signal ? { signal } : {});
}

/** `GET /api/dashboards/{id}`: one dashboard with its tiles. */
export function getDashboard(id: string, signal?: AbortSignal): Promise<Dashboard> {
  return getJson<Dashboard>(`/api/dashboards/${encodeURIComponent(id)}`, signal ? { signal } : {});
}

import type { AnswerColumn, Dashboard, DashboardTile, QueryAnswer } from '../api/query-types';
import type { FormatContext } from '../modules/dashboards/format';

/** How the unit tests format numbers. */
export const usd: FormatContext = { locale: 'en-US', currency: 'USD' };

export const revenueColumn: AnswerColumn = { name: 'revenue', type: 'number', format: 'currency', label: 'Revenue', role: 'metric' };
export const ordersColumn: AnswerColumn = { name: 'orders', type: 'integer', format: 'integer', label: 'Orders', role: 'metric' };
export const locationColumn: AnswerColumn = { name: 'location', type: 'string', format: 'none', label: 'Branch', role: 'dimension' };

/** An answer with these columns and rows (totals: given, else none). */
export function answerOf(columns: AnswerColumn[], rows: QueryAnswer['rows'], extra: Partial<QueryAnswer> = {}): QueryAnswer {
  return {
    columns,
    rows,
    totals: {},
    comparison: null,
    meta: { engine: 'duckdb', cache: 'miss', rollup: null, dataVersion: { sales: 1 }, dataAsOf: '2026-03-01T10:00:00Z', ms: 3 },
    ...extra,
  };
}

/** A tile of a viz at a place on the grid. */
export function tileOf(id: string, viz: DashboardTile['viz'], extra: Partial<DashboardTile> = {}): DashboardTile {
  const spec = { metrics: ['revenue', 'orders'] };
  return { id, title: `Tile ${id}`, description: null, viz, position: { x: 0, y: 0, w: 6, h: 2 }, spec, export: spec, options: {}, ...extra };
}

/** A dashboard of three tiles: two KPI tiles (one with its own range) and a table. */
export const salesDashboard: Dashboard = {
  id: 'sales',
  title: 'Sales analytics',
  description: 'Orders and revenue.',
  order: 2,
  tiles: [
    tileOf('kpis', 'kpi', { position: { x: 0, y: 0, w: 12, h: 2 } }),
    tileOf('today', 'kpi', { position: { x: 0, y: 2, w: 6, h: 2 }, spec: { metrics: ['revenue'], time: { range: { preset: 'today' } } } }),
    tileOf('branches', 'table', {
      position: { x: 6, y: 2, w: 6, h: 4 },
      spec: { metrics: ['revenue'], dimensions: ['location'] },
      export: { metrics: ['revenue', 'orders'], dimensions: ['location', 'product'] },
    }),
  ],
};

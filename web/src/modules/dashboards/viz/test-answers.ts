// Answers and tiles for the viz tests, shaped as the server sends them.
import type { AnswerColumn, CellValue, DashboardTile, QueryAnswer, VizType } from '../../../api/query-types';
import type { FormatContext } from '../format';
import { chartTheme } from './chart-theme';

export const us: FormatContext = { locale: 'en-US', currency: 'USD' };
export const lightTheme = chartTheme('light', () => '');

type ColumnShape = Pick<AnswerColumn, 'name'> & Partial<AnswerColumn>;

export function answerOf(columns: ColumnShape[], rows: CellValue[][], extra: Partial<QueryAnswer> = {}): QueryAnswer {
  return {
    columns: columns.map((c) => ({ type: 'number', format: 'number', label: c.name, role: 'metric', ...c })),
    rows,
    totals: {},
    comparison: null,
    meta: { engine: 'duckdb', cache: 'miss', rollup: null, dataVersion: {}, dataAsOf: null, ms: 1 },
    ...extra,
  };
}

export function tileOf(viz: VizType, extra: Partial<DashboardTile> = {}): DashboardTile {
  return {
    id: 'tile',
    title: 'A tile',
    description: null,
    viz,
    position: { x: 0, y: 0, w: 6, h: 4 },
    spec: {},
    export: {},
    options: {},
    ...extra,
  };
}

/** Calls an ECharts callback option (a tooltip or label formatter) the way ECharts would. */
export function callFormatter(formatter: unknown, params: unknown): string {
  if (typeof formatter !== 'function') throw new Error('The option has no formatter function.');
  const result: unknown = formatter(params);
  if (typeof result !== 'string') throw new Error('The formatter did not return text.');
  return result;
}

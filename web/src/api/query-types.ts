/**
 * The wire types of the query and dashboard APIs (docs/query-api.md, docs/dashboards.md): what `POST /api/query`
 * answers, each line of `POST /api/query/batch`, and the dashboards served by `GET /api/dashboards/{id}`.
 */

/** A value of an answer cell: numbers as JSON numbers, dates as `yyyy-MM-dd`, timestamps as ISO text. */
export type CellValue = string | number | boolean | null;

export type ColumnType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'timestamp';
export type ValueFormat = 'none' | 'number' | 'integer' | 'currency' | 'percent' | 'date' | 'duration';
export type ColumnRole = 'time' | 'dimension' | 'metric';

export interface AnswerColumn {
  name: string;
  type: ColumnType;
  format: ValueFormat;
  label: string;
  role: ColumnRole;
}

/** A metric's previous value and deltas (percent as a fraction: 0.25 is +25%); nulls when there is no counterpart. */
export interface MetricComparison {
  previous: CellValue;
  delta: number | null;
  percent: number | null;
}

export interface AnswerComparison {
  kind: 'previous_period' | 'previous_year';
  from: string;
  to: string;
  /** Per row of the answer, same order: metric name → comparison. */
  rows: Record<string, MetricComparison>[];
  /** Metric name → comparison of the totals. */
  totals: Record<string, MetricComparison>;
}

export interface AnswerMeta {
  engine: string;
  cache: 'hit' | 'miss';
  rollup: string | null;
  /** The data version of each subject read. */
  dataVersion: Record<string, number>;
  /** When the newest of those subjects last changed (ISO timestamp, UTC); null when none ever did. */
  dataAsOf: string | null;
  ms: number;
}

export interface QueryAnswer {
  columns: AnswerColumn[];
  rows: CellValue[][];
  /** Metric name → value over all matching rows. */
  totals: Record<string, CellValue>;
  comparison: AnswerComparison | null;
  meta: AnswerMeta;
}

/** A problem details body (RFC 9457), as the API returns on errors; `field` names the request field at fault. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  field?: string;
  errors?: Record<string, string[]>;
}

/** One line of the batch endpoint's NDJSON stream: an answer or an error for the query with this id. */
export interface BatchLine {
  id: string;
  answer?: QueryAnswer | null;
  error?: ProblemDetails | null;
}

export interface RangeSpec {
  preset?: string;
  from?: string;
  to?: string;
}

export interface TimeSpec {
  dimension?: string;
  grain?: 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'year';
  range?: RangeSpec;
}

export interface FilterSpec {
  member: string;
  op: string;
  values: (string | number | boolean)[];
}

export interface OrderSpec {
  member: string;
  desc?: boolean;
}

/** A query spec (snake_case on the wire). `analysis` names a named analysis instead of metrics. */
export interface QuerySpec {
  metrics?: string[];
  dimensions?: string[];
  time?: TimeSpec;
  filters?: FilterSpec[];
  segments?: string[];
  compare?: 'previous_period' | 'previous_year';
  order?: OrderSpec[];
  limit?: number;
  analysis?: 'cohort_retention' | 'customer_value' | 'customer_segments';
}

export type VizType = 'kpi' | 'bar' | 'hbar' | 'bar_line' | 'pie' | 'heatmap' | 'histogram' | 'funnel' | 'table' | 'map';

/** A tile's place on the dashboard's 12-column grid (rows of a fixed height). */
export interface TilePosition {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface DashboardTile {
  id: string;
  title: string;
  description: string | null;
  viz: VizType;
  position: TilePosition;
  spec: QuerySpec;
  /** The spec of the tile's CSV export (the detail behind the tile); the tile's own spec when none is declared. */
  export: QuerySpec;
  /** Visualization options (docs/dashboards.md): which metrics are bars or lines, labels, ranking... */
  options: Record<string, unknown>;
}

export interface DashboardSummary {
  id: string;
  title: string;
  description: string | null;
  order: number;
}

export interface Dashboard extends DashboardSummary {
  tiles: DashboardTile[];
  /** The seconds the tiles are followed live with (`live_interval_seconds` of the YAML); 5 when the server sends none. */
  liveIntervalSeconds?: number;
  /** False for a dashboard whose data has no branches (`branch_filter: false`): no branch filter is shown or applied. */
  branchFilter?: boolean;
}

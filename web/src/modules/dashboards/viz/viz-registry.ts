import { defineAsyncComponent, type AsyncComponentLoader, type Component } from 'vue';
import type { DashboardTile, QueryAnswer, VizType } from '../../../api/query-types';
import { metricColumns, toNumber } from './answer-data';
import { cohortMonths } from './heatmap-option';

type ChartViz = Exclude<VizType, 'kpi' | 'table'>;

/** The chart components live in lazily loaded chunks: ECharts and Leaflet never weigh on the first page. */
const loaders: Record<ChartViz, AsyncComponentLoader> = {
  bar: () => import('./bar-viz.vue'),
  hbar: () => import('./hbar-viz.vue'),
  bar_line: () => import('./bar-line-viz.vue'),
  pie: () => import('./pie-viz.vue'),
  heatmap: () => import('./heatmap-viz.vue'),
  histogram: () => import('./histogram-viz.vue'),
  funnel: () => import('./funnel-viz.vue'),
  map: () => import('./map-viz.vue'),
};

const components: Record<ChartViz, Component> = {
  bar: defineAsyncComponent(loaders.bar),
  hbar: defineAsyncComponent(loaders.hbar),
  bar_line: defineAsyncComponent(loaders.bar_line),
  pie: defineAsyncComponent(loaders.pie),
  heatmap: defineAsyncComponent(loaders.heatmap),
  histogram: defineAsyncComponent(loaders.histogram),
  funnel: defineAsyncComponent(loaders.funnel),
  map: defineAsyncComponent(loaders.map),
};

function isChart(viz: VizType): viz is ChartViz {
  return viz !== 'kpi' && viz !== 'table';
}

/**
 * Starts loading the chunks of these vizzes now (e.g. while the dashboard's queries run), so the charts draw as soon
 * as their answers arrive; `kpi` and `table` need nothing. Failures surface later, when the component loads.
 */
export function preloadVizzes(vizzes: readonly VizType[]): void {
  for (const viz of new Set(vizzes)) {
    if (isChart(viz)) loaders[viz]().catch(() => undefined);
  }
}

/** The component that draws a tile of this viz; `kpi` and `table` are the dashboard's own, not charts. */
export function vizComponent(viz: VizType): Component {
  if (!isChart(viz)) throw new Error(`The ${viz} viz is not a chart: the dashboard draws it itself.`);
  return components[viz];
}

/** Whether any metric cell is a number other than zero: an answer of zeros draws as nothing worth a chart. */
function hasValue(answer: QueryAnswer): boolean {
  const metrics = metricColumns(answer);
  return answer.rows.some((row) => metrics.some(({ index }) => toNumber(row[index]) !== 0));
}

/** Null when the tile can draw its answer; otherwise the sentence its empty state shows instead. */
export function vizEmptyMessage(tile: DashboardTile, answer: QueryAnswer): string | null {
  if (tile.viz === 'heatmap' && cohortMonths(answer).length < 2) {
    return 'Cohorts need at least two months of data. Choose a longer range (90D or YTD).';
  }
  // A KPI of zero is news ("no orders today"), not a blank chart: it shows unless there is no row at all.
  if (tile.viz === 'kpi' ? answer.rows.length === 0 : !hasValue(answer)) {
    return 'No data for this period. Try a longer range or another branch.';
  }
  return null;
}

import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, HeatmapSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';
import type { ChartTheme } from './chart-theme';

/** The options of the ECharts parts this app registers (echarts-setup.ts); nothing else can be drawn. */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | HeatmapSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>;

/** What a tooltip formatter receives for one item (the part of ECharts' callback params this app reads). */
export interface TooltipItem {
  dataIndex: number;
  seriesIndex?: number;
  marker?: unknown;
}

/** Answer cells are data (product and branch names): escape them before ECharts puts them into tooltip HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** One "name: value" line of a tooltip; the marker is ECharts' coloured dot when the item has one. */
export function tooltipLine(name: string, value: string, marker?: unknown): string {
  const dot = typeof marker === 'string' ? marker : '';
  return `<div>${dot}${escapeHtml(name)}: <strong>${escapeHtml(value)}</strong></div>`;
}

/** A tooltip's heading line. */
export function tooltipHeading(text: string): string {
  return `<div style="font-weight:600;margin-bottom:2px">${escapeHtml(text)}</div>`;
}

/** The tooltip params as a list (axis tooltips give an array, item tooltips one object). */
export function tooltipItems(params: unknown): TooltipItem[] {
  const list: unknown[] = Array.isArray(params) ? params : [params];
  return list.filter((item): item is TooltipItem => typeof item === 'object' && item !== null && 'dataIndex' in item);
}

/** What every chart shares: the theme's colours and text, a quiet tooltip, a short animation. */
export function baseOption(theme: ChartTheme): ChartOption {
  return {
    backgroundColor: 'transparent',
    color: theme.palette,
    textStyle: { color: theme.text, fontFamily: theme.fontFamily },
    // The first drawing is immediate (a dashboard is ready when its charts are drawn, not when they finish growing);
    // later changes of the data animate briefly, so a changed value is seen to change.
    animationDuration: 0,
    animationDurationUpdate: 200,
    tooltip: baseTooltip(theme),
  };
}

/** The tooltip every chart shares: in the theme's colours, kept inside the chart. */
export function baseTooltip(theme: ChartTheme): TooltipComponentOption {
  return {
    confine: true,
    backgroundColor: theme.surface,
    borderColor: theme.border,
    textStyle: { color: theme.text, fontSize: 13 },
    // The tooltip's lines are our HTML: without this they take the page's larger body text.
    extraCssText: 'font-size: 13px; line-height: 1.45;',
  };
}

/**
 * The tooltip of a bar chart: for the whole bar under the pointer (a shaded band), `describe` gives its HTML from the
 * bar's index and the hovered item (its marker is the series' coloured dot); nothing when there is no bar there.
 */
export function barTooltip(theme: ChartTheme, describe: (index: number, item: TooltipItem) => string): TooltipComponentOption {
  return {
    ...baseTooltip(theme),
    trigger: 'axis',
    axisPointer: { type: 'shadow' },
    formatter: (params: unknown) => {
      const item = tooltipItems(params)[0];
      return item === undefined ? '' : describe(item.dataIndex, item);
    },
  };
}

/** The axis line, tick and split-line colours of the theme. */
export function axisStyle(theme: ChartTheme): {
  axisLine: { lineStyle: { color: string } };
  axisLabel: { color: string };
  splitLine: { lineStyle: { color: string } };
} {
  return {
    axisLine: { lineStyle: { color: theme.border } },
    axisLabel: { color: theme.muted },
    splitLine: { lineStyle: { color: theme.border } },
  };
}

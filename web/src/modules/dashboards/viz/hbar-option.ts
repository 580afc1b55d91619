import type { DashboardTile, QueryAnswer } from '../../../api/query-types';
import { formatValue, type FormatContext } from '../format';
import { categoryColumn, cell, findColumn, metricColumns, stringOption, toNumber } from './answer-data';
import { axisStyle, barTooltip, baseOption, tooltipHeading, tooltipLine, type ChartOption } from './chart-option';
import type { ChartTheme } from './chart-theme';
import { truncate } from './labels';

/** How many characters of a category name fit beside a bar; the tooltip shows the whole name. */
export const categoryLabelLength = 18;

/** One horizontal bar: its full name, its value, and the answer row behind it. */
export interface RankedBar {
  name: string;
  value: number;
  rowIndex: number;
}

/** The rows ranked by the metric, in drawing order: ECharts draws a category axis bottom-up, so the highest is last. */
export function rankedBars(tile: DashboardTile, answer: QueryAnswer, format: FormatContext): RankedBar[] {
  const xName = stringOption(tile.options, 'x');
  const category = (xName === null ? null : findColumn(answer, xName)) ?? categoryColumn(answer);
  const metric = metricColumns(answer)[0] ?? null;
  return answer.rows
    .map((row, rowIndex) => ({
      name: formatValue(cell(row, category), category?.column.format ?? 'none', format),
      value: toNumber(cell(row, metric)),
      rowIndex,
    }))
    .sort((a, b) => a.value - b.value || b.rowIndex - a.rowIndex);
}

/** Horizontal bars, the highest on top, each with its value printed beside it. */
export function buildHbarOption(tile: DashboardTile, answer: QueryAnswer, theme: ChartTheme, format: FormatContext): ChartOption {
  const bars = rankedBars(tile, answer, format);
  const metrics = metricColumns(answer);
  const metricFormat = metrics[0]?.column.format ?? 'number';
  return {
    ...baseOption(theme),
    grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
    tooltip: barTooltip(theme, (index, item) => {
      const bar = bars[index];
      if (bar === undefined) return '';
      const row = answer.rows[bar.rowIndex] ?? [];
      const lines = metrics.map((column, i) =>
        tooltipLine(
          column.column.label,
          formatValue(cell(row, column), column.column.format, format),
          i === 0 ? item.marker : undefined,
        ),
      );
      return tooltipHeading(bar.name) + lines.join('');
    }),
    xAxis: {
      type: 'value',
      ...axisStyle(theme),
      axisLabel: { color: theme.muted, formatter: (value: number) => formatValue(value, metricFormat, format, 'compact') },
    },
    yAxis: {
      type: 'category',
      data: bars.map((bar) => bar.name),
      ...axisStyle(theme),
      axisTick: { show: false },
      axisLabel: { color: theme.text, formatter: (name: string) => truncate(name, categoryLabelLength) },
    },
    series: [
      {
        type: 'bar',
        name: metrics[0]?.column.label ?? '',
        data: bars.map((bar) => bar.value),
        itemStyle: { borderRadius: [0, 3, 3, 0] },
        label: {
          show: true,
          position: 'right',
          color: theme.text,
          formatter: (params: { value?: unknown }) =>
            formatValue(typeof params.value === 'number' ? params.value : null, metricFormat, format, 'compact'),
        },
      },
    ],
  };
}

import type { CellValue, DashboardTile, QueryAnswer } from '../../../api/query-types';
import { formatValue, type FormatContext } from '../format';
import { categoryColumn, cell, findColumn, metricColumns, stringOption, toNumber, type IndexedColumn } from './answer-data';
import { axisStyle, barTooltip, baseOption, tooltipHeading, tooltipLine, type ChartOption } from './chart-option';
import type { ChartTheme } from './chart-theme';
import { hourLabel, timeHeading, timeLabel, weekdayName } from './labels';
import type { SummaryTable } from './summary-table';

/** The categories of a bar chart in drawing order: axis label, tooltip heading, value, and the answer row (if any). */
export interface BarSeries {
  labels: string[];
  headings: string[];
  values: number[];
  /** The answer row behind each bar; null for a bar filled in as zero. */
  rows: (CellValue[] | null)[];
}

function rowsByKey(answer: QueryAnswer, x: IndexedColumn): Map<number, CellValue[]> {
  const map = new Map<number, CellValue[]>();
  for (const row of answer.rows) {
    const key = cell(row, x);
    if (key !== null) map.set(toNumber(key), row);
  }
  return map;
}

function filled(
  answer: QueryAnswer,
  x: IndexedColumn,
  metric: IndexedColumn | null,
  keys: number[],
  label: (key: number) => string,
  heading: (key: number) => string,
): BarSeries {
  const rows = rowsByKey(answer, x);
  const found = keys.map((key) => rows.get(key) ?? null);
  return {
    labels: keys.map(label),
    headings: keys.map(heading),
    values: found.map((row) => (row === null ? 0 : toNumber(cell(row, metric)))),
    rows: found,
  };
}

/** All 24 hours of the day in order, the hours without a row as zero, labelled as the locale's clock does. */
export function hourSeries(answer: QueryAnswer, x: IndexedColumn, metric: IndexedColumn | null, locale: string): BarSeries {
  const hours = Array.from({ length: 24 }, (_, hour) => hour);
  return filled(answer, x, metric, hours, (hour) => hourLabel(hour, locale), (hour) => {
    return `${hourLabel(hour, locale)}–${hourLabel((hour + 1) % 24, locale)}`;
  });
}

/** Sunday..Saturday in that order from ISO weekdays (1 = Monday .. 7 = Sunday), missing days as zero. */
export function weekdaySeries(answer: QueryAnswer, x: IndexedColumn, metric: IndexedColumn | null, locale: string): BarSeries {
  return filled(
    answer,
    x,
    metric,
    [7, 1, 2, 3, 4, 5, 6],
    (iso) => weekdayName(iso, locale, 'short'),
    (iso) => weekdayName(iso, locale, 'long'),
  );
}

/** The answer's rows as they come, labelled by their dimension value. */
export function plainSeries(
  tile: DashboardTile,
  answer: QueryAnswer,
  x: IndexedColumn | null,
  metric: IndexedColumn | null,
  format: FormatContext,
): BarSeries {
  const isTime = x !== null && (x.column.role === 'time' || x.column.type === 'date');
  const grain = tile.spec.time?.grain;
  const text = (row: CellValue[], full: boolean): string => {
    const value = cell(row, x);
    if (isTime) return full ? timeHeading(value, grain, format.locale) : timeLabel(value, grain, format.locale);
    return formatValue(value, x?.column.format ?? 'none', format);
  };
  return {
    labels: answer.rows.map((row) => text(row, false)),
    headings: answer.rows.map((row) => text(row, true)),
    values: answer.rows.map((row) => toNumber(cell(row, metric))),
    rows: answer.rows,
  };
}

/** The bars of the tile: `options.x` along the axis (`options.fill`: `hours` or `weekdays` completes the axis). */
export function barSeries(tile: DashboardTile, answer: QueryAnswer, format: FormatContext): BarSeries {
  const xName = stringOption(tile.options, 'x');
  const x = (xName === null ? null : findColumn(answer, xName)) ?? categoryColumn(answer);
  const metric = metricColumns(answer)[0] ?? null;
  const fill = stringOption(tile.options, 'fill');
  if (x !== null && fill === 'hours') return hourSeries(answer, x, metric, format.locale);
  if (x !== null && fill === 'weekdays') return weekdaySeries(answer, x, metric, format.locale);
  return plainSeries(tile, answer, x, metric, format);
}

/** Vertical bars of the first metric along one dimension. */
export function buildBarOption(tile: DashboardTile, answer: QueryAnswer, theme: ChartTheme, format: FormatContext): ChartOption {
  const series = barSeries(tile, answer, format);
  const metrics = metricColumns(answer);
  const metric = metrics[0];
  const metricFormat = metric?.column.format ?? 'number';
  return {
    ...baseOption(theme),
    grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
    tooltip: barTooltip(theme, (index, item) => {
      const row = series.rows[index] ?? null;
      const lines = metrics.map((column, i) =>
        tooltipLine(
          column.column.label,
          formatValue(row === null ? 0 : cell(row, column), column.column.format, format),
          i === 0 ? item.marker : undefined,
        ),
      );
      return tooltipHeading(series.headings[index] ?? '') + lines.join('');
    }),
    xAxis: { type: 'category', data: series.labels, ...axisStyle(theme), axisTick: { alignWithLabel: true } },
    yAxis: {
      type: 'value',
      ...axisStyle(theme),
      axisLabel: { color: theme.muted, formatter: (value: number) => formatValue(value, metricFormat, format, 'compact') },
    },
    series: [
      {
        type: 'bar',
        name: metric?.column.label ?? '',
        data: series.values,
        itemStyle: { borderRadius: [3, 3, 0, 0] },
      },
    ],
  };
}

/** The bars as text for screen readers: one line per bar, the filled-in ones included. */
export function barSummary(tile: DashboardTile, answer: QueryAnswer, format: FormatContext): SummaryTable {
  const series = barSeries(tile, answer, format);
  const metric = metricColumns(answer)[0];
  const xName = stringOption(tile.options, 'x');
  const x = (xName === null ? null : findColumn(answer, xName)) ?? categoryColumn(answer);
  return {
    headers: [x?.column.label ?? '', metric?.column.label ?? ''],
    rows: series.headings.map((heading, i) => [
      heading,
      formatValue(series.values[i] ?? 0, metric?.column.format ?? 'number', format),
    ]),
  };
}

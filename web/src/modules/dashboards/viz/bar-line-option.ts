import type { DashboardTile, QueryAnswer } from '../../../api/query-types';
import { formatValue, type FormatContext } from '../format';
import { categoryColumn, cell, findColumn, metricColumns, stringListOption, toNumber, type IndexedColumn } from './answer-data';
import { axisStyle, baseOption, baseTooltip, tooltipHeading, tooltipItems, tooltipLine, type ChartOption } from './chart-option';
import type { ChartTheme } from './chart-theme';
import { timeHeading, timeLabel } from './labels';

/** The metrics drawn as bars and as lines: `options.bars` / `options.lines`, else the first metric as bars. */
export function barLineSeries(tile: DashboardTile, answer: QueryAnswer): { bars: IndexedColumn[]; lines: IndexedColumn[] } {
  const named = (key: string): IndexedColumn[] =>
    stringListOption(tile.options, key).flatMap((name) => {
      const column = findColumn(answer, name);
      return column === null ? [] : [column];
    });
  const bars = named('bars');
  const lines = named('lines');
  if (bars.length > 0 || lines.length > 0) return { bars, lines };
  const [first, ...rest] = metricColumns(answer);
  return { bars: first === undefined ? [] : [first], lines: rest };
}

/**
 * Bars on the left axis, lines on the right, the time column along x; the tooltip breaks the hovered day down.
 * `compact` (a low box) drops the legend (the tooltip still names the series) and thins the value axes.
 */
export function buildBarLineOption(
  tile: DashboardTile,
  answer: QueryAnswer,
  theme: ChartTheme,
  format: FormatContext,
  compact = false,
): ChartOption {
  const x = categoryColumn(answer);
  const { bars, lines } = barLineSeries(tile, answer);
  const grain = tile.spec.time?.grain;
  const isTime = x !== null && (x.column.role === 'time' || x.column.type === 'date');
  const xLabels = answer.rows.map((row) => {
    const value = cell(row, x);
    return isTime ? timeLabel(value, grain, format.locale) : formatValue(value, x?.column.format ?? 'none', format);
  });
  const heading = (dataIndex: number): string => {
    const row = answer.rows[dataIndex];
    if (row === undefined || x === null) return '';
    const value = cell(row, x);
    return isTime ? timeHeading(value, grain, format.locale) : formatValue(value, x.column.format, format);
  };
  const ordered = [...bars, ...lines];
  const valueAxis = (columns: IndexedColumn[], position: 'left' | 'right') => ({
    type: 'value' as const,
    position,
    ...axisStyle(theme),
    splitLine: { show: position === 'left', lineStyle: { color: theme.border } },
    splitNumber: compact ? 2 : 5,
    axisLabel: {
      color: theme.muted,
      formatter: (value: number) => formatValue(value, columns[0]?.column.format ?? 'number', format, 'compact'),
    },
  });

  return {
    ...baseOption(theme),
    legend: { show: !compact, top: 0, textStyle: { color: theme.text } },
    grid: { left: 8, right: 8, top: compact ? 8 : 32, bottom: compact ? 0 : 8, containLabel: true },
    tooltip: {
      ...baseTooltip(theme),
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const items = tooltipItems(params);
        const first = items[0];
        if (first === undefined) return '';
        const row = answer.rows[first.dataIndex] ?? [];
        const body = ordered
          .map((column, i) =>
            tooltipLine(
              column.column.label,
              formatValue(cell(row, column), column.column.format, format),
              items.find((item) => item.seriesIndex === i)?.marker,
            ),
          )
          .join('');
        return tooltipHeading(heading(first.dataIndex)) + body;
      },
    },
    xAxis: { type: 'category', data: xLabels, ...axisStyle(theme), axisTick: { alignWithLabel: true } },
    yAxis: [valueAxis(bars, 'left'), valueAxis(lines, 'right')],
    series: [
      ...bars.map((column) => ({
        type: 'bar' as const,
        name: column.column.label,
        yAxisIndex: 0,
        data: answer.rows.map((row) => toNumber(cell(row, column))),
        itemStyle: { borderRadius: [3, 3, 0, 0] },
      })),
      ...lines.map((column) => ({
        type: 'line' as const,
        name: column.column.label,
        yAxisIndex: 1,
        data: answer.rows.map((row) => toNumber(cell(row, column))),
        smooth: true,
        symbol: compact ? 'none' : 'circle',
        symbolSize: 5,
      })),
    ],
  };
}

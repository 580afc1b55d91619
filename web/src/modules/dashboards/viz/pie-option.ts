import type { AnswerColumn, DashboardTile, QueryAnswer } from '../../../api/query-types';
import { formatValue, type FormatContext } from '../format';
import { cell, findColumn, metricColumns, toNumber, type IndexedColumn } from './answer-data';
import { baseOption, baseTooltip, tooltipHeading, tooltipItems, tooltipLine, type ChartOption } from './chart-option';
import type { ChartTheme } from './chart-theme';
import type { SummaryTable } from './summary-table';

/** The names of the customer segments of the `customer_segments` analysis, with what puts a customer in each. */
export const segmentLabels: Record<string, string> = {
  vip: 'VIP (10+ orders)',
  loyal: 'Loyal (5–9)',
  regular: 'Regular (2–4)',
  new: 'New (1)',
};

/** One slice: its name, its value, its share of the whole, and the answer row behind it. */
export interface PieSlice {
  name: string;
  value: number;
  share: number;
  rowIndex: number;
}

/** The slice names, the value metric, and the metrics the tooltip lists besides the share. */
interface PieColumns {
  name: IndexedColumn | null;
  value: IndexedColumn | null;
  details: IndexedColumn[];
}

function pieColumns(tile: DashboardTile, answer: QueryAnswer): PieColumns {
  const metrics = metricColumns(answer);
  if (tile.spec.analysis === 'customer_segments') {
    const value = findColumn(answer, 'customers');
    return { name: findColumn(answer, 'segment'), value, details: metrics };
  }
  const index = answer.columns.findIndex((column) => column.role !== 'metric');
  const column = answer.columns[index];
  const value = metrics[0] ?? null;
  return { name: column === undefined ? null : { column, index }, value, details: value === null ? [] : [value] };
}

/** The slices in answer order, named (segments by their labels) and with their shares of the total. */
export function pieSlices(tile: DashboardTile, answer: QueryAnswer, format: FormatContext): PieSlice[] {
  const { name, value } = pieColumns(tile, answer);
  const values = answer.rows.map((row) => toNumber(cell(row, value)));
  const total = values.reduce((sum, v) => sum + v, 0);
  const segments = tile.spec.analysis === 'customer_segments';
  return answer.rows.map((row, rowIndex) => {
    const raw = cell(row, name);
    const label =
      segments && typeof raw === 'string'
        ? (segmentLabels[raw] ?? raw)
        : formatValue(raw, name?.column.format ?? 'none', format);
    const v = values[rowIndex] ?? 0;
    return { name: label, value: v, share: total === 0 ? 0 : v / total, rowIndex };
  });
}

/** A donut of one metric over one dimension; the customer segments get their names and a detailed tooltip. */
export function buildPieOption(tile: DashboardTile, answer: QueryAnswer, theme: ChartTheme, format: FormatContext): ChartOption {
  const slices = pieSlices(tile, answer, format);
  const { value, details } = pieColumns(tile, answer);
  const valueColumn: AnswerColumn | undefined = value?.column;
  return {
    ...baseOption(theme),
    // A plain legend wraps onto a second line in a narrow tile rather than hiding entries behind paging arrows.
    legend: { bottom: 0, type: 'plain', itemGap: 8, textStyle: { color: theme.text } },
    tooltip: {
      ...baseTooltip(theme),
      trigger: 'item',
      formatter: (params: unknown) => {
        const item = tooltipItems(params)[0];
        const slice = item === undefined ? undefined : slices[item.dataIndex];
        if (item === undefined || slice === undefined) return '';
        const row = answer.rows[slice.rowIndex] ?? [];
        const lines = details.map((column) =>
          tooltipLine(column.column.label, formatValue(cell(row, column), column.column.format, format)),
        );
        lines.splice(1, 0, tooltipLine('Share', formatValue(slice.share, 'percent', format)));
        return tooltipHeading(slice.name) + lines.join('');
      },
    },
    series: [
      {
        type: 'pie',
        name: valueColumn?.label ?? '',
        // A pie series brings its own one-second "expansion" of the first drawing, over the chart-wide setting.
        animationDuration: 0,
        // Room below for two lines of legend and around for the share labels.
        radius: ['34%', '60%'],
        center: ['50%', '42%'],
        avoidLabelOverlap: true,
        itemStyle: { borderColor: theme.surface, borderWidth: 2 },
        label: {
          color: theme.text,
          formatter: (params: { dataIndex?: number }) => {
            const slice = slices[params.dataIndex ?? -1];
            return slice === undefined ? '' : formatValue(slice.share, 'percent', format, 'compact');
          },
        },
        data: slices.map((slice) => ({ name: slice.name, value: slice.value })),
      },
    ],
  };
}

/** The slices as text for screen readers: name, the tooltip's metrics and the share. */
export function pieSummary(tile: DashboardTile, answer: QueryAnswer, format: FormatContext): SummaryTable {
  const { name, details } = pieColumns(tile, answer);
  return {
    headers: [name?.column.label ?? '', ...details.map((column) => column.column.label), 'Share'],
    rows: pieSlices(tile, answer, format).map((slice) => {
      const row = answer.rows[slice.rowIndex] ?? [];
      return [
        slice.name,
        ...details.map((column) => formatValue(cell(row, column), column.column.format, format)),
        formatValue(slice.share, 'percent', format),
      ];
    }),
  };
}

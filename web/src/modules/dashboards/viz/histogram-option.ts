import type { QueryAnswer } from '../../../api/query-types';
import { formatValue, type FormatContext } from '../format';
import { cell, findColumn, metricColumns, toNumber } from './answer-data';
import { axisStyle, barTooltip, baseOption, tooltipHeading, tooltipLine, type ChartOption } from './chart-option';
import type { ChartTheme } from './chart-theme';
import type { SummaryTable } from './summary-table';

/** A band bound in the company's currency: bounds are whole amounts, so no cents ("$50", "$1K"). */
function wholeAmount(value: number, format: FormatContext, currency: boolean): string {
  return new Intl.NumberFormat(format.locale, {
    notation: 'compact',
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
    ...(currency ? { style: 'currency', currency: format.currency } : {}),
  }).format(value);
}

/** A value band as people write it: "$0–50", "$250–500", "$500+" for the open last band. */
export function bandLabel(from: number, to: number | null, format: FormatContext): string {
  const start = wholeAmount(from, format, true);
  return to === null ? `${start}+` : `${start}–${wholeAmount(to, format, false)}`;
}

/** The bands of a `customer_value` answer, in answer order (lowest first). */
export function valueBands(answer: QueryAnswer, format: FormatContext): string[] {
  const from = findColumn(answer, 'value_from');
  const to = findColumn(answer, 'value_to');
  return answer.rows.map((row) => {
    const end = cell(row, to);
    return bandLabel(toNumber(cell(row, from)), end === null ? null : toNumber(end), format);
  });
}

/** Customers per lifetime-value band, touching bars; the tooltip adds the band's revenue. */
export function buildHistogramOption(answer: QueryAnswer, theme: ChartTheme, format: FormatContext): ChartOption {
  const bands = valueBands(answer, format);
  const customers = findColumn(answer, 'customers') ?? metricColumns(answer)[0] ?? null;
  const metrics = metricColumns(answer);
  return {
    ...baseOption(theme),
    grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
    tooltip: barTooltip(theme, (index) => {
      const row = answer.rows[index] ?? [];
      const lines = metrics.map((column) =>
        tooltipLine(column.column.label, formatValue(cell(row, column), column.column.format, format)),
      );
      return tooltipHeading(bands[index] ?? '') + lines.join('');
    }),
    xAxis: { type: 'category', data: bands, ...axisStyle(theme), axisTick: { alignWithLabel: true } },
    yAxis: {
      type: 'value',
      ...axisStyle(theme),
      minInterval: 1,
      axisLabel: { color: theme.muted, formatter: (value: number) => formatValue(value, 'integer', format, 'compact') },
    },
    series: [
      {
        type: 'bar',
        name: customers?.column.label ?? 'Customers',
        barCategoryGap: '4%',
        data: answer.rows.map((row) => toNumber(cell(row, customers))),
        label: {
          show: true,
          position: 'top',
          color: theme.text,
          formatter: (params: { value?: unknown }) =>
            formatValue(typeof params.value === 'number' ? params.value : null, 'integer', format, 'compact'),
        },
      },
    ],
  };
}

/** The bands as text for screen readers: band, then the answer's metrics. */
export function histogramSummary(answer: QueryAnswer, format: FormatContext): SummaryTable {
  const bands = valueBands(answer, format);
  const metrics = metricColumns(answer);
  return {
    headers: ['Lifetime value', ...metrics.map((metric) => metric.column.label)],
    rows: answer.rows.map((row, i) => [
      bands[i] ?? '',
      ...metrics.map((metric) => formatValue(cell(row, metric), metric.column.format, format)),
    ]),
  };
}

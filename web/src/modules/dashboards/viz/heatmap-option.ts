import type { CellValue, QueryAnswer } from '../../../api/query-types';
import { formatValue, type FormatContext } from '../format';
import { cell, findColumn, toNumber } from './answer-data';
import { baseOption, baseTooltip, tooltipHeading, tooltipItems, tooltipLine, type ChartOption } from './chart-option';
import type { ChartTheme } from './chart-theme';
import { monthLabel, parseDay } from './labels';

/** One cell of the cohort matrix: x = months since acquisition, y = the cohort's row. */
export interface CohortCell {
  x: number;
  y: number;
  retention: number;
  active: number;
  customers: number;
}

export interface CohortMatrix {
  /** The cohort months (first day, `yyyy-MM-dd`), oldest first. */
  cohorts: string[];
  /** The cohort months as the locale names them: "Nov 2026". */
  cohortLabels: string[];
  /** 0, 1, 2... up to the largest `months_since` in the answer. */
  monthsSince: number[];
  cells: CohortCell[];
}

/** The distinct cohort months of a `cohort_retention` answer, in answer order (oldest first). */
export function cohortMonths(answer: QueryAnswer): string[] {
  const cohort = findColumn(answer, 'cohort');
  if (cohort === null) return [];
  const seen = new Set<string>();
  for (const row of answer.rows) {
    const value = cell(row, cohort);
    if (typeof value === 'string') seen.add(value);
  }
  return [...seen];
}

function cohortLabel(value: string, locale: string): string {
  const date = parseDay(value);
  return date === null ? value : monthLabel(date, locale);
}

/** The answer as a matrix: a row per cohort month, a column per month since acquisition. */
export function cohortMatrix(answer: QueryAnswer, locale: string): CohortMatrix {
  const cohorts = cohortMonths(answer);
  const cohort = findColumn(answer, 'cohort');
  const since = findColumn(answer, 'months_since');
  const retention = findColumn(answer, 'retention');
  const active = findColumn(answer, 'active_customers');
  const customers = findColumn(answer, 'cohort_customers');
  const rowOf = new Map(cohorts.map((value, index) => [value, index]));
  const cells = answer.rows.flatMap((row: CellValue[]) => {
    const y = rowOf.get(String(cell(row, cohort)));
    if (y === undefined) return [];
    return [
      {
        x: toNumber(cell(row, since)),
        y,
        retention: toNumber(cell(row, retention)),
        active: toNumber(cell(row, active)),
        customers: toNumber(cell(row, customers)),
      },
    ];
  });
  const last = cells.reduce((max, c) => Math.max(max, c.x), 0);
  return {
    cohorts,
    cohortLabels: cohorts.map((value) => cohortLabel(value, locale)),
    monthsSince: Array.from({ length: last + 1 }, (_, n) => n),
    cells,
  };
}

/** Text that stays readable on every colour of the red → yellow → green scale (all of them are light enough). */
const cellText = '#1f2937';

/** The cohort retention matrix: oldest cohort on top, each cell's percent printed on its colour. */
export function buildHeatmapOption(answer: QueryAnswer, theme: ChartTheme, format: FormatContext): ChartOption {
  const matrix = cohortMatrix(answer, format.locale);
  const sinceLabel = findColumn(answer, 'months_since')?.column.label ?? 'Months since first order';
  const percent = (value: number, style: 'full' | 'compact' = 'compact'): string => formatValue(value, 'percent', format, style);
  return {
    ...baseOption(theme),
    grid: { left: 8, right: 8, top: 8, bottom: 64, containLabel: true },
    tooltip: {
      ...baseTooltip(theme),
      trigger: 'item',
      formatter: (params: unknown) => {
        const item = tooltipItems(params)[0];
        const c = item === undefined ? undefined : matrix.cells[item.dataIndex];
        if (c === undefined) return '';
        const integer = (value: number): string => formatValue(value, 'integer', format);
        return (
          tooltipHeading(`${matrix.cohortLabels[c.y] ?? ''} cohort, month ${c.x}`) +
          tooltipLine('Retention', percent(c.retention, 'full')) +
          tooltipLine('Active customers', `${integer(c.active)} of ${integer(c.customers)}`)
        );
      },
    },
    xAxis: {
      type: 'category',
      name: sinceLabel,
      nameLocation: 'middle',
      nameGap: 28,
      nameTextStyle: { color: theme.muted },
      data: matrix.monthsSince.map(String),
      axisLine: { lineStyle: { color: theme.border } },
      axisLabel: { color: theme.muted },
      splitArea: { show: false },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: matrix.cohortLabels,
      axisLine: { lineStyle: { color: theme.border } },
      axisLabel: { color: theme.text },
    },
    visualMap: {
      type: 'continuous',
      min: 0,
      max: 1,
      calculable: false,
      text: [percent(1), percent(0)],
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 160,
      itemWidth: 12,
      inRange: { color: theme.heat },
      textStyle: { color: theme.muted },
      formatter: (value: unknown) => percent(typeof value === 'number' ? value : 0),
    },
    series: [
      {
        type: 'heatmap',
        name: 'Retention',
        data: matrix.cells.map((c) => [c.x, c.y, c.retention]),
        label: {
          show: true,
          color: cellText,
          fontWeight: 600,
          formatter: (params: { dataIndex?: number }) => {
            const c = matrix.cells[params.dataIndex ?? -1];
            return c === undefined ? '' : percent(c.retention);
          },
        },
        itemStyle: { borderColor: theme.surface, borderWidth: 1 },
        emphasis: { itemStyle: { borderColor: theme.text, borderWidth: 1 } },
      },
    ],
  };
}

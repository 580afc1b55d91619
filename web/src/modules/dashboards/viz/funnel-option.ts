import type { QueryAnswer } from '../../../api/query-types';
import { formatPercentChange, formatValue, type FormatContext } from '../format';
import { cell, metricColumns, toNumber } from './answer-data';
import { axisStyle, barTooltip, baseOption, tooltipHeading, tooltipLine, type ChartOption } from './chart-option';
import type { ChartTheme } from './chart-theme';

/** One step of a funnel (e.g. appointments sat), with its conversion from the step before. */
export interface FunnelStage {
  name: string;
  label: string;
  count: number;
  /** This step over the previous one (a fraction); null for the first step or when the previous is zero. */
  conversion: number | null;
  /** "38.2% of leads"; null for the first step. */
  conversionText: string | null;
  /** The change of the count on the comparison period (a fraction); null without one. */
  change: number | null;
}

export interface Funnel {
  stages: FunnelStage[];
  /** The last step over the first (a fraction); null when the first is zero or there is one step. */
  total: number | null;
  /** "4.1% of leads to appointments sold"; null when there is no total. */
  totalText: string | null;
}

/** The stages of the funnel: the answer's metrics in order, each counted over the whole period. */
export function funnelStages(answer: QueryAnswer, format: FormatContext): Funnel {
  const first = answer.rows[0];
  const metrics = metricColumns(answer);
  const counts = metrics.map((metric) => {
    const total = answer.totals[metric.column.name];
    return toNumber(total !== undefined && total !== null ? total : first === undefined ? null : cell(first, metric));
  });
  const ratio = (part: number, whole: number | undefined): number | null =>
    whole === undefined || whole === 0 ? null : part / whole;
  const percent = (fraction: number): string => formatValue(fraction, 'percent', format);
  const stages = metrics.map((metric, i): FunnelStage => {
    const count = counts[i] ?? 0;
    const conversion = i === 0 ? null : ratio(count, counts[i - 1]);
    const previous = metrics[i - 1]?.column.label.toLocaleLowerCase(format.locale);
    return {
      name: metric.column.name,
      label: metric.column.label,
      count,
      conversion,
      conversionText: conversion === null || previous === undefined ? null : `${percent(conversion)} of ${previous}`,
      change: answer.comparison?.totals[metric.column.name]?.percent ?? null,
    };
  });
  const head = stages[0];
  const tail = stages[stages.length - 1];
  const total = stages.length < 2 || head === undefined || tail === undefined ? null : ratio(tail.count, head.count);
  return {
    stages,
    total,
    totalText:
      total === null || head === undefined || tail === undefined
        ? null
        : `${percent(total)} of ${head.label.toLocaleLowerCase(format.locale)} to ${tail.label.toLocaleLowerCase(format.locale)}`,
  };
}

/** The funnel as horizontal bars, first step on top, each labelled with its count and its step conversion. */
export function buildFunnelOption(answer: QueryAnswer, theme: ChartTheme, format: FormatContext): ChartOption {
  const { stages } = funnelStages(answer, format);
  const integer = (value: number): string => formatValue(value, 'integer', format);
  return {
    ...baseOption(theme),
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    tooltip: barTooltip(theme, (index) => {
      const stage = stages[index];
      if (stage === undefined) return '';
      const lines = [tooltipLine('Count', integer(stage.count))];
      if (stage.conversionText !== null) lines.push(tooltipLine('Conversion', stage.conversionText));
      if (answer.comparison !== null) lines.push(tooltipLine('Change', formatPercentChange(stage.change, format)));
      return tooltipHeading(stage.label) + lines.join('');
    }),
    // The counts are printed beside the bars: no value axis, and room on the right for the longest label.
    xAxis: { type: 'value', show: false, max: (extent: { max: number }) => Math.max(1, extent.max) * 1.75 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: stages.map((stage) => stage.label),
      ...axisStyle(theme),
      axisTick: { show: false },
      axisLabel: { color: theme.text },
    },
    series: [
      {
        type: 'bar',
        name: 'Count',
        barCategoryGap: '25%',
        data: stages.map((stage) => stage.count),
        itemStyle: { borderRadius: [0, 3, 3, 0] },
        label: {
          show: true,
          position: 'right',
          color: theme.text,
          formatter: (params: { dataIndex?: number }) => {
            const stage = stages[params.dataIndex ?? -1];
            if (stage === undefined) return '';
            return stage.conversionText === null ? integer(stage.count) : `${integer(stage.count)} · ${stage.conversionText}`;
          },
        },
      },
    ],
  };
}

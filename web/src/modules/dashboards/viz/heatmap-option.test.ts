import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../api/query-types';
import { buildHeatmapOption, cohortMatrix, cohortMonths } from './heatmap-option';
import { answerOf, callFormatter, lightTheme, us } from './test-answers';

function cohorts(rows: CellValue[][]) {
  return answerOf(
    [
      { name: 'cohort', type: 'date', format: 'date', label: 'Cohort', role: 'time' },
      { name: 'months_since', type: 'integer', format: 'integer', label: 'Months since first order', role: 'dimension' },
      { name: 'cohort_customers', type: 'integer', format: 'integer', label: 'Cohort customers' },
      { name: 'active_customers', type: 'integer', format: 'integer', label: 'Active customers' },
      { name: 'retention', format: 'percent', label: 'Retention' },
    ],
    rows,
  );
}

const triangle = cohorts([
  ['2026-09-01', 0, 40, 40, 1],
  ['2026-09-01', 1, 40, 10, 0.25],
  ['2026-09-01', 2, 40, 6, 0.15],
  ['2026-10-01', 0, 30, 30, 1],
  ['2026-10-01', 1, 30, 3, 0.1],
  ['2026-11-01', 0, 20, 20, 1],
]);

describe('buildHeatmapOption', () => {
  it('lays the cohorts out as rows (locale month and year) and the months since as columns', () => {
    const matrix = cohortMatrix(triangle, 'en-US');
    expect(matrix.cohortLabels).toEqual(['Sep 2026', 'Oct 2026', 'Nov 2026']);
    expect(matrix.monthsSince).toEqual([0, 1, 2]);
    expect(matrix.cells[4]).toEqual({ x: 1, y: 1, retention: 0.1, active: 3, customers: 30 });

    const option = buildHeatmapOption(triangle, lightTheme, us);
    expect((option.yAxis as { data: string[]; inverse: boolean }).inverse).toBe(true);
    expect((option.series as { data: number[][] }[])[0]?.data[1]).toEqual([1, 0, 0.25]);
  });

  it('prints the percent in every cell, on a red → yellow → green scale from 0 to 100%', () => {
    const option = buildHeatmapOption(triangle, lightTheme, us);
    const label = (option.series as { label: { show: boolean; formatter: unknown } }[])[0]?.label;
    expect(label?.show).toBe(true);
    expect(callFormatter(label?.formatter, { dataIndex: 2 })).toBe('15%');

    const scale = option.visualMap as { min: number; max: number; inRange: { color: string[] } };
    expect([scale.min, scale.max]).toEqual([0, 1]);
    expect(scale.inRange.color[0]).toBe('#f46d43');
    expect(scale.inRange.color.at(-1)).toBe('#66bd63');
  });

  it('tells the cohort, the month and the active customers out of the cohort in the tooltip', () => {
    const option = buildHeatmapOption(triangle, lightTheme, us);
    const text = callFormatter((option.tooltip as { formatter: unknown }).formatter, { dataIndex: 1 });
    expect(text).toContain('Sep 2026 cohort, month 1');
    expect(text).toContain('Retention: <strong>25.0%</strong>');
    expect(text).toContain('Active customers: <strong>10 of 40</strong>');
  });

  it('counts the distinct cohort months', () => {
    expect(cohortMonths(triangle)).toEqual(['2026-09-01', '2026-10-01', '2026-11-01']);
    expect(cohortMonths(cohorts([['2026-11-01', 0, 20, 20, 1]]))).toHaveLength(1);
  });
});

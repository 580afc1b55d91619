import { describe, expect, it } from 'vitest';
import type { VizType } from '../../../api/query-types';
import { answerOf, tileOf } from './test-answers';
import { vizComponent, vizEmptyMessage } from './viz-registry';

const cohortColumns = [
  { name: 'cohort', type: 'date' as const, format: 'date' as const, role: 'time' as const },
  { name: 'months_since', role: 'dimension' as const },
  { name: 'retention', format: 'percent' as const },
];

describe('viz registry', () => {
  it('has a component for every chart viz and none for kpi and table', () => {
    const charts: VizType[] = ['bar', 'hbar', 'bar_line', 'pie', 'heatmap', 'histogram', 'funnel', 'map'];
    for (const viz of charts) expect(vizComponent(viz)).toBeTruthy();
    expect(new Set(charts.map(vizComponent)).size).toBe(charts.length);
    expect(() => vizComponent('kpi')).toThrow(/not a chart/);
  });

  it('asks for a longer range when the cohorts span fewer than two months', () => {
    const heatmap = tileOf('heatmap', { spec: { analysis: 'cohort_retention' } });
    const one = answerOf(cohortColumns, [['2026-11-01', 0, 1]]);
    const two = answerOf(cohortColumns, [['2026-10-01', 0, 1], ['2026-10-01', 1, 0.2], ['2026-11-01', 0, 1]]);

    expect(vizEmptyMessage(heatmap, answerOf(cohortColumns, []))).toBe(
      'Cohorts need at least two months of data. Choose a longer range (90D or YTD).',
    );
    expect(vizEmptyMessage(heatmap, one)).toContain('at least two months');
    expect(vizEmptyMessage(heatmap, two)).toBeNull();
  });

  it('shows the empty state for an answer without rows or without a single non-zero value', () => {
    const columns = [{ name: 'location', type: 'string' as const, role: 'dimension' as const }, { name: 'revenue' }];
    expect(vizEmptyMessage(tileOf('hbar'), answerOf(columns, []))).toMatch(/No data/);
    expect(vizEmptyMessage(tileOf('pie'), answerOf(columns, [['Austin', 0], ['Boston', null]]))).toMatch(/No data/);
    expect(vizEmptyMessage(tileOf('hbar'), answerOf(columns, [['Austin', 3]]))).toBeNull();
  });

  it('shows a KPI of zero (no orders today is news) and only an answer without rows as empty', () => {
    const columns = [{ name: 'revenue' }, { name: 'orders' }];
    expect(vizEmptyMessage(tileOf('kpi'), answerOf(columns, [[0, 0]]))).toBeNull();
    expect(vizEmptyMessage(tileOf('kpi'), answerOf(columns, []))).toMatch(/No data/);
  });
});

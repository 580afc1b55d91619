import { describe, expect, it } from 'vitest';
import { buildFunnelOption, funnelStages } from './funnel-option';
import { answerOf, callFormatter, lightTheme, us } from './test-answers';

const columns = [
  { name: 'leads', label: 'Leads', type: 'integer' as const, format: 'integer' as const },
  { name: 'appointments_set', label: 'Appointments set', type: 'integer' as const, format: 'integer' as const },
  { name: 'appointments_sat', label: 'Appointments sat', type: 'integer' as const, format: 'integer' as const },
  { name: 'appointments_sold', label: 'Appointments sold', type: 'integer' as const, format: 'integer' as const },
];
const answer = answerOf(columns, [[1000, 382, 200, 50]], {
  totals: { leads: 1000, appointments_set: 382, appointments_sat: 200, appointments_sold: 50 },
  comparison: {
    kind: 'previous_period',
    from: '2026-09-01',
    to: '2026-09-30',
    rows: [],
    totals: { leads: { previous: 800, delta: 200, percent: 0.25 } },
  },
});

describe('funnelStages', () => {
  it('keeps the metric order and gives each step its conversion from the previous one', () => {
    const funnel = funnelStages(answer, us);
    expect(funnel.stages.map((s) => [s.label, s.count])).toEqual([
      ['Leads', 1000],
      ['Appointments set', 382],
      ['Appointments sat', 200],
      ['Appointments sold', 50],
    ]);
    expect(funnel.stages[0]?.conversionText).toBeNull();
    expect(funnel.stages[1]?.conversionText).toBe('38.2% of leads');
    expect(funnel.stages[3]?.conversion).toBe(0.25);
    expect(funnel.total).toBe(0.05);
    expect(funnel.totalText).toBe('5.0% of leads to appointments sold');
  });

  it('has no conversion after a step of zero', () => {
    const empty = answerOf(columns, [[0, 0, 0, 0]]);
    const funnel = funnelStages(empty, us);
    expect(funnel.stages[1]?.conversion).toBeNull();
    expect(funnel.total).toBeNull();
  });
});

describe('buildFunnelOption', () => {
  it('labels each bar with its count and conversion and adds the change in the tooltip', () => {
    const option = buildFunnelOption(answer, lightTheme, us);
    const label = (option.series as { label: { formatter: unknown } }[])[0]?.label;
    expect(callFormatter(label?.formatter, { dataIndex: 0 })).toBe('1,000');
    expect(callFormatter(label?.formatter, { dataIndex: 1 })).toBe('382 · 38.2% of leads');

    const text = callFormatter((option.tooltip as { formatter: unknown }).formatter, [{ dataIndex: 0 }]);
    expect(text).toContain('Change: <strong>+25.0%</strong>');
  });
});

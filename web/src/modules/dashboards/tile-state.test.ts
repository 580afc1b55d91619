import { describe, expect, it } from 'vitest';
import { answerOf, revenueColumn, tileOf } from '../../testing/dashboards';
import { answered, OWN_RANGE_EMPTY } from './tile-state';
import { vizEmptyMessage } from './viz/viz-registry';

describe('answered', () => {
  it('is ready when the answer has rows', () => {
    const answer = answerOf([revenueColumn], [[1]]);
    expect(answered(tileOf('t', 'kpi'), answer)).toEqual({ status: 'ready', answer });
  });

  it('is empty with the viz sentence when the answer has no rows', () => {
    const tile = tileOf('t', 'bar');
    const answer = answerOf([revenueColumn], []);
    expect(answered(tile, answer)).toEqual({ status: 'empty', answer, message: vizEmptyMessage(tile, answer) });
  });

  it('does not suggest another range to a tile whose range is its own', () => {
    const tile = tileOf('today', 'kpi', { spec: { metrics: ['revenue'], time: { range: { preset: 'today' } } } });
    const state = answered(tile, answerOf([revenueColumn], []));
    expect(state.status === 'empty' && state.message).toBe(OWN_RANGE_EMPTY);
  });
});

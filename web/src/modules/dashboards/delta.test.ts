import { describe, expect, it } from 'vitest';
import { usd } from '../../testing/dashboards';
import { deltaOf } from './delta';

describe('deltaOf', () => {
  it('gives a rise an up arrow and a plus, a fall a down arrow and a minus, in words too', () => {
    expect(deltaOf(0.125, usd)).toEqual({ direction: 'up', arrow: '▲', text: '+12.5%', spoken: 'up 12.5%', tone: 'good' });
    expect(deltaOf(-0.04, usd)).toEqual({ direction: 'down', arrow: '▼', text: '\u22124.0%', spoken: 'down 4.0%', tone: 'bad' });
  });

  it('makes a rise bad news and a fall good news for a metric where lower is better', () => {
    expect(deltaOf(0.125, usd, true)?.tone).toBe('bad');
    expect(deltaOf(-0.04, usd, true)?.tone).toBe('good');
    expect(deltaOf(0.00001, usd, true)?.tone).toBe('neutral');
  });

  it('calls a change too small to show no change', () => {
    expect(deltaOf(0.00001, usd)).toEqual({ direction: 'flat', arrow: '', text: '0.0%', spoken: 'no change', tone: 'neutral' });
  });

  it('gives nothing without a comparison', () => {
    expect(deltaOf(null, usd)).toBeNull();
    expect(deltaOf(undefined, usd)).toBeNull();
    expect(deltaOf(Number.NaN, usd)).toBeNull();
  });
});

import type { DashboardTile } from '../../api/query-types';
import { formatPercentChange, type FormatContext } from './format';

/** A change from the comparison period, shown with an arrow and a sign as well as a colour (colour-blind safe). */
export interface Delta {
  direction: 'up' | 'down' | 'flat';
  /** ▲ or ▼; empty when flat. */
  arrow: string;
  /** "+12.3%", "−4.0%", "0.0%". */
  text: string;
  /** The words for a screen reader: "up 12.3%". */
  spoken: string;
  /** Whether the change is good news (green), bad news (red) or none: a rise is bad for latency or error rates. */
  tone: 'good' | 'bad' | 'neutral';
}

/**
 * The delta of a percent change (a fraction); null when there is nothing to compare with. A rise is good news unless
 * `lowerIsBetter`.
 */
export function deltaOf(percent: number | null | undefined, context: FormatContext, lowerIsBetter = false): Delta | null {
  if (percent === null || percent === undefined || !Number.isFinite(percent)) return null;
  const text = formatPercentChange(percent, context);
  const magnitude = text.replace(/^[+\u2212]/, '');
  if (magnitude === text) return { direction: 'flat', arrow: '', text, spoken: 'no change', tone: 'neutral' };
  const up = percent > 0;
  const tone = up !== lowerIsBetter ? 'good' : 'bad';
  return up
    ? { direction: 'up', arrow: '▲', text, spoken: `up ${magnitude}`, tone }
    : { direction: 'down', arrow: '▼', text, spoken: `down ${magnitude}`, tone };
}

/** The metrics of a tile whose rise is bad news: its `lower_is_better` option (e.g. latency, error rate). */
export function lowerIsBetter(tile: DashboardTile): ReadonlySet<string> {
  const listed = tile.options['lower_is_better'];
  return new Set(Array.isArray(listed) ? listed.filter((metric): metric is string => typeof metric === 'string') : []);
}

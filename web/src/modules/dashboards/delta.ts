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
}

/** The delta of a percent change (a fraction); null when there is nothing to compare with. */
export function deltaOf(percent: number | null | undefined, context: FormatContext): Delta | null {
  if (percent === null || percent === undefined || !Number.isFinite(percent)) return null;
  const text = formatPercentChange(percent, context);
  const magnitude = text.replace(/^[+\u2212]/, '');
  if (magnitude === text) return { direction: 'flat', arrow: '', text, spoken: 'no change' };
  return percent > 0
    ? { direction: 'up', arrow: '▲', text, spoken: `up ${magnitude}` }
    : { direction: 'down', arrow: '▼', text, spoken: `down ${magnitude}` };
}

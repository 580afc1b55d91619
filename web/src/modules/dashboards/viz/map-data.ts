import type { DashboardTile, QueryAnswer } from '../../../api/query-types';
import { formatPercentChange, formatValue, type FormatContext } from '../format';
import { categoryColumn, cell, findColumn, metricColumns, stringOption, toNumber } from './answer-data';
import type { ChartTheme } from './chart-theme';

/** The smallest and largest circle radius in pixels: the smallest branch stays visible and clickable. */
export const minRadius = 6;
export const maxRadius = 30;

/** One branch on the map. */
export interface MapCircle {
  latitude: number;
  longitude: number;
  label: string;
  /** The size metric's value, and as text. */
  size: number;
  sizeText: string;
  /** The size as a short label beside the circle: "$3.5M". */
  sizeShort: string;
  sizeLabel: string;
  /** The colour metric's change on the comparison period (a fraction); null without a comparison. */
  change: number | null;
  changeText: string;
  radius: number;
}

/** A circle's radius: its area grows with the value (square-root scale), the largest value gets `maxRadius`. */
export function circleRadius(value: number, largest: number): number {
  if (largest <= 0 || value <= 0) return minRadius;
  return Math.max(minRadius, maxRadius * Math.sqrt(value / largest));
}

/** Growth is the theme's success colour, decline its danger colour, no comparison (or no change) neutral grey. */
export function circleColour(change: number | null, theme: ChartTheme): string {
  if (change === null || !Number.isFinite(change) || change === 0) return theme.neutral;
  return change > 0 ? theme.growth : theme.decline;
}

/** The change as an arrow and a sign, so that it does not rest on colour alone: "▲ +12.3%", "▼ −4.0%". */
export function changeText(change: number | null, format: FormatContext): string {
  const text = formatPercentChange(change, format);
  if (change === null || !Number.isFinite(change) || change === 0) return text;
  return `${change > 0 ? '▲' : '▼'} ${text}`;
}

/**
 * The circles of a map tile: one per row with a position, at `options.latitude` / `options.longitude`, sized by
 * `options.size`, coloured by the percent change of `options.colour` in the answer's comparison rows.
 */
export function mapCircles(tile: DashboardTile, answer: QueryAnswer, format: FormatContext): MapCircle[] {
  const named = (key: string, fallback: string) => findColumn(answer, stringOption(tile.options, key) ?? fallback);
  const latitude = named('latitude', 'latitude');
  const longitude = named('longitude', 'longitude');
  const label = named('label', 'location') ?? categoryColumn(answer);
  const size = named('size', '') ?? metricColumns(answer)[0] ?? null;
  const colourName = stringOption(tile.options, 'colour') ?? size?.column.name ?? '';
  const placed = answer.rows.flatMap((row, rowIndex) => {
    const lat = cell(row, latitude);
    const lng = cell(row, longitude);
    if (typeof lat !== 'number' || typeof lng !== 'number') return [];
    return [{ row, rowIndex, lat, lng }];
  });
  const largest = placed.reduce((max, p) => Math.max(max, toNumber(cell(p.row, size))), 0);
  return placed.map(({ row, rowIndex, lat, lng }) => {
    const value = toNumber(cell(row, size));
    const change = answer.comparison?.rows[rowIndex]?.[colourName]?.percent ?? null;
    return {
      latitude: lat,
      longitude: lng,
      label: formatValue(cell(row, label), label?.column.format ?? 'none', format),
      size: value,
      sizeText: formatValue(cell(row, size), size?.column.format ?? 'number', format),
      sizeShort: formatValue(cell(row, size), size?.column.format ?? 'number', format, 'compact'),
      sizeLabel: size?.column.label ?? '',
      change,
      changeText: changeText(change, format),
      radius: circleRadius(value, largest),
    };
  });
}

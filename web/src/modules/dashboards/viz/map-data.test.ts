import { describe, expect, it } from 'vitest';
import { changeText, circleColour, circleRadius, mapCircles, maxRadius, minRadius } from './map-data';
import { answerOf, lightTheme, tileOf, us } from './test-answers';

const tile = tileOf('map', {
  options: { label: 'location', latitude: 'latitude', longitude: 'longitude', size: 'revenue', colour: 'revenue' },
});
const answer = answerOf(
  [
    { name: 'location', type: 'string', format: 'none', label: 'Branch', role: 'dimension' },
    { name: 'latitude', label: 'Latitude', role: 'dimension' },
    { name: 'longitude', label: 'Longitude', role: 'dimension' },
    { name: 'revenue', label: 'Revenue', format: 'currency' },
  ],
  [
    ['Austin', 30.27, -97.74, 40000],
    ['Boston', 42.36, -71.06, 10000],
    ['Nowhere', null, null, 500],
    ['Chicago', 41.88, -87.63, 0],
  ],
  {
    comparison: {
      kind: 'previous_period',
      from: '2026-09-01',
      to: '2026-09-30',
      rows: [
        { revenue: { previous: 32000, delta: 8000, percent: 0.25 } },
        { revenue: { previous: 12500, delta: -2500, percent: -0.2 } },
        { revenue: { previous: 0, delta: 500, percent: null } },
        { revenue: { previous: 0, delta: 0, percent: null } },
      ],
      totals: {},
    },
  },
);

describe('map circles', () => {
  it('scales the radius by the square root of the value, the largest at the maximum', () => {
    expect(circleRadius(40000, 40000)).toBe(maxRadius);
    expect(circleRadius(10000, 40000)).toBe(maxRadius / 2);
    expect(circleRadius(0, 40000)).toBe(minRadius);
    expect(circleRadius(1, 40000)).toBe(minRadius);
  });

  it('colours growth green, decline red and no comparison grey', () => {
    expect(circleColour(0.1, lightTheme)).toBe(lightTheme.growth);
    expect(circleColour(-0.1, lightTheme)).toBe(lightTheme.decline);
    expect(circleColour(null, lightTheme)).toBe(lightTheme.neutral);
    expect(new Set([lightTheme.growth, lightTheme.decline, lightTheme.neutral]).size).toBe(3);
  });

  it('writes the change with an arrow and a sign, not with colour alone', () => {
    expect(changeText(0.123, us)).toBe('▲ +12.3%');
    expect(changeText(-0.04, us)).toBe('▼ \u22124.0%');
    expect(changeText(null, us)).toBe('—');
  });

  it('puts one circle per row with a position, with the row’s comparison', () => {
    const circles = mapCircles(tile, answer, us);
    expect(circles.map((c) => c.label)).toEqual(['Austin', 'Boston', 'Chicago']);
    expect(circles[0]).toMatchObject({ latitude: 30.27, longitude: -97.74, sizeText: '$40,000.00', change: 0.25, radius: maxRadius });
    expect(circles[1]).toMatchObject({ change: -0.2, changeText: '▼ \u221220.0%', radius: maxRadius / 2 });
    expect(circles[2]).toMatchObject({ change: null, radius: minRadius });
  });
});

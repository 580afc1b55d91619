/** The colours a chart draws with, read from the page's CSS custom properties so charts follow light and dark. */
export interface ChartTheme {
  mode: 'light' | 'dark';
  /** The page's font stack: canvas text does not inherit it. */
  fontFamily: string;
  text: string;
  muted: string;
  border: string;
  surface: string;
  /** Series colours, in the order series are drawn. */
  palette: string[];
  /** Growth, decline and no-comparison colours (the map's circles). */
  growth: string;
  decline: string;
  neutral: string;
  /**
   * Low → middle → high of the heatmap scale: red → yellow → green (ColorBrewer RdYlGn), told apart by lightness
   * too, which pure red-green is not.
   */
  heat: string[];
}

const fallbacks: Record<'light' | 'dark', Record<string, string>> = {
  light: {
    '--ns-text': '#0f172a',
    '--ns-muted': '#64748b',
    '--ns-border': '#e2e8f0',
    '--ns-surface': '#ffffff',
    '--ns-success': '#16a34a',
    '--ns-danger': '#dc2626',
    '--ns-chart-1': '#2563eb',
    '--ns-chart-2': '#f59e0b',
    '--ns-chart-3': '#10b981',
    '--ns-chart-4': '#8b5cf6',
    '--ns-chart-5': '#ec4899',
    '--ns-chart-6': '#06b6d4',
  },
  dark: {
    '--ns-text': '#e2e8f0',
    '--ns-muted': '#94a3b8',
    '--ns-border': '#1f2a3d',
    '--ns-surface': '#111827',
    '--ns-success': '#22c55e',
    '--ns-danger': '#f87171',
    '--ns-chart-1': '#60a5fa',
    '--ns-chart-2': '#fbbf24',
    '--ns-chart-3': '#34d399',
    '--ns-chart-4': '#a78bfa',
    '--ns-chart-5': '#f472b6',
    '--ns-chart-6': '#22d3ee',
  },
};

// The lighter two thirds of RdYlGn: dark cell text keeps a contrast of at least 4.5:1 on every colour of it.
const heatScale = ['#f46d43', '#fdae61', '#fee08b', '#d9ef8b', '#a6d96a', '#66bd63'];

/**
 * The chart colours of a theme. `readVariable` gives a CSS custom property's value ('' when unset); the page's
 * variables win, the fallbacks keep charts readable on a page that does not define them.
 */
export function chartTheme(
  mode: 'light' | 'dark',
  readVariable: (name: string) => string,
  fontFamily = 'system-ui, sans-serif',
): ChartTheme {
  const value = (name: string): string => readVariable(name).trim() || (fallbacks[mode][name] ?? '#888888');
  return {
    mode,
    fontFamily: fontFamily.trim() || 'system-ui, sans-serif',
    text: value('--ns-text'),
    muted: value('--ns-muted'),
    border: value('--ns-border'),
    surface: value('--ns-surface'),
    palette: [1, 2, 3, 4, 5, 6].map((n) => value(`--ns-chart-${n}`)),
    growth: value('--ns-success'),
    decline: value('--ns-danger'),
    neutral: value('--ns-muted'),
    heat: heatScale,
  };
}

/** The chart colours of the page as it is now (call after the theme attribute changed). */
export function readChartTheme(mode: 'light' | 'dark'): ChartTheme {
  const style = getComputedStyle(document.documentElement);
  return chartTheme(mode, (name) => style.getPropertyValue(name), style.fontFamily);
}

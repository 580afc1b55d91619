import { describe, expect, it } from 'vitest';
import { chartTheme, readChartTheme } from './chart-theme';

describe('chartTheme', () => {
  it('takes the page’s custom properties and falls back per theme for the others', () => {
    const theme = chartTheme('dark', (name) => (name === '--ns-text' ? ' #fafafa ' : ''));
    expect(theme.text).toBe('#fafafa');
    expect(theme.surface).toBe('#111827');
    expect(theme.palette).toHaveLength(6);
    expect(chartTheme('light', () => '').surface).toBe('#ffffff');
  });

  it('reads the variables of the root element as they are now', () => {
    document.documentElement.style.setProperty('--ns-success', '#00ff00');
    try {
      expect(readChartTheme('light').growth).toBe('#00ff00');
    } finally {
      document.documentElement.style.removeProperty('--ns-success');
    }
  });
});

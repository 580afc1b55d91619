import { createPinia, setActivePinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { nextTick } from 'vue';
import { useThemeStore } from './theme';

function prefersDark(dark: boolean): void {
  vi.stubGlobal('matchMedia', (query: string) => ({ matches: dark && query === '(prefers-color-scheme: dark)' }));
}

afterEach(() => {
  localStorage.clear();
  delete document.documentElement.dataset['theme'];
});

describe('the theme store', () => {
  it.each([
    [true, 'dark'],
    [false, 'light'],
  ] as const)('follows the system preference (dark: %s) when nothing was chosen', (dark, theme) => {
    prefersDark(dark);
    setActivePinia(createPinia());

    expect(useThemeStore().theme).toBe(theme);
    expect(document.documentElement.dataset['theme']).toBe(theme);
  });

  it('switches, sets the root attribute and remembers the choice over the system preference', async () => {
    prefersDark(false);
    setActivePinia(createPinia());
    const store = useThemeStore();

    store.toggle();
    await nextTick();

    expect(store.theme).toBe('dark');
    expect(document.documentElement.dataset['theme']).toBe('dark');
    expect(localStorage.getItem('northstar.theme')).toBe('dark');

    setActivePinia(createPinia());
    expect(useThemeStore().theme).toBe('dark');
  });
});

import { defineStore } from 'pinia';
import { ref, watch } from 'vue';

export type Theme = 'light' | 'dark';

const storageKey = 'northstar.theme';

function initialTheme(): Theme {
  const saved = readSaved();
  if (saved !== null) return saved;
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function readSaved(): Theme | null {
  try {
    const saved = localStorage.getItem(storageKey);
    return saved === 'light' || saved === 'dark' ? saved : null;
  } catch {
    // Storage can be off (private mode, policies): the system's preference then.
    return null;
  }
}

/**
 * The colour theme: the person's last choice, else the system's preference. It lives on the root element
 * (`data-theme`), where the styles' custom properties pick it up.
 */
export const useThemeStore = defineStore('theme', () => {
  /** The theme the page shows. */
  const theme = ref<Theme>(initialTheme());

  watch(
    theme,
    (current) => {
      document.documentElement.dataset['theme'] = current;
    },
    { immediate: true },
  );

  /** Switches to the other theme and remembers the choice. */
  function toggle(): void {
    theme.value = theme.value === 'dark' ? 'light' : 'dark';
    try {
      localStorage.setItem(storageKey, theme.value);
    } catch {
      // Not remembered; the page still switches.
    }
  }

  return { theme, toggle };
});

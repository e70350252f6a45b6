// The <html> theme class (the Tailwind `dark:` variant keys off it), set without React: the first
// code that runs (src/main.ts) colours the page before anything is drawn.
import { effectiveTheme, readStoredThemeChoice, type ThemeChoice } from '../state/stored-theme';

export const DARK_QUERY = '(prefers-color-scheme: dark)';

export function osPrefersDark(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(DARK_QUERY).matches;
}

export function applyThemeClass(theme: ThemeChoice): void {
  const root = document.documentElement;
  root.classList.toggle('dark', theme === 'dark');
  root.classList.toggle('light', theme === 'light');
}

/** Before the first drawing, so that it already has the right colours. */
export function applyInitialTheme(): void {
  applyThemeClass(effectiveTheme(readStoredThemeChoice(), osPrefersDark()));
}

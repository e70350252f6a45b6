// Applies the effective theme as a class on <html> (the Tailwind `dark:` variant keys off it).
import { useEffect, useSyncExternalStore } from 'react';
import { effectiveTheme, usePreferencesStore, type ThemeChoice } from '../state/preferences-store';

const DARK_QUERY = '(prefers-color-scheme: dark)';

function osPrefersDark(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(DARK_QUERY).matches;
}

function subscribeToOsTheme(onChange: () => void): () => void {
  if (typeof window.matchMedia !== 'function') return () => {};
  const query = window.matchMedia(DARK_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

export function applyThemeClass(theme: ThemeChoice): void {
  const root = document.documentElement;
  root.classList.toggle('dark', theme === 'dark');
  root.classList.toggle('light', theme === 'light');
}

/** Before the first render, so the first paint already has the right colours. */
export function applyInitialTheme(): void {
  applyThemeClass(effectiveTheme(usePreferencesStore.getState().theme, osPrefersDark()));
}

/** The theme shown now; follows OS changes while the user has not chosen. */
export function useEffectiveTheme(): ThemeChoice {
  const choice = usePreferencesStore((s) => s.theme);
  const prefersDark = useSyncExternalStore(subscribeToOsTheme, osPrefersDark, () => false);
  return effectiveTheme(choice, prefersDark);
}

/** Keeps the <html> class in sync with the preference and the OS. */
export function useThemeClass(): void {
  const theme = useEffectiveTheme();
  useEffect(() => applyThemeClass(theme), [theme]);
}

// Keeps the <html> theme class in step with the preference and the OS while the app runs.
import { useEffect, useSyncExternalStore } from 'react';
import { effectiveTheme, usePreferencesStore, type ThemeChoice } from '../state/preferences-store';
import { applyThemeClass, DARK_QUERY, osPrefersDark } from './initial-theme';

function subscribeToOsTheme(onChange: () => void): () => void {
  if (typeof window.matchMedia !== 'function') return () => {};
  const query = window.matchMedia(DARK_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
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

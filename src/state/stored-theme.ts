// The colour theme as stored by the preferences store, readable without that store: the page's
// first code (src/main.ts) colours the page before React and zustand's React binding have loaded.

export type ThemeChoice = 'light' | 'dark';

export const PREFERENCES_STORAGE_KEY = 'skein.preferences';

/** The theme actually shown: the user's choice, else the OS preference. */
export function effectiveTheme(choice: ThemeChoice | null, osPrefersDark: boolean): ThemeChoice {
  return choice ?? (osPrefersDark ? 'dark' : 'light');
}

/** A theme value as persisted, or null (follow the OS) for anything else. */
export function themeChoiceOf(value: unknown): ThemeChoice | null {
  return value === 'light' || value === 'dark' ? value : null;
}

/** The theme the user picked, read from localStorage as the preferences store persists it. */
export function readStoredThemeChoice(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): ThemeChoice | null {
  try {
    const text = storage?.getItem(PREFERENCES_STORAGE_KEY);
    if (text === null || text === undefined) return null;
    const saved = JSON.parse(text) as { state?: { theme?: unknown } } | null;
    return themeChoiceOf(saved?.state?.theme);
  } catch {
    return null; // no storage (privacy modes throw) or not JSON: follow the OS, as the store does
  }
}

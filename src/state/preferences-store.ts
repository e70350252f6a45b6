// User preferences that every route reads: colour theme and the time zone for absolute times.
// Persisted in localStorage, so they survive reloads and apply to every tab.
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { TimeZonePreference } from '../lib/time-format';
import { PREFERENCES_STORAGE_KEY, themeChoiceOf, type ThemeChoice } from './stored-theme';

export { effectiveTheme, PREFERENCES_STORAGE_KEY, type ThemeChoice } from './stored-theme';

export interface PreferencesState {
  /** The theme the user picked; null = follow the OS (prefers-color-scheme). */
  theme: ThemeChoice | null;
  timeZone: TimeZonePreference;
  setTheme: (theme: ThemeChoice | null) => void;
  setTimeZone: (zone: TimeZonePreference) => void;
}

export const usePreferencesStore = create<PreferencesState>()(
  persist(
    (set) => ({
      theme: null,
      timeZone: 'local',
      setTheme: (theme) => set({ theme }),
      setTimeZone: (timeZone) => set({ timeZone }),
    }),
    {
      name: PREFERENCES_STORAGE_KEY,
      version: 1,
      // localStorage can be absent (tests) or throw (privacy modes): then preferences are per page load.
      storage: createJSONStorage(() => localStorage),
      partialize: (state) => ({ theme: state.theme, timeZone: state.timeZone }),
      merge: (persisted, current) => {
        const saved = (persisted ?? {}) as Partial<PreferencesState>;
        return {
          ...current,
          theme: themeChoiceOf(saved.theme),
          timeZone: saved.timeZone === 'utc' ? 'utc' : 'local',
        };
      },
    },
  ),
);

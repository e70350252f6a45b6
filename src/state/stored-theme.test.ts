import { afterEach, describe, expect, it, vi } from 'vitest';
import { effectiveTheme, PREFERENCES_STORAGE_KEY, readStoredThemeChoice } from './stored-theme';

/** A storage holding what the preferences store persists (zustand's persist: `{ state, version }`). */
const storageWith = (text: string | null) => ({ getItem: (key: string) => (key === PREFERENCES_STORAGE_KEY ? text : null) });

describe('readStoredThemeChoice', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reads the theme the preferences store persisted', () => {
    expect(readStoredThemeChoice(storageWith(JSON.stringify({ state: { theme: 'dark', timeZone: 'utc' }, version: 1 })))).toBe('dark');
    expect(readStoredThemeChoice(storageWith(JSON.stringify({ state: { theme: 'light' }, version: 1 })))).toBe('light');
  });

  it('follows the OS (null) for no choice, other values, broken JSON, and storage that throws', () => {
    expect(readStoredThemeChoice(storageWith(null))).toBeNull();
    expect(readStoredThemeChoice(storageWith(JSON.stringify({ state: { theme: null } })))).toBeNull();
    expect(readStoredThemeChoice(storageWith(JSON.stringify({ state: { theme: 'sepia' } })))).toBeNull();
    expect(readStoredThemeChoice(storageWith('{not json'))).toBeNull();
    expect(readStoredThemeChoice(storageWith('null'))).toBeNull();
    const throwing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(readStoredThemeChoice(throwing)).toBeNull();
    expect(readStoredThemeChoice(undefined)).toBeNull();
  });

  it('reads what the preferences store itself writes', async () => {
    const saved = new Map<string, string>();
    vi.stubGlobal('localStorage', {
      getItem: (key: string) => saved.get(key) ?? null,
      setItem: (key: string, value: string) => void saved.set(key, value),
      removeItem: (key: string) => void saved.delete(key),
    });
    vi.resetModules();
    const { usePreferencesStore } = await import('./preferences-store');
    usePreferencesStore.getState().setTheme('dark');
    expect(readStoredThemeChoice(localStorage)).toBe('dark');
    usePreferencesStore.getState().setTheme(null);
    expect(readStoredThemeChoice(localStorage)).toBeNull();
  });

  it('gives the shown theme with the OS preference', () => {
    expect(effectiveTheme(null, true)).toBe('dark');
    expect(effectiveTheme('light', true)).toBe('light');
  });
});

import { usePreferencesStore } from '../state/preferences-store';
import { useEffectiveTheme } from './theme';

const toggleClass =
  'inline-flex items-center gap-1 rounded-md border px-2 py-1.5 text-sm font-medium transition-colors ' +
  'border-slate-300 text-slate-700 hover:bg-slate-100 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800 ' +
  'aria-pressed:border-sky-600 aria-pressed:bg-sky-50 aria-pressed:text-sky-900 ' +
  'dark:aria-pressed:border-sky-400 dark:aria-pressed:bg-sky-950 dark:aria-pressed:text-sky-100';

/** Toggle button named "Dark theme", pressed while the dark theme is shown. */
export function ThemeToggle() {
  const theme = useEffectiveTheme();
  const setTheme = usePreferencesStore((s) => s.setTheme);
  const dark = theme === 'dark';
  return (
    <button
      type="button"
      className={toggleClass}
      aria-pressed={dark}
      title={dark ? 'Switch to the light theme' : 'Switch to the dark theme'}
      onClick={() => setTheme(dark ? 'light' : 'dark')}
    >
      <span aria-hidden="true">{dark ? '☾' : '☀'}</span>
      <span className="sr-only">Dark theme</span>
    </button>
  );
}

/** Toggle button named "UTC", pressed while absolute times are shown in UTC (else local time). */
export function TimeZoneToggle() {
  const zone = usePreferencesStore((s) => s.timeZone);
  const setTimeZone = usePreferencesStore((s) => s.setTimeZone);
  const utc = zone === 'utc';
  return (
    <button
      type="button"
      className={toggleClass}
      aria-pressed={utc}
      title={utc ? 'Times are in UTC: switch to local time' : 'Times are in local time: switch to UTC'}
      onClick={() => setTimeZone(utc ? 'local' : 'utc')}
    >
      UTC
    </button>
  );
}

// `<input type="datetime-local">` values (`2024-05-01T12:34` or with seconds) ⇄ epoch µs, in the
// time zone the user chose for the app (UTC or the browser's zone), not always the browser's.
import type { TimeZonePreference } from './time-format';

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

export function epochUsToDateTimeLocal(epochUs: number, zone: TimeZonePreference): string {
  const date = new Date(Math.floor(epochUs / 1000));
  if (Number.isNaN(date.getTime())) return '';
  const utc = zone === 'utc';
  const parts = utc
    ? [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()]
    : [date.getFullYear(), date.getMonth() + 1, date.getDate(), date.getHours(), date.getMinutes(), date.getSeconds()];
  const [y, mo, d, h, mi, s] = parts as [number, number, number, number, number, number];
  return `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}`;
}

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

/** null when the text is not a complete datetime-local value. */
export function dateTimeLocalToEpochUs(text: string, zone: TimeZonePreference): number | null {
  const match = LOCAL_RE.exec(text.trim());
  if (!match) return null;
  const num = (index: number) => Number(match[index] ?? '0');
  const ms = match[7] ? Number(match[7].padEnd(3, '0')) : 0;
  const args = [num(1), num(2) - 1, num(3), num(4), num(5), num(6), ms] as const;
  const epochMs = zone === 'utc' ? Date.UTC(...args) : new Date(...args).getTime();
  return Number.isFinite(epochMs) ? epochMs * 1000 : null;
}

// Absolute timestamps for display, in the zone the user chose (UTC or the browser's local zone).
// Times in Skein are epoch microseconds; we show millisecond precision plus the zone, so a time
// copied from the screen is never ambiguous.

export type TimeZonePreference = 'utc' | 'local';

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** `+02:00`-style offset for a Date in the local zone (getTimezoneOffset is minutes *behind* UTC). */
function localOffsetLabel(date: Date): string {
  const offsetMin = -date.getTimezoneOffset();
  const sign = offsetMin >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMin);
  return `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * `2024-05-01 12:34:56.789 UTC` (zone 'utc') or `2024-05-01 14:34:56.789 UTC+02:00` (zone 'local').
 * Non-finite input gives an em dash rather than "Invalid Date".
 */
export function formatTimestamp(epochUs: number, zone: TimeZonePreference): string {
  if (!Number.isFinite(epochUs)) return '—';
  // Floor (not round) to whole ms, so 12:00:00.9999 never displays as the next second.
  const epochMs = Math.floor(epochUs / 1000);
  const date = new Date(epochMs);
  if (Number.isNaN(date.getTime())) return '—';
  const utc = zone === 'utc';
  const year = utc ? date.getUTCFullYear() : date.getFullYear();
  const month = utc ? date.getUTCMonth() + 1 : date.getMonth() + 1;
  const day = utc ? date.getUTCDate() : date.getDate();
  const hours = utc ? date.getUTCHours() : date.getHours();
  const minutes = utc ? date.getUTCMinutes() : date.getMinutes();
  const seconds = utc ? date.getUTCSeconds() : date.getSeconds();
  const ms = utc ? date.getUTCMilliseconds() : date.getMilliseconds();
  const stamp = `${pad(year, 4)}-${pad(month)}-${pad(day)} ${pad(hours)}:${pad(minutes)}:${pad(seconds)}.${pad(ms, 3)}`;
  return `${stamp} ${utc ? 'UTC' : localOffsetLabel(date)}`;
}

/**
 * The zone that absolute times are read and shown in, named for people: `UTC`, or the browser's
 * zone with its offset at `atEpochUs` (offsets change with daylight saving), `Asia/Tokyo (UTC+09:00)`.
 */
export function describeTimeZone(zone: TimeZonePreference, atEpochUs: number): string {
  if (zone === 'utc') return 'UTC';
  const date = new Date(Number.isFinite(atEpochUs) ? Math.floor(atEpochUs / 1000) : Date.now());
  const name = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const offset = localOffsetLabel(Number.isNaN(date.getTime()) ? new Date() : date);
  return name ? `${name} (${offset})` : `local time (${offset})`;
}

import { afterEach, describe, expect, it } from 'vitest';
import { describeTimeZone, formatTimestamp } from './time-format';

describe('formatTimestamp', () => {
  // 2024-05-01T12:34:56.789Z plus 123 µs
  const epochUs = Date.UTC(2024, 4, 1, 12, 34, 56, 789) * 1000 + 123;

  it('formats in UTC with millisecond precision and the zone', () => {
    expect(formatTimestamp(epochUs, 'utc')).toBe('2024-05-01 12:34:56.789 UTC');
  });

  it('floors sub-millisecond parts instead of rounding into the next second', () => {
    const almostNextSecondUs = Date.UTC(2024, 0, 1, 0, 0, 0, 999) * 1000 + 999;
    expect(formatTimestamp(almostNextSecondUs, 'utc')).toBe('2024-01-01 00:00:00.999 UTC');
  });

  it('formats in the local zone with its offset', () => {
    const local = formatTimestamp(epochUs, 'local');
    const date = new Date(Math.floor(epochUs / 1000));
    const offsetMin = -date.getTimezoneOffset();
    const sign = offsetMin >= 0 ? '+' : '-';
    const abs = Math.abs(offsetMin);
    const expectedZone = `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
    expect(local.endsWith(` ${expectedZone}`)).toBe(true);
    expect(local).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.789 UTC[+-]\d{2}:\d{2}$/);
    expect(local.slice(11, 13)).toBe(String(date.getHours()).padStart(2, '0'));
  });

  it('returns a dash for non-finite input', () => {
    expect(formatTimestamp(Number.NaN, 'utc')).toBe('—');
    expect(formatTimestamp(Number.POSITIVE_INFINITY, 'local')).toBe('—');
  });
});

describe('describeTimeZone', () => {
  const savedTz = process.env.TZ;
  afterEach(() => {
    // Assigning undefined would set the string "undefined".
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  it('names the browser zone with its offset at the given time (daylight saving included)', () => {
    process.env.TZ = 'Europe/Berlin';
    expect(describeTimeZone('local', Date.UTC(2024, 0, 15) * 1000)).toBe('Europe/Berlin (UTC+01:00)');
    expect(describeTimeZone('local', Date.UTC(2024, 6, 15) * 1000)).toBe('Europe/Berlin (UTC+02:00)');
    process.env.TZ = 'America/St_Johns';
    expect(describeTimeZone('local', Date.UTC(2024, 0, 15) * 1000)).toBe('America/St_Johns (UTC-03:30)');
  });

  it('is plain UTC when the app shows UTC', () => {
    process.env.TZ = 'Asia/Tokyo';
    expect(describeTimeZone('utc', Date.UTC(2024, 0, 15) * 1000)).toBe('UTC');
  });
});

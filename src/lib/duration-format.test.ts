import { describe, expect, it } from 'vitest';
import { formatDurationUs, formatElapsedMs, parseDuration } from './duration-format';

describe('formatDurationUs', () => {
  it.each([
    [0, '0 µs'],
    [0.5, '500 ns'],
    [0.0004, '1 ns'],
    [1, '1 µs'],
    [12, '12 µs'],
    [12.34, '12.3 µs'],
    [999.4, '999 µs'],
    [999.7, '1 ms'],
    [1_230, '1.23 ms'],
    [840_000, '840 ms'],
    [999_600, '1 s'],
    [1_234_567, '1.23 s'],
    [12_500_000, '12.5 s'],
    [59_960_000, '1 min'],
    [123_000_000, '2 min 3 s'],
    [120_000_000, '2 min'],
    [3_600_000_000, '1 h'],
    [3_900_000_000, '1 h 5 min'],
    [-840_000, '-840 ms'],
    [Number.NaN, '—'],
    [Number.POSITIVE_INFINITY, '—'],
  ])('%s µs → %s', (us, text) => {
    expect(formatDurationUs(us)).toBe(text);
  });
});

describe('parseDuration', () => {
  it.each([
    ['1.2s', 1_200_000],
    ['300ms', 300_000],
    ['50us', 50],
    ['50µs', 50],
    ['50μs', 50],
    ['2m', 120_000_000],
    ['2min', 120_000_000],
    ['1h', 3_600_000_000],
    ['1m30s', 90_000_000],
    [' 1m 30s ', 90_000_000],
    ['500ns', 0.5],
    ['.5s', 500_000],
    ['1.5MS', 1_500],
  ])('%s → %s µs', (text, us) => {
    expect(parseDuration(text)).toBeCloseTo(us, 9);
  });

  it.each(['', '   ', '100', '1.2', 'ms', '-5ms', '1.2.3s', '5 parsecs', '1s2', 'abc', '1e3ms', '1d'])(
    'rejects %j',
    (text) => {
      expect(parseDuration(text)).toBeNull();
    },
  );

  it('round-trips the formatter for whole units', () => {
    expect(parseDuration(formatDurationUs(840_000).replace(' ', ''))).toBe(840_000);
    expect(parseDuration(formatDurationUs(12).replace(' ', ''))).toBe(12);
  });
});

describe('formatElapsedMs', () => {
  it('keeps whole ms below a second and switches to seconds above', () => {
    expect(formatElapsedMs(12.4)).toBe('12 ms');
    expect(formatElapsedMs(999.4)).toBe('999 ms');
    expect(formatElapsedMs(999.6)).toBe('1 s');
    expect(formatElapsedMs(16072)).toBe('16.1 s');
    expect(formatElapsedMs(75_000)).toBe('1 min 15 s');
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  durationUsBetween,
  parseDurationNanos,
  parseEpochMicros,
  parseEpochNanos,
  parseRfc3339,
  toFractionalUs,
  toNanosString,
} from './nanos';

describe('parseEpochNanos', () => {
  it('keeps a nanosecond string beyond 2^53 exact', () => {
    // 1711138247024460625 > 2^53; Number() would round it to ...460608.
    expect(parseEpochNanos('1711138247024460625')).toEqual({ us: 1711138247024460, nsRemainder: 625 });
    expect(toNanosString(parseEpochNanos('1711138247024460625')!)).toBe('1711138247024460625');
  });

  it('reads small values, numbers and leading zeros', () => {
    expect(parseEpochNanos('999')).toEqual({ us: 0, nsRemainder: 999 });
    expect(parseEpochNanos('1000')).toEqual({ us: 1, nsRemainder: 0 });
    expect(parseEpochNanos(1_500_250)).toEqual({ us: 1500, nsRemainder: 250 });
    expect(parseEpochNanos('000000001711138247024460625')).toEqual({ us: 1711138247024460, nsRemainder: 625 });
  });

  it('rejects what is not a non-negative integer', () => {
    for (const bad of ['', 'abc', '-5', '1.5', '1e9', null, undefined, {}, -1, 1.5, NaN, '99999999999999999999999']) {
      expect(parseEpochNanos(bad)).toBeNull();
    }
  });

  it('matches BigInt arithmetic for any 19-digit value', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 9_007_199_254_740_991_999n }), (n) => {
        const t = parseEpochNanos(n.toString())!;
        expect(BigInt(t.us) * 1000n + BigInt(t.nsRemainder)).toBe(n);
        expect(toNanosString(t)).toBe(n.toString());
      }),
    );
  });

  it('computes exact durations between two ns strings', () => {
    const start = parseEpochNanos('1711138246978000000')!;
    const end = parseEpochNanos('1711138247024460625')!;
    expect(durationUsBetween(start, end)).toBe(46460.625);
    fc.assert(
      fc.property(fc.bigInt({ min: 10n ** 18n, max: 2n * 10n ** 18n }), fc.bigInt({ min: 0n, max: 10n ** 12n }), (s, d) => {
        const us = durationUsBetween(parseEpochNanos(s.toString())!, parseEpochNanos((s + d).toString())!);
        expect(Math.round(us * 1000)).toBe(Number(d));
      }),
    );
  });

  it('parses 100k consecutive timestamps, each to its own sub-µs remainder', () => {
    const values = Array.from({ length: 100_000 }, (_, i) => 1711138246978000000n + BigInt(i) * 1237n);
    let sum = 0;
    let expected = 0;
    for (const v of values) {
      sum += parseEpochNanos(String(v))!.nsRemainder;
      expected += Number(v % 1000n);
    }
    expect(sum).toBe(expected);
  });
});

describe('parseEpochMicros', () => {
  it('reads integer and fractional µs', () => {
    expect(parseEpochMicros(1485467191639875)).toEqual({ us: 1485467191639875, nsRemainder: 0 });
    expect(parseEpochMicros('100')).toEqual({ us: 100, nsRemainder: 0 });
    expect(parseEpochMicros(100.25)).toEqual({ us: 100, nsRemainder: 250 });
    expect(parseEpochMicros('x')).toBeNull();
    expect(parseEpochMicros(-1)).toBeNull();
  });
  it('toFractionalUs adds the remainder', () => {
    expect(toFractionalUs({ us: 10, nsRemainder: 500 })).toBe(10.5);
  });
});

describe('parseDurationNanos', () => {
  it.each([
    ['5000ns', 5000],
    ['0.005s', 5_000_000],
    ['1.2s', 1_200_000_000],
    ['500us', 500_000],
    ['500µs', 500_000],
    ['100ms', 100_000_000],
    ['1m30s', 90_000_000_000],
    ['1h', 3_600_000_000_000],
    ['0', 0],
  ])('%s → %d ns', (text, ns) => {
    expect(parseDurationNanos(text)).toBe(ns);
  });
  it.each(['', 'abc', '5', '5xs', 's', '1..2s'])('rejects %j', (text) => {
    expect(parseDurationNanos(text)).toBeNull();
  });
});

describe('parseRfc3339', () => {
  it('keeps nanoseconds and applies the offset', () => {
    // 2017-01-26T16:46:31.639875139-05:00 = 2017-01-26T21:46:31.639875139Z
    expect(parseRfc3339('2017-01-26T16:46:31.639875139-05:00')).toEqual({ us: 1485467191639875, nsRemainder: 139 });
    expect(parseRfc3339('2017-01-26T21:46:31Z')).toEqual({ us: 1485467191000000, nsRemainder: 0 });
    expect(parseRfc3339('2017-01-26T21:46:31.5+00:00')).toEqual({ us: 1485467191500000, nsRemainder: 0 });
  });
  it('rejects other text', () => {
    expect(parseRfc3339('yesterday')).toBeNull();
    expect(parseRfc3339('2017-01-26')).toBeNull();
    expect(parseRfc3339(5)).toBeNull();
  });
});

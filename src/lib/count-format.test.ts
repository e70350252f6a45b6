import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countOf, formatCount } from './count-format';

describe('formatCount', () => {
  it('groups thousands as en-US does', () => {
    expect([0, 7, 999, 1000, 12_345, 1_000_000, -4321].map(formatCount)).toEqual(['0', '7', '999', '1,000', '12,345', '1,000,000', '-4,321']);
  });

  it('matches toLocaleString("en-US") for every safe integer', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger().map((n) => n), (n) => {
        expect(formatCount(n)).toBe(n.toLocaleString('en-US'));
      }),
    );
  });
});

describe('countOf', () => {
  it('writes the count with its noun, singular only for one', () => {
    expect(countOf(1, 'span')).toBe('1 span');
    expect(countOf(0, 'span')).toBe('0 spans');
    expect(countOf(12345, 'span ID occurs', 'span IDs occur')).toBe('12,345 span IDs occur');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCount } from './count-format';

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

import { describe, expect, it } from 'vitest';
import { percentile, percentileOfSorted } from './percentile';

describe('percentile', () => {
  it.each([
    [[1, 2, 3, 4], 0.5, 2.5],
    [[4, 1, 3, 2], 0.5, 2.5],
    [[10], 0.95, 10],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21], 0.95, 20],
    [[0, 100], 0.95, 95],
    [[5, 1], 0, 1],
    [[5, 1], 1, 5],
    [[5, 1], 2, 5],
  ])('%j at %s → %s', (values, p, want) => {
    expect(percentile(values, p)).toBeCloseTo(want, 9);
  });

  it('is NaN for no values', () => {
    expect(percentile([], 0.5)).toBeNaN();
    expect(percentileOfSorted(new Float64Array(0), 0.5)).toBeNaN();
  });

  it('sorts numerically, not as strings', () => {
    expect(percentile([100, 9, 20], 0.5)).toBe(20);
  });
});

import { describe, expect, it } from 'vitest';
import { sortedIndexOf } from './sorted-index';

describe('sortedIndexOf', () => {
  it('finds a value in an ascending list, or says -1', () => {
    expect(sortedIndexOf([1, 3, 5, 9], 5)).toBe(2);
    expect(sortedIndexOf(Int32Array.from([1, 3, 5, 9]), 1)).toBe(0);
    expect(sortedIndexOf([1, 3, 5, 9], 9)).toBe(3);
    expect(sortedIndexOf([1, 3, 5, 9], 4)).toBe(-1);
    expect(sortedIndexOf([], 4)).toBe(-1);
  });
});

import { describe, expect, it } from 'vitest';
import { rowsAndSpansText } from './row-count-text';

describe('rowsAndSpansText', () => {
  it('names rows and spans apart, so an unfolded group header never reads as more than all', () => {
    expect(rowsAndSpansText(24, 23)).toBe('24 rows, 23 spans');
    expect(rowsAndSpansText(5, 23)).toBe('5 rows, 23 spans');
    expect(rowsAndSpansText(1, 1)).toBe('1 row, 1 span');
    expect(rowsAndSpansText(12000, 100000)).toBe('12,000 rows, 100,000 spans');
  });
});

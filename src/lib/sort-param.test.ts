import { describe, expect, it } from 'vitest';
import { formatSortParam, parseSortParam } from './sort-param';

describe('sort URL parameter', () => {
  const keys = ['start', 'p95'] as const;
  it('round-trips each key in both directions', () => {
    for (const key of keys) {
      for (const descending of [false, true]) expect(parseSortParam(formatSortParam(key, descending), keys)).toEqual({ key, descending });
    }
    expect(formatSortParam('p95', true)).toBe('-p95');
  });

  it('reads anything else as null', () => {
    for (const text of [null, '', '-', '--p95', 'P95', '+start', 'constructor', '-toString']) expect(parseSortParam(text, keys)).toBeNull();
  });
});

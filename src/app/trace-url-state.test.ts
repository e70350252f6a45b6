import { describe, expect, it } from 'vitest';
import { formatZoomParam, parseZoomParam } from './trace-url-state';

describe('zoom URL parameter', () => {
  it('round-trips a range in µs with at most 3 decimals', () => {
    expect(formatZoomParam({ startUs: 12.34567, endUs: 340 })).toBe('12.346,340');
    expect(parseZoomParam('12.346,340')).toEqual({ startUs: 12.346, endUs: 340 });
    expect(formatZoomParam(null)).toBeNull();
  });

  it('ignores malformed or empty ranges', () => {
    for (const bad of [null, '', '1', '1,2,3', 'a,b', '5,5', '9,3', '-1,4']) expect(parseZoomParam(bad)).toBeNull();
  });
});

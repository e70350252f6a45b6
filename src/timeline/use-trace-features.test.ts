import { describe, expect, it } from 'vitest';
import { findDebounceMs } from './use-trace-features';

describe('findDebounceMs', () => {
  it('answers small traces almost at once and waits at most 150 ms on large ones', () => {
    expect(findDebounceMs(0)).toBe(0);
    expect(findDebounceMs(50)).toBe(0);
    expect(findDebounceMs(10_000)).toBe(10);
    expect(findDebounceMs(100_000)).toBe(100);
    expect(findDebounceMs(1_000_000)).toBe(100);
  });
});

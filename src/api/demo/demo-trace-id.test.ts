import { describe, expect, it } from 'vitest';
import { DEMO_ANCHOR_US, DEMO_LARGE_TRACES, DEMO_SCENARIOS, decodeDemoTraceId, demoTraceId } from './demo-trace-id';

describe('demoTraceId', () => {
  it('round-trips scenario, seed, size and start', () => {
    const startUs = Date.UTC(2025, 5, 1, 12, 30, 15, 250) * 1000;
    const id = demoTraceId({ scenario: 'checkout', seed: 0xdeadbeef, startUs });
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(id.startsWith('deadbeef')).toBe(true);
    const decoded = decodeDemoTraceId(id)!;
    expect(decoded.scenario).toBe('checkout');
    expect(decoded.seed).toBe(0xdeadbeef);
    expect(decoded.spanCount).toBe(0);
    // Kept to the millisecond; the microseconds come from the seed.
    expect(Math.floor(decoded.startUs / 1000)).toBe(startUs / 1000);
    expect(decoded.startUs % 1000).toBeGreaterThanOrEqual(0);
  });

  it('encodes every scenario and large span counts', () => {
    for (const scenario of DEMO_SCENARIOS) {
      const spanCount = scenario === 'reindex-catalog' ? 123_456 : undefined;
      const decoded = decodeDemoTraceId(demoTraceId({ scenario, seed: 7, spanCount }))!;
      expect(decoded.scenario).toBe(scenario);
      expect(decoded.spanCount).toBe(spanCount ?? 0);
      expect(decoded.startUs - (decoded.startUs % 1000)).toBe(DEMO_ANCHOR_US);
    }
  });

  it('accepts upper case and surrounding spaces', () => {
    const id = demoTraceId({ scenario: 'login', seed: 99 });
    expect(decodeDemoTraceId(` ${id.toUpperCase()} `)?.scenario).toBe('login');
  });

  it('rejects anything that is not a demo ID', () => {
    const id = demoTraceId({ scenario: 'login', seed: 99 });
    const tampered = id.slice(0, 3) + (id[3] === '0' ? '1' : '0') + id.slice(4);
    expect(decodeDemoTraceId(tampered)).toBeNull();
    expect(decodeDemoTraceId('4bf92f3577b34da6a3ce929d0e0e4736')).toBeNull();
    expect(decodeDemoTraceId('00000000000000000000000000000000')).toBeNull();
    expect(decodeDemoTraceId('abc')).toBeNull();
    expect(decodeDemoTraceId(id + '0')).toBeNull();
    expect(decodeDemoTraceId('')).toBeNull();
  });

  it('refuses specs it cannot encode', () => {
    expect(() => demoTraceId({ scenario: 'login', seed: -1 })).toThrow(RangeError);
    expect(() => demoTraceId({ scenario: 'login', seed: 1, spanCount: 10 })).toThrow(RangeError);
    expect(() => demoTraceId({ scenario: 'reindex-catalog', seed: 1, spanCount: 10 })).toThrow(RangeError);
    expect(() => demoTraceId({ scenario: 'reindex-catalog', seed: 1, spanCount: 2_000_000 })).toThrow(RangeError);
  });

  it('lists the 1k, 10k and 100k traces with decodable IDs', () => {
    expect(DEMO_LARGE_TRACES.map((t) => t.spanCount)).toEqual([1_000, 10_000, 100_000]);
    for (const t of DEMO_LARGE_TRACES) {
      const decoded = decodeDemoTraceId(t.id)!;
      expect(decoded.scenario).toBe('reindex-catalog');
      expect(decoded.spanCount).toBe(t.spanCount);
    }
    expect(new Set(DEMO_LARGE_TRACES.map((t) => t.id)).size).toBe(3);
  });
});

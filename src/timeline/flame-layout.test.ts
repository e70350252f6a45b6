import { describe, expect, it } from 'vitest';
import { indexOf, traceFromSpecs } from '../model/testing/raw-span';
import { buildFlameLayout, flameHitTest } from './flame-layout';

//  depth 0: root 0..100
//  depth 1: a 0..40, b 50..60, c 55..90 (overlaps b)
//  depth 2: a1 10..11 (1 µs wide)
const trace = traceFromSpecs([
  { id: 'root', start: 0, duration: 100 },
  { id: 'a', parent: 'root', start: 0, duration: 40 },
  { id: 'a1', parent: 'a', start: 10, duration: 1 },
  { id: 'b', parent: 'root', start: 50, duration: 10 },
  { id: 'c', parent: 'root', start: 55, duration: 35 },
]);
const layout = buildFlameLayout(trace.columns);
const hit = (depth: number, t: number, tol = 0) => {
  const i = flameHitTest(layout, trace.columns, depth, t, tol);
  return i < 0 ? null : trace.spans[i]?.spanId;
};

describe('flame layout', () => {
  it('lists spans per depth by start', () => {
    expect(layout.byDepth.length).toBe(3);
    expect(Array.from(layout.byDepth[1] ?? [], (i) => trace.spans[i]?.spanId)).toEqual(['a', 'b', 'c']);
  });

  it('hits the latest-starting span covering a time, and nothing in gaps', () => {
    expect(hit(0, 99)).toBe('root');
    expect(hit(1, 20)).toBe('a');
    expect(hit(1, 45)).toBe(null);
    expect(hit(1, 57)).toBe('c');
    expect(hit(1, 52)).toBe('b');
    expect(hit(2, 30)).toBe(null);
    expect(hit(2, 12, 2)).toBe('a1');
    expect(hit(5, 10)).toBe(null);
    expect(indexOf(trace, 'a1')).toBeGreaterThan(0);
  });
});

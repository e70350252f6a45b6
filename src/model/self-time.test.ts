import { describe, expect, it } from 'vitest';
import { computeSelfTimes, selfTimeOf } from './self-time';
import { indexOf, traceFromSpecs, type SpanSpec } from './testing/raw-span';

// Each case: spans (times in µs) and the expected self time of every span by ID.
const cases: { name: string; spans: SpanSpec[]; want: Record<string, number> }[] = [
  {
    // 0        50       100
    // root [==================]
    //   a    [====]              10..30
    //   b              [====]    60..80
    name: 'disjoint children',
    spans: [
      { id: 'root', start: 0, duration: 100 },
      { id: 'a', parent: 'root', start: 10, duration: 20 },
      { id: 'b', parent: 'root', start: 60, duration: 20 },
    ],
    want: { root: 60, a: 20, b: 20 },
  },
  {
    // root [==================]
    //   a    [========]          10..50
    //   b        [========]      30..70   (union 10..70 = 60)
    //   c          [==]          40..50   (inside a and b)
    name: 'overlapping children count once',
    spans: [
      { id: 'root', start: 0, duration: 100 },
      { id: 'a', parent: 'root', start: 10, duration: 40 },
      { id: 'b', parent: 'root', start: 30, duration: 40 },
      { id: 'c', parent: 'root', start: 40, duration: 10 },
    ],
    want: { root: 40, a: 40, b: 40, c: 10 },
  },
  {
    //      root [==========]        20..70
    //   early [====]                 0..30  (covers 20..30)
    //   late          [========]    60..100 (covers 60..70)
    name: 'children outside the parent are clipped',
    spans: [
      { id: 'root', start: 20, duration: 50 },
      { id: 'early', parent: 'root', start: 0, duration: 30 },
      { id: 'late', parent: 'root', start: 60, duration: 40 },
    ],
    want: { root: 30, early: 30, late: 40 },
  },
  {
    //  root [====]          0..10
    //   away        [==]   50..60  (entirely outside: covers nothing)
    name: 'a child wholly outside covers nothing',
    spans: [
      { id: 'root', start: 0, duration: 10 },
      { id: 'away', parent: 'root', start: 50, duration: 10 },
    ],
    want: { root: 10, away: 10 },
  },
  {
    // root [==========]   child covers everything, grandchild does not count for root
    //   a  [==========]
    //     g   [==]
    name: 'only direct children count; fully covered parent has zero self time',
    spans: [
      { id: 'root', start: 0, duration: 100 },
      { id: 'a', parent: 'root', start: 0, duration: 100 },
      { id: 'g', parent: 'a', start: 20, duration: 30 },
    ],
    want: { root: 0, a: 70, g: 30 },
  },
  {
    name: 'zero-duration spans',
    spans: [
      { id: 'root', start: 0, duration: 0 },
      { id: 'z', parent: 'root', start: 0, duration: 0 },
    ],
    want: { root: 0, z: 0 },
  },
];

describe('computeSelfTimes', () => {
  it.each(cases)('$name', ({ spans, want }) => {
    const trace = traceFromSpecs(spans);
    const self = computeSelfTimes(trace);
    const got = Object.fromEntries(Object.keys(want).map((id) => [id, self[indexOf(trace, id)]]));
    expect(got).toEqual(want);
    // One span at a time (the details panel) gives the same numbers.
    expect(Object.fromEntries(Object.keys(want).map((id) => [id, selfTimeOf(trace, indexOf(trace, id))]))).toEqual(want);
  });
});

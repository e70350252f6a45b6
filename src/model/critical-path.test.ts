import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeCriticalPath, criticalPathOfRoot, criticalPathTimePerSpan } from './critical-path';
import { traceFromSpecs, type SpanSpec } from './testing/raw-span';
import type { Trace } from './types';

const render = (trace: Trace, segments: { spanIndex: number; startUs: number; endUs: number }[]) =>
  segments.map((s) => `${trace.spans[s.spanIndex]!.spanId} ${s.startUs}-${s.endUs}`);

// Time axis in every diagram: one character = 10 µs.
const cases: { name: string; spans: SpanSpec[]; want: string[] }[] = [
  {
    // 0         50        100
    // root [==========]
    //  a    [===]           10..40
    //  b          [====]    50..90
    name: 'sequential children',
    spans: [
      { id: 'root', start: 0, duration: 100 },
      { id: 'a', parent: 'root', start: 10, duration: 30 },
      { id: 'b', parent: 'root', start: 50, duration: 40 },
    ],
    want: ['root 0-10', 'a 10-40', 'root 40-50', 'b 50-90', 'root 90-100'],
  },
  {
    // root [==========]
    //  a    [=====]         10..60
    //  b     [======]       20..80   ends last: on the path; a ran alongside
    name: 'overlapping children',
    spans: [
      { id: 'root', start: 0, duration: 100 },
      { id: 'a', parent: 'root', start: 10, duration: 50 },
      { id: 'b', parent: 'root', start: 20, duration: 60 },
    ],
    want: ['root 0-20', 'b 20-80', 'root 80-100'],
  },
  {
    // root [==========]
    //  a   [===]            0..30
    //  b      [===]        30..60    (starts as a ends)
    //  c     [=====]       20..70    ends last, but overlaps a: a is skipped, b too
    name: 'a child overlapping the cursor is skipped',
    spans: [
      { id: 'root', start: 0, duration: 100 },
      { id: 'a', parent: 'root', start: 0, duration: 30 },
      { id: 'b', parent: 'root', start: 30, duration: 30 },
      { id: 'c', parent: 'root', start: 20, duration: 50 },
    ],
    want: ['root 0-20', 'c 20-70', 'root 70-100'],
  },
  {
    // root [==========]          0..100
    //  a        [==========]    50..150   clipped to 50..100
    name: 'a child ending after its parent is clipped',
    spans: [
      { id: 'root', start: 0, duration: 100 },
      { id: 'a', parent: 'root', start: 50, duration: 100 },
    ],
    want: ['root 0-50', 'a 50-100'],
  },
  {
    //   root  [========]        20..100
    //  a   [=====]               0..50    clipped to 20..50
    name: 'a child starting before its parent is clipped',
    spans: [
      { id: 'root', start: 20, duration: 80 },
      { id: 'a', parent: 'root', start: 0, duration: 50 },
    ],
    want: ['a 20-50', 'root 50-100'],
  },
  {
    // root [==========]
    //  f1   [===]           10..40
    //  f2   [======]        10..70   the slowest of a fan-out is the path
    //  f3   [=====]         10..60
    //  f4   [==]            10..30
    name: 'fan-out',
    spans: [
      { id: 'root', start: 0, duration: 100 },
      { id: 'f1', parent: 'root', start: 10, duration: 30 },
      { id: 'f2', parent: 'root', start: 10, duration: 60 },
      { id: 'f3', parent: 'root', start: 10, duration: 50 },
      { id: 'f4', parent: 'root', start: 10, duration: 20 },
    ],
    want: ['root 0-10', 'f2 10-70', 'root 70-100'],
  },
  {
    // root [==========]
    //  a    [=======]       10..90
    //   a1   [==]           20..50
    //   a2        [=]       60..75
    //    x         [====]   65..110  outlives a and root: clipped to a2's window 65..75
    name: 'nested children with a grandchild clipped to its parent',
    spans: [
      { id: 'root', start: 0, duration: 100 },
      { id: 'a', parent: 'root', start: 10, duration: 80 },
      { id: 'a1', parent: 'a', start: 20, duration: 30 },
      { id: 'a2', parent: 'a', start: 60, duration: 15 },
      { id: 'x', parent: 'a2', start: 65, duration: 45 },
    ],
    want: ['root 0-10', 'a 10-20', 'a1 20-50', 'a 50-60', 'a2 60-65', 'x 65-75', 'a 75-90', 'root 90-100'],
  },
  {
    // root [==========]
    //  z              |       zero-duration child at 100 takes no time
    //  y    |                 zero-duration child at 10
    name: 'zero-duration children',
    spans: [
      { id: 'root', start: 0, duration: 100 },
      { id: 'z', parent: 'root', start: 100, duration: 0 },
      { id: 'y', parent: 'root', start: 10, duration: 0 },
    ],
    want: ['root 0-100'],
  },
  {
    // root [====]               0..50
    //  a   [====]               0..50   covers the parent exactly
    // other         [===]      80..110  second root
    name: 'multiple roots, each with its own path',
    spans: [
      { id: 'root', start: 0, duration: 50 },
      { id: 'a', parent: 'root', start: 0, duration: 50 },
      { id: 'other', start: 80, duration: 30 },
    ],
    want: ['a 0-50', 'other 80-110'],
  },
  {
    name: 'a zero-duration root has no path',
    spans: [{ id: 'root', start: 0, duration: 0 }],
    want: [],
  },
];

describe('computeCriticalPath', () => {
  it.each(cases)('$name', ({ spans, want }) => {
    const trace = traceFromSpecs(spans);
    expect(render(trace, computeCriticalPath(trace))).toEqual(want);
  });

  it('sums time per span', () => {
    const trace = traceFromSpecs(cases[0]!.spans);
    const perSpan = criticalPathTimePerSpan(trace, computeCriticalPath(trace));
    expect(Array.from(perSpan)).toEqual([30, 30, 40]);
  });

  it('walks a 100k-deep chain without overflowing the stack', () => {
    const n = 100_000;
    const specs: SpanSpec[] = [];
    for (let i = 0; i < n; i++) specs.push({ id: `s${i}`, parent: i === 0 ? null : `s${i - 1}`, start: i, duration: 2 * (n - i) });
    const trace = traceFromSpecs(specs);
    const path = criticalPathOfRoot(trace, 0);
    expect(path[0]).toEqual({ spanIndex: 0, startUs: 0, endUs: 1 });
    expect(path.at(-1)).toEqual({ spanIndex: 0, startUs: 2 * n - 1, endUs: 2 * n });
  });

  it('tiles each root exactly: chronological, contiguous, inside the root', () => {
    const arb = fc.array(
      fc.record({ parent: fc.nat(30), start: fc.integer({ min: 0, max: 100 }), duration: fc.integer({ min: 0, max: 60 }) }),
      { minLength: 1, maxLength: 30 },
    );
    fc.assert(
      fc.property(arb, (items) => {
        // parent < own index keeps it a forest; parent === index means root.
        const specs: SpanSpec[] = items.map((it, k) => ({
          id: `s${k}`,
          parent: it.parent % (k + 1) === k ? null : `s${it.parent % (k + 1)}`,
          start: it.start,
          duration: it.duration,
        }));
        const trace = traceFromSpecs(specs);
        for (const root of trace.rootIndices) {
          const path = criticalPathOfRoot(trace, root);
          const s = trace.columns.startUs[root]!;
          const e = s + trace.columns.durationUs[root]!;
          if (e === s) {
            expect(path).toEqual([]);
            continue;
          }
          expect(path[0]!.startUs).toBe(s);
          expect(path.at(-1)!.endUs).toBe(e);
          for (let k = 1; k < path.length; k++) expect(path[k]!.startUs).toBe(path[k - 1]!.endUs);
          for (const seg of path) {
            expect(seg.endUs).toBeGreaterThan(seg.startUs);
            // every segment's span is the root or inside the root's subtree
            expect(seg.spanIndex >= root && seg.spanIndex < trace.columns.subtreeEnd[root]!).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

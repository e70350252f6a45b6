import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tracePrefix } from './trace-prefix';
import { traceFromSpecs, type SpanSpec } from './testing/raw-span';
import { SpanFlag, type Trace } from './types';

//   root [=====================]        DFS rows: 0 root, 1 a, 2 a1, 3 a2, 4 b, 5 b1, 6 orphan
//     a   [=======]
//       a1 [==]
//       a2     [==]
//     b             [=======]
//       b1           [==]
//   orphan (parent "gone")         [==]
const specs: SpanSpec[] = [
  { id: 'root', start: 0, duration: 100 },
  { id: 'a', parent: 'root', start: 5, duration: 30 },
  { id: 'a1', parent: 'a', start: 6, duration: 10 },
  { id: 'a2', parent: 'a', start: 20, duration: 10 },
  { id: 'b', parent: 'root', start: 50, duration: 30 },
  { id: 'b1', parent: 'b', start: 55, duration: 10 },
  { id: 'orphan', parent: 'gone', start: 120, duration: 10 },
];

/** Children of row d read from the columns alone (as the worker transport does). */
function childrenFromColumns(trace: Trace, d: number): number[] {
  const list: number[] = [];
  for (let c = d + 1; c < trace.columns.subtreeEnd[d]!; c = trace.columns.subtreeEnd[c]!) list.push(c);
  return list;
}

/** Every column invariant the views rely on, checked against the spans themselves. */
function expectConsistent(trace: Trace): void {
  const n = trace.spans.length;
  for (const column of Object.values(trace.columns) as ArrayLike<number>[]) expect(column.length).toBe(n);
  for (let d = 0; d < n; d++) {
    const span = trace.spans[d]!;
    expect(trace.columns.parent[d]).toBe(span.parentIndex);
    expect(trace.columns.subtreeEnd[d]).toBeLessThanOrEqual(n);
    expect(childrenFromColumns(trace, d)).toEqual(span.childIndices);
    expect(trace.columns.childCount[d]).toBe(span.childIndices.length);
    expect((trace.columns.flags[d]! & SpanFlag.HasChildren) !== 0).toBe(span.childIndices.length > 0);
  }
  for (const r of trace.rootIndices) expect(trace.columns.parent[r]).toBe(-1);
}

describe('tracePrefix', () => {
  const full = traceFromSpecs(specs);

  it('keeps the first rows in order and cuts what points past them', () => {
    const prefix = tracePrefix(full, 3);
    expect(prefix.spans.map((s) => s.spanId)).toEqual(['root', 'a', 'a1']);
    // root's subtree and a's children are cut at row 3; b and a2 are gone.
    expect(Array.from(prefix.columns.subtreeEnd)).toEqual([3, 3, 3]);
    expect(Array.from(prefix.columns.childCount)).toEqual([1, 1, 0]);
    expect(prefix.spans[0]!.childIndices).toEqual([1]);
    expect(prefix.depth).toBe(3);
    expect(prefix.rootIndices).toEqual([0]);
    expect(prefix.issues.orphanSpanIndices).toEqual([]);
    expectConsistent(prefix);
    // The source trace is untouched.
    expect(full.spans).toHaveLength(7);
    expect(full.spans[0]!.childIndices).toEqual([1, 4]);
    expectConsistent(full);
  });

  it('returns the trace itself when the cut is past its end', () => {
    expect(tracePrefix(full, 7)).toBe(full);
    expect(tracePrefix(full, 100)).toBe(full);
  });

  it('keeps the issues and roots that fall inside the cut', () => {
    const prefix = tracePrefix(full, 7 - 0);
    expect(prefix.issues.orphanSpanIndices).toEqual([6]);
    const six = tracePrefix(full, 6);
    expect(six.issues.orphanSpanIndices).toEqual([]);
    expect(six.rootIndices).toEqual([0]);
    expect(six.spans.at(-1)!.spanId).toBe('b1');
  });

  it('gives a consistent trace for every cut of random trees', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ parent: fc.nat(), start: fc.nat({ max: 1000 }), duration: fc.nat({ max: 500 }) }), { minLength: 1, maxLength: 60 }),
        fc.nat({ max: 70 }),
        (nodes, rows) => {
          // Each span's parent is an earlier span (or none), so the input is a forest.
          const trace = traceFromSpecs(
            nodes.map((node, i) => ({ id: `s${i}`, parent: i === 0 || node.parent % 4 === 0 ? null : `s${node.parent % i}`, start: node.start, duration: node.duration })),
          );
          const prefix = tracePrefix(trace, rows);
          expect(prefix.spans.map((s) => s.spanId)).toEqual(trace.spans.slice(0, rows).map((s) => s.spanId));
          expectConsistent(prefix);
        },
      ),
      { numRuns: 300 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { indexOf, traceFromSpecs } from '../model/testing/raw-span';
import { SpanFlag } from '../model/types';
import { buildRowList, expandAll } from './row-list';
import { criticalSegmentsBySpan, errorSpanIndices, nextInSorted, siblingGroupIndex } from './trace-analyses';

//  p ─┬─ q1 (SELECT) ── q1c
//     ├─ q2 (SELECT)
//     ├─ q3 (SELECT, error)
//     ├─ z
//     ├─ w1 (GET)            only 2 in a row: not a group
//     └─ w2 (GET)
const trace = traceFromSpecs([
  { id: 'p', start: 0, duration: 100 },
  { id: 'q1', parent: 'p', start: 1, duration: 10, name: 'SELECT', service: 'db' },
  { id: 'q1c', parent: 'q1', start: 2, duration: 1 },
  { id: 'q2', parent: 'p', start: 20, duration: 10, name: 'SELECT', service: 'db' },
  { id: 'q3', parent: 'p', start: 40, duration: 5, name: 'SELECT', service: 'db', error: true },
  { id: 'z', parent: 'p', start: 60, duration: 10 },
  { id: 'w1', parent: 'p', start: 70, duration: 5, name: 'GET' },
  { id: 'w2', parent: 'p', start: 80, duration: 5, name: 'GET' },
]);

describe('siblingGroupIndex', () => {
  it('turns runs of 3+ look-alike siblings into typed groups', () => {
    const groups = siblingGroupIndex(trace);
    expect(groups.firstIndex.length).toBe(1);
    expect(groups.firstIndex[0]).toBe(indexOf(trace, 'q1'));
    expect(groups.lastIndex[0]).toBe(indexOf(trace, 'q3'));
    expect(groups.memberCount[0]).toBe(3);
    expect(groups.totalDurationUs[0]).toBe(25);
    expect(groups.groupAt[indexOf(trace, 'q1')]).toBe(0);
    expect(groups.groupAt[indexOf(trace, 'q2')]).toBe(-1);
    expect(groups.memberOf[indexOf(trace, 'q2')]).toBe(0);
    expect(groups.memberOf[indexOf(trace, 'q1c')]).toBe(-1);
  });

  it('folds into one row in the row list', () => {
    const groups = siblingGroupIndex(trace);
    const rows = buildRowList(trace.columns, { collapsed: expandAll(trace.columns), groups });
    const labels = Array.from(rows, (r) => (r >= 0 ? trace.spans[r]?.spanId : `group${-r - 1}`));
    expect(labels).toEqual(['p', 'group0', 'z', 'w1', 'w2']);
  });
});

describe('nextInSorted', () => {
  const sorted = Int32Array.of(3, 7, 12);
  it('moves forward and backward, wrapping around', () => {
    expect(nextInSorted(sorted, -1, 1)).toBe(3);
    expect(nextInSorted(sorted, 3, 1)).toBe(7);
    expect(nextInSorted(sorted, 5, 1)).toBe(7);
    expect(nextInSorted(sorted, 12, 1)).toBe(3);
    expect(nextInSorted(sorted, 12, -1)).toBe(7);
    expect(nextInSorted(sorted, 8, -1)).toBe(7);
    expect(nextInSorted(sorted, 3, -1)).toBe(12);
    expect(nextInSorted(sorted, 100, -1)).toBe(12);
    expect(nextInSorted(new Int32Array(0), 0, 1)).toBe(-1);
  });
});

describe('errors and critical path', () => {
  it('lists error spans in DFS order', () => {
    expect(Array.from(errorSpanIndices(trace, SpanFlag.Error))).toEqual([indexOf(trace, 'q3')]);
  });

  it('groups critical-path segments per span and covers the root', () => {
    const segments = criticalSegmentsBySpan(trace);
    let coveredUs = 0;
    for (const pairs of segments.values()) {
      for (let k = 0; k < pairs.length; k += 2) coveredUs += (pairs[k + 1] ?? 0) - (pairs[k] ?? 0);
    }
    expect(coveredUs).toBeCloseTo(100, 6);
    expect(segments.has(indexOf(trace, 'p'))).toBe(true);
    // w2 is the last child to finish, so the walk back from the root's end passes through it.
    expect(segments.has(indexOf(trace, 'w2'))).toBe(true);
  });
});

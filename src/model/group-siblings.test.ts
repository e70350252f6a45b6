import { describe, expect, it } from 'vitest';
import { findSiblingRuns } from './group-siblings';
import { traceFromSpecs, type SpanSpec } from './testing/raw-span';

// root (web GET /)
//  q1..q4  db SELECT orders    ×4 consecutive  → one run
//  c       cache GET                           breaks the run
//    g1..g3  cache HGET        ×3              → a run under c
//  q5..q6  db SELECT orders    ×2              → a run only when the minimum is 2
//  n1..n3  api SELECT orders   ×3              → same name, other service: its own run
const specs: SpanSpec[] = [
  { id: 'root', start: 0, duration: 1000, service: 'web', name: 'GET /' },
  ...[0, 1, 2, 3].map((k) => ({ id: `q${k + 1}`, parent: 'root', start: 10 + k * 10, duration: 10 + k, service: 'db', name: 'SELECT orders' })),
  { id: 'c', parent: 'root', start: 60, duration: 5, service: 'cache', name: 'GET' },
  { id: 'q5', parent: 'root', start: 70, duration: 3, service: 'db', name: 'SELECT orders' },
  { id: 'q6', parent: 'root', start: 80, duration: 3, service: 'db', name: 'SELECT orders' },
  ...[0, 1, 2].map((k) => ({ id: `n${k + 1}`, parent: 'root', start: 90 + k, duration: 1, service: 'api', name: 'SELECT orders' })),
  // grandchildren under c: three identical spans
  ...[0, 1, 2].map((k) => ({ id: `g${k + 1}`, parent: 'c', start: 61 + k, duration: 1, service: 'cache', name: 'HGET' })),
];
const trace = traceFromSpecs(specs);
const describeRuns = (minRunLength?: number) =>
  findSiblingRuns(trace, minRunLength).map((r) => ({
    parent: r.parentIndex < 0 ? null : trace.spans[r.parentIndex]!.spanId,
    first: trace.spans[r.firstChildIndex]!.spanId,
    spans: r.spanIndices.map((i) => trace.spans[i]!.spanId),
    totalUs: r.totalUs,
  }));

describe('findSiblingRuns', () => {
  it('finds runs of at least 3 by default, in DFS order', () => {
    expect(describeRuns()).toEqual([
      { parent: 'root', first: 'q1', spans: ['q1', 'q2', 'q3', 'q4'], totalUs: 10 + 11 + 12 + 13 },
      { parent: 'c', first: 'g1', spans: ['g1', 'g2', 'g3'], totalUs: 3 },
      { parent: 'root', first: 'n1', spans: ['n1', 'n2', 'n3'], totalUs: 3 },
    ]);
  });

  it('takes the minimum run length as a parameter', () => {
    expect(describeRuns(2).map((r) => r.first)).toEqual(['q1', 'g1', 'q5', 'n1']);
    expect(describeRuns(4).map((r) => r.first)).toEqual(['q1']);
    expect(describeRuns(1).map((r) => r.first)).toEqual(['q1', 'g1', 'q5', 'n1']); // never below 2
  });

  it('groups root spans too', () => {
    const roots = traceFromSpecs([0, 1, 2].map((k) => ({ id: `r${k}`, start: k, duration: 1, name: 'poll' })));
    const [run] = findSiblingRuns(roots);
    expect(run!.parentIndex).toBe(-1);
    expect(run!.spanIndices).toEqual([0, 1, 2]);
  });
});

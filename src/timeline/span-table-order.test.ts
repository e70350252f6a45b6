import { describe, expect, it } from 'vitest';
import { indexOf, traceFromSpecs } from '../model/testing/raw-span';
import { computeSelfTimes } from '../model/self-time';
import { spanTableOrder } from './span-table-order';

//  root (0..100, api) ─┬─ b (10..70, db)   self 60
//                      └─ c (5..15, api)   self 10
//  root self = 100 - union(5..70) = 35
const trace = traceFromSpecs([
  { id: 'root', start: 0, duration: 100, service: 'api', name: 'GET /' },
  { id: 'b', parent: 'root', start: 10, duration: 60, service: 'db', name: 'SELECT' },
  { id: 'c', parent: 'root', start: 5, duration: 10, service: 'api', name: 'auth' },
]);
const self = computeSelfTimes(trace);
const ids = (order: Int32Array) => Array.from(order, (i) => trace.spans[i]?.spanId);

describe('spanTableOrder', () => {
  it('sorts by start, duration and self time in both directions', () => {
    expect(ids(spanTableOrder(trace, self, 'start', 'ascending', null))).toEqual(['root', 'c', 'b']);
    expect(ids(spanTableOrder(trace, self, 'duration', 'descending', null))).toEqual(['root', 'b', 'c']);
    expect(ids(spanTableOrder(trace, self, 'selfTime', 'descending', null))).toEqual(['b', 'root', 'c']);
    expect(ids(spanTableOrder(trace, self, 'selfTime', 'ascending', null))).toEqual(['c', 'root', 'b']);
    expect(ids(spanTableOrder(trace, self, 'name', 'ascending', null))).toEqual(['c', 'root', 'b']);
  });

  it('filters by service', () => {
    const api = trace.services.findIndex((s) => s.name === 'api');
    expect(ids(spanTableOrder(trace, self, 'start', 'ascending', api))).toEqual(['root', 'c']);
    expect(self[indexOf(trace, 'root')]).toBe(35);
  });
});

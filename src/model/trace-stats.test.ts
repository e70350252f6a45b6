import { describe, expect, it } from 'vitest';
import { MISSING_ATTRIBUTE_KEY, traceStats } from './trace-stats';
import { traceFromSpecs } from './testing/raw-span';

// 0        50       100
// root  web GET /     [====================]  0..100   self 100 - (10..40 ∪ 50..70) = 50
//  a    api list        [======]              10..40   self 30 - 10 = 20
//   q1  db  SELECT        [=]                 15..20
//   q2  db  SELECT          [=]               25..30
//  b    api list                [====]        50..70   self 20
//  c    api get                     [=]       60..62   (overlaps b; sibling under root)
const trace = traceFromSpecs([
  { id: 'root', start: 0, duration: 100, service: 'web', name: 'GET /', attributes: [{ key: 'region', value: 'eu' }] },
  { id: 'a', parent: 'root', start: 10, duration: 30, service: 'api', name: 'list', attributes: [{ key: 'region', value: 'us' }] },
  { id: 'q1', parent: 'a', start: 15, duration: 5, service: 'db', name: 'SELECT' },
  { id: 'q2', parent: 'a', start: 25, duration: 5, service: 'db', name: 'SELECT' },
  { id: 'b', parent: 'root', start: 50, duration: 20, service: 'api', name: 'list', attributes: [{ key: 'region', value: 'us' }] },
  { id: 'c', parent: 'root', start: 60, duration: 2, service: 'api', name: 'get' },
]);

describe('traceStats', () => {
  it('groups by service', () => {
    expect(traceStats(trace, 'service')).toEqual([
      { key: 'web', serviceName: 'web', count: 1, totalUs: 100, selfTotalUs: 50, avgUs: 100, minUs: 100, maxUs: 100, p95Us: 100 },
      // api: durations 30, 20, 2 → sorted 2, 20, 30; p95 = 20 + 0.9 × 10 = 29
      { key: 'api', serviceName: 'api', count: 3, totalUs: 52, selfTotalUs: 42, avgUs: 52 / 3, minUs: 2, maxUs: 30, p95Us: 29 },
      { key: 'db', serviceName: 'db', count: 2, totalUs: 10, selfTotalUs: 10, avgUs: 5, minUs: 5, maxUs: 5, p95Us: 5 },
    ]);
  });

  it('groups by operation (service and span name)', () => {
    const rows = traceStats(trace, 'operation');
    expect(rows.map((r) => [r.key, r.serviceName, r.spanName, r.count, r.totalUs, r.selfTotalUs])).toEqual([
      ['web: GET /', 'web', 'GET /', 1, 100, 50],
      ['api: list', 'api', 'list', 2, 50, 40],
      ['db: SELECT', 'db', 'SELECT', 2, 10, 10],
      ['api: get', 'api', 'get', 1, 2, 2],
    ]);
  });

  it('groups by an attribute, with spans lacking it in their own group', () => {
    const rows = traceStats(trace, { attribute: 'region' });
    expect(rows.map((r) => [r.key, r.count, r.totalUs])).toEqual([
      ['eu', 1, 100],
      ['us', 2, 50],
      [MISSING_ATTRIBUTE_KEY, 3, 12],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { buildServiceGraph, MAX_TRACE_IDS_PER_LINK } from './service-graph';
import { traceFromSpecs, type SpanSpec } from './testing/raw-span';

const withTrace = (traceId: string, specs: SpanSpec[]) => traceFromSpecs(specs.map((s) => ({ ...s, traceId })));

describe('buildServiceGraph', () => {
  // trace t1:
  // web  root
  //   web   render        (same service: no edge)
  //   api   list     10µs
  //     db  query    4µs   error
  //     db  query    6µs
  //   api   get      30µs  error
  //     web callback 2µs   (api → web: a cycle between services)
  const t1 = withTrace('t1', [
    { id: 'root', start: 0, duration: 100, service: 'web' },
    { id: 'render', parent: 'root', start: 1, duration: 5, service: 'web' },
    { id: 'list', parent: 'root', start: 10, duration: 10, service: 'api' },
    { id: 'q1', parent: 'list', start: 11, duration: 4, service: 'db', error: true },
    { id: 'q2', parent: 'list', start: 15, duration: 6, service: 'db' },
    { id: 'get', parent: 'root', start: 40, duration: 30, service: 'api', error: true },
    { id: 'cb', parent: 'get', start: 45, duration: 2, service: 'web' },
  ]);
  // trace t2: another web → api call, an orphan db span (no edge) and a span with no service
  const t2 = withTrace('t2', [
    { id: 'root', start: 0, duration: 50, service: 'web' },
    { id: 'call', parent: 'root', start: 5, duration: 20, service: 'api' },
    { id: 'lost', parent: 'missing', start: 6, duration: 3, service: 'db' },
    { id: 'anon', parent: 'call', start: 7, duration: 1, service: '' },
  ]);

  it('counts one call per cross-service parent→child pair, over several traces', () => {
    const links = buildServiceGraph([t1, t2]);
    expect(links.map((l) => [l.parent, l.child, l.callCount, l.errorCount, l.traceIds])).toEqual([
      ['api', 'db', 2, 1, ['t1']],
      ['api', 'unknown_service', 1, 0, ['t2']],
      ['api', 'web', 1, 0, ['t1']],
      ['web', 'api', 3, 1, ['t1', 't2']],
    ]);
    expect(links.some((l) => l.traceIdsTruncated)).toBe(false);
  });

  it('gives p50 and p95 of child durations', () => {
    const webApi = buildServiceGraph([t1, t2]).find((l) => l.parent === 'web' && l.child === 'api')!;
    // durations 10, 30, 20 → sorted 10, 20, 30
    expect(webApi.p50Us).toBe(20);
    expect(webApi.p95Us).toBeCloseTo(29, 9);
    const apiDb = buildServiceGraph([t1]).find((l) => l.child === 'db')!;
    expect(apiDb.p50Us).toBe(5);
  });

  it('makes no edges for same-service calls, orphans or empty input', () => {
    const selfOnly = withTrace('t3', [
      { id: 'a', start: 0, duration: 10, service: 'web' },
      { id: 'b', parent: 'a', start: 1, duration: 1, service: 'web' },
      { id: 'o', parent: 'nope', start: 2, duration: 1, service: 'db' },
    ]);
    expect(buildServiceGraph([selfOnly])).toEqual([]);
    expect(buildServiceGraph([])).toEqual([]);
  });

  it('caps the example trace IDs per edge', () => {
    const traces = Array.from({ length: MAX_TRACE_IDS_PER_LINK + 20 }, (_, k) =>
      withTrace(`t${k}`, [
        { id: 'a', start: 0, duration: 10, service: 'web' },
        { id: 'b', parent: 'a', start: 1, duration: 1, service: 'api' },
      ]),
    );
    const [link] = buildServiceGraph(traces);
    expect(link!.callCount).toBe(MAX_TRACE_IDS_PER_LINK + 20);
    expect(link!.traceIds).toHaveLength(MAX_TRACE_IDS_PER_LINK);
    expect(link!.traceIds![0]).toBe('t0');
    // The cap is reported, so the UI can say "100+" rather than "100".
    expect(link!.traceIdsTruncated).toBe(true);
    const [exact] = buildServiceGraph(traces.slice(0, MAX_TRACE_IDS_PER_LINK));
    expect(exact!.traceIds).toHaveLength(MAX_TRACE_IDS_PER_LINK);
    expect(exact!.traceIdsTruncated).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { parseTraceValue } from './parse-trace-text';

describe('Zipkin v2', () => {
  const client = {
    traceId: '4D1E00C0DB9010DB86154A4BA6E91385',
    parentId: '86154a4ba6e91385',
    id: '4d1e00c0db9010db',
    kind: 'CLIENT',
    name: 'get /person',
    timestamp: 1472470996199000,
    duration: 207000,
    localEndpoint: { serviceName: 'orders', ipv4: '10.0.0.1' },
    remoteEndpoint: { serviceName: 'people', port: 9000 },
    annotations: [{ timestamp: 1472470996238000, value: 'ws' }],
    tags: { 'http.path': '/person', error: 'permission denied' },
  };

  it('reads a span list: IDs, service, kind, times, tags, annotations, error', () => {
    const r = parseTraceValue([client, { ...client, id: 'abc', parentId: undefined, kind: 'SERVER', shared: true, tags: {} }]);
    expect(r.format).toBe('zipkin-v2');
    expect(r.spans[0]).toMatchObject({
      traceId: '4d1e00c0db9010db86154a4ba6e91385',
      spanId: '4d1e00c0db9010db',
      parentSpanId: '86154a4ba6e91385',
      serviceName: 'orders',
      kind: 'client',
      startUs: 1472470996199000,
      durationUs: 207000,
      status: 'error',
      statusMessage: 'permission denied',
      attributes: [
        { key: 'http.path', value: '/person' },
        { key: 'error', value: 'permission denied' },
      ],
      events: [{ timeUs: 1472470996238000, name: 'ws', attributes: [] }],
    });
    expect(r.spans[1]).toMatchObject({ kind: 'server', parentSpanId: null, status: 'unset', spanId: '0000000000000abc' });
    expect(r.spans[1]!.extra?.shared).toBe(true);
  });

  it('reads a single span object and keeps unknown_service without falling back to the remote endpoint', () => {
    const r = parseTraceValue({ ...client, localEndpoint: { ipv6: '::1' } });
    expect(r.spans).toHaveLength(1);
    expect(r.spans[0]!.serviceName).toBe('unknown_service');
  });

  it('gives a null time for a missing timestamp or duration, keeping the other', () => {
    const [noTs, noDur] = parseTraceValue([
      { ...client, timestamp: undefined },
      { ...client, duration: undefined },
    ]).spans;
    expect(noTs).toMatchObject({ startUs: null, durationUs: client.duration });
    expect(noTs!.warnings).toContain('Span has no timestamp.');
    expect(noDur).toMatchObject({ startUs: 1472470996199000, durationUs: null });
    expect(noDur!.warnings).toContain('Span has no duration.');
  });
});

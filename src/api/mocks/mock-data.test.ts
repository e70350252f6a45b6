import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createJaegerBackend } from '../jaeger/jaeger-backend';
import { parseTraceValue } from '../parsers/parse-trace-text';
import { createJaegerHandlers, MOCK_JAEGER_BASE_URL } from './jaeger-handlers';
import { toJaegerTrace } from './encode-jaeger';
import { toOtlpResourceSpans } from './encode-otlp';
import { serviceStats } from './mock-trace-model';
import { MOCK_EPOCH_US, MOCK_JAEGER_TRACE_IDS, MOCK_JAEGER_TRACES, MOCK_TEMPO_TRACE_IDS, MOCK_TEMPO_TRACES, trimLeadingZeros } from './mock-traces';
import { createRecordingServer } from './msw-test-server';
import { MOCK_TEMPO_BASE_URL } from './tempo-handlers';

const rec = createRecordingServer();
beforeAll(() => rec.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => rec.reset());
afterAll(() => rec.server.close());

describe('mock traces', () => {
  it.each([...MOCK_JAEGER_TRACES, ...MOCK_TEMPO_TRACES].map((t) => [t.traceId, t] as const))('%s is a well-formed tree', (_id, trace) => {
    expect(trace.traceId).toMatch(/^[0-9a-f]{32}$/);
    const ids = trace.spans.map((s) => s.spanId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of trace.spans) {
      expect(s.spanId).toMatch(/^[0-9a-f]{16}$/);
      if (s.parentSpanId !== undefined) expect(ids).toContain(s.parentSpanId);
    }
    expect(trace.spans.filter((s) => s.parentSpanId === undefined)).toHaveLength(1);
    expect(trace.spans.length).toBeGreaterThanOrEqual(3);
    expect(trace.spans.length).toBeLessThanOrEqual(8);
  });

  it('each backend serves 2–4 services and the Tempo IDs exercise trimmed zeros', () => {
    expect(new Set(MOCK_JAEGER_TRACES.flatMap((t) => t.spans.map((s) => s.service))).size).toBe(4);
    expect(new Set(MOCK_TEMPO_TRACES.flatMap((t) => t.spans.map((s) => s.service))).size).toBe(3);
    expect(trimLeadingZeros(MOCK_TEMPO_TRACE_IDS.search)).toHaveLength(16);
    expect(trimLeadingZeros(MOCK_TEMPO_TRACE_IDS.suggest)).toHaveLength(31);
  });

  it('encodes to OTLP (hex and Tempo dialects) and Jaeger JSON that parse back to the same spans', () => {
    const trace = MOCK_JAEGER_TRACES[0]!;
    const spec = parseTraceValue({ resourceSpans: toOtlpResourceSpans(trace, 'spec') });
    const tempo = parseTraceValue({ batches: toOtlpResourceSpans(trace, 'tempo') });
    const jaeger = parseTraceValue({ data: [toJaegerTrace(trace)] });
    for (const parsed of [spec, tempo, jaeger]) {
      expect(parsed.spans.map((s) => s.spanId).sort()).toEqual(trace.spans.map((s) => s.spanId).sort());
      expect(new Set(parsed.spans.map((s) => s.traceId))).toEqual(new Set([MOCK_JAEGER_TRACE_IDS.checkout]));
      expect(parsed.spans.filter((s) => s.status === 'error').map((s) => s.name)).toEqual(['Reserve']);
      const root = parsed.spans.find((s) => s.parentSpanId === null)!;
      expect(root.startUs).toBe(MOCK_EPOCH_US);
      expect(root.serviceName).toBe('frontend');
    }
    expect(tempo.spans.find((s) => s.name === 'Charge')!.kind).toBe('server');
    expect(spec.spans[0]!.startNsRemainder).toBe(250);
  });

  it('search summaries agree between Jaeger api_v3 and v1', async () => {
    const query = { startUs: 0, endUs: MOCK_EPOCH_US * 2, limit: 20, service: 'checkout' };
    const v3 = await createJaegerBackend({ id: 'a', name: 'A', url: MOCK_JAEGER_BASE_URL }).searchTraces(query);
    rec.server.use(...createJaegerHandlers({ apiV3: false }));
    const v1 = await createJaegerBackend({ id: 'b', name: 'B', url: MOCK_JAEGER_BASE_URL }).searchTraces(query);
    const key = (s: (typeof v3)[number]) => [s.traceId.replace(/^0+/, ''), s.rootName, s.durationUs, s.spanCount, s.errorCount, s.services.length];
    expect(v1.map(key).sort()).toEqual(v3.map(key).sort());
    expect(v3).toHaveLength(2);
    expect(serviceStats(MOCK_JAEGER_TRACES[0]!).map((s) => s.name)).toEqual(['frontend', 'checkout', 'payments', 'inventory']);
  });
});

describe('mock server strictness (like the real servers)', () => {
  it('Tempo rejects q with tags, and milliseconds as start', async () => {
    const both = await fetch(`${MOCK_TEMPO_BASE_URL}/api/search?q=%7B%7D&tags=a%3Db`);
    expect(both.status).toBe(400);
    expect(await both.text()).toContain("can't specify tags and q");
    const ms = await fetch(`${MOCK_TEMPO_BASE_URL}/api/search?start=1767607200000&end=1767607260000`);
    expect(ms.status).toBe(400);
  });

  it('Jaeger api_v3 rejects non-RFC 3339 times and v1 rejects seconds for µs', async () => {
    const v3 = await fetch(`${MOCK_JAEGER_BASE_URL}/api/v3/trace-summaries?query.startTimeMin=1767607200&query.startTimeMax=1767607260`);
    expect(v3.status).toBe(400);
    const v1 = await fetch(`${MOCK_JAEGER_BASE_URL}/api/traces?service=checkout&start=1767607200&end=1767607260`);
    expect(v1.status).toBe(400);
  });

  it('unknown paths answer like Go: 404 "404 page not found"', async () => {
    const res = await fetch(`${MOCK_TEMPO_BASE_URL}/api/nothing`);
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('404 page not found\n');
  });
});

import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BackendError, type SearchQuery } from '../backend';
import { createJaegerHandlers, MOCK_JAEGER_BASE_URL } from '../mocks/jaeger-handlers';
import { MOCK_EPOCH_US, MOCK_FAILURE_TRACE_IDS, MOCK_JAEGER_TRACE_IDS } from '../mocks/mock-traces';
import { closedLoopbackUrl, createRecordingServer } from '../mocks/msw-test-server';
import { storedApiV3Memory, type ApiV3Memory } from './api-v3-memory';
import { createJaegerBackend, type JaegerBackend } from './jaeger-backend';

const rec = createRecordingServer();
beforeAll(() => rec.server.listen({ onUnhandledRequest: 'bypass' }));
afterEach(() => rec.reset());
afterAll(() => rec.server.close());

const NAME = 'Jaeger (test)';
function backend(timeoutMs?: number, apiV3Memory?: ApiV3Memory): JaegerBackend {
  return createJaegerBackend(
    { id: 'jaeger', name: NAME, url: MOCK_JAEGER_BASE_URL, ...(timeoutMs ? { timeoutMs } : {}) },
    apiV3Memory ? { apiV3Memory } : {},
  );
}
/** A memory of servers without api_v3 shared by the backends of several "pages". */
function sharedMemory(): ApiV3Memory {
  const map = new Map<string, string>();
  return storedApiV3Memory({ getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) });
}
const TRACE_V3 = `/api/v3/traces/${MOCK_JAEGER_TRACE_IDS.refunds}`;
const TRACE_V1 = `/api/traces/${MOCK_JAEGER_TRACE_IDS.refunds}`;
/** Only v1: the v3 paths answer Go's plain-text 404. */
function serveV1Only(): void {
  rec.server.use(...createJaegerHandlers({ apiV3: false }));
}

const HOUR_US = 3_600_000_000;
const window: SearchQuery = { startUs: MOCK_EPOCH_US - HOUR_US, endUs: MOCK_EPOCH_US + HOUR_US + 123, limit: 20 };

async function failure(run: () => Promise<unknown>): Promise<BackendError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(BackendError);
    return error as BackendError;
  }
  throw new Error('expected a BackendError, but the call succeeded');
}

describe('Jaeger api_v3', () => {
  it('lists services and remembers that v3 answered', async () => {
    const b = backend();
    expect(await b.getServices()).toEqual(['checkout', 'frontend', 'inventory', 'payments']);
    expect(b.capabilities.apiV3).toBe(true);
    expect(rec.paths()).toEqual(['/api/v3/services']);
  });

  it('lists operations once per name, across span kinds', async () => {
    const ops = await backend().getOperations('checkout');
    expect(ops).toHaveLength(5);
    expect(ops).toEqual(expect.arrayContaining(['POST /api/checkout', 'charge card', 'refund', 'refund-batch', 'reserve stock']));
    expect(rec.requests[0]?.searchParams.get('service')).toBe('checkout');
  });

  it('searches trace summaries with RFC 3339 times, second durations and a JSON attribute map', async () => {
    const hits = await backend().searchTraces({
      ...window,
      service: 'checkout',
      tags: 'payment.method=card',
      minDurationUs: 100_000,
      maxDurationUs: 2_500_000,
    });
    const q = rec.requests[0]!.searchParams;
    expect(rec.requests[0]!.pathname).toBe('/api/v3/trace-summaries');
    expect(q.get('query.serviceName')).toBe('checkout');
    expect(q.get('query.startTimeMin')).toBe('2026-01-05T09:00:00.000000Z');
    expect(q.get('query.startTimeMax')).toBe('2026-01-05T11:00:00.000123Z');
    expect(q.get('query.durationMin')).toBe('0.1s');
    expect(q.get('query.durationMax')).toBe('2.5s');
    expect(q.get('query.searchDepth')).toBe('20');
    expect(JSON.parse(q.get('query.attributes')!)).toEqual({ 'payment.method': 'card' });

    expect(hits.map((h) => h.traceId).sort()).toEqual([MOCK_JAEGER_TRACE_IDS.refunds, MOCK_JAEGER_TRACE_IDS.checkout].sort());
    const checkout = hits.find((h) => h.traceId === MOCK_JAEGER_TRACE_IDS.checkout)!;
    expect(checkout).toMatchObject({
      rootServiceName: 'frontend',
      rootName: 'GET /checkout',
      startUs: MOCK_EPOCH_US, // the 250 ns remainder is cut, not rounded
      durationUs: 120_000,
      spanCount: 7,
      errorCount: 1,
      orphanCount: 0, // omitted by protobuf JSON, known to be 0 because spanCount is present
    });
    expect(checkout.services.find((s) => s.name === 'inventory')).toEqual({ name: 'inventory', spanCount: 1, errorCount: 1 });
  });

  it('reads the v3 "404 No traces found" as an empty result, not as a missing endpoint', async () => {
    const b = backend();
    expect(await b.searchTraces({ ...window, service: 'nobody' })).toEqual([]);
    expect(b.capabilities).toEqual({ apiV3: true, traceSummaries: true });
    expect(rec.paths()).toEqual(['/api/v3/trace-summaries']);
  });

  it('falls back to /api/v3/traces when trace-summaries is missing (Jaeger < 2.19)', async () => {
    rec.server.use(...createJaegerHandlers({ traceSummaries: false }));
    const b = backend();
    const hits = await b.searchTraces({ ...window, service: 'inventory' });
    expect(rec.paths()).toEqual(['/api/v3/trace-summaries', '/api/v3/traces']);
    expect(hits.map((h) => h.traceId).sort()).toEqual([MOCK_JAEGER_TRACE_IDS.checkout, MOCK_JAEGER_TRACE_IDS.products].sort());
    expect(hits.find((h) => h.traceId === MOCK_JAEGER_TRACE_IDS.products)).toMatchObject({ spanCount: 4, errorCount: 0, durationUs: 45_000 });
    expect(b.capabilities).toEqual({ apiV3: true, traceSummaries: false });
    rec.requests.length = 0;
    await b.searchTraces({ ...window, service: 'inventory' });
    expect(rec.paths()).toEqual(['/api/v3/traces']);
  });

  it('loads a trace as OTLP inside {result}, keeping the raw payload', async () => {
    const loaded = await backend().getTrace(MOCK_JAEGER_TRACE_IDS.checkout.toUpperCase());
    expect(rec.paths()).toEqual([`/api/v3/traces/${MOCK_JAEGER_TRACE_IDS.checkout}`]);
    expect(loaded.trace.traceId).toBe(MOCK_JAEGER_TRACE_IDS.checkout);
    expect(loaded.trace.spans).toHaveLength(7);
    expect(loaded.trace.format).toBe('jaeger-api-v3');
    expect(loaded.trace.errorCount).toBe(1);
    expect(loaded.trace.startNs).toBe(`${MOCK_EPOCH_US}250`);
    expect(loaded.partialMessage).toBeUndefined();
    expect(Object.keys(loaded.raw as object)).toEqual(['result']);
  });

  it('reports an unknown trace as not-found without trying v1', async () => {
    const b = backend();
    const error = await failure(() => b.getTrace(MOCK_FAILURE_TRACE_IDS.notFound));
    expect(error.kind).toBe('not-found');
    expect(error.message).toContain(MOCK_FAILURE_TRACE_IDS.notFound);
    expect(error.message).toContain(NAME);
    expect(rec.paths()).toEqual([`/api/v3/traces/${MOCK_FAILURE_TRACE_IDS.notFound}`]);
    expect(b.capabilities.apiV3).toBe(true);
  });

  it('treats a 200 HTML page (an SPA fallback) on a v3 path as "no api_v3"', async () => {
    rec.server.use(
      http.get(`${MOCK_JAEGER_BASE_URL}/api/v3/services`, () => HttpResponse.html('<!doctype html><html><body>Jaeger UI</body></html>')),
    );
    const b = backend();
    expect(await b.getServices()).toEqual(['checkout', 'frontend', 'inventory', 'payments']);
    expect(rec.paths()).toEqual(['/api/v3/services', '/api/services']);
    expect(b.capabilities.apiV3).toBe(false);
  });

  it('refuses TraceQL', async () => {
    const error = await failure(() => backend().searchTraces({ ...window, traceql: '{ status = error }' }));
    expect(error.kind).toBe('unsupported');
    expect(rec.requests).toHaveLength(0);
  });
});

describe('Jaeger v1 fallback', () => {
  it('uses /api/services after a v3 404 and does not probe v3 again', async () => {
    serveV1Only();
    const b = backend();
    expect(await b.getServices()).toEqual(['checkout', 'frontend', 'inventory', 'payments']);
    expect(b.capabilities.apiV3).toBe(false);
    expect(await b.getOperations('payments')).toEqual(['Charge', 'Refund']);
    expect(rec.paths()).toEqual(['/api/v3/services', '/api/services', '/api/services/payments/operations']);
  });

  it('searches with epoch µs, Go durations and a JSON tags map, and summarises full traces', async () => {
    serveV1Only();
    const hits = await backend().searchTraces({
      ...window,
      service: 'frontend',
      operation: 'GET /checkout',
      tags: 'http.route=/checkout',
      minDurationUs: 100_000,
      maxDurationUs: 1_200_000,
    });
    const search = rec.requests.find((u) => u.pathname === '/api/traces')!;
    expect(search.searchParams.get('service')).toBe('frontend');
    expect(search.searchParams.get('operation')).toBe('GET /checkout');
    expect(search.searchParams.get('start')).toBe(String(MOCK_EPOCH_US - HOUR_US));
    expect(search.searchParams.get('end')).toBe(String(MOCK_EPOCH_US + HOUR_US + 123));
    expect(search.searchParams.get('minDuration')).toBe('100ms');
    expect(search.searchParams.get('maxDuration')).toBe('1.2s');
    expect(search.searchParams.get('limit')).toBe('20');
    expect(JSON.parse(search.searchParams.get('tags')!)).toEqual({ 'http.route': '/checkout' });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({
      traceId: MOCK_JAEGER_TRACE_IDS.checkout,
      rootServiceName: 'frontend',
      rootName: 'GET /checkout',
      spanCount: 7,
      errorCount: 1,
      durationUs: 120_000,
    });
  });

  it('needs a service to search', async () => {
    serveV1Only();
    const error = await failure(() => backend().searchTraces(window));
    expect(error.kind).toBe('unsupported');
    expect(error.message).toMatch(/service/);
  });

  it('loads a trace from /api/traces/{id} and maps its 404 envelope to not-found', async () => {
    serveV1Only();
    const b = backend();
    const loaded = await b.getTrace(MOCK_JAEGER_TRACE_IDS.refunds);
    expect(loaded.trace.spans).toHaveLength(3);
    expect(loaded.trace.format).toBe('jaeger-api-v1');
    expect((loaded.raw as { data: unknown[] }).data).toHaveLength(1);
    const fresh: unknown = await (await fetch(`${MOCK_JAEGER_BASE_URL}/api/traces/${MOCK_JAEGER_TRACE_IDS.refunds}`)).json();
    expect(loaded.raw).toEqual(fresh);
    const error = await failure(() => b.getTrace('abc123'));
    expect(error.kind).toBe('not-found');
    expect(rec.paths().slice(-1)).toEqual(['/api/traces/00000000000000000000000000abc123']);
  });
});

describe('Jaeger: servers without api_v3, remembered across pages', () => {
  it('a later page asks /api/traces at once, without the api_v3 404 first', async () => {
    serveV1Only();
    const memory = sharedMemory();
    expect((await backend(undefined, memory).getTrace(MOCK_JAEGER_TRACE_IDS.refunds)).trace.spans).toHaveLength(3);
    expect(rec.paths()).toEqual([TRACE_V3, TRACE_V1]);
    rec.reset();
    serveV1Only();
    expect((await backend(undefined, memory).getTrace(MOCK_JAEGER_TRACE_IDS.refunds)).trace.spans).toHaveLength(3);
    expect(rec.paths()).toEqual([TRACE_V1]);
    // Without the memory, each page probes again.
    rec.reset();
    serveV1Only();
    await backend().getTrace(MOCK_JAEGER_TRACE_IDS.refunds);
    expect(rec.paths()).toEqual([TRACE_V3, TRACE_V1]);
  });

  it('a server that has lost v1 since: api_v3 is asked, and the memory forgotten', async () => {
    const memory = sharedMemory();
    memory.rememberMissing(`${MOCK_JAEGER_BASE_URL}/`);
    rec.server.use(http.get(`${MOCK_JAEGER_BASE_URL}/api/traces/:id`, () => new HttpResponse('404 page not found', { status: 404 })));
    const loaded = await backend(undefined, memory).getTrace(MOCK_JAEGER_TRACE_IDS.refunds);
    expect(loaded.trace.spans).toHaveLength(3);
    expect(rec.paths()).toEqual([TRACE_V1, TRACE_V3]);
    expect(memory.knowsMissing(`${MOCK_JAEGER_BASE_URL}/`)).toBe(false);
  });

  it('any api_v3 answer (the server was upgraded) forgets it', async () => {
    const memory = sharedMemory();
    memory.rememberMissing(`${MOCK_JAEGER_BASE_URL}/`);
    await backend(undefined, memory).getServices();
    expect(rec.paths()).toEqual(['/api/v3/services']);
    expect(memory.knowsMissing(`${MOCK_JAEGER_BASE_URL}/`)).toBe(false);
  });

  it('a missing trace on a remembered server is not-found from v1, asked once', async () => {
    serveV1Only();
    const memory = sharedMemory();
    memory.rememberMissing(`${MOCK_JAEGER_BASE_URL}/`);
    const error = await failure(() => backend(undefined, memory).getTrace('abc123'));
    expect(error.kind).toBe('not-found');
    expect(rec.paths()).toEqual(['/api/traces/00000000000000000000000000abc123']);
    expect(memory.knowsMissing(`${MOCK_JAEGER_BASE_URL}/`)).toBe(true);
  });
});

describe('Jaeger dependencies', () => {
  it('asks /api/dependencies with ms times and maps the links', async () => {
    const result = await backend().getDependencies({ startUs: MOCK_EPOCH_US - 24 * HOUR_US, endUs: MOCK_EPOCH_US });
    const q = rec.requests[0]!.searchParams;
    expect(q.get('endTs')).toBe(String(MOCK_EPOCH_US / 1000));
    expect(q.get('lookback')).toBe(String(24 * 3_600_000));
    expect(result.source).toBe('Jaeger /api/dependencies');
    expect(result.links).toEqual(
      expect.arrayContaining([
        { parent: 'frontend', child: 'checkout', callCount: 1 },
        { parent: 'checkout', child: 'payments', callCount: 2 },
        { parent: 'checkout', child: 'inventory', callCount: 1 },
        { parent: 'frontend', child: 'inventory', callCount: 1 },
      ]),
    );
    expect(result.links).toHaveLength(4);
  });
});

describe.each([
  ['api_v3', false],
  ['v1', true],
])('Jaeger failures (%s)', (_label, v1Only) => {
  const load = async (id: string, timeoutMs?: number): Promise<BackendError> => {
    if (v1Only) serveV1Only();
    return failure(() => backend(timeoutMs).getTrace(id));
  };

  it('500 with a JSON envelope: kind http, the server message in the text', async () => {
    const error = await load(MOCK_FAILURE_TRACE_IDS.serverError);
    expect(error.kind).toBe('http');
    expect(error.status).toBe(500);
    expect(error.message).toContain('storage query failed: connection reset by peer');
    expect(error.message).toContain(NAME);
    expect(error.message).not.toContain('{');
  });

  it('500 with an empty body', async () => {
    const error = await load(MOCK_FAILURE_TRACE_IDS.serverErrorEmpty);
    expect(error.kind).toBe('http');
    expect(error.status).toBe(500);
    expect(error.message).toMatch(/HTTP 500.*empty body/);
  });

  it('401 and 403 are unauthorized', async () => {
    const e401 = await load(MOCK_FAILURE_TRACE_IDS.unauthorized);
    expect([e401.kind, e401.status]).toEqual(['unauthorized', 401]);
    expect(e401.message).toContain('missing or invalid bearer token');
    const e403 = await load(MOCK_FAILURE_TRACE_IDS.forbidden);
    expect([e403.kind, e403.status]).toEqual(['unauthorized', 403]);
    expect(e403.message).toContain('Forbidden: tenant');
  });

  it('a server that never answers times out after timeoutMs', async () => {
    const error = await load(MOCK_FAILURE_TRACE_IDS.hang, 150);
    expect(error.kind).toBe('timeout');
    expect(error.message).toContain('0.1 s');
  });

  it('a body that never ends times out too', async () => {
    const error = await load(MOCK_FAILURE_TRACE_IDS.stall, 150);
    expect(error.kind).toBe('timeout');
  });

  it('invalid JSON and a wrong shape are invalid-response', async () => {
    expect((await load(MOCK_FAILURE_TRACE_IDS.invalidJson)).kind).toBe('invalid-response');
    expect((await load(MOCK_FAILURE_TRACE_IDS.wrongShape)).kind).toBe('invalid-response');
  });
});

describe('Jaeger whole-server failures', () => {
  it('every endpoint failing with a v3 error envelope', async () => {
    rec.server.use(...createJaegerHandlers({ failure: 'server-error' }));
    const b = backend();
    const error = await failure(() => b.getServices());
    expect(error.kind).toBe('http');
    expect(error.message).toContain('storage query failed');
    // A 500 proves nothing about api_v3; the next call must probe again.
    expect(b.capabilities.apiV3).toBeUndefined();
  });

  it('a wrong services shape is invalid-response', async () => {
    rec.server.use(http.get(`${MOCK_JAEGER_BASE_URL}/api/v3/services`, () => HttpResponse.json({ services: 'frontend' })));
    const error = await failure(() => backend().getServices());
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toContain('"services" should be a list');
  });

  it('connection refused is a network error naming the URL', async () => {
    const url = await closedLoopbackUrl();
    const b = createJaegerBackend({ id: 'down', name: 'Jaeger (down)', url });
    const error = await failure(() => b.getServices());
    expect(error.kind).toBe('network');
    expect(error.message).toContain(`${url}/api/v3/services`);
    expect(error.message).toContain('Jaeger (down)');
  });

  it('cancellation rejects with kind aborted', async () => {
    const controller = new AbortController();
    const pending = backend(10_000).getTrace(MOCK_FAILURE_TRACE_IDS.hang, controller.signal);
    setTimeout(() => controller.abort(), 50);
    const error = await failure(() => pending);
    expect(error.kind).toBe('aborted');
    const already = new AbortController();
    already.abort();
    expect((await failure(() => backend().getServices(already.signal))).kind).toBe('aborted');
  });
});

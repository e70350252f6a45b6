import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BackendError, type SearchQuery } from '../backend';
import { MOCK_PROMETHEUS_BASE_URL, MOCK_PROMETHEUS_REQUESTS_PER_CALL } from '../mocks/prometheus-handlers';
import { createTempoHandlers, MOCK_TEMPO_BASE_URL, MOCK_TEMPO_VERSION_V2 } from '../mocks/tempo-handlers';
import {
  MOCK_EPOCH_US,
  MOCK_FAILURE_TRACE_IDS,
  MOCK_TEMPO_PARTIAL_MESSAGE,
  MOCK_TEMPO_PARTIAL_SPAN_COUNT,
  MOCK_TEMPO_TRACE_IDS,
  MOCK_TEMPO_VANISHING_TRACE_ID,
  trimLeadingZeros,
} from '../mocks/mock-traces';
import { closedLoopbackUrl, createRecordingServer } from '../mocks/msw-test-server';
import type { DependencySourceConfig } from '../http/remote-backend-config';
import { createTempoBackend, readDependencySource, v1TagName, type TempoBackend } from './tempo-backend';

const rec = createRecordingServer();
beforeAll(() => rec.server.listen({ onUnhandledRequest: 'bypass' }));
afterEach(() => rec.reset());
afterAll(() => rec.server.close());

const NAME = 'Tempo (test)';
function backend(options: { timeoutMs?: number; dependencies?: DependencySourceConfig } = {}): TempoBackend {
  return createTempoBackend({ id: 'tempo', name: NAME, url: MOCK_TEMPO_BASE_URL, ...options });
}
function serveV1Only(): void {
  rec.server.use(...createTempoHandlers({ apiV2: false }));
}

const HOUR_US = 3_600_000_000;
const window: SearchQuery = { startUs: MOCK_EPOCH_US - HOUR_US + 500_000, endUs: MOCK_EPOCH_US + HOUR_US + 500_000, limit: 20 };

async function failure(run: () => Promise<unknown>): Promise<BackendError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(BackendError);
    return error as BackendError;
  }
  throw new Error('expected a BackendError, but the call succeeded');
}

describe('Tempo trace by ID', () => {
  it('loads /api/v2/traces/{id} and remembers that v2 answered', async () => {
    const b = backend();
    const loaded = await b.getTrace(MOCK_TEMPO_TRACE_IDS.index);
    expect(rec.paths()).toEqual([`/api/v2/traces/${MOCK_TEMPO_TRACE_IDS.index}`]);
    expect(loaded.trace.traceId).toBe(MOCK_TEMPO_TRACE_IDS.index);
    expect(loaded.trace.spans).toHaveLength(3);
    expect(loaded.trace.format).toBe('tempo-v2');
    expect(loaded.trace.errorCount).toBe(2);
    expect(loaded.partialMessage).toBeUndefined();
    expect(Object.keys(loaded.raw as object).sort()).toEqual(['metrics', 'trace']);
    expect(b.capabilities.traceByIdV2).toBe(true);
  });

  it('pads a trimmed ID (as search returns it) to 32 characters before fetching', async () => {
    const loaded = await backend().getTrace(trimLeadingZeros(MOCK_TEMPO_TRACE_IDS.search));
    expect(trimLeadingZeros(MOCK_TEMPO_TRACE_IDS.search)).toHaveLength(16);
    expect(rec.paths()).toEqual([`/api/v2/traces/${MOCK_TEMPO_TRACE_IDS.search}`]);
    expect(loaded.trace.traceId).toBe(MOCK_TEMPO_TRACE_IDS.search);
    expect(loaded.trace.spans).toHaveLength(6);
  });

  it('shows the message of a PARTIAL trace', async () => {
    const loaded = await backend().getTrace(MOCK_TEMPO_TRACE_IDS.partial);
    expect(loaded.partialMessage).toBe(MOCK_TEMPO_PARTIAL_MESSAGE);
    expect(loaded.trace.spans).toHaveLength(MOCK_TEMPO_PARTIAL_SPAN_COUNT);
    expect((loaded.raw as { status: string }).status).toBe('PARTIAL');
  });

  it('keeps raw exactly as received (never mutated by parsing or building)', async () => {
    const loaded = await backend().getTrace(MOCK_TEMPO_TRACE_IDS.search);
    const fresh: unknown = await (await fetch(`${MOCK_TEMPO_BASE_URL}/api/v2/traces/${MOCK_TEMPO_TRACE_IDS.search}`)).json();
    expect(loaded.raw).toEqual(fresh);
  });

  it('reads 200 with an empty trace as not-found, without falling back to v1', async () => {
    const error = await failure(() => backend().getTrace(MOCK_TEMPO_VANISHING_TRACE_ID));
    expect(error.kind).toBe('not-found');
    expect(error.message).toContain(MOCK_TEMPO_VANISHING_TRACE_ID);
    expect(error.message).toContain(NAME);
    expect(rec.paths()).toEqual([`/api/v2/traces/${MOCK_TEMPO_VANISHING_TRACE_ID}`]);
  });

  it('falls back to /api/traces/{id} ({batches}) when v2 is missing, then goes there directly', async () => {
    serveV1Only();
    const b = backend();
    const loaded = await b.getTrace(MOCK_TEMPO_TRACE_IDS.suggest);
    expect(loaded.trace.format).toBe('tempo-v1');
    expect(loaded.trace.spans).toHaveLength(3);
    expect(Object.keys(loaded.raw as object)).toEqual(['batches']);
    expect(b.capabilities.traceByIdV2).toBe(false);
    await b.getTrace(MOCK_TEMPO_TRACE_IDS.index);
    expect(rec.paths()).toEqual([
      `/api/v2/traces/${MOCK_TEMPO_TRACE_IDS.suggest}`,
      `/api/traces/${MOCK_TEMPO_TRACE_IDS.suggest}`,
      `/api/traces/${MOCK_TEMPO_TRACE_IDS.index}`,
    ]);
  });

  it('maps the v1 404 to not-found', async () => {
    serveV1Only();
    const error = await failure(() => backend().getTrace(MOCK_FAILURE_TRACE_IDS.notFound));
    expect(error.kind).toBe('not-found');
    expect(error.status).toBe(404);
  });
});

describe.each([
  ['v2', false],
  ['v1', true],
])('Tempo failures (%s)', (_label, v1Only) => {
  const load = async (id: string, timeoutMs?: number): Promise<BackendError> => {
    if (v1Only) serveV1Only();
    return failure(() => backend(timeoutMs ? { timeoutMs } : {}).getTrace(id));
  };

  it('500 with a plain-text body: the text is quoted, not JSON-parsed', async () => {
    const error = await load(MOCK_FAILURE_TRACE_IDS.serverError);
    expect([error.kind, error.status]).toEqual(['http', 500]);
    expect(error.message).toContain('error querying ingesters in Querier.FindTraceByID');
    expect(error.message).toContain(NAME);
  });

  it('500 with an empty body', async () => {
    const error = await load(MOCK_FAILURE_TRACE_IDS.serverErrorEmpty);
    expect([error.kind, error.status]).toEqual(['http', 500]);
    expect(error.message).toContain('empty body');
  });

  it('401 and 403 are unauthorized', async () => {
    const e401 = await load(MOCK_FAILURE_TRACE_IDS.unauthorized);
    expect([e401.kind, e401.status]).toEqual(['unauthorized', 401]);
    expect(e401.message).toContain('no org id');
    const e403 = await load(MOCK_FAILURE_TRACE_IDS.forbidden);
    expect([e403.kind, e403.status]).toEqual(['unauthorized', 403]);
  });

  it('times out on a server that never answers and on a body that never ends', async () => {
    expect((await load(MOCK_FAILURE_TRACE_IDS.hang, 120)).kind).toBe('timeout');
    expect((await load(MOCK_FAILURE_TRACE_IDS.stall, 120)).kind).toBe('timeout');
  });

  it('invalid JSON and a wrong shape are invalid-response', async () => {
    const invalid = await load(MOCK_FAILURE_TRACE_IDS.invalidJson);
    expect(invalid.kind).toBe('invalid-response');
    expect(invalid.message).toContain('not valid JSON');
    expect((await load(MOCK_FAILURE_TRACE_IDS.wrongShape)).kind).toBe('invalid-response');
  });
});

describe('Tempo search', () => {
  it('sends tags (logfmt) and unix seconds, never q, and normalises trimmed IDs', async () => {
    const hits = await backend().searchTraces({ ...window, service: 'search', minDurationUs: 200_000, maxDurationUs: 1_200_000 });
    expect(rec.paths()).toEqual(['/api/search']);
    const q = rec.requests[0]!.searchParams;
    expect(q.has('q')).toBe(false);
    expect(q.get('tags')).toBe('service.name=search');
    expect(q.get('start')).toBe(String(Math.floor(window.startUs / 1e6)));
    expect(q.get('end')).toBe(String(Math.ceil(window.endUs / 1e6)));
    expect(q.get('start')).toMatch(/^\d{10}$/);
    expect(q.get('limit')).toBe('20');
    expect(q.get('minDuration')).toBe('200ms');
    expect(q.get('maxDuration')).toBe('1.2s');
    expect(hits.map((h) => h.traceId).sort()).toEqual([MOCK_TEMPO_TRACE_IDS.search, MOCK_TEMPO_TRACE_IDS.partial].sort());
    const hit = hits.find((h) => h.traceId === MOCK_TEMPO_TRACE_IDS.search)!;
    expect(hit).toMatchObject({
      rootServiceName: 'gateway',
      rootName: 'GET /search',
      startUs: MOCK_EPOCH_US + 5_000_000,
      durationUs: 250_000,
      spanCount: 6,
      errorCount: 0,
      orphanCount: null,
    });
    expect(hit.services).toEqual([
      { name: 'gateway', spanCount: 2, errorCount: 0 },
      { name: 'search', spanCount: 3, errorCount: 0 },
      { name: 'ranking', spanCount: 1, errorCount: 0 },
    ]);
  });

  it('sends q alone for TraceQL, even with service and tags set', async () => {
    const hits = await backend().searchTraces({ ...window, traceql: '{ status = error }', service: 'gateway', tags: 'a=b', minDurationUs: 5 });
    const q = rec.requests[0]!.searchParams;
    expect(q.get('q')).toBe('{ status = error }');
    expect(q.has('tags')).toBe(false);
    expect(q.has('minDuration')).toBe(false);
    expect(hits.map((h) => h.traceId)).toEqual([MOCK_TEMPO_TRACE_IDS.index]);
    expect(hits[0]).toMatchObject({ errorCount: 2, spanCount: 3 });
  });

  it('merges service, operation and the user tags into one logfmt value without duplicate keys', async () => {
    await backend().searchTraces({ ...window, service: 'gateway', operation: 'GET /search', tags: 'http.route=/search service.name=gateway' });
    expect(rec.requests[0]!.searchParams.get('tags')).toBe('name="GET /search" http.route=/search service.name=gateway');
  });

  it('gives trimmed 31- and 16-character IDs back as 32, duration 0 when durationMs is absent, spanCount null without serviceStats', async () => {
    const hits = await backend().searchTraces(window);
    const ids = hits.map((h) => h.traceId);
    expect(ids).toContain(MOCK_TEMPO_TRACE_IDS.search);
    expect(ids).toContain(MOCK_TEMPO_TRACE_IDS.suggest);
    expect(hits.find((h) => h.traceId === MOCK_TEMPO_TRACE_IDS.suggest)!.durationUs).toBe(0);

    rec.server.use(
      http.get(`${MOCK_TEMPO_BASE_URL}/api/search`, () =>
        HttpResponse.json({ traces: [{ traceID: 'abc', rootServiceName: 'x', startTimeUnixNano: '1767607200123456789', durationMs: 3 }] }),
      ),
    );
    const [bare] = await backend().searchTraces(window);
    expect(bare).toEqual({
      traceId: '00000000000000000000000000000abc',
      rootServiceName: 'x',
      rootName: '',
      startUs: 1767607200123456,
      durationUs: 3000,
      spanCount: null,
      errorCount: null,
      orphanCount: null,
      services: [],
    });
  });

  it('reports the plain-text 400 of a bad query', async () => {
    rec.server.use(
      http.get(`${MOCK_TEMPO_BASE_URL}/api/search`, () => new HttpResponse('parse error at line 1, col 3: syntax error', { status: 400 })),
    );
    const error = await failure(() => backend().searchTraces({ ...window, traceql: '{ ' }));
    expect([error.kind, error.status]).toEqual(['http', 400]);
    expect(error.message).toContain('parse error at line 1, col 3');
  });

  it('connection refused is a network error', async () => {
    const url = await closedLoopbackUrl();
    const error = await failure(() => createTempoBackend({ id: 't', name: 'Tempo (down)', url }).searchTraces(window));
    expect(error.kind).toBe('network');
    expect(error.message).toContain('Tempo (down)');
  });

  it('cancellation rejects with kind aborted', async () => {
    rec.server.use(...createTempoHandlers({ failure: 'hang' }));
    const controller = new AbortController();
    const pending = backend().searchTraces(window, controller.signal);
    setTimeout(() => controller.abort(), 30);
    expect((await failure(() => pending)).kind).toBe('aborted');
  });
});

describe('Tempo services, operations, tags, version', () => {
  it('lists services and operations from v2 tag values, filtering operations by service', async () => {
    const b = backend();
    expect(await b.getServices()).toEqual(['gateway', 'ranking', 'search']);
    const ops = await b.getOperations('search');
    expect(ops).toHaveLength(5);
    expect(ops).toEqual(expect.arrayContaining(['Index', 'rank', 'redis GET', 'Search', 'Suggest']));
    expect(rec.paths()).toEqual(['/api/v2/search/tag/resource.service.name/values', '/api/v2/search/tag/name/values']);
    expect(rec.requests[1]!.searchParams.get('q')).toBe('{ resource.service.name = "search" }');
    // Always a window (unix seconds, the last day): without one Tempo looks only at its live store.
    for (const r of rec.requests) {
      const start = Number(r.searchParams.get('start'));
      const end = Number(r.searchParams.get('end'));
      expect(end - start).toBe(86_400);
      expect(Math.abs(end - Date.now() / 1000)).toBeLessThan(60);
    }
  });

  it('falls back to the v1 tag API with plain attribute names', async () => {
    serveV1Only();
    const b = backend();
    expect(await b.getServices()).toEqual(['gateway', 'ranking', 'search']);
    expect(b.capabilities.searchTagsV2).toBe(false);
    expect(rec.paths()).toEqual(['/api/v2/search/tag/resource.service.name/values', '/api/search/tag/service.name/values']);
    const names = await b.getTagNames(undefined);
    expect(names).toHaveLength(1);
    expect(names[0]!.scope).toBe('');
    expect(names[0]!.tags).toContain('http.route');
  });

  it('returns tag names by scope and typed tag values', async () => {
    const b = backend();
    const scopes = await b.getTagNames(undefined);
    expect(scopes.map((s) => s.scope)).toEqual(['resource', 'span', 'intrinsic']);
    expect(scopes.find((s) => s.scope === 'span')!.tags).toContain('db.system');
    const spanOnly = await b.getTagNames('span');
    expect(spanOnly.map((s) => s.scope)).toEqual(['span']);
    expect(rec.requests[1]!.searchParams.get('scope')).toBe('span');
    const codes = await b.getTagValues('span.http.response.status_code', undefined);
    expect(codes).toEqual([
      { type: 'int', value: '200' },
      { type: 'int', value: '503' },
    ]);
  });

  it('reads the version from /api/status/buildinfo', async () => {
    expect(await backend().getBuildInfo()).toEqual({ version: MOCK_TEMPO_VERSION_V2, revision: 'a1b2c3d' });
  });

  it('turns TraceQL identifiers into v1 tag names', () => {
    expect(v1TagName('resource.service.name')).toBe('service.name');
    expect(v1TagName('.http.route')).toBe('http.route');
    expect(v1TagName('span.db.system')).toBe('db.system');
    expect(v1TagName('name')).toBe('name');
  });
});

describe('Tempo dependencies', () => {
  it('derives the graph from the traces of the window, skipping a listed trace that 404s', async () => {
    const result = await backend().getDependencies(window);
    expect(result.source).toBe('derived from 4 traces');
    expect(result.traceCount).toBe(4);
    const search = rec.requests.find((u) => u.pathname === '/api/search')!;
    expect(search.searchParams.get('limit')).toBe('50');
    expect(rec.paths()).toContain(`/api/v2/traces/${MOCK_TEMPO_VANISHING_TRACE_ID}`);
    const edge = (p: string, c: string) => result.links.find((l) => l.parent === p && l.child === c);
    // gateway→search in all four traces; search→ranking only in the complete one (the partial lost it).
    expect(edge('gateway', 'search')).toMatchObject({ callCount: 4, errorCount: 1 });
    expect(edge('search', 'ranking')).toMatchObject({ callCount: 1 });
    expect(result.links).toHaveLength(2);
  });

  it('reports progress: searching, then each of the traces fetched (including the one that 404s)', async () => {
    const seen: string[] = [];
    await backend().getDependencies(window, undefined, (p) => seen.push(`${p.phase} ${p.done}/${p.total}`));
    expect(seen[0]).toBe('searching 0/0');
    expect(seen[1]).toBe('fetching 0/5');
    expect(seen.at(-1)).toBe('fetching 5/5');
    expect(seen).toHaveLength(7);
  });

  it('stops fetching when cancelled', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const run = backend().getDependencies(window, controller.signal, (p) => {
      seen.push(p.done);
      if (p.phase === 'fetching' && p.done === 1) controller.abort();
    });
    await expect(run).rejects.toBeTruthy();
    expect(Math.max(...seen)).toBeLessThan(5);
  });

  it('fetches at most maxTraces traces', async () => {
    const result = await backend({ dependencies: { type: 'traces', maxTraces: 2 } }).getDependencies(window);
    // The two newest hits are the vanishing trace (404, skipped) and the partial one.
    expect(result.traceCount).toBe(1);
    expect(result.source).toBe('derived from 1 trace');
    expect(rec.requests.find((u) => u.pathname === '/api/search')!.searchParams.get('limit')).toBe('2');
    expect(rec.paths().filter((p) => p.startsWith('/api/v2/traces/'))).toHaveLength(2);
  });

  it('queries Prometheus service-graph series when configured', async () => {
    const b = backend({ dependencies: { type: 'prometheus', url: MOCK_PROMETHEUS_BASE_URL } });
    const result = await b.getDependencies({ startUs: MOCK_EPOCH_US, endUs: MOCK_EPOCH_US + HOUR_US });
    expect(result.source).toMatch(/Prometheus/);
    const queries = rec.requests.map((u) => u.searchParams.get('query'));
    expect(queries).toEqual(
      expect.arrayContaining([
        'sum by (client, server) (increase(traces_service_graph_request_total[3600s]))',
        'sum by (client, server) (increase(traces_service_graph_request_failed_total[3600s]))',
        'histogram_quantile(0.5, sum by (client, server, le) (rate(traces_service_graph_request_server_seconds_bucket[3600s])))',
        'histogram_quantile(0.95, sum by (client, server, le) (rate(traces_service_graph_request_server_seconds_bucket[3600s])))',
      ]),
    );
    expect(rec.requests[0]!.searchParams.get('time')).toBe(String((MOCK_EPOCH_US + HOUR_US) / 1e6));
    const perCall = MOCK_PROMETHEUS_REQUESTS_PER_CALL;
    expect(result.links).toEqual([
      { parent: 'gateway', child: 'search', callCount: 4 * perCall, errorCount: perCall, p50Us: 235_000, p95Us: 1_390_000 },
      { parent: 'search', child: 'ranking', callCount: 2 * perCall, errorCount: 0, p50Us: 198_000, p95Us: 368_000 },
    ]);
  });

  it('reports a Prometheus error with its own message', async () => {
    rec.server.use(
      http.get(`${MOCK_PROMETHEUS_BASE_URL}/api/v1/query`, () =>
        HttpResponse.json({ status: 'error', errorType: 'bad_data', error: 'unknown function histogram_quantil' }, { status: 400 }),
      ),
    );
    const b = backend({ dependencies: { type: 'prometheus', url: MOCK_PROMETHEUS_BASE_URL } });
    const error = await failure(() => b.getDependencies(window));
    expect(error.kind).toBe('http');
    expect(error.message).toContain('unknown function histogram_quantil');
    expect(error.message).toContain(`${NAME} (Prometheus)`);
  });

  it('reads the dependencies config leniently', () => {
    expect(readDependencySource(undefined)).toEqual({ type: 'traces', maxTraces: 50 });
    expect(readDependencySource({ type: 'traces', maxTraces: -3 })).toEqual({ type: 'traces', maxTraces: 50 });
    expect(readDependencySource({ type: 'prometheus', url: '' })).toEqual({ type: 'traces', maxTraces: 50 });
    expect(readDependencySource({ type: 'prometheus', url: 'http://p' })).toEqual({ type: 'prometheus', url: 'http://p' });
  });
});

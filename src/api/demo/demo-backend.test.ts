import { describe, expect, it, vi } from 'vitest';
import { BackendError, type SearchQuery } from '../backend';
import type { TraceSummary } from '../../model/types';
import { createDemoBackend, MAX_DEPENDENCY_TRACES, MAX_SEARCH_SCAN } from './demo-backend';
import { DEMO_LARGE_TRACES, decodeDemoTraceId, demoTraceId } from './demo-trace-id';
import { generateDemoSpans } from './scenarios';
import { DEMO_OPERATIONS } from './topology';

// The real generator, watched: how many traces a request generates is the demo's cost, counted
// rather than timed (speed on a shared machine is the benchmark's business, not a unit test's).
vi.mock('./scenarios', async (importOriginal) => {
  const real = await importOriginal<typeof import('./scenarios')>();
  return { ...real, generateDemoSpans: vi.fn(real.generateDemoSpans) };
});

// A busy weekday afternoon (UTC), pinned so every run sees the same population.
const NOW_US = Date.UTC(2025, 2, 11, 15, 0, 0) * 1000;
const HOUR_US = 3_600_000_000;
const MINUTE_US = 60_000_000;

const backend = createDemoBackend({ seed: 7, nowUs: () => NOW_US });

function lastHour(extra: Partial<SearchQuery> = {}): SearchQuery {
  return { startUs: NOW_US - HOUR_US, endUs: NOW_US, limit: 20, ...extra };
}

/** How many traces `run` generated. */
async function tracesGenerated(run: () => Promise<unknown>): Promise<number> {
  const generate = vi.mocked(generateDemoSpans);
  const before = generate.mock.calls.length;
  await run();
  return generate.mock.calls.length - before;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('services and operations', () => {
  it('lists the topology, sorted', async () => {
    const services = await backend.getServices();
    expect(services).toHaveLength(16);
    expect(services).toEqual([...services].sort());
    expect(services).toEqual(expect.arrayContaining(['web-frontend', 'api-gateway', 'checkout', 'payments', 'batch-jobs']));
  });

  it('lists operations per service, sorted; none for an unknown service', async () => {
    const ops = await backend.getOperations('checkout');
    expect(ops).toEqual([...DEMO_OPERATIONS.checkout!].sort());
    expect(ops).toContain('shop.checkout.v1.CheckoutService/PlaceOrder');
    expect(await backend.getOperations('batch-jobs')).toContain('reindex-catalog');
    expect(await backend.getOperations('nope')).toEqual([]);
  });
});

describe('searchTraces', () => {
  it('returns the most recent traces of the window, newest first, deterministically', async () => {
    const results = await backend.searchTraces(lastHour());
    expect(results).toHaveLength(20);
    for (let i = 1; i < results.length; i++) expect(results[i]!.startUs).toBeLessThanOrEqual(results[i - 1]!.startUs);
    for (const r of results) {
      expect(r.startUs).toBeGreaterThanOrEqual(NOW_US - HOUR_US);
      expect(r.startUs).toBeLessThanOrEqual(NOW_US);
      expect(r.spanCount).toBeGreaterThanOrEqual(5);
      expect(r.spanCount).toBeLessThanOrEqual(300);
      expect(r.services.some((s) => s.name === 'batch-jobs')).toBe(false);
      expect(decodeDemoTraceId(r.traceId)).not.toBeNull();
    }
    // "A few traces per minute per root operation": 20 traces span only a couple of minutes.
    expect(results[0]!.startUs - results[19]!.startUs).toBeLessThan(5 * MINUTE_US);
    const again = createDemoBackend({ seed: 7, nowUs: () => NOW_US });
    expect(await again.searchTraces(lastHour())).toEqual(results);
    const otherSeed = createDemoBackend({ seed: 8, nowUs: () => NOW_US });
    const otherIds = (await otherSeed.searchTraces(lastHour())).map((r) => r.traceId);
    expect(otherIds.filter((id) => results.some((r) => r.traceId === id))).toEqual([]);
  });

  it('anchors traces to a fixed grid: a sub-window yields the same IDs', async () => {
    const all = await backend.searchTraces(lastHour({ limit: 1500 }));
    expect(all.length).toBeGreaterThan(300);
    const from = NOW_US - 37 * MINUTE_US;
    const to = NOW_US - 21 * MINUTE_US;
    const sub = await backend.searchTraces({ startUs: from, endUs: to, limit: 1500 });
    expect(sub.map((r) => r.traceId)).toEqual(all.filter((r) => r.startUs >= from && r.startUs <= to).map((r) => r.traceId));
    // Rates: 3 per minute for the rarest busy roots, a handful per minute for the rest.
    const perRoot = new Map<string, number>();
    for (const r of all) perRoot.set(r.rootName, (perRoot.get(r.rootName) ?? 0) + 1);
    expect(perRoot.size).toBe(8);
    expect(perRoot.get('GET /products/{slug}')! / 60).toBeGreaterThan(3);
  });

  it('finds nothing after "now" or in an empty window', async () => {
    expect(await backend.searchTraces({ startUs: NOW_US + MINUTE_US, endUs: NOW_US + HOUR_US, limit: 20 })).toEqual([]);
    expect(await backend.searchTraces({ startUs: NOW_US, endUs: NOW_US - 1, limit: 20 })).toEqual([]);
  });

  it('caps absurd windows: a search from 1970 still answers with the most recent traces', async () => {
    const results = await backend.searchTraces({ startUs: 0, endUs: NOW_US, limit: 5 });
    expect(results.map((r) => r.traceId)).toEqual((await backend.searchTraces(lastHour({ limit: 5 }))).map((r) => r.traceId));
    const fresh = createDemoBackend({ seed: 7, nowUs: () => NOW_US });
    const none = await tracesGenerated(() => fresh.searchTraces({ startUs: 0, endUs: NOW_US, limit: 5, service: 'auth', operation: 'jwt.verify', tags: 'no.such=1' }));
    console.info(`demo search from 1970, no match: ${none} traces generated`);
    expect(none).toBeGreaterThan(0);
    expect(none).toBeLessThanOrEqual(MAX_SEARCH_SCAN);
  });

  it('respects the limit', async () => {
    expect(await backend.searchTraces(lastHour({ limit: 3 }))).toHaveLength(3);
  });

  it('filters by service (any span of the trace)', async () => {
    const results = await backend.searchTraces(lastHour({ service: 'fraud-check' }));
    expect(results.length).toBeGreaterThan(5);
    for (const r of results) {
      expect(r.services.map((s) => s.name)).toContain('fraud-check');
      expect(r.rootName).toBe('POST /checkout');
    }
    expect(await backend.searchTraces(lastHour({ service: 'no-such-service' }))).toEqual([]);
  });

  it('filters by operation of the service', async () => {
    const results = await backend.searchTraces(lastHour({ service: 'orders', operation: 'SELECT orders' }));
    expect(results.length).toBeGreaterThan(5);
    const roots = new Set(results.map((r) => r.rootName));
    expect([...roots].every((root) => ['GET /api/v1/orders', 'GET /api/v1/admin/reports/sales'].includes(root))).toBe(true);
    const loaded = await backend.getTrace(results[0]!.traceId);
    expect(loaded.trace.spans.some((s) => s.serviceName === 'orders' && s.name === 'SELECT orders')).toBe(true);
    // An operation alone (no service) searches every service that has it.
    const anyService = await backend.searchTraces(lastHour({ operation: 'bcrypt.compare', limit: 5 }));
    expect(anyService.length).toBe(5);
    expect(anyService.every((r) => r.rootName === 'POST /api/v1/auth/login')).toBe(true);
    // An operation of another service does not match.
    expect(await backend.searchTraces(lastHour({ service: 'orders', operation: 'bcrypt.compare' }))).toEqual([]);
  });

  it('filters by tags: error=true, attribute values, quoted values, resource attributes', async () => {
    const errors = await backend.searchTraces(lastHour({ tags: 'error=true', limit: 50 }));
    expect(errors.length).toBeGreaterThan(5);
    expect(errors.every((r) => (r.errorCount ?? 0) > 0)).toBe(true);

    const unavailable = await backend.searchTraces(lastHour({ tags: 'rpc.grpc.status_code=14 error=true' }));
    expect(unavailable.length).toBeGreaterThan(0);
    for (const r of unavailable) {
      const { trace } = await backend.getTrace(r.traceId);
      const span = trace.spans.find((s) => s.isError && s.attributes.some((a) => a.key === 'rpc.grpc.status_code' && a.value === 14));
      expect(span).toBeDefined();
    }

    const quoted = await backend.searchTraces(lastHour({ service: 'auth', tags: 'template.name="never" db.system=redis' }));
    expect(quoted).toEqual([]);
    const withSpaces = await backend.searchTraces(lastHour({ tags: 'app.search.query="running shoes"', limit: 5 }));
    expect(withSpaces.length).toBeGreaterThan(0);
    const { trace: searchTrace } = await backend.getTrace(withSpaces[0]!.traceId);
    expect(searchTrace.spans.some((s) => s.attributes.some((a) => a.key === 'app.search.query' && a.value === 'running shoes'))).toBe(true);
    const otherQuery = await backend.searchTraces(lastHour({ tags: 'app.search.query="running"', limit: 5 }));
    expect(otherQuery).toEqual([]);
    const resource = await backend.searchTraces(lastHour({ tags: 'telemetry.sdk.language=rust', limit: 5 }));
    expect(resource).toHaveLength(5);
    expect(resource.every((r) => r.services.some((s) => s.name === 'fraud-check'))).toBe(true);

    // Jaeger semantics: service and tags must hold on the same span.
    const paymentErrors = await backend.searchTraces(lastHour({ service: 'payments', tags: 'error=true', limit: 50 }));
    for (const r of paymentErrors) expect(r.services.find((s) => s.name === 'payments')!.errorCount).toBeGreaterThan(0);
  });

  it('filters by trace duration', async () => {
    const slow = await backend.searchTraces(lastHour({ minDurationUs: 1_000_000 }));
    expect(slow.length).toBeGreaterThan(0);
    expect(slow.every((r) => r.durationUs >= 1_000_000)).toBe(true);
    const fast = await backend.searchTraces(lastHour({ maxDurationUs: 20_000 }));
    expect(fast.length).toBe(20);
    expect(fast.every((r) => r.durationUs <= 20_000)).toBe(true);
    const between = await backend.searchTraces(lastHour({ minDurationUs: 50_000, maxDurationUs: 100_000 }));
    expect(between.every((r) => r.durationUs >= 50_000 && r.durationUs <= 100_000)).toBe(true);
  });

  it('includes large batch traces only when asked for', async () => {
    const window = { startUs: Date.UTC(2025, 2, 11, 4, 0, 0) * 1000, endUs: Date.UTC(2025, 2, 11, 6, 59, 0) * 1000, limit: 20 };
    const batch = await backend.searchTraces({ ...window, service: 'batch-jobs', operation: 'reindex-catalog' });
    expect(batch.map((r) => r.spanCount)).toEqual([10_000, 1_000, 1_000]);
    expect(batch.every((r) => r.rootName === 'reindex-catalog')).toBe(true);
    const plain = await backend.searchTraces({ ...window, limit: 200 });
    expect(plain.some((r) => r.rootServiceName === 'batch-jobs')).toBe(false);
    // With a tag that only some pages have.
    const retried = await backend.searchTraces({ ...window, service: 'batch-jobs', tags: 'http.response.status_code=429' });
    expect(retried.length).toBeGreaterThan(0);
    expect(retried.every((r) => r.rootName === 'reindex-catalog')).toBe(true);
  });

  it('offers the nightly 100k-span run at 02:00 UTC', async () => {
    const night = { startUs: Date.UTC(2025, 2, 11, 2, 0, 0) * 1000, endUs: Date.UTC(2025, 2, 11, 2, 30, 0) * 1000, limit: 20 };
    const results = await backend.searchTraces({ ...night, service: 'batch-jobs' });
    expect(results.map((r) => r.spanCount)).toEqual([100_000]);
  });

  it('bounds the work of a one-hour search: what the limit needs, or at most MAX_SEARCH_SCAN traces', async () => {
    const fresh = createDemoBackend({ seed: 99, nowUs: () => NOW_US });
    const plain = await tracesGenerated(() => fresh.searchTraces(lastHour()));
    const filtered = await tracesGenerated(() => fresh.searchTraces(lastHour({ service: 'shipping', tags: 'error=true' })));
    const nothing = await tracesGenerated(() => fresh.searchTraces(lastHour({ tags: 'no.such.tag=1' })));
    console.info(`demo search, 1 h, traces generated: plain ${plain}; service+tag ${filtered}; no match ${nothing}`);
    expect(plain).toBeLessThanOrEqual(20);
    expect(filtered).toBeLessThanOrEqual(MAX_SEARCH_SCAN);
    expect(nothing).toBeLessThanOrEqual(MAX_SEARCH_SCAN);
  });

  it('rejects TraceQL, which the demo does not speak', async () => {
    const error = await rejection(backend.searchTraces(lastHour({ traceql: '{ status = error }' })));
    expect(error).toBeInstanceOf(BackendError);
    expect((error as BackendError).kind).toBe('unsupported');
  });
});

describe('getTrace', () => {
  it('regenerates a search result, identical to its summary and across backends', async () => {
    const [first] = await backend.searchTraces(lastHour({ service: 'payments' }));
    const summary = first as TraceSummary;
    const loaded = await backend.getTrace(summary.traceId);
    expect(loaded.trace.traceId).toBe(summary.traceId);
    expect(loaded.trace.format).toBe('demo');
    expect(loaded.trace.spans).toHaveLength(summary.spanCount!);
    expect(loaded.trace.startUs).toBe(summary.startUs);
    expect(loaded.trace.durationUs).toBe(summary.durationUs);
    // Any demo backend can open any demo ID; the raw JSON is byte-for-byte the same.
    const other = await createDemoBackend({ seed: 1 }).getTrace(summary.traceId.toUpperCase());
    expect(JSON.stringify(other.raw)).toBe(JSON.stringify(loaded.raw));
    expect(JSON.parse(JSON.stringify(loaded.raw))).toMatchObject({ format: 'skein-demo', traceId: summary.traceId });
  });

  it('opens the listed large traces', async () => {
    const small = DEMO_LARGE_TRACES[0]!;
    const loaded = await backend.getTrace(small.id);
    expect(loaded.trace.spans).toHaveLength(1_000);
    expect(loaded.trace.spans[0]!.name).toBe('reindex-catalog');
  });

  it('rejects unknown IDs with not-found', async () => {
    for (const id of ['4bf92f3577b34da6a3ce929d0e0e4736', 'not-a-trace', '']) {
      const error = await rejection(backend.getTrace(id));
      expect(error).toBeInstanceOf(BackendError);
      expect((error as BackendError).kind).toBe('not-found');
      expect((error as BackendError).message).toBe(`Trace ${id} was not found in Demo.`);
    }
    const named = createDemoBackend({ id: 'shop', name: 'Shop demo' });
    expect(named.id).toBe('shop');
    expect(((await rejection(named.getTrace('abc'))) as Error).message).toBe('Trace abc was not found in Shop demo.');
  });

  it('honours an aborted signal', async () => {
    const controller = new AbortController();
    controller.abort();
    const id = demoTraceId({ scenario: 'checkout', seed: 3 });
    const error = await rejection(backend.getTrace(id, controller.signal));
    expect((error as BackendError).kind).toBe('aborted');
    expect(((await rejection(backend.searchTraces(lastHour(), controller.signal))) as BackendError).kind).toBe('aborted');
    // Aborted while the large trace waits for its turn.
    const late = new AbortController();
    const pending = backend.getTrace(DEMO_LARGE_TRACES[2]!.id, late.signal);
    late.abort();
    expect(((await rejection(pending)) as BackendError).kind).toBe('aborted');
  });
});

describe('getDependencies', () => {
  it('derives the service graph from the traces of the window', async () => {
    const generated = await tracesGenerated(() => createDemoBackend({ seed: 7, nowUs: () => NOW_US }).getDependencies({ startUs: NOW_US - HOUR_US, endUs: NOW_US }));
    // (+1: one small batch-job trace brings in the batch service's edges.)
    expect(generated).toBeLessThanOrEqual(MAX_DEPENDENCY_TRACES + 1);
    const result = await backend.getDependencies({ startUs: NOW_US - HOUR_US, endUs: NOW_US });
    expect(result.traceCount).toBeGreaterThan(100);
    expect(result.source).toBe(`derived from ${result.traceCount} demo traces`);
    const edges = new Set(result.links.map((l) => `${l.parent} -> ${l.child}`));
    for (const edge of [
      'web-frontend -> api-gateway',
      'api-gateway -> auth',
      'checkout -> inventory',
      'payments -> fraud-check',
      'orders -> email-worker',
      'batch-jobs -> search',
    ]) {
      expect(edges).toContain(edge);
    }
    expect(result.links.every((l) => l.callCount > 0)).toBe(true);
    const again = await createDemoBackend({ seed: 7, nowUs: () => NOW_US }).getDependencies({ startUs: NOW_US - HOUR_US, endUs: NOW_US });
    expect(again).toEqual(result);
  });
});

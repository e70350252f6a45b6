import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackendError } from './backend';
import { JaegerBackend } from './jaeger/jaeger-backend';
import { TempoBackend } from './tempo/tempo-backend';
import { fakeTraceWorker } from './stream/testing/fake-trace-worker';
import { getTraceLoadPreview, getTraceLoadProgress, subscribeTraceLoadProgress, traceLoadKey } from './trace-load-progress';

// The Jaeger and Tempo adapters loading trace-by-ID through the (fake, in-process) trace-load
// worker against a real HTTP server: fallbacks, not-found, partial traces, timeouts, cancel.

type BenchBodies = { jaegerChunks(n: number): Iterable<string>; otlpChunks(n: number): Iterable<string> };
const benchPath = '../../bench/trace-body.mjs';
const bench = (await import(/* @vite-ignore */ benchPath)) as BenchBodies;
const jaegerBody = [...bench.jaegerChunks(3000)].join('');
const otlpBody = [...bench.otlpChunks(3000)].join('');
const TRACE_ID = '0000000000000000000000000000abcd';

let server: http.Server;
let base = '';
beforeAll(async () => {
  server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    // An old Jaeger: no api_v3 (plain-text 404 from the router), v1 answers.
    if (path.startsWith('/old/api/v3/traces/')) return void (res.writeHead(404, { 'content-type': 'text/plain' }), res.end('404 page not found'));
    if (path === `/old/api/traces/${TRACE_ID}`) return json(200, jaegerBody);
    if (path.startsWith('/old/api/traces/')) return json(200, { data: [], errors: [{ code: 404, msg: 'trace not found' }] });
    // A new Jaeger: api_v3 with OTLP; 404 JSON when missing.
    if (path === `/new/api/v3/traces/${TRACE_ID}`) return json(200, otlpBody);
    if (path.startsWith('/new/api/v3/traces/')) return json(404, { error: { httpCode: 404, message: 'trace not found' } });
    if (path === '/slow/api/v3/traces/' + TRACE_ID) {
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.write('{"result":{"resourceSpans":[');
    }
    if (path.startsWith('/bad/api/v3/traces/')) return json(200, '{"result": {"resourceSpans": [}');
    if (path.startsWith('/html/api/v3/traces/')) return void (res.writeHead(200, { 'content-type': 'text/html' }), res.end('<!doctype html><title>Sign in</title>'));
    // Tempo v2.
    if (path === `/tempo/api/v2/traces/${TRACE_ID}`) {
      const doc = JSON.parse(otlpBody) as { result: { resourceSpans: unknown[] } };
      return json(200, { trace: { resourceSpans: doc.result.resourceSpans }, status: 'PARTIAL', message: 'trace exceeds max size' });
    }
    if (path.startsWith('/tempo/api/v2/traces/')) return json(200, { trace: {} });
    // An old Tempo: no trace-by-ID v2 (plain-text 404), v1 answers OTLP batches.
    if (path.startsWith('/tempo-old/api/v2/traces/')) return void (res.writeHead(404, { 'content-type': 'text/plain' }), res.end('404 page not found'));
    if (path === `/tempo-old/api/traces/${TRACE_ID}`) {
      const doc = JSON.parse(otlpBody) as { result: { resourceSpans: unknown[] } };
      return json(200, { batches: doc.result.resourceSpans });
    }
    res.writeHead(500);
    res.end('unexpected');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

/** Fake workers that count how many loads were started (one worker per load). */
function countedWorkers(): { create: () => ReturnType<typeof fakeTraceWorker>; readonly count: number } {
  let count = 0;
  return {
    create: () => {
      count++;
      return fakeTraceWorker();
    },
    get count() {
      return count;
    },
  };
}

const jaeger = (path: string, timeoutMs = 10_000) =>
  new JaegerBackend({ id: `j-${path}`, name: 'Jaeger', url: `${base}/${path}`, timeoutMs }, { traceWorker: fakeTraceWorker });

describe('trace-by-ID through the trace-load worker', () => {
  it('Jaeger without api_v3: falls back to v1 and builds the trace in the worker, reporting progress', async () => {
    const backend = jaeger('old');
    const key = traceLoadKey(backend.id, TRACE_ID);
    const seen: string[] = [];
    const unsubscribe = subscribeTraceLoadProgress(() => {
      const p = getTraceLoadProgress(key);
      if (p) seen.push(p.phase);
    });
    const loaded = await backend.getTrace('abcd');
    unsubscribe();
    expect(loaded.trace.spans).toHaveLength(3000);
    expect(loaded.trace.format).toBe('jaeger-api-v1');
    expect(backend.capabilities.apiV3).toBe(false);
    // small bodies come back whole, as text for the JSON view
    expect(loaded.rawText).toBe(jaegerBody);
    expect(seen).toContain('connecting');
    expect(seen).toContain('transferring');
    expect(getTraceLoadProgress(key)).toBeUndefined();
  });

  it('Jaeger without api_v3: the worker that got the 404 asks v1 itself (one load, no round trip through the page)', async () => {
    const workers = countedWorkers();
    const backend = new JaegerBackend({ id: 'j-old-count', name: 'Jaeger', url: `${base}/old`, timeoutMs: 10_000 }, { traceWorker: workers.create });
    expect((await backend.getTrace(TRACE_ID)).trace.spans).toHaveLength(3000);
    expect(workers.count).toBe(1);
    expect(backend.capabilities.apiV3).toBe(false);
    // Once known, v1 directly (still one load).
    await expect(backend.getTrace('ffff')).rejects.toMatchObject({ kind: 'not-found' });
    expect(workers.count).toBe(2);
    // A new Jaeger's api_v3 404 (a JSON envelope) is an answer, not a missing endpoint: no fallback.
    const fresh = jaeger('new');
    await expect(fresh.getTrace('eeee')).rejects.toMatchObject({ kind: 'not-found' });
    expect(fresh.capabilities.apiV3).toBe(true);
  });

  it('Jaeger v1 says "not found" in errors[]: a not-found BackendError with the detail', async () => {
    const error = await jaeger('old').getTrace('ffff').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackendError);
    expect((error as BackendError).kind).toBe('not-found');
    expect((error as BackendError).message).toMatch(/trace not found \(code 404\)/);
  });

  it('Jaeger api_v3: OTLP body loads; a 404 is not-found', async () => {
    const loaded = await jaeger('new').getTrace(TRACE_ID);
    expect(loaded.trace.format).toBe('jaeger-api-v3');
    expect(loaded.trace.spans).toHaveLength(3000);
    const error = await jaeger('new').getTrace('eeee').catch((e: unknown) => e);
    expect((error as BackendError).kind).toBe('not-found');
  });

  it('times out with a BackendError of kind "timeout", and cancels with kind "aborted"', async () => {
    const timeout = await jaeger('slow', 300).getTrace(TRACE_ID).catch((e: unknown) => e);
    expect((timeout as BackendError).kind).toBe('timeout');
    const controller = new AbortController();
    const pending = jaeger('slow', 60_000).getTrace(TRACE_ID, controller.signal);
    setTimeout(() => controller.abort(), 100);
    const aborted = await pending.catch((e: unknown) => e);
    expect((aborted as BackendError).kind).toBe('aborted');
  });

  it('Tempo v2: a PARTIAL trace carries its message; an empty trace is not-found', async () => {
    const tempo = new TempoBackend({ id: 't', name: 'Tempo', url: `${base}/tempo` }, { traceWorker: fakeTraceWorker });
    const loaded = await tempo.getTrace(TRACE_ID);
    expect(loaded.trace.spans).toHaveLength(3000);
    expect(loaded.partialMessage).toBe('trace exceeds max size');
    const error = await tempo.getTrace('1234').catch((e: unknown) => e);
    expect((error as BackendError).kind).toBe('not-found');
  });

  it('Tempo without trace-by-ID v2: the worker that got the 404 asks v1 itself', async () => {
    const workers = countedWorkers();
    const tempo = new TempoBackend({ id: 't-old', name: 'Tempo', url: `${base}/tempo-old` }, { traceWorker: workers.create });
    expect((await tempo.getTrace(TRACE_ID)).trace.spans).toHaveLength(3000);
    expect(workers.count).toBe(1);
    expect(tempo.capabilities.traceByIdV2).toBe(false);
  });

  it('asks the worker for previews unless the page declined them (a comparison draws none)', async () => {
    const previewSeen = async (backend: JaegerBackend, options?: { previews: boolean }): Promise<boolean> => {
      const key = traceLoadKey(backend.id, TRACE_ID);
      let seen = false;
      const unsubscribe = subscribeTraceLoadProgress(() => {
        if (getTraceLoadPreview(key) !== undefined) seen = true;
      });
      // 3,000 spans of Jaeger JSON (~2.5 MB) stream, and are previewed, when previews are asked for.
      await backend.getTrace(TRACE_ID, undefined, options);
      unsubscribe();
      return seen;
    };
    expect(await previewSeen(jaeger('old'))).toBe(true);
    const declined = jaeger('old');
    expect(await previewSeen(declined, { previews: false })).toBe(false);
    expect(await previewSeen(declined)).toBe(true);
  });

  it('describes unreadable bodies as the main-thread path does', async () => {
    const bad = await jaeger('bad').getTrace(TRACE_ID).catch((e: unknown) => e);
    expect((bad as BackendError).kind).toBe('invalid-response');
    expect((bad as BackendError).message).toMatch(/sent an answer Skein cannot read when trying to load trace .*: the body is not valid JSON \(/);
    const html = await jaeger('html').getTrace(TRACE_ID).catch((e: unknown) => e);
    expect((html as BackendError).message).toMatch(/it sent an HTML page instead of JSON/);
  });
});

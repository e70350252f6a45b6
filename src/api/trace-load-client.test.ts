import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTrace } from '../model/build-trace';
import { parseTraceText } from './parsers/parse-trace-text';
import { fakeTraceWorker } from './stream/testing/fake-trace-worker';
import type { TraceLoadProgress } from './stream/trace-load-protocol';
import { PENDING_SERVICE } from './stream/streaming-trace-parser';
import { PREVIEW_ROWS } from './stream/trace-preview';
import { loadTraceInWorker, TraceLoadError, type TraceLoadPreview } from './trace-load-client';

// The client and the worker's job, joined by an in-process fake Worker (see fake-trace-worker).

type BenchBodies = { jaegerChunks(n: number): Iterable<string>; otlpChunks(n: number): Iterable<string> };
const benchPath = '../../bench/trace-body.mjs';
const bench = (await import(/* @vite-ignore */ benchPath)) as BenchBodies;

const fakeWorker = fakeTraceWorker;

const jaeger2k = [...bench.jaegerChunks(2000)].join('');
const otlp2k = [...bench.otlpChunks(2000)].join('');
// The same trace with the trace ID only on the trace object (allowed in Jaeger UI JSON).
let traceIdsSeen = 0;
const jaegerTraceLevelIds = jaeger2k.replace(/"traceID":"[0-9a-f]+",?/g, (m) => (traceIdsSeen++ === 0 ? m : ''));

let server: http.Server;
let base = '';
beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/jaeger' || url.pathname === '/jaeger-trace-level-ids') {
      const body = Buffer.from(url.pathname === '/jaeger' ? jaeger2k : jaegerTraceLevelIds);
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.length) });
      // In pieces, so that progress is reported while the body arrives.
      let i = 0;
      const step = () => {
        if (i >= body.length) return void res.end();
        res.write(body.subarray(i, i + 65536));
        i += 65536;
        setTimeout(step, 1);
      };
      step();
    } else if (url.pathname === '/missing') {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('404 page not found');
    } else if (url.pathname === '/not-found-envelope') {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"error":{"httpCode":404,"message":"No traces found"}}');
    } else if (url.pathname === '/stall') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"data":[');
      // never ends
    } else if (url.pathname === '/html') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>login</title>');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe('loadTraceInWorker', () => {
  it('loads a URL by streaming, reports progress, and gives the same trace as the plain parser', async () => {
    const progress: TraceLoadProgress[] = [];
    const worker = fakeWorker();
    const outcome = await loadTraceInWorker(
      { kind: 'url', url: `${base}/jaeger`, timeoutMs: 10_000 },
      { pick: { traceId: 'be0c000000000007d0' }, streamThresholdBytes: 100_000, onProgress: (p) => progress.push(p), createWorker: () => worker },
    );
    expect(outcome.kind).toBe('loaded');
    if (outcome.kind !== 'loaded') return;
    expect(outcome.meta.streamed).toBe(true);
    expect(outcome.meta.bytes).toBe(Buffer.byteLength(jaeger2k));
    // Streamed, and still kept as text for the raw view: it is under the 5 MB document limit.
    expect(outcome.meta.documentText).toBe(jaeger2k);
    const expected = buildTrace(parseTraceText(jaeger2k).spans, 'jaeger-api-v1');
    const [trace] = outcome.traces;
    expect(trace?.spans).toHaveLength(2000);
    expect(trace?.spans).toEqual(expected.spans);
    expect(Array.from(trace!.columns.subtreeEnd)).toEqual(Array.from(expected.columns.subtreeEnd));
    expect(trace?.columns.startUs).toBeInstanceOf(Float64Array);
    expect(trace?.services).toEqual(expected.services);
    // download progress with the Content-Length total, then build and transfer
    const downloads = progress.filter((p) => p.phase === 'downloading');
    expect(downloads.length).toBeGreaterThan(0);
    expect(downloads.every((p) => p.bytesTotal === Buffer.byteLength(jaeger2k))).toBe(true);
    expect(progress.some((p) => p.phase === 'building' && p.spansParsed === 2000)).toBe(true);
    expect(progress.at(-1)).toMatchObject({ phase: 'transferring', spansParsed: 2000 });
    // spans arrive in several messages; the worker is ended afterwards
    expect(worker.messages.filter((m) => m === 'spans').length).toBeGreaterThanOrEqual(1);
    expect(worker.terminated).toBe(true);
  });

  it('sends previews of the spans read so far while a large body streams, before the trace', async () => {
    const previews: TraceLoadPreview[] = [];
    const worker = fakeWorker();
    const outcome = await loadTraceInWorker(
      { kind: 'url', url: `${base}/jaeger`, timeoutMs: 10_000 },
      { pick: { traceId: 'be0c000000000007d0' }, streamThresholdBytes: 100_000, onPreview: (p) => previews.push(p), createWorker: () => worker },
    );
    if (outcome.kind !== 'loaded') throw new Error('expected a trace');
    const [trace] = outcome.traces;
    expect(previews.length).toBeGreaterThanOrEqual(1);
    // The first preview comes after the first parsed batch, well before the end of the body.
    expect(worker.messages.indexOf('preview')).toBeLessThan(worker.messages.indexOf('head'));
    const first = previews[0]!;
    expect(first.spansRead).toBeGreaterThan(0);
    expect(first.spansRead).toBeLessThan(2000);
    expect(first.trace.spans.length).toBe(Math.min(first.spansRead, PREVIEW_ROWS));
    // Real spans of the trace, with their names and times; Jaeger's processes come after the spans,
    // so their services are not known yet and say so.
    const byId = new Map(trace!.spans.map((s) => [s.spanId, s]));
    for (const span of first.trace.spans) {
      const real = byId.get(span.spanId);
      expect(real?.name).toBe(span.name);
      expect(real?.durationUs).toBe(span.durationUs);
      expect(span.serviceName).toBe(PENDING_SERVICE);
      expect(span.warnings.some((w) => /process/i.test(w))).toBe(false);
    }
    expect(first.trace.columns.subtreeEnd.every((end) => end <= first.trace.spans.length)).toBe(true);
    // The finished trace has the services.
    expect(trace!.spans.some((s) => s.serviceName === PENDING_SERVICE)).toBe(false);
  });

  it('sends no empty preview: Jaeger spans without their own trace ID wait for their trace object', async () => {
    // Only the trace object keeps its traceID: no span can be built before it closes, at the end.
    expect(traceIdsSeen).toBeGreaterThan(2000);
    const previews: TraceLoadPreview[] = [];
    const worker = fakeWorker();
    const outcome = await loadTraceInWorker(
      { kind: 'url', url: `${base}/jaeger-trace-level-ids`, timeoutMs: 10_000 },
      { pick: { traceId: 'be0c000000000007d0' }, streamThresholdBytes: 100_000, onPreview: (p) => previews.push(p), createWorker: () => worker },
    );
    if (outcome.kind !== 'loaded') throw new Error('expected a trace');
    // (Once the trace object has closed at the very end, a preview may show every span.)
    expect(previews.every((p) => p.trace.spans.length > 0)).toBe(true);
    expect(outcome.traces[0]?.spans).toHaveLength(2000);
  });

  it('sends no preview unless asked, nor for a body parsed whole', async () => {
    const unasked = fakeWorker();
    await loadTraceInWorker({ kind: 'url', url: `${base}/jaeger`, timeoutMs: 10_000 }, { streamThresholdBytes: 100_000, createWorker: () => unasked });
    expect(unasked.messages).not.toContain('preview');
    const whole = fakeWorker();
    const previews: TraceLoadPreview[] = [];
    await loadTraceInWorker(
      { kind: 'url', url: `${base}/jaeger`, timeoutMs: 10_000 },
      { streamThresholdBytes: 5_000_000, onPreview: (p) => previews.push(p), createWorker: () => whole },
    );
    expect(whole.messages).not.toContain('preview');
    expect(previews).toEqual([]);
  });

  it('parses a small Blob whole and keeps the document; a file gives one trace per trace ID', async () => {
    const twoTraces = JSON.stringify({
      resourceSpans: [
        {
          resource: { attributes: [{ key: 'service.name', value: { stringValue: 'a' } }] },
          scopeSpans: [
            {
              spans: [
                { traceId: '01', spanId: '01', name: 'one', startTimeUnixNano: '1000', endTimeUnixNano: '2000' },
                { traceId: '02', spanId: '02', name: 'two', startTimeUnixNano: '1000', endTimeUnixNano: '3000' },
              ],
            },
          ],
        },
      ],
    });
    const outcome = await loadTraceInWorker(
      { kind: 'blob', blob: new Blob([twoTraces]), fileName: 'two.json' },
      { createWorker: fakeWorker },
    );
    if (outcome.kind !== 'loaded') throw new Error('expected a trace');
    expect(outcome.meta.streamed).toBe(false);
    // The body comes back as text; the document as its envelope (span lists emptied).
    expect(outcome.meta.documentText).toBe(twoTraces);
    expect(outcome.meta.document).toEqual({ resourceSpans: [{ resource: JSON.parse(twoTraces).resourceSpans[0].resource, scopeSpans: [{ spans: [] }] }] });
    expect(outcome.traces.map((t) => [t.traceId, t.spans.length, t.spans[0]?.name])).toEqual([
      ['0000000000000001', 1, 'one'],
      ['0000000000000002', 1, 'two'],
    ]);
  });

  it('streams a large Blob (OTLP) and returns the skeleton as the document', async () => {
    const outcome = await loadTraceInWorker(
      { kind: 'blob', blob: new Blob([otlp2k]) },
      { streamThresholdBytes: 1000, documentLimitBytes: 100_000, createWorker: fakeWorker },
    );
    if (outcome.kind !== 'loaded') throw new Error('expected a trace');
    // Past the document limit, the body's text is not kept.
    expect(outcome.meta.documentText).toBeUndefined();
    expect(outcome.meta.streamed).toBe(true);
    expect(outcome.meta.format).toBe('jaeger-api-v3');
    expect(outcome.traces[0]?.spans).toHaveLength(2000);
    expect(outcome.traces[0]?.services).toHaveLength(12);
    expect(JSON.stringify(outcome.meta.document).length).toBeLessThan(otlp2k.length / 20);
  });

  it('hands a non-2xx answer back with its body', async () => {
    const outcome = await loadTraceInWorker({ kind: 'url', url: `${base}/missing` }, { pick: { traceId: 'ab' }, createWorker: fakeWorker });
    expect(outcome).toEqual({
      kind: 'http',
      answer: { status: 404, statusText: 'Not Found', url: `${base}/missing`, contentType: 'text/plain', text: '404 page not found' },
    });
  });

  it('asks the fallback URL at once when the URL is a missing endpoint, and says so', async () => {
    const pick = { traceId: 'ab' };
    const viaFallback = await loadTraceInWorker({ kind: 'url', url: `${base}/missing`, fallbackUrl: `${base}/jaeger` }, { createWorker: fakeWorker });
    expect(viaFallback.kind === 'loaded' && viaFallback.meta.fromFallback).toBe(true);
    expect(viaFallback.kind === 'loaded' && viaFallback.traces[0]!.spans.length).toBe(2000);
    // An API's own 404 (a JSON error envelope) is its answer: handed back, no fallback.
    const answered = await loadTraceInWorker({ kind: 'url', url: `${base}/not-found-envelope`, fallbackUrl: `${base}/jaeger` }, { pick, createWorker: fakeWorker });
    expect(answered).toMatchObject({ kind: 'http', answer: { status: 404, url: `${base}/not-found-envelope` } });
    expect(answered.kind === 'http' && answered.answer.fromFallback).toBeFalsy();
    // The fallback's own failure is handed back as the fallback's.
    const both = await loadTraceInWorker({ kind: 'url', url: `${base}/missing`, fallbackUrl: `${base}/missing?v1` }, { pick, createWorker: fakeWorker });
    expect(both).toMatchObject({ kind: 'http', answer: { status: 404, url: `${base}/missing?v1`, fromFallback: true } });
    // Without the need, the URL's own body.
    const direct = await loadTraceInWorker({ kind: 'url', url: `${base}/jaeger`, fallbackUrl: `${base}/missing` }, { createWorker: fakeWorker });
    expect(direct.kind === 'loaded' && direct.meta.fromFallback).toBeFalsy();
  });

  it('fails with kind "timeout" when the body stalls past timeoutMs', async () => {
    const error = await loadTraceInWorker({ kind: 'url', url: `${base}/stall`, timeoutMs: 300 }, { pick: { traceId: 'ab' }, createWorker: fakeWorker }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TraceLoadError);
    expect((error as TraceLoadError).kind).toBe('timeout');
  });

  it('fails with kind "network" when nothing listens', async () => {
    const error = await loadTraceInWorker({ kind: 'url', url: 'http://127.0.0.1:9/x' }, { pick: { traceId: 'ab' }, createWorker: fakeWorker }).catch(
      (e: unknown) => e,
    );
    expect((error as TraceLoadError).kind).toBe('network');
  });

  it('reports parse failures with the parser kind and message', async () => {
    const error = await loadTraceInWorker({ kind: 'url', url: `${base}/html` }, { pick: { traceId: 'ab' }, createWorker: fakeWorker }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TraceLoadError);
    expect((error as TraceLoadError).kind).toBe('parse');
    expect((error as TraceLoadError).parseKind).toBe('not-json');
    const empty = await loadTraceInWorker({ kind: 'text', text: '  ', fileName: 'e.json' }, { createWorker: fakeWorker }).catch((e: unknown) => e);
    expect((empty as TraceLoadError).parseKind).toBe('empty');
    expect((empty as Error).message).toBe('"e.json" is empty.');
  });

  it('cancels: the promise rejects with kind "aborted" and the worker is terminated', async () => {
    const worker = fakeWorker();
    const controller = new AbortController();
    const pending = loadTraceInWorker(
      { kind: 'url', url: `${base}/stall`, timeoutMs: 60_000 },
      { pick: { traceId: 'ab' }, signal: controller.signal, createWorker: () => worker },
    );
    setTimeout(() => controller.abort(), 50);
    const error = await pending.catch((e: unknown) => e);
    expect((error as TraceLoadError).kind).toBe('aborted');
    expect(worker.terminated).toBe(true);
    // An already-aborted signal never starts a worker.
    let started = false;
    const early = await loadTraceInWorker({ kind: 'text', text: '{}' }, { signal: controller.signal, createWorker: () => ((started = true), fakeWorker()) }).catch(
      (e: unknown) => e,
    );
    expect((early as TraceLoadError).kind).toBe('aborted');
    expect(started).toBe(false);
  });

  it('keeps every span of pathological traces: 30k spans sharing one ID, and a 20k-span parent cycle', async () => {
    const span = (id: string, parent: string | null, i: number) => ({
      traceID: 'cc',
      spanID: id,
      operationName: `op${i % 7}`,
      references: parent === null ? [] : [{ refType: 'CHILD_OF', traceID: 'cc', spanID: parent }],
      startTime: 1_700_000_000_000_000 + i,
      duration: 10,
      processID: 'p1',
    });
    const sameId = JSON.stringify({ data: [{ traceID: 'cc', spans: Array.from({ length: 30_000 }, (_, i) => span('aa', null, i)), processes: { p1: { serviceName: 's' } } }] });
    const n = 20_000;
    const hex = (i: number) => (i + 1).toString(16).padStart(16, '0');
    const cycle = JSON.stringify({
      data: [{ traceID: 'cc', spans: Array.from({ length: n }, (_, i) => span(hex(i), hex((i + 1) % n), i)), processes: { p1: { serviceName: 's' } } }],
    });
    const a = await loadTraceInWorker({ kind: 'text', text: sameId }, { pick: { traceId: 'cc' }, streamThresholdBytes: 1000, createWorker: fakeWorker });
    if (a.kind !== 'loaded') throw new Error('expected a trace');
    expect(a.meta.streamed).toBe(true);
    expect(a.traces[0]?.spans).toHaveLength(30_000);
    expect(a.traces[0]?.issues.duplicateSpanIds).toEqual([{ spanId: '00000000000000aa', count: 30_000 }]);
    const b = await loadTraceInWorker({ kind: 'text', text: cycle }, { pick: { traceId: 'cc' }, streamThresholdBytes: 1000, createWorker: fakeWorker });
    if (b.kind !== 'loaded') throw new Error('expected a trace');
    const trace = b.traces[0]!;
    expect(trace.spans).toHaveLength(n);
    expect(trace.issues.cycleSpanIndices).toHaveLength(1);
    expect(trace.rootIndices).toHaveLength(1);
    // one chain, 20k deep, rebuilt from the columns without recursion
    expect(trace.depth).toBe(n);
    expect(trace.spans[n - 2]?.childIndices).toEqual([n - 1]);
  });
});

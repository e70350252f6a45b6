import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BackendError } from '../backend';
import { createFileBackend } from './file-backend';
import { FileTraceStore } from './file-trace-store';
import { openTraceFiles, type TextFile } from './open-trace-files';

const fixtures = path.resolve(__dirname, '../../../../shared/fixtures');
const haveFixtures = existsSync(fixtures);
if (!haveFixtures) console.warn(`open-trace-files tests: ${fixtures} is absent; fixture tests are skipped.`);

function fixture(relative: string): TextFile {
  const text = readFileSync(path.join(fixtures, relative), 'utf8');
  return { name: path.basename(relative), text: async () => text };
}

function textFile(name: string, text: string): TextFile {
  return { name, text: async () => text };
}

const LATE_ROOT_TRACE = 'deadbeef0000000012345678cafebabe';
const lateRootParts = ['part1', 'part2', 'part3'].map((p) => `otel-gui/sample-trace-late-root-${p}.json`);

describe.skipIf(!haveFixtures)('openTraceFiles with fixtures', () => {
  it('merges one trace spread over three files (5 + 2 + 2 spans) into one tree with one root', async () => {
    const store = new FileTraceStore();
    const result = await openTraceFiles(lateRootParts.map(fixture), store);
    expect(result.failures).toEqual([]);
    expect(result.traceIds).toEqual([LATE_ROOT_TRACE]);
    const entry = store.get(LATE_ROOT_TRACE);
    expect(entry?.loaded.trace.spans).toHaveLength(9);
    expect(entry?.loaded.trace.issues.orphanSpanIndices).toEqual([]);
    expect(entry?.loaded.trace.rootIndices).toHaveLength(1);
    expect(entry?.sources.map((s) => s.fileName)).toEqual([
      'sample-trace-late-root-part1.json',
      'sample-trace-late-root-part2.json',
      'sample-trace-late-root-part3.json',
    ]);
    expect(Array.isArray(entry?.loaded.raw)).toBe(true);
  });

  it('merges parts opened one at a time, and re-opening a part does not duplicate its spans', async () => {
    const store = new FileTraceStore();
    await openTraceFiles([fixture(lateRootParts[0]!)], store);
    expect(store.get(LATE_ROOT_TRACE)?.loaded.trace.issues.orphanSpanIndices.length).toBeGreaterThan(0);
    await openTraceFiles([fixture(lateRootParts[1]!)], store);
    await openTraceFiles([fixture(lateRootParts[2]!), fixture(lateRootParts[0]!)], store);
    const trace = store.get(LATE_ROOT_TRACE)?.loaded.trace;
    expect(trace?.spans).toHaveLength(9);
    expect(trace?.issues.duplicateSpanIds).toEqual([]);
    expect(trace?.issues.orphanSpanIndices).toEqual([]);
  });

  it('opens several traces of different formats and reports a broken file without stopping', async () => {
    const store = new FileTraceStore();
    const result = await openTraceFiles(
      [fixture('jaeger-ui/testTrace.json'), textFile('notes.txt', 'hello, not a trace'), fixture('zipkin/skew.json')],
      store,
    );
    expect(result.traceIds).toHaveLength(2);
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]?.fileName).toBe('notes.txt');
    expect(result.failures[0]?.message.length).toBeGreaterThan(10);
    expect(store.list()).toHaveLength(2);
    // newest batch first, file order within the batch
    expect(store.list().map((e) => e.traceId)).toEqual(result.traceIds);
  });

  it('quotes the backend error of a Jaeger error envelope with no spans', async () => {
    const store = new FileTraceStore();
    const result = await openTraceFiles(
      [textFile('err.json', JSON.stringify({ data: [], errors: [{ code: 500, msg: 'storage unavailable' }] }))],
      store,
    );
    expect(result.traceIds).toEqual([]);
    expect(result.failures[0]?.message).toContain('storage unavailable');
  });
});

describe('file backend', () => {
  it('serves opened traces by ID and says clearly when one is not open', async () => {
    const store = new FileTraceStore();
    const backend = createFileBackend(store);
    await expect(backend.getTrace('abc')).rejects.toMatchObject({ kind: 'not-found', backendName: 'Opened files' });
    await expect(backend.getTrace('abc')).rejects.toBeInstanceOf(BackendError);
    expect(await backend.getServices()).toEqual([]);
    expect((await backend.getDependencies({ startUs: 0, endUs: 1 })).links).toEqual([]);
  });

  it.skipIf(!haveFixtures)('searches, lists services and derives dependencies from opened traces', async () => {
    const store = new FileTraceStore();
    const backend = createFileBackend(store);
    await openTraceFiles(lateRootParts.map(fixture), store);
    const services = await backend.getServices();
    expect(services.length).toBeGreaterThan(0);
    const first = services[0]!;
    const hits = await backend.searchTraces({ service: first, startUs: 0, endUs: 1, limit: 10 });
    expect(hits.map((h) => h.traceId)).toEqual([LATE_ROOT_TRACE]);
    const none = await backend.searchTraces({ service: 'no-such-service', startUs: 0, endUs: 1, limit: 10 });
    expect(none).toEqual([]);
    const loaded = await backend.getTrace(LATE_ROOT_TRACE.toUpperCase());
    expect(loaded.trace.traceId).toBe(LATE_ROOT_TRACE);
    const graph = await backend.getDependencies({ startUs: 0, endUs: 1 });
    expect(graph.traceCount).toBe(1);
    const crossService = loaded.trace.spans.filter(
      (s) => s.parentIndex >= 0 && loaded.trace.spans[s.parentIndex]?.serviceName !== s.serviceName,
    ).length;
    expect(graph.links.reduce((sum, l) => sum + l.callCount, 0)).toBe(crossService);
  });
});

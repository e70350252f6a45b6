import { describe, expect, it } from 'vitest';
import { isLargeTraceFile, isLoadCancelled, openLargeTraceFile } from './large-file-load';
import { fakeTraceWorker } from './stream/testing/fake-trace-worker';

type BenchBodies = { otlpChunks(n: number): Iterable<string> };
const benchPath = '../../bench/trace-body.mjs';
const bench = (await import(/* @vite-ignore */ benchPath)) as BenchBodies;

const file = (text: string, name = 'trace.json') => Object.assign(new Blob([text]), { name });
const options = { createWorker: fakeTraceWorker };

describe('openLargeTraceFile', () => {
  it('reads a file into traces with notes', async () => {
    const body = [...bench.otlpChunks(1500)].join('');
    const opened = await openLargeTraceFile(file(body), options);
    if ('failure' in opened) throw new Error(opened.failure);
    expect(opened.traces).toHaveLength(1);
    expect(opened.traces[0]?.spans).toHaveLength(1500);
    expect(opened.notes).toEqual([]);
  });

  it('says what is wrong with a file that holds no spans, an error response or broken JSON', async () => {
    expect(await openLargeTraceFile(file('{"data":[],"errors":[{"code":404,"msg":"trace not found"}]}'), options)).toEqual({
      failure: 'The file holds an error response instead of spans: “trace not found (code 404)”.',
    });
    expect(await openLargeTraceFile(file('{"resourceSpans":[]}'), options)).toEqual({ failure: 'The file holds no spans.' });
    const broken = await openLargeTraceFile(file('{"resourceSpans":[{', 'cut.json'), options);
    expect('failure' in broken && broken.failure).toMatch(/^"cut.json" is not valid JSON/);
  });

  it('re-throws a cancel so that the caller stops', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await openLargeTraceFile(file('{}'), { ...options, signal: controller.signal }).catch((e: unknown) => e);
    expect(isLoadCancelled(error)).toBe(true);
  });

  it('treats nothing as large where there is no Worker (tests, old browsers)', () => {
    expect(isLargeTraceFile(Object.assign(new Blob(['x'.repeat(6_000_000)]), { name: 'big.json' }))).toBe(false);
  });
});

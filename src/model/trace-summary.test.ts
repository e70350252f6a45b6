import { describe, expect, it } from 'vitest';
import { summariseTrace, summaryStartUs } from './trace-summary';
import { buildTrace } from './build-trace';
import { rawSpan, TEST_EPOCH_US, traceFromSpecs } from './testing/raw-span';

describe('summariseTrace', () => {
  it('names the trace after its first non-orphan root', () => {
    // lost (orphan, starts first)  [==]
    // root (frontend)                 [==========]
    //   db (postgres, error)             [==]
    const trace = traceFromSpecs([
      { id: 'lost', parent: 'gone', start: 0, duration: 10, service: 'worker', name: 'poll' },
      { id: 'root', start: 20, duration: 100, service: 'frontend', name: 'GET /' },
      { id: 'db', parent: 'root', start: 30, duration: 10, service: 'postgres', name: 'SELECT', error: true },
    ]);
    expect(summariseTrace(trace)).toEqual({
      traceId: 'trace-1',
      rootServiceName: 'frontend',
      rootName: 'GET /',
      startUs: TEST_EPOCH_US,
      durationUs: 120,
      spanCount: 3,
      errorCount: 1,
      orphanCount: 1,
      services: [
        { name: 'worker', spanCount: 1, errorCount: 0 },
        { name: 'frontend', spanCount: 1, errorCount: 0 },
        { name: 'postgres', spanCount: 1, errorCount: 1 },
      ],
    });
  });

  it('falls back to the first orphan when every root is an orphan', () => {
    const trace = traceFromSpecs([
      { id: 'b', parent: 'x', start: 5, duration: 1, name: 'second' },
      { id: 'a', parent: 'y', start: 0, duration: 1, name: 'first' },
    ]);
    const summary = summariseTrace(trace);
    expect(summary.rootName).toBe('first');
    expect(summary.orphanCount).toBe(2);
  });

  it('summarises an empty trace without failing', () => {
    const summary = summariseTrace(buildTrace([], 'otlp-json'));
    expect(summary.rootName).toBe('');
    expect(summary.spanCount).toBe(0);
  });

  it('says the start is unknown when no span has one (its startUs, 0, is not a time in 1970)', () => {
    const trace = buildTrace(
      [rawSpan({ spanId: 'a', startUs: null, durationUs: 10 }), rawSpan({ spanId: 'b', parentSpanId: 'a', startUs: null, durationUs: 5 })],
      'otlp-json',
    );
    const summary = summariseTrace(trace);
    expect(summary.startUnknown).toBe(true);
    expect(summaryStartUs(summary)).toBeNull();
  });

  it('knows the start when one span has it', () => {
    const trace = buildTrace(
      [rawSpan({ spanId: 'a', startUs: TEST_EPOCH_US, durationUs: 10 }), rawSpan({ spanId: 'b', parentSpanId: 'a', startUs: null, durationUs: 5 })],
      'otlp-json',
    );
    const summary = summariseTrace(trace);
    expect(summary).not.toHaveProperty('startUnknown');
    expect(summaryStartUs(summary)).toBe(TEST_EPOCH_US);
  });
});

import { describe, expect, it } from 'vitest';
import { traceFromSpecs } from '../model/testing/raw-span';
import {
  clearTraceLoadPreview,
  getTraceLoadPreview,
  getTraceLoadProgress,
  setTraceLoadPreview,
  setTraceLoadProgress,
  subscribeTraceLoadProgress,
  traceLoadKey,
} from './trace-load-progress';

const trace = traceFromSpecs([{ id: 'a', start: 0, duration: 10 }]);

describe('trace load progress and previews', () => {
  it('keys loads by backend and normalised trace ID, and tells subscribers of every change', () => {
    expect(traceLoadKey('jaeger', '00ABC')).toBe(traceLoadKey('jaeger', 'abc'));
    const key = traceLoadKey('jaeger', 'abc');
    let calls = 0;
    const unsubscribe = subscribeTraceLoadProgress(() => calls++);
    setTraceLoadProgress(key, { phase: 'downloading', bytesLoaded: 1, bytesTotal: 2, spansParsed: 0 });
    setTraceLoadPreview(key, { trace, spansRead: 1 });
    expect(getTraceLoadProgress(key)?.bytesLoaded).toBe(1);
    // The progress ends with the load; the preview stays until the page clears it.
    setTraceLoadProgress(key, null);
    expect(getTraceLoadProgress(key)).toBeUndefined();
    expect(getTraceLoadPreview(key)?.spansRead).toBe(1);
    clearTraceLoadPreview(key);
    expect(getTraceLoadPreview(key)).toBeUndefined();
    expect(calls).toBe(4);
    unsubscribe();
  });

  it('keeps only the newest few previews (loads no page shows leave theirs behind)', () => {
    const keys = Array.from({ length: 6 }, (_, i) => traceLoadKey('b', `${i + 1}`));
    for (const key of keys) setTraceLoadPreview(key, { trace, spansRead: 1 });
    expect(keys.map((key) => getTraceLoadPreview(key) !== undefined)).toEqual([false, false, true, true, true, true]);
    // A newer preview of an old key counts as new.
    setTraceLoadPreview(keys[2]!, { trace, spansRead: 2 });
    setTraceLoadPreview(traceLoadKey('b', '99'), { trace, spansRead: 1 });
    expect(getTraceLoadPreview(keys[2]!)?.spansRead).toBe(2);
    expect(getTraceLoadPreview(keys[3]!)).toBeUndefined();
    for (const key of [...keys, traceLoadKey('b', '99')]) clearTraceLoadPreview(key);
  });
});

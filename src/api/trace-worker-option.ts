// Whether a remote backend loads trace bodies through the trace-load worker. Kept apart from the
// worker client so that a backend can decide this without loading the parsers (first-screen size).
import type { WorkerLike } from './trace-load-client';

export type TraceWorkerOption = { createWorker?: () => WorkerLike } | null;

/**
 * In a browser, trace bodies go through the worker; with a test's injected fetch they do not
 * (the worker could not use it), unless the test also injects a worker.
 */
export function traceWorkerOption(deps: { fetch?: unknown; traceWorker?: () => WorkerLike }): TraceWorkerOption {
  if (deps.traceWorker !== undefined) return { createWorker: deps.traceWorker };
  return deps.fetch === undefined && typeof Worker !== 'undefined' ? {} : null;
}

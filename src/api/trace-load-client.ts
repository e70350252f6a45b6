// Main-thread side of the trace-load worker: start a load, report progress, cancel it, and
// reassemble the Trace from the worker's pieces (columns arrive transferred, spans in batches).
//
//   const outcome = await loadTraceInWorker({ kind: 'url', url, timeoutMs }, { pick: { traceId }, signal, onProgress });
//   if (outcome.kind === 'http') … the server answered with an error status: the adapter decides
//   else outcome.traces[0] is the Trace, outcome.meta the format, warnings and timings.

import type { Span, Trace } from '../model/types';
import type { ParseErrorKind } from './parsers/types';
import { decodeSpanBatch } from './stream/span-transport';
import { previewTrace } from './stream/trace-preview';
import type {
  HttpAnswer,
  LoadMeta,
  TraceLoadFailureKind,
  TraceLoadProgress,
  TraceLoadRequest,
  TraceLoadSource,
  TracePick,
  WorkerMessage,
} from './stream/trace-load-protocol';

export type { HttpAnswer, LoadMeta, TraceLoadProgress, TraceLoadSource, TracePick } from './stream/trace-load-protocol';

/** Bodies above this size (or of unknown size) are worth a worker; below it the callers may stay simple. */
export const WORKER_THRESHOLD_BYTES = 5_000_000;

export type TraceLoadOutcome = { kind: 'loaded'; traces: Trace[]; meta: LoadMeta } | { kind: 'http'; answer: HttpAnswer };

/** Why a load failed: the UI maps `kind` to a message (BackendError-like for HTTP, TraceParseError-like for parsing). */
export class TraceLoadError extends Error {
  readonly kind: TraceLoadFailureKind;
  readonly parseKind?: ParseErrorKind;
  /** For parse failures of small bodies: the body, so that the caller can describe it. */
  readonly bodyText?: string;
  constructor(kind: TraceLoadFailureKind, message: string, parseKind?: ParseErrorKind, bodyText?: string) {
    super(message);
    this.name = 'TraceLoadError';
    this.kind = kind;
    if (parseKind !== undefined) this.parseKind = parseKind;
    if (bodyText !== undefined) this.bodyText = bodyText;
  }
}

/** What the client needs of a Worker (tests pass an in-process fake). */
export interface WorkerLike {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface TraceLoadOptions {
  signal?: AbortSignal;
  onProgress?: (progress: TraceLoadProgress) => void;
  /** One trace of a backend answer, or every trace of a file (default). */
  pick?: TracePick;
  streamThresholdBytes?: number;
  documentLimitBytes?: number;
  /** Asks for previews while a large body streams: the first rows of the spans read so far. */
  onPreview?: (preview: TraceLoadPreview) => void;
  createWorker?: () => WorkerLike;
}

/** A partial trace to show while loading (src/api/stream/trace-preview.ts). */
export interface TraceLoadPreview {
  trace: Trace;
  /** Spans read so far; the preview holds at most the first PREVIEW_ROWS rows of them. */
  spansRead: number;
}

/** Performance marks of a load's steps, for profiling (DevTools' timeline, bench/run.mjs --serve). */
function mark(name: string): void {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(name);
}

export function canLoadInWorker(): boolean {
  return typeof Worker !== 'undefined';
}

function createTraceLoadWorker(): WorkerLike {
  return new Worker(new URL('./trace-load-worker.ts', import.meta.url), { type: 'module', name: 'skein-trace-load' });
}

// One started, idle worker is kept ready: starting a module worker (fetching and compiling the
// parsers) costs tens to hundreds of ms, which would otherwise come before every download.
const idleWorkers: WorkerLike[] = [];

/**
 * Starts idle workers ahead of the first loads (e.g. when a remote backend is created): one, or
 * as many as the page will load at once (a comparison link: two).
 */
export function prewarmTraceWorker(count = 1): void {
  while (idleWorkers.length < count && canLoadInWorker()) idleWorkers.push(createTraceLoadWorker());
}

function takeWorker(): WorkerLike {
  return idleWorkers.shift() ?? createTraceLoadWorker();
}

/**
 * Idle workers kept after loads that only relayed an HTTP answer: two, as a comparison's two
 * loads both move from Jaeger's api_v3 to v1 after a 404, and a third worker would start cold.
 */
const MAX_IDLE_WORKERS = 2;

/**
 * After a load: a worker that only relayed an HTTP answer is kept as an idle one; one that
 * parsed a body is ended (its heap may hold hundreds of MB of garbage) and a fresh one started.
 */
function returnWorker(worker: WorkerLike, heavy: boolean): void {
  if (!heavy && idleWorkers.length < MAX_IDLE_WORKERS) {
    idleWorkers.push(worker);
    return;
  }
  worker.terminate();
  prewarmTraceWorker();
}

export function loadTraceInWorker(source: TraceLoadSource, options: TraceLoadOptions = {}): Promise<TraceLoadOutcome> {
  const { signal, onProgress } = options;
  if (signal?.aborted) return Promise.reject(new TraceLoadError('aborted', 'The load was cancelled.'));
  return new Promise<TraceLoadOutcome>((resolve, reject) => {
    const pooled = options.createWorker === undefined;
    const worker = pooled ? takeWorker() : options.createWorker!();
    let traces: Trace[] = [];
    let spanLists: Span[][] = [];
    let expected: number[] = [];
    let meta: LoadMeta | null = null;
    let settled = false;

    const finish = (reuse: 'idle' | 'fresh' | 'never'): void => {
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      worker.onmessage = null;
      worker.onerror = null;
      if (pooled && reuse !== 'never') returnWorker(worker, reuse === 'fresh');
      else worker.terminate();
    };
    const fail = (error: TraceLoadError): void => {
      if (settled) return;
      // A cancelled or broken worker may still be busy: never reuse it.
      finish(error.kind === 'aborted' || error.kind === 'internal' ? 'never' : 'fresh');
      traces = [];
      spanLists = [];
      reject(error);
    };
    const onAbort = (): void => fail(new TraceLoadError('aborted', 'The load was cancelled.'));
    signal?.addEventListener('abort', onAbort, { once: true });

    worker.onerror = (event) => {
      event.preventDefault?.();
      fail(new TraceLoadError('internal', `The trace loader stopped: ${event.message || 'the worker could not start'}.`));
    };
    worker.onmessage = (event: MessageEvent) => {
      if (settled) return;
      const message = event.data as WorkerMessage;
      switch (message.type) {
        case 'progress':
          onProgress?.(message.progress);
          return;
        case 'http':
          finish('idle');
          resolve({ kind: 'http', answer: message.answer });
          return;
        case 'failure':
          fail(new TraceLoadError(message.failure.kind, message.failure.message, message.failure.parseKind, message.failure.bodyText));
          return;
        case 'head':
          mark('skein:trace-load-head');
          meta = message.meta;
          expected = message.traces.map((t) => t.head.spanCount);
          spanLists = message.traces.map(() => new Array<Span>(0));
          traces = message.traces.map(({ head, columns }, i) => {
            const { spanCount: _spanCount, ...rest } = head;
            return { ...rest, columns, spans: spanLists[i]! };
          });
          return;
        case 'preview': {
          mark('skein:trace-load-preview');
          const spans = new Array<Span>(0);
          decodeSpanBatch(message.batch, message.trace.columns, spans);
          options.onPreview?.({ trace: previewTrace(message.trace.head, message.trace.columns, spans), spansRead: message.spansRead });
          return;
        }
        case 'spans': {
          const list = spanLists[message.traceIndex];
          const trace = traces[message.traceIndex];
          if (list === undefined || trace === undefined) return;
          decodeSpanBatch(message.batch, trace.columns, list);
          onProgress?.({
            phase: 'transferring',
            bytesLoaded: meta?.bytes ?? 0,
            bytesTotal: meta?.bytes ?? null,
            spansParsed: list.length,
          });
          return;
        }
        case 'end': {
          if (meta === null) {
            fail(new TraceLoadError('internal', 'The trace loader finished without a result.'));
            return;
          }
          const short = spanLists.findIndex((list, i) => list.length !== expected[i]);
          if (short >= 0) {
            fail(new TraceLoadError('internal', `The trace loader sent ${spanLists[short]!.length} of ${expected[short]} spans.`));
            return;
          }
          mark('skein:trace-load-end');
          const result = { kind: 'loaded' as const, traces, meta };
          finish('fresh');
          resolve(result);
          return;
        }
      }
    };
    const request: TraceLoadRequest = {
      type: 'load',
      source,
      pick: options.pick ?? 'all',
      ...(options.streamThresholdBytes !== undefined ? { streamThresholdBytes: options.streamThresholdBytes } : {}),
      ...(options.documentLimitBytes !== undefined ? { documentLimitBytes: options.documentLimitBytes } : {}),
      ...(options.onPreview !== undefined ? { preview: true } : {}),
    };
    mark('skein:trace-load-start');
    worker.postMessage(request);
  });
}

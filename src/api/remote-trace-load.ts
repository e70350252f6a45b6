// Trace-by-ID through the trace-load worker, for the remote backends (Jaeger, Tempo): the worker
// fetches, parses (streaming large bodies) and builds; the adapter keeps deciding what HTTP
// statuses mean. Progress goes to trace-load-progress under the backend and trace ID.

import type { Trace } from '../model/types';
import { BackendError, type LoadedTrace } from './backend';
import { isEndpointMissing } from './http/endpoint-probe';
import type { HttpClient, RequestOptions, TextResponse } from './http/http-client';
import {
  loadTraceInWorker,
  TraceLoadError,
  type LoadMeta,
  type TraceLoadOptions,
  type TraceLoadPreview,
} from './trace-load-client';
import { clearTraceLoadPreview, setTraceLoadPreview, setTraceLoadProgress, traceLoadKey } from './trace-load-progress';

export type WorkerTraceAnswer =
  /** A non-2xx status: handle it as the adapter handles any response. */
  | { kind: 'response'; response: TextResponse }
  /** `trace` is null when the body held no spans (for most APIs: not found). */
  | { kind: 'trace'; trace: Trace | null; meta: LoadMeta; rawText: string | undefined; fromFallback: boolean };

export interface WorkerTraceRequest {
  backendId: string;
  traceId: string;
  /** As in HttpClient: "load trace 4bf9…". */
  what: string;
  /** Asked when the path answers as a missing endpoint (e.g. Jaeger's v1 after its api_v3). */
  fallbackPath?: string;
  /** Whether the worker builds previews while a large body streams (default: yes). */
  previews?: boolean;
  signal?: AbortSignal;
  /** For tests: replaces the real Worker. */
  createWorker?: TraceLoadOptions['createWorker'];
}

export type TraceFromWorker = Extract<WorkerTraceAnswer, { kind: 'trace' }>;

/**
 * GETs a trace body: through the worker when `useWorker` (then a 2xx answer comes back parsed and
 * built, and any other status as a TextResponse), else as a TextResponse from the HttpClient.
 */
export async function getTraceResponse(
  client: HttpClient,
  path: string,
  worker: TraceWorkerOption,
  request: WorkerTraceRequest,
): Promise<TextResponse | TraceFromWorker> {
  if (worker === null) {
    const options: RequestOptions = { what: request.what, ...(request.signal ? { signal: request.signal } : {}) };
    const response = await client.getText(path, options);
    if (request.fallbackPath === undefined || !isEndpointMissing(response)) return response;
    return client.getText(request.fallbackPath, options);
  }
  const answer = await getTraceInWorker(client, path, worker.createWorker ? { ...request, createWorker: worker.createWorker } : request);
  return answer.kind === 'response' ? answer.response : answer;
}

export function isTraceFromWorker(value: TextResponse | TraceFromWorker): value is TraceFromWorker {
  return 'kind' in value && value.kind === 'trace';
}

/** Whether getTraceResponse's answer came from the request's fallbackPath. */
export function answeredByFallback(client: HttpClient, value: TextResponse | TraceFromWorker, fallbackPath: string): boolean {
  return isTraceFromWorker(value) ? value.fromFallback : value.url === client.url(fallbackPath);
}

/** The LoadedTrace of a worker answer; `onEmpty` makes the error for a body without spans. */
export function loadedTraceFromWorker(
  answer: TraceFromWorker,
  onEmpty: (backendErrors: string[]) => Error,
  partialMessage?: string,
): LoadedTrace {
  if (answer.trace === null) throw onEmpty(answer.meta.backendErrors);
  const loaded: LoadedTrace = { trace: answer.trace, raw: undefined };
  if (answer.rawText !== undefined) loaded.rawText = answer.rawText;
  if (partialMessage !== undefined) loaded.partialMessage = partialMessage;
  return loaded;
}

/** How an adapter loads trace bodies: null = on the main thread through its HttpClient. */
import type { TraceWorkerOption } from './trace-worker-option';
export { traceWorkerOption, type TraceWorkerOption } from './trace-worker-option';

export async function getTraceInWorker(client: HttpClient, path: string, request: WorkerTraceRequest): Promise<WorkerTraceAnswer> {
  const { what, signal } = request;
  const key = traceLoadKey(request.backendId, request.traceId);
  const url = client.url(path);
  clearTraceLoadPreview(key);
  setTraceLoadProgress(key, { phase: 'connecting', bytesLoaded: 0, bytesTotal: null, spansParsed: 0 });
  try {
    const outcome = await loadTraceInWorker(
      {
        kind: 'url',
        url,
        headers: { Accept: 'application/json' },
        timeoutMs: client.timeoutMs,
        credentials: 'same-origin',
        ...(request.fallbackPath !== undefined ? { fallbackUrl: client.url(request.fallbackPath) } : {}),
      },
      {
        pick: { traceId: request.traceId },
        ...(signal ? { signal } : {}),
        onProgress: (progress) => setTraceLoadProgress(key, progress),
        ...(request.previews !== false ? { onPreview: (preview: TraceLoadPreview) => setTraceLoadPreview(key, preview) } : {}),
        ...(request.createWorker ? { createWorker: request.createWorker } : {}),
      },
    );
    if (outcome.kind === 'http') {
      const { fromFallback: _fromFallback, ...response } = outcome.answer;
      return { kind: 'response', response };
    }
    const trace = outcome.meta.spanCount === 0 ? null : (outcome.traces[0] ?? null);
    return { kind: 'trace', trace, meta: outcome.meta, rawText: outcome.meta.documentText, fromFallback: outcome.meta.fromFallback === true };
  } catch (error) {
    throw toBackendError(client, error, url, what);
  } finally {
    setTraceLoadProgress(key, null);
  }
}

function toBackendError(client: HttpClient, error: unknown, url: string, what: string): unknown {
  if (!(error instanceof TraceLoadError)) return error;
  switch (error.kind) {
    case 'aborted':
      return client.abortedError(what);
    case 'timeout':
      return client.timeoutError(what);
    case 'network':
      return client.networkError(url, what, new Error(error.message));
    case 'parse':
      if (error.bodyText !== undefined && (error.parseKind === 'not-json' || error.parseKind === 'empty')) {
        // A small unreadable body: describe it exactly as the main-thread path does (HTML page, empty, …).
        try {
          client.parseJson({ status: 200, statusText: '', url, contentType: '', text: error.bodyText }, what);
        } catch (described) {
          return described;
        }
      }
      return client.invalidResponse(what, error.message);
    case 'internal':
      return new BackendError(
        'invalid-response',
        client.backendName,
        `The trace from ${client.backendName} could not be loaded when trying to ${what}: ${error.message}`,
      );
  }
}

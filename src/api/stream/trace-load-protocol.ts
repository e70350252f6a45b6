// Messages between the main thread (trace-load-client.ts) and the trace-load worker. Everything
// here is structured-cloneable; typed arrays of the model travel in the transfer list.

import type { Trace, WireFormat } from '../../model/types';
import type { ParseErrorKind } from '../parsers/types';
import type { SpanBatch } from './span-transport';

export type TraceLoadSource =
  | {
      kind: 'url';
      url: string;
      headers?: Record<string, string>;
      /** Covers the whole download, body included. */
      timeoutMs?: number;
      credentials?: RequestCredentials;
      /**
       * Asked at once when `url` answers as a missing endpoint (http/endpoint-probe.ts): Jaeger's
       * v1 trace URL after its api_v3 one, without a round trip through the page.
       */
      fallbackUrl?: string;
    }
  | { kind: 'blob'; blob: Blob; fileName?: string }
  | { kind: 'text'; text: string; fileName?: string };

/** Which spans become traces: those of one trace ID (a backend answer), or one trace per ID (files). */
export type TracePick = { traceId: string } | 'all';

export interface TraceLoadRequest {
  type: 'load';
  source: TraceLoadSource;
  pick: TracePick;
  /** Bodies of at most this many bytes (when the size is known) are parsed as one text. */
  streamThresholdBytes?: number;
  /** The whole body is sent back as text when it is at most this many bytes. */
  documentLimitBytes?: number;
  /** Send `preview` messages (the first rows of the spans read so far) while a large body streams. */
  preview?: boolean;
}

export type TraceLoadPhase = 'connecting' | 'downloading' | 'building' | 'transferring';

export interface TraceLoadProgress {
  phase: TraceLoadPhase;
  bytesLoaded: number;
  /** From Content-Length or the file size; null when unknown (e.g. a compressed response). */
  bytesTotal: number | null;
  spansParsed: number;
}

export type TraceLoadFailureKind = 'timeout' | 'network' | 'aborted' | 'parse' | 'internal';

export interface TraceLoadFailure {
  kind: TraceLoadFailureKind;
  message: string;
  parseKind?: ParseErrorKind;
  /** For parse failures of small bodies (≤ 64 kB): the whole body, so the caller can describe it. */
  bodyText?: string;
}

/** A non-2xx HTTP answer, handed back so that the backend adapter can decide what it means. */
export interface HttpAnswer {
  status: number;
  statusText: string;
  url: string;
  contentType: string;
  /** The body, cut at 1 MB (error bodies are small). */
  text: string;
  /** The answer is the fallback URL's (the source's own URL was a missing endpoint). */
  fromFallback?: boolean;
}

/** Everything of a Trace except the span objects and the typed-array columns. */
export type TraceHead = Omit<Trace, 'spans' | 'columns'> & { spanCount: number };

export interface LoadMeta {
  format: WireFormat;
  warnings: string[];
  backendErrors: string[];
  skippedLines: number;
  /** Spans the body held (before picking one trace). */
  spanCount: number;
  /** True when the body was read in pieces (never as one string). */
  streamed: boolean;
  bytes: number;
  /**
   * The parsed document with every span list emptied (its envelope: status, errors, resources…),
   * whichever way it was read; undefined when it was not one JSON document.
   */
  document: unknown;
  /**
   * The whole body as text when it was read whole and is at most documentLimitBytes (for the raw
   * JSON view, which parses it when opened). Text crosses from the worker as one copy; the parsed
   * document would be cloned object by object on both sides, a long task on the main thread.
   */
  documentText?: string;
  timingsMs: { download: number; parse: number; build: number };
  /** The body is the fallback URL's (the source's own URL was a missing endpoint). */
  fromFallback?: boolean;
}

export type WorkerMessage =
  | { type: 'progress'; progress: TraceLoadProgress }
  | { type: 'http'; answer: HttpAnswer }
  | { type: 'failure'; failure: TraceLoadFailure }
  | { type: 'head'; meta: LoadMeta; traces: { head: TraceHead; columns: Trace['columns'] }[] }
  | { type: 'spans'; traceIndex: number; batch: SpanBatch }
  /** The first rows of a trace built from the spans read so far (src/api/stream/trace-preview.ts). */
  | { type: 'preview'; spansRead: number; trace: { head: TraceHead; columns: Trace['columns'] }; batch: SpanBatch }
  | { type: 'end' };

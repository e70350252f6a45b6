// The work of the trace-load worker, kept free of worker globals so that it runs (and is tested)
// anywhere: read a URL, Blob or text → parse (streaming for large bodies) → build the model →
// post the result in pieces: a head with the typed-array columns (transferred), then the span
// objects in batches, so that no single message takes the main thread long to receive.

import { normaliseTraceIdForLookup } from '../../lib/trace-id';
import { isEndpointMissing } from '../http/endpoint-probe';
import { buildTrace } from '../../model/build-trace';
import type { RawSpan, Trace } from '../../model/types';
import { groupSpansByTrace } from '../parsers/group-spans';
import { TraceParseError } from '../parsers/types';
import { emptySpanLists } from './document-skeleton';
import { RepeatedValueSharer } from './share-repeated-values';
import { encodeSpanBatch } from './span-transport';
import { StreamingTraceParser, type StreamingParseResult } from './streaming-trace-parser';
import { PreviewSchedule, previewMessage } from './trace-preview';
import type {
  HttpAnswer,
  LoadMeta,
  TraceLoadFailure,
  TraceLoadProgress,
  TraceLoadRequest,
  TraceLoadSource,
  TracePick,
  WorkerMessage,
} from './trace-load-protocol';

/**
 * Bodies above this size are read as a stream (rows can be previewed while they arrive): at 1 MB
 * the preview shows a 10k-span OTLP trace ~140 ms sooner than parsing it whole would.
 */
export const DEFAULT_STREAM_THRESHOLD_BYTES = 1_000_000;
export const DEFAULT_DOCUMENT_LIMIT_BYTES = 5_000_000;
/** Spans per message: small enough that receiving one stays far below a 50 ms task. */
export const SPANS_PER_MESSAGE = 4000;
const PROGRESS_INTERVAL_MS = 100;
const HTTP_ERROR_BODY_LIMIT = 1 << 20;
/** Bodies up to this many characters are sent back with a parse failure. */
const FAILED_BODY_LIMIT = 64 * 1024;

export type Post = (message: WorkerMessage, transfer?: Transferable[]) => void;

class LoadFailure extends Error {
  readonly failure: TraceLoadFailure;
  constructor(failure: TraceLoadFailure) {
    super(failure.message);
    this.failure = failure;
  }
}

interface ReadLimits {
  /** Bodies up to this many bytes are parsed as one text, larger ones as a stream. */
  threshold: number;
  /** A streamed body's text is kept (for the raw view) while it is at most this many characters. */
  keepTextChars: number;
}

interface ReadOutcome {
  parsed: StreamingParseResult;
  /** The body is the source's fallback URL's. */
  fromFallback?: boolean;
  /** The whole body, when it was kept (see ReadLimits.keepTextChars). */
  text?: string;
  bytes: number;
  downloadMs: number;
  parseMs: number;
}

/** Runs one load to the end, posting progress and the result; never throws. */
export async function runTraceLoad(request: TraceLoadRequest, post: Post, signal?: AbortSignal): Promise<void> {
  try {
    const read = await readSource(request, post, signal);
    if ('answer' in read) {
      post({ type: 'http', answer: read.answer });
      return;
    }
    postProgress(post, { phase: 'building', bytesLoaded: read.bytes, bytesTotal: read.bytes, spansParsed: read.parsed.spans.length });
    const t0 = now();
    const traces = pickTraces(read.parsed, request.pick);
    const buildMs = now() - t0;
    const documentLimit = request.documentLimitBytes ?? DEFAULT_DOCUMENT_LIMIT_BYTES;
    const { document } = read.parsed;
    const text = read.parsed.text ?? read.text;
    const meta: LoadMeta = {
      format: read.parsed.format,
      warnings: read.parsed.warnings,
      backendErrors: read.parsed.backendErrors,
      skippedLines: read.parsed.skippedLines,
      spanCount: read.parsed.spans.length,
      streamed: read.parsed.mode === 'stream',
      bytes: read.bytes,
      document: read.parsed.mode === 'text' ? emptySpanLists(document) : document,
      ...(text !== undefined && read.bytes <= documentLimit ? { documentText: text } : {}),
      timingsMs: { download: read.downloadMs, parse: read.parseMs, build: buildMs },
      ...(read.fromFallback === true ? { fromFallback: true } : {}),
    };
    postProgress(post, { phase: 'transferring', bytesLoaded: read.bytes, bytesTotal: read.bytes, spansParsed: meta.spanCount });
    postTraces(post, meta, traces);
  } catch (error) {
    post({ type: 'failure', failure: toFailure(error, signal) });
  }
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

let lastProgressAt = 0;
let lastPhase: TraceLoadProgress['phase'] | null = null;
/**
 * Posts progress; with `force` false, at most once per PROGRESS_INTERVAL_MS, except that a new
 * phase is always posted (a body that arrives within one interval of "connecting" still reports
 * its download).
 */
function postProgress(post: Post, progress: TraceLoadProgress, force = true): void {
  const t = now();
  if (!force && progress.phase === lastPhase && t - lastProgressAt < PROGRESS_INTERVAL_MS) return;
  lastProgressAt = t;
  lastPhase = progress.phase;
  post({ type: 'progress', progress });
}

function toFailure(error: unknown, signal: AbortSignal | undefined): TraceLoadFailure {
  if (error instanceof LoadFailure) return error.failure;
  if (signal?.aborted) return { kind: 'aborted', message: 'The load was cancelled.' };
  if (error instanceof TraceParseError) {
    const bodyText = (error as TraceParseError & { bodyText?: string }).bodyText;
    return { kind: 'parse', parseKind: error.kind, message: error.message, ...(bodyText !== undefined ? { bodyText } : {}) };
  }
  if (error instanceof RangeError) {
    // "Invalid string length" / out of memory: the body is past what the engine can hold.
    return { kind: 'parse', parseKind: 'invalid-shape', message: `The data is too large to read (${error.message}).` };
  }
  return { kind: 'internal', message: error instanceof Error ? error.message : String(error) };
}

// ---- reading -------------------------------------------------------------------------------

async function readSource(request: TraceLoadRequest, post: Post, signal?: AbortSignal): Promise<ReadOutcome | { answer: HttpAnswer }> {
  const { source } = request;
  const threshold = request.streamThresholdBytes ?? DEFAULT_STREAM_THRESHOLD_BYTES;
  const limits: ReadLimits = { threshold, keepTextChars: request.documentLimitBytes ?? DEFAULT_DOCUMENT_LIMIT_BYTES };
  if (source.kind === 'text') {
    const t0 = now();
    const small = source.text.length <= threshold;
    const parser = new StreamingTraceParser({ ...fileNameOption(source), wholeText: small });
    // Small texts are parsed whole; large ones in slices, as a stream.
    const slice = small ? source.text.length || 1 : 1 << 20;
    const parsed = withBodyText(source.text.length <= FAILED_BODY_LIMIT ? source.text : undefined, () => {
      for (let i = 0; i < source.text.length; i += slice) parser.push(source.text.slice(i, i + slice));
      return parser.finish();
    });
    return { parsed, bytes: source.text.length, downloadMs: 0, parseMs: now() - t0 };
  }
  const preview = request.preview === true ? new PreviewSchedule() : null;
  if (source.kind === 'blob') {
    return readStream(source.blob.stream(), source.blob.size, limits, source, post, preview);
  }
  return readUrl(source, limits, post, signal, preview);
}

function fileNameOption(source: TraceLoadSource): { fileName?: string } {
  return source.kind !== 'url' && source.fileName ? { fileName: source.fileName } : {};
}

async function readUrl(
  source: Extract<TraceLoadSource, { kind: 'url' }>,
  limits: ReadLimits,
  post: Post,
  signal: AbortSignal | undefined,
  preview: PreviewSchedule | null,
): Promise<ReadOutcome | { answer: HttpAnswer }> {
  const controller = new AbortController();
  let timedOut = false;
  const timer =
    source.timeoutMs !== undefined && source.timeoutMs > 0
      ? setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, source.timeoutMs)
      : undefined;
  const forwardAbort = (): void => controller.abort();
  signal?.addEventListener('abort', forwardAbort, { once: true });
  postProgress(post, { phase: 'connecting', bytesLoaded: 0, bytesTotal: null, spansParsed: 0 });
  try {
    const init: RequestInit = {
      method: 'GET',
      headers: source.headers ?? { Accept: 'application/json' },
      signal: controller.signal,
      credentials: source.credentials ?? 'same-origin',
    };
    let url = source.url;
    let response = await fetch(url, init);
    if (!response.ok && source.fallbackUrl !== undefined) {
      const answer = await httpAnswerOf(response, url);
      if (!isEndpointMissing(answer)) return { answer };
      url = source.fallbackUrl;
      response = await fetch(url, init);
    }
    const fromFallback = url !== source.url;
    if (!response.ok) {
      const answer = await httpAnswerOf(response, url);
      return { answer: fromFallback ? { ...answer, fromFallback } : answer };
    }
    const length = contentLength(response);
    const read =
      response.body === null
        ? await response.text().then((text) => readStream(textStream(text), text.length, limits, source, post, preview))
        : await readStream(response.body, length, limits, source, post, preview);
    return fromFallback ? { ...read, fromFallback } : read;
  } catch (error) {
    if (signal?.aborted) throw new LoadFailure({ kind: 'aborted', message: 'The load was cancelled.' });
    if (timedOut) {
      throw new LoadFailure({ kind: 'timeout', message: `No complete answer within ${Math.round((source.timeoutMs ?? 0) / 100) / 10} s.` });
    }
    if (error instanceof LoadFailure || error instanceof TraceParseError || error instanceof RangeError) throw error;
    throw new LoadFailure({ kind: 'network', message: error instanceof Error ? error.message : String(error) });
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    signal?.removeEventListener('abort', forwardAbort);
  }
}

/** A non-2xx answer, with its body, for the adapter to interpret. */
async function httpAnswerOf(response: Response, url: string): Promise<HttpAnswer> {
  return {
    status: response.status,
    statusText: response.statusText,
    url,
    contentType: response.headers.get('content-type') ?? '',
    text: await readLimitedText(response, HTTP_ERROR_BODY_LIMIT),
  };
}

/** The body size when the server says it and the bytes arrive uncompressed. */
function contentLength(response: Response): number | null {
  const encoding = response.headers.get('content-encoding');
  if (encoding !== null && encoding !== '' && encoding !== 'identity') return null;
  const value = Number(response.headers.get('content-length'));
  return Number.isFinite(value) && value > 0 ? value : null;
}

function textStream(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

async function readLimitedText(response: Response, limit: number): Promise<string> {
  if (response.body === null) return (await response.text()).slice(0, limit);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    if (text.length >= limit) {
      await reader.cancel().catch(() => undefined);
      return text.slice(0, limit);
    }
  }
  return text + decoder.decode();
}

/**
 * Reads bytes, decodes UTF-8 and feeds the parser chunk by chunk. Small bodies are parsed as one
 * text (the plain, fastest path, which also keeps the whole document for the raw view): those
 * known to be small from their size, and those of unknown size that end within the threshold —
 * their text is held back until it passes the threshold, then streamed from there on.
 */
async function readStream(
  stream: ReadableStream<Uint8Array>,
  bytesTotal: number | null,
  limits: ReadLimits,
  source: TraceLoadSource,
  post: Post,
  preview: PreviewSchedule | null = null,
): Promise<ReadOutcome> {
  const { threshold } = limits;
  let small = bytesTotal === null || bytesTotal <= threshold;
  // A streamed body that is not large is also kept as text, for the raw view.
  let kept: string[] | null = [];
  let keptChars = 0;
  let bytes = 0;
  let parseMs = 0;
  // Asked after every converted batch (a network chunk often holds several megabytes of spans).
  const maybePreview = (): void => {
    if (preview === null || !parser.streaming || !preview.take(parser.spanCount, now())) return;
    // Empty when every span so far waits for its trace object's ID (Jaeger spans without their own).
    // (Its time counts as parsing: it runs inside parser.push.)
    const spans = parser.previewSpans();
    if (spans.length > 0) {
      const { message, transfer } = previewMessage(spans, parser.previewFormat, parser.spanCount);
      post(message, transfer);
    }
  };
  const parser: StreamingTraceParser = new StreamingTraceParser({
    ...fileNameOption(source),
    wholeText: bytesTotal !== null && small,
    onSpans: maybePreview,
  });
  const decoder = new TextDecoder();
  const reader = stream.getReader();
  let held: string[] = [];
  const t0 = now();
  const feed = (text: string): void => {
    const p0 = now();
    parser.push(text);
    parseMs += now() - p0;
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      const text = decoder.decode(value, { stream: true });
      if (kept !== null) {
        keptChars += text.length;
        if (keptChars > limits.keepTextChars) kept = null;
        else kept.push(text);
      }
      if (small && bytes > threshold) {
        // Larger than it looked (unknown size): stream from here on, starting with what was held.
        small = false;
        for (const part of held) feed(part);
        held = [];
      }
      if (small) held.push(text);
      else feed(text);
      postProgress(post, { phase: 'downloading', bytesLoaded: bytes, bytesTotal, spansParsed: parser.spanCount }, false);
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    throw error;
  }
  const tail = decoder.decode();
  const downloadMs = now() - t0 - parseMs;
  const p0 = now();
  let parsed: StreamingParseResult;
  if (small) {
    held.push(tail);
    const text = held.join('');
    parsed = withBodyText(text.length <= FAILED_BODY_LIMIT ? text : undefined, () => {
      const whole = new StreamingTraceParser({ ...fileNameOption(source), wholeText: true });
      whole.push(text);
      return whole.finish();
    });
  } else {
    parser.push(tail);
    parsed = parser.finish();
  }
  parseMs += now() - p0;
  if (kept !== null && parsed.mode === 'stream' && keptChars + tail.length <= limits.keepTextChars) {
    kept.push(tail);
    return { parsed, bytes, downloadMs, parseMs, text: kept.join('') };
  }
  return { parsed, bytes, downloadMs, parseMs };
}

/** Runs a parse; a TraceParseError of a small body carries the body along (see TraceLoadFailure). */
function withBodyText(text: string | undefined, parse: () => StreamingParseResult): StreamingParseResult {
  try {
    return parse();
  } catch (error) {
    if (error instanceof TraceParseError && text !== undefined) Object.assign(error, { bodyText: text });
    throw error;
  }
}

// ---- building and posting ---------------------------------------------------------------------

/** The spans of the asked trace when an answer holds several (else the largest group), as load-trace does. */
function spansOfTrace(spans: RawSpan[], traceId: string): RawSpan[] {
  const groups = groupSpansByTrace(spans);
  if (groups.size <= 1) return spans;
  const wanted = normaliseTraceIdForLookup(traceId);
  let largest: RawSpan[] = [];
  for (const [id, group] of groups) {
    if (normaliseTraceIdForLookup(id) === wanted) return group;
    if (group.length > largest.length) largest = group;
  }
  return largest;
}

function pickTraces(parsed: StreamingParseResult, pick: TracePick): Trace[] {
  if (parsed.spans.length === 0) return [];
  if (pick === 'all') return [...groupSpansByTrace(parsed.spans).values()].map((spans) => buildTrace(spans, parsed.format));
  const trace = buildTrace(spansOfTrace(parsed.spans, pick.traceId), parsed.format);
  // Payload-level notes have no span to hang on; show them with the builder's warnings.
  for (const note of [...parsed.warnings, ...parsed.backendErrors]) {
    if (!trace.issues.warnings.includes(note)) trace.issues.warnings.push(note);
  }
  return [trace];
}

function postTraces(post: Post, meta: LoadMeta, traces: Trace[]): void {
  const transfer: Transferable[] = [];
  const heads = traces.map((trace) => {
    const { spans, columns, ...rest } = trace;
    for (const column of Object.values(columns) as ArrayBufferView[]) transfer.push(column.buffer as ArrayBuffer);
    return { head: { ...rest, spanCount: spans.length }, columns };
  });
  post({ type: 'head', meta, traces: heads }, transfer);
  traces.forEach((trace, traceIndex) => {
    for (let i = 0; i < trace.spans.length; i += SPANS_PER_MESSAGE) {
      const to = Math.min(trace.spans.length, i + SPANS_PER_MESSAGE);
      // Object identity survives cloning only within one message: one sharer per message.
      new RepeatedValueSharer().share(trace.spans, i, to);
      const { batch, transfer: buffers } = encodeSpanBatch(trace.spans, i, to);
      post({ type: 'spans', traceIndex, batch }, buffers);
    }
  });
  post({ type: 'end' });
}

// Trace text in chunks → ParseResult, without ever holding the body as one string when it is
// Jaeger JSON or OTLP JSON (the formats that reach hundreds of MB). Spans are converted by the
// normal per-span parser functions as they arrive; what they need from around them (Jaeger
// processes and trace ID, OTLP resource and scope) is patched in when its container closes,
// because producers often write it after the spans (Jaeger writes `processes` last).
// Anything else (Zipkin, JSON Lines, unknown shapes) is gathered as text and given to
// parseTraceText, which works up to the engine's longest string.

import { normaliseId } from '../../lib/trace-id';
import type { RawSpan, WireFormat } from '../../model/types';
import { isObject, type JsonObject } from '../parsers/json-guards';
import { NO_PROCESS_WARNING, parseJaegerSpan, readProcesses, type JaegerProcess } from '../parsers/parse-jaeger';
import { parseOtlpSpan, readResource, readScope, type ResourceContext } from '../parsers/parse-otlp';
import { parseTraceText, parseTraceValueOf } from '../parsers/parse-trace-text';
import { UNKNOWN_SERVICE } from '../parsers/raw-span';
import { TraceParseError, type ParseResult } from '../parsers/types';
import { JsonSpanScanner, SkeletonTooLargeError, type ContextKind, type ScannerSink, type SpanPathFormat } from './json-span-scanner';

/** The longest string V8 can make is 2^29 - 24 characters; stay a little below it. */
export const MAX_TEXT_CHARS = (1 << 29) - 1024;
/** The service name a preview shows for spans whose service has not been read yet. */
export const PENDING_SERVICE = '…';
/** Text read before giving up on finding spans at a known path (then: plain text parsing). */
const UNDECIDED_LIMIT_CHARS = 4 << 20;

export interface StreamingParseResult extends ParseResult {
  /** 'stream' when spans were extracted from the chunks; 'text' when the body was parsed whole. */
  mode: 'stream' | 'text';
  /**
   * The document as JSON: the whole value in 'text' mode (when it was one JSON document), or the
   * skeleton (every span list emptied) in 'stream' mode. Small in both cases only for 'stream'.
   */
  document: unknown;
  /** The whole body in 'text' mode. */
  text?: string;
}

export interface StreamingParserOptions {
  /** Used only in messages. */
  fileName?: string;
  /** Span text per JSON.parse call. */
  batchChars?: number;
  /** For tests: the text limit of the fallback path. */
  maxTextChars?: number;
  /** Parse as one text from the start (small bodies: JSON.parse of the whole is fastest). */
  wholeText?: boolean;
  /**
   * Called after each batch of spans has been converted while streaming (a network chunk of a few
   * MB holds several), so that a caller can show what has arrived without waiting for the rest.
   */
  onSpans?: () => void;
}

const NO_PROCESSES = new Map<string, JaegerProcess>();
const PLACEHOLDER_RESOURCE: ResourceContext = { serviceName: UNKNOWN_SERVICE, resourceAttributes: [] };

interface JaegerTraceContext {
  /** Spans whose processID is resolved when the trace object closes: out index and processID. */
  processIndex: number[];
  processId: string[];
  /** Spans without their own trace ID: parsed when the trace's traceID is known. */
  pending: { index: number; raw: JsonObject }[];
}

function describeSource(fileName: string | undefined): string {
  return fileName ? `"${fileName}"` : 'The input';
}

function processIdOf(raw: JsonObject): string {
  const v = raw.processID;
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
}

/** Whether normaliseId would give the span a trace ID of its own (a cheaper test than normalising). */
function hasOwnTraceId(raw: JsonObject): boolean {
  const v = raw.traceID ?? raw.traceId;
  if (typeof v === 'string') return v.trim() !== '';
  return typeof v === 'number' && Number.isFinite(v);
}

export class StreamingTraceParser {
  private readonly source: string;
  private readonly fileName: string | undefined;
  private readonly maxTextChars: number;
  private readonly scanner: JsonSpanScanner;
  private mode: 'undecided' | 'stream' | 'text' = 'undecided';
  private streamedFormat: SpanPathFormat | null = null;
  private text: string[] = [];
  private textChars = 0;

  private readonly out: RawSpan[] = [];
  private readonly jaegerContexts: JaegerTraceContext[] = [];
  private readonly resourceStarts: number[] = [];
  private readonly scopeStarts: number[] = [];

  constructor(options: StreamingParserOptions = {}) {
    this.fileName = options.fileName;
    this.source = describeSource(options.fileName);
    this.maxTextChars = options.maxTextChars ?? MAX_TEXT_CHARS;
    if (options.wholeText) this.mode = 'text';
    const { onSpans } = options;
    const sink: ScannerSink = {
      contextOpen: (kind) => this.contextOpen(kind),
      spans: (format, body, count) => {
        this.spans(format, body, count);
        onSpans?.();
      },
      contextClose: (kind, json) => this.contextClose(kind, json),
    };
    this.scanner = new JsonSpanScanner(sink, { batchChars: options.batchChars });
  }

  /** Spans converted so far (0 until streaming has begun; text mode counts only at the end). */
  get spanCount(): number {
    return this.out.length;
  }

  get streaming(): boolean {
    return this.mode === 'stream';
  }

  /** The format of the spans streamed so far, as far as the span shape tells (the envelope is read at the end). */
  get previewFormat(): WireFormat {
    return this.streamedFormat === 'otlp' ? 'otlp-json' : 'jaeger-trace';
  }

  /**
   * Copies of the spans converted so far, for a preview while the body streams. Spans whose
   * service is read later (Jaeger `processes` and OTLP resources may follow the spans) get
   * PENDING_SERVICE rather than a service they do not have; Jaeger spans still waiting for their
   * trace object's ID are left out.
   */
  previewSpans(): RawSpan[] {
    const pending = new Set<number>();
    for (const context of this.jaegerContexts) for (const index of context.processIndex) pending.add(index);
    const resourceFrom = this.resourceStarts.length > 0 ? this.resourceStarts[0]! : Infinity;
    const spans: RawSpan[] = [];
    for (let i = 0; i < this.out.length; i++) {
      const span = this.out[i];
      if (span === null || span === undefined) continue;
      if (pending.has(i) || (i >= resourceFrom && span.serviceName === UNKNOWN_SERVICE)) {
        spans.push({ ...span, serviceName: PENDING_SERVICE, warnings: span.warnings.filter((w) => w !== NO_PROCESS_WARNING) });
      } else {
        spans.push(span);
      }
    }
    return spans;
  }

  push(chunk: string): void {
    if (chunk === '') return;
    // The start of the text is kept even once streaming, so that small JSON Lines bodies (several
    // documents) still go to the text parser; past the limit it is dropped.
    if (this.mode !== 'stream') this.keepText(chunk);
    else if (this.text.length > 0) {
      this.textChars += chunk.length;
      if (this.textChars > Math.min(UNDECIDED_LIMIT_CHARS, this.maxTextChars)) this.text = [];
      else this.text.push(chunk);
    }
    if (this.mode === 'text') return;
    try {
      this.scanner.push(chunk);
    } catch (e) {
      if (this.mode !== 'stream') {
        // Not a shape we can stream (or broken JSON): the text parser gives the proper message.
        this.mode = 'text';
        return;
      }
      throw this.asParseError(e);
    }
    if (this.scanner.topLevelValues > 1 && this.text.length > 0) this.mode = 'text';
    if (this.mode === 'undecided' && this.textChars > UNDECIDED_LIMIT_CHARS) this.mode = 'text';
    if (this.mode === 'text') this.releaseStreamState();
  }

  finish(): StreamingParseResult {
    if (this.mode !== 'stream') return this.finishText();
    if (this.scanner.isIncomplete) {
      throw new TraceParseError('not-json', `${this.source} ends before its JSON is complete: the data may be cut off.`);
    }
    const skeleton = this.scanner.skeletonText();
    // The skeleton has every span list emptied: parsing it gives the format, the payload-level
    // warnings and errors, and the skipped-entry counts, exactly as for the whole document.
    if (this.scanner.topLevelValues > 1) {
      // Large JSON Lines: each line's skeleton is one line of the skeleton text.
      const meta = parseTraceText(skeleton, this.fileName);
      return { ...meta, spans: this.out, mode: 'stream', document: undefined };
    }
    let document: unknown;
    try {
      document = JSON.parse(skeleton);
    } catch (e) {
      throw new TraceParseError('not-json', `${this.source} is not valid JSON (${e instanceof Error ? e.message : String(e)}).`);
    }
    const meta = parseTraceValueOf(document, this.fileName);
    return {
      format: meta.format,
      spans: this.out,
      skippedLines: meta.skippedLines,
      warnings: meta.warnings,
      backendErrors: meta.backendErrors,
      mode: 'stream',
      document,
    };
  }

  private keepText(chunk: string): void {
    this.textChars += chunk.length;
    if (this.textChars > this.maxTextChars) {
      throw new TraceParseError(
        'invalid-shape',
        `${this.source} is too large to read as one text (over ${Math.floor(this.maxTextChars / 1e6)} million characters), ` +
          'and only Jaeger JSON and OTLP JSON can be read in pieces. Export the trace in one of those formats.',
      );
    }
    this.text.push(chunk);
  }

  private releaseStreamState(): void {
    this.out.length = 0;
    this.jaegerContexts.length = 0;
  }

  private finishText(): StreamingParseResult {
    const text = this.text.length === 1 ? this.text[0]! : this.text.join('');
    this.text = [];
    const body = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).trim();
    let document: unknown;
    try {
      document = body === '' ? undefined : (JSON.parse(body) as unknown);
    } catch {
      // Not one JSON document: JSON Lines, or broken — parseTraceText tells which.
      return { ...parseTraceText(text, this.fileName), mode: 'text', document: undefined, text };
    }
    if (document === undefined) return { ...parseTraceText(text, this.fileName), mode: 'text', document, text };
    return { ...parseTraceValueOf(document, this.fileName), mode: 'text', document, text };
  }

  private asParseError(e: unknown): TraceParseError {
    if (e instanceof TraceParseError) return e;
    if (e instanceof SkeletonTooLargeError) {
      return new TraceParseError('invalid-shape', `${this.source} cannot be read in pieces: ${e.message}`);
    }
    if (e instanceof SyntaxError) return new TraceParseError('not-json', `${this.source} is not valid JSON (${e.message}).`);
    const err = new TraceParseError('invalid-shape', `${this.source} could not be read: ${e instanceof Error ? e.message : String(e)}`);
    (err as Error & { cause?: unknown }).cause = e;
    return err;
  }

  // ---- scanner events -------------------------------------------------------------------------

  private contextOpen(kind: ContextKind): void {
    if (kind === 'jaeger-trace') this.jaegerContexts.push({ processIndex: [], processId: [], pending: [] });
    else if (kind === 'otlp-resource') this.resourceStarts.push(this.out.length);
    else this.scopeStarts.push(this.out.length);
  }

  private spans(format: SpanPathFormat, body: string, count: number): void {
    this.streamedFormat = format;
    const list = JSON.parse(`[${body}]`) as unknown[];
    if (list.length !== count) throw new Error(`expected ${count} spans in a batch, found ${list.length}`);
    if (this.mode === 'undecided') {
      const first = list[0];
      // Jaeger's UI model has `spanID`; api_v2 protobuf JSON (`spanId`, base64) needs its own parser.
      const streamable = isObject(first) && (format === 'otlp' || first.spanID !== undefined);
      if (!streamable) {
        this.mode = 'text';
        throw new Error('not a streamable span shape');
      }
      this.mode = 'stream';
    }
    if (format === 'otlp') {
      for (const raw of list) this.out.push(parseOtlpSpan(raw as JsonObject, PLACEHOLDER_RESOURCE, null));
      return;
    }
    const context = this.jaegerContexts[this.jaegerContexts.length - 1]!;
    for (const item of list) {
      const raw = item as JsonObject;
      const index = this.out.length;
      if (!hasOwnTraceId(raw)) {
        // Its trace ID falls back to the trace object's, which may come later: parse at the end.
        context.pending.push({ index, raw });
        this.out.push(null as unknown as RawSpan);
        continue;
      }
      const span = parseJaegerSpan(raw, '', NO_PROCESSES);
      if (!isObject(raw.process)) {
        context.processIndex.push(index);
        context.processId.push(processIdOf(raw));
      }
      this.out.push(span);
    }
  }

  private contextClose(kind: ContextKind, json: string): void {
    if (kind === 'jaeger-trace') {
      const context = this.jaegerContexts.pop()!;
      if (context.processIndex.length === 0 && context.pending.length === 0) return;
      const value = JSON.parse(json) as unknown;
      const trace = isObject(value) ? value : {};
      const processes = readProcesses(trace.processes);
      for (let k = 0; k < context.processIndex.length; k++) {
        const process = processes.get(context.processId[k]!);
        if (process === undefined) continue;
        const span = this.out[context.processIndex[k]!]!;
        span.serviceName = process.serviceName;
        span.resourceAttributes = process.tags;
        const w = span.warnings.lastIndexOf(NO_PROCESS_WARNING);
        if (w >= 0) span.warnings.splice(w, 1);
      }
      const traceId = normaliseId(trace.traceID ?? trace.traceId, 'trace');
      for (const { index, raw } of context.pending) this.out[index] = parseJaegerSpan(raw, traceId, processes);
      return;
    }
    const start = (kind === 'otlp-resource' ? this.resourceStarts : this.scopeStarts).pop()!;
    if (start === this.out.length) return;
    const value = JSON.parse(json) as unknown;
    const container = isObject(value) ? value : {};
    if (kind === 'otlp-scope') {
      const scope = readScope(container);
      for (let i = start; i < this.out.length; i++) this.out[i]!.scope = scope;
    } else {
      const resource = readResource(container);
      for (let i = start; i < this.out.length; i++) {
        const span = this.out[i]!;
        span.serviceName = resource.serviceName;
        span.resourceAttributes = resource.resourceAttributes;
      }
    }
  }
}

/** Parses a whole sequence of text chunks (tests, small helpers). */
export function parseTraceChunks(chunks: Iterable<string>, options: StreamingParserOptions = {}): StreamingParseResult {
  const parser = new StreamingTraceParser(options);
  for (const chunk of chunks) parser.push(chunk);
  return parser.finish();
}

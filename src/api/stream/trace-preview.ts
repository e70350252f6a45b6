// Rows before the body has ended: while a large trace streams into the worker, the spans read so
// far are built into a trace now and then, and its first rows are posted as a `preview` message.
// The trace page draws them under the progress bar, so the top of the waterfall shows up long
// before the whole body is read (at 100k spans, after the first megabyte instead of 85).
//
// A preview is honest about being partial: parents that have not arrived yet make extra roots
// (as in any incomplete trace), services read later show as PENDING_SERVICE, and the full trace
// replaces the preview when the load ends. Building costs O(spans read), so previews stop once
// that is no longer small: the first comes when a screenful of spans is parsed (or 100 ms after
// the first span), later ones (every 100 ms) fill it up to PREVIEW_ROWS, then refresh once a second while fewer than
// PREVIEW_MAX_SPANS have been read.

import { buildTrace } from '../../model/build-trace';
import { tracePrefix } from '../../model/trace-prefix';
import type { RawSpan, Trace, WireFormat } from '../../model/types';
import { encodeSpanBatch } from './span-transport';
import type { TraceHead, WorkerMessage } from './trace-load-protocol';

/** Rows in a preview: several screens, and cheap to build, post and draw. */
export const PREVIEW_ROWS = 1000;
/** The first preview comes as soon as this many spans are read: more than a tall screen of rows. */
export const PREVIEW_FIRST_ROWS = 100;
/** A first preview with fewer rows than PREVIEW_FIRST_ROWS waits this long after the first span for more. */
export const PREVIEW_FIRST_WAIT_MS = 100;
/** While a preview has fewer than PREVIEW_ROWS rows, it is refreshed this often. */
export const PREVIEW_FILL_INTERVAL_MS = 100;
/** Once it is full, this often… */
export const PREVIEW_INTERVAL_MS = 1000;
/** …while fewer spans than this have been read (a preview costs a build of all of them). */
export const PREVIEW_MAX_SPANS = 20_000;

/** When to build a preview, asked after every piece of the body with the spans read so far. */
export class PreviewSchedule {
  private lastCount = 0;
  private lastAtMs = -Infinity;
  private firstSpanAtMs: number | null = null;

  /** Whether a preview of `spanCount` spans is worth building now (and, if so, records it). */
  take(spanCount: number, nowMs: number): boolean {
    if (spanCount === 0 || spanCount === this.lastCount) return false;
    this.firstSpanAtMs ??= nowMs;
    let due: boolean;
    if (this.lastCount === 0) {
      // Not a one-row preview when a screenful is about to arrive (the scanner hands over the very first span alone).
      due = spanCount >= PREVIEW_FIRST_ROWS || nowMs - this.firstSpanAtMs >= PREVIEW_FIRST_WAIT_MS;
    } else if (this.lastCount < PREVIEW_ROWS) {
      due = nowMs - this.lastAtMs >= PREVIEW_FILL_INTERVAL_MS;
    } else {
      due = spanCount <= PREVIEW_MAX_SPANS && nowMs - this.lastAtMs >= PREVIEW_INTERVAL_MS;
    }
    if (!due) return false;
    this.lastCount = spanCount;
    this.lastAtMs = nowMs;
    return true;
  }
}

/** Splits a Trace for posting: head (plain data), columns (transferred) and span objects as a batch. */
export function previewMessage(spans: readonly RawSpan[], format: WireFormat, spansRead: number): { message: WorkerMessage; transfer: ArrayBuffer[] } {
  const trace = tracePrefix(buildTrace(spans, format), PREVIEW_ROWS);
  const { spans: rows, columns, ...rest } = trace;
  const head: TraceHead = { ...rest, spanCount: rows.length };
  const { batch, transfer } = encodeSpanBatch(rows, 0, rows.length);
  for (const column of Object.values(columns) as ArrayBufferView[]) transfer.push(column.buffer as ArrayBuffer);
  return { message: { type: 'preview', spansRead, trace: { head, columns }, batch }, transfer };
}

/** The preview's Trace on the receiving side. */
export function previewTrace(head: TraceHead, columns: Trace['columns'], spans: Trace['spans']): Trace {
  const { spanCount: _spanCount, ...rest } = head;
  return { ...rest, columns, spans };
}

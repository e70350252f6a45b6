// Opening a large trace file through the trace-load worker: the file is streamed from disk and
// parsed off the main thread (in pieces when it is Jaeger or OTLP JSON, so even files past the
// longest string an engine can hold open), with progress and cancel.

import type { Trace } from '../model/types';
import { TraceParseError } from './parsers/types';
import { canLoadInWorker, loadTraceInWorker, TraceLoadError, WORKER_THRESHOLD_BYTES, type LoadMeta, type TraceLoadOptions } from './trace-load-client';

export interface LargeFileOptions {
  signal?: AbortSignal;
  onProgress?: TraceLoadOptions['onProgress'];
  createWorker?: TraceLoadOptions['createWorker'];
}

/** Files above ~5 MB go through the worker when one is available. */
export function isLargeTraceFile(file: unknown): file is Blob & { name: string } {
  return (
    canLoadInWorker() &&
    typeof Blob !== 'undefined' &&
    file instanceof Blob &&
    typeof (file as { name?: unknown }).name === 'string' &&
    file.size > WORKER_THRESHOLD_BYTES
  );
}

/**
 * One Trace per trace ID in the file. Parse failures are thrown as TraceParseError (the message
 * names the file); a cancel as a TraceLoadError of kind 'aborted'.
 */
export async function readLargeTraceFile(
  file: Blob & { name: string },
  options: LargeFileOptions = {},
): Promise<{ traces: Trace[]; meta: LoadMeta }> {
  try {
    const outcome = await loadTraceInWorker({ kind: 'blob', blob: file, fileName: file.name }, { ...options, pick: 'all' });
    if (outcome.kind !== 'loaded') throw new TraceParseError('invalid-shape', `"${file.name}" could not be read.`);
    return { traces: outcome.traces, meta: outcome.meta };
  } catch (error) {
    if (error instanceof TraceLoadError && error.kind === 'parse') throw new TraceParseError(error.parseKind ?? 'invalid-shape', error.message);
    throw error;
  }
}

export interface OpenedLargeFile {
  traces: Trace[];
  /** Non-fatal notes for the user, like open-trace-files' notes. */
  notes: string[];
}

/**
 * Reads a large file into traces, or a failure message. A cancel is re-thrown (TraceLoadError
 * 'aborted') so that the caller stops opening the remaining files.
 */
export async function openLargeTraceFile(
  file: Blob & { name: string },
  options: LargeFileOptions = {},
): Promise<OpenedLargeFile | { failure: string }> {
  let read: { traces: Trace[]; meta: LoadMeta };
  try {
    read = await readLargeTraceFile(file, options);
  } catch (error) {
    if (error instanceof TraceLoadError && error.kind === 'aborted') throw error;
    return { failure: error instanceof Error ? error.message : String(error) };
  }
  const { traces, meta } = read;
  if (traces.length === 0) {
    return {
      failure:
        meta.backendErrors.length > 0
          ? `The file holds an error response instead of spans: ${meta.backendErrors.map((e) => `“${e}”`).join('; ')}.`
          : 'The file holds no spans.',
    };
  }
  const notes: string[] = [];
  if (meta.backendErrors.length > 0) notes.push(`${file.name}: the backend also reported errors: ${meta.backendErrors.join('; ')}`);
  if (meta.skippedLines > 0) notes.push(`${file.name}: ${meta.skippedLines} non-span lines were skipped.`);
  for (const warning of meta.warnings) notes.push(`${file.name}: ${warning}`);
  return { traces, notes };
}

/** Whether an error is the cancel of a load (to be reported as such, not as a failure). */
export function isLoadCancelled(error: unknown): boolean {
  return error instanceof TraceLoadError && error.kind === 'aborted';
}

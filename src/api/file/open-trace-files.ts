// Opening trace files: read → detect format and parse → group spans by trace ID → merge with what
// is already open for the same trace → build the model → store in the file backend.
// Loaded on demand (dynamic import) because it pulls in every parser and the model builder.
import { TraceParseError } from '../parsers/types';
import { parseTraceText } from '../parsers/parse-trace-text';
import { groupSpansByTrace } from '../parsers/group-spans';
import { buildTrace } from '../../model/build-trace';
import { summariseTrace } from '../../model/trace-summary';
import type { RawSpan, WireFormat } from '../../model/types';
import type { FileTraceSource, FileTraceStore } from './file-trace-store';
import { isLargeTraceFile, openLargeTraceFile, type LargeFileOptions } from '../large-file-load';
import type { Trace } from '../../model/types';

/** The part of a browser File we use (so tests can pass plain objects). */
export interface TextFile {
  name: string;
  size?: number;
  text(): Promise<string>;
}

export interface FileOpenFailure {
  fileName: string;
  /** For the user: what went wrong and what was expected. */
  message: string;
}

export interface OpenFilesResult {
  /** IDs of the traces that were opened or updated, in the order first seen. */
  traceIds: string[];
  failures: FileOpenFailure[];
  /** Non-fatal notes (skipped NDJSON lines, parser warnings), prefixed with the file name. */
  notes: string[];
}

const SUPPORTED =
  'Skein reads Jaeger JSON (UI download or API response), OTLP JSON or NDJSON (including Tempo responses) and Zipkin v2 JSON.';

/** A JSON document for the raw view; NDJSON and other text stay text. */
function rawDocument(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function describeError(error: unknown): string {
  if (error instanceof TraceParseError) return error.message;
  if (error instanceof Error) return `${error.message}. ${SUPPORTED}`;
  return `${String(error)}. ${SUPPORTED}`;
}

/** The format to build a merged trace with: the one all files share, else the first file's. */
function formatOf(sources: readonly FileTraceSource[]): WireFormat {
  return sources[0]?.format ?? 'otlp-json';
}

/**
 * Opens files into `store`. A broken file is reported in `failures` and does not stop the others.
 * `nowMs` is injectable for tests.
 */
export async function openTraceFiles(
  files: readonly TextFile[],
  store: FileTraceStore,
  nowMs: () => number = () => Date.now(),
  /** Large files are read in a worker, with progress; a cancel rejects (see isLoadCancelled). */
  large: { signal?: AbortSignal; onProgress?: (fileName: string, progress: Parameters<NonNullable<LargeFileOptions['onProgress']>>[0]) => void } = {},
): Promise<OpenFilesResult> {
  const failures: FileOpenFailure[] = [];
  const notes: string[] = [];
  /** Traces of large files, built in the worker; they replace (not merge with) what was open. */
  const largeTraces: { trace: Trace; fileName: string }[] = [];
  /** traceId → sources from this batch, in file order. */
  const incoming = new Map<string, FileTraceSource[]>();

  for (const file of files) {
    if (isLargeTraceFile(file)) {
      const opened = await openLargeTraceFile(file, {
        ...(large.signal ? { signal: large.signal } : {}),
        onProgress: (progress) => large.onProgress?.(file.name, progress),
      });
      if ('failure' in opened) failures.push({ fileName: file.name, message: opened.failure });
      else {
        notes.push(...opened.notes);
        for (const trace of opened.traces) largeTraces.push({ trace, fileName: file.name });
      }
      continue;
    }
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      failures.push({ fileName: file.name, message: `The file could not be read: ${error instanceof Error ? error.message : String(error)}.` });
      continue;
    }
    let result;
    try {
      result = parseTraceText(text, file.name);
    } catch (error) {
      failures.push({ fileName: file.name, message: describeError(error) });
      continue;
    }
    if (result.spans.length === 0) {
      const message =
        result.backendErrors.length > 0
          ? `The file holds an error response instead of spans: ${result.backendErrors.map((e) => `“${e}”`).join('; ')}.`
          : `The file holds no spans. ${SUPPORTED}`;
      failures.push({ fileName: file.name, message });
      continue;
    }
    if (result.backendErrors.length > 0) {
      notes.push(`${file.name}: the backend also reported errors: ${result.backendErrors.join('; ')}`);
    }
    if (result.skippedLines > 0) notes.push(`${file.name}: ${result.skippedLines} non-span lines were skipped.`);
    for (const warning of result.warnings) notes.push(`${file.name}: ${warning}`);

    const raw = rawDocument(text);
    const fileKey = `${file.name}\u0000${text.length}`;
    for (const [traceId, spans] of groupSpansByTrace(result.spans)) {
      const list = incoming.get(traceId) ?? [];
      list.push({ fileKey, fileName: file.name, format: result.format, spans, raw });
      incoming.set(traceId, list);
    }
  }

  const traceIds: string[] = [];
  const openedAtMs = nowMs();
  let order = 0;
  for (const { trace, fileName } of largeTraces) {
    // The spans stay only in the built trace (no RawSpan copy for merging), and no raw document.
    store.put({
      traceId: trace.traceId,
      loaded: { trace, raw: undefined },
      summary: summariseTrace(trace),
      sources: [{ fileKey: `${fileName}\u0000large`, fileName, format: trace.format, spans: [], raw: undefined }],
      openedAtMs: openedAtMs - order++ / 1000,
    });
    traceIds.push(trace.traceId);
  }
  for (const [traceId, newSources] of incoming) {
    const previous = store.get(traceId)?.sources ?? [];
    const newKeys = new Set(newSources.map((s) => s.fileKey));
    // Same file opened again: its new spans replace the old ones rather than duplicating them.
    const sources = [...previous.filter((s) => !newKeys.has(s.fileKey)), ...newSources];
    const spans: RawSpan[] = sources.flatMap((s) => s.spans);
    const trace = buildTrace(spans, formatOf(sources));
    const raw = sources.length === 1 ? sources[0]?.raw : sources.map((s) => ({ file: s.fileName, content: s.raw }));
    store.put({
      traceId,
      loaded: { trace, raw },
      summary: summariseTrace(trace),
      sources,
      // The list shows newest first; within one batch, the earlier trace gets the later stamp so
      // the batch keeps its file order.
      openedAtMs: openedAtMs - order++ / 1000,
    });
    traceIds.push(traceId);
  }
  return { traceIds, failures, notes };
}

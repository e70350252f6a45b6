// The 'file' backend: answers the TraceBackend questions from traces opened from files.
// It is always registered (src/api/backend-registry.ts). It stays light — no parser or model
// builder here — because it is part of the first screen's bundle; opening files is in
// open-trace-files.ts, loaded on demand.
import { BackendError, type DependencyResult, type LoadedTrace, type SearchQuery, type TraceBackend } from '../backend';
import type { Trace, TraceSummary } from '../../model/types';
import { buildServiceGraph } from '../../model/service-graph';
import { normaliseTraceIdForLookup } from '../../lib/trace-id';
import { parseLogfmt } from '../../lib/logfmt';
import { FileTraceStore, type FileTraceEntry } from './file-trace-store';

export const FILE_BACKEND_ID = 'file';
export const FILE_BACKEND_NAME = 'Opened files';

export interface FileBackend extends TraceBackend {
  readonly store: FileTraceStore;
}

function abortIfNeeded(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new BackendError('aborted', FILE_BACKEND_NAME, 'The request was cancelled.');
}

/** Whether any span of the trace has an attribute (span or resource) key=value, as text. */
function traceHasTag(trace: Trace, key: string, value: string): boolean {
  for (const span of trace.spans) {
    for (const list of [span.attributes, span.resourceAttributes]) {
      for (const attribute of list) {
        if (attribute.key === key && String(attribute.value) === value) return true;
      }
    }
    if (key === 'error' && value === 'true' && span.isError) return true;
  }
  return false;
}

function matches(entry: FileTraceEntry, query: SearchQuery): boolean {
  const { trace } = entry.loaded;
  if (query.minDurationUs !== undefined && trace.durationUs < query.minDurationUs) return false;
  if (query.maxDurationUs !== undefined && trace.durationUs > query.maxDurationUs) return false;
  if (query.service || query.operation) {
    const hit = trace.spans.some(
      (span) =>
        (!query.service || span.serviceName === query.service) && (!query.operation || span.name === query.operation),
    );
    if (!hit) return false;
  }
  if (query.tags?.trim()) {
    for (const pair of parseLogfmt(query.tags).pairs) {
      if (!traceHasTag(trace, pair.key, pair.value)) return false;
    }
  }
  // The time window is ignored on purpose: files are opened explicitly, often long after the
  // traces were recorded, and a default "last hour" would hide all of them.
  return true;
}

/** Finds an opened trace by ID as typed (any case, short or padded hex). */
export function findFileTrace(store: FileTraceStore, traceId: string): FileTraceEntry | undefined {
  const direct = store.get(traceId) ?? store.get(traceId.trim().toLowerCase());
  if (direct) return direct;
  const wanted = normaliseTraceIdForLookup(traceId);
  return store.list().find((entry) => normaliseTraceIdForLookup(entry.traceId) === wanted);
}

export function createFileBackend(store = new FileTraceStore()): FileBackend {
  return {
    id: FILE_BACKEND_ID,
    type: 'file',
    name: FILE_BACKEND_NAME,
    store,
    async getServices(signal) {
      abortIfNeeded(signal);
      const names = new Set<string>();
      for (const entry of store.list()) for (const service of entry.loaded.trace.services) names.add(service.name);
      return [...names].sort();
    },
    async getOperations(service, signal) {
      abortIfNeeded(signal);
      const names = new Set<string>();
      for (const entry of store.list()) {
        for (const span of entry.loaded.trace.spans) if (span.serviceName === service) names.add(span.name);
      }
      return [...names].sort();
    },
    async searchTraces(query, signal): Promise<TraceSummary[]> {
      abortIfNeeded(signal);
      return store
        .list()
        .filter((entry) => matches(entry, query))
        .slice(0, query.limit > 0 ? query.limit : undefined)
        .map((entry) => entry.summary);
    },
    async getTrace(traceId, signal): Promise<LoadedTrace> {
      abortIfNeeded(signal);
      const entry = findFileTrace(store, traceId);
      if (!entry) {
        throw new BackendError(
          'not-found',
          FILE_BACKEND_NAME,
          `Trace ${traceId} is not among the opened files. Traces opened from files are kept only until the page is reloaded: open the file again.`,
        );
      }
      return entry.loaded;
    },
    async getDependencies(_window, signal): Promise<DependencyResult> {
      abortIfNeeded(signal);
      const entries = store.list();
      return {
        links: buildServiceGraph(entries.map((entry) => entry.loaded.trace)),
        source: `derived from ${entries.length} opened ${entries.length === 1 ? 'trace' : 'traces'}`,
        traceCount: entries.length,
      };
    },
  };
}

// Progress of trace loads in flight, keyed by backend and trace ID, so that a route can show a
// progress bar for the load its query started (react-query's queryFn has no progress channel).
// Plain subscribe/get functions, shaped for React's useSyncExternalStore.

import { normaliseTraceIdForLookup } from '../lib/trace-id';
import type { Trace } from '../model/types';
import type { TraceLoadProgress } from './stream/trace-load-protocol';

export type { TraceLoadProgress } from './stream/trace-load-protocol';

/** What each phase of a load is called on screen. */
export const TRACE_LOAD_STEP_LABELS: Record<TraceLoadProgress['phase'], string> = {
  connecting: 'Connecting',
  downloading: 'Downloading and reading',
  building: 'Building the trace',
  transferring: 'Preparing the view',
};

/** The first rows of a trace still loading, built from the spans read so far. */
export interface TraceLoadPreviewState {
  trace: Trace;
  spansRead: number;
}

const current = new Map<string, TraceLoadProgress>();
const previews = new Map<string, TraceLoadPreviewState>();
const MAX_KEPT_PREVIEWS = 4;
const listeners = new Set<() => void>();

export function traceLoadKey(backendId: string, traceId: string): string {
  return `${backendId}\u0000${normaliseTraceIdForLookup(traceId)}`;
}

/** Records (or, with null, clears) the progress of the load under `key`. */
export function setTraceLoadProgress(key: string, progress: TraceLoadProgress | null): void {
  if (progress === null) {
    if (!current.delete(key)) return;
  } else {
    current.set(key, progress);
  }
  for (const listener of listeners) listener();
}

export function getTraceLoadProgress(key: string): TraceLoadProgress | undefined {
  return current.get(key);
}

/**
 * Records the latest preview of the load under `key`. It outlives the load's progress on purpose:
 * the page shows it until the finished trace is on screen, then clears it (as does a new load).
 */
export function setTraceLoadPreview(key: string, preview: TraceLoadPreviewState): void {
  previews.delete(key);
  previews.set(key, preview);
  // Loads that no trace page shows (e.g. a trace page left while loading) leave their last
  // preview behind: keep only the newest few.
  for (const oldest of previews.keys()) {
    if (previews.size <= MAX_KEPT_PREVIEWS) break;
    previews.delete(oldest);
  }
  for (const listener of listeners) listener();
}

export function clearTraceLoadPreview(key: string): void {
  if (!previews.delete(key)) return;
  for (const listener of listeners) listener();
}

export function getTraceLoadPreview(key: string): TraceLoadPreviewState | undefined {
  return previews.get(key);
}

export function subscribeTraceLoadProgress(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

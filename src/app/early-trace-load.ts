// A page opened on /trace/:id (a shared link, the usual way into a trace) starts loading the trace
// as soon as config.json has named the backends, instead of after the router has fetched the
// trace page's code and rendered it: the download then runs while that code arrives. It goes
// through the same react-query entry the page uses, so the page adopts the load in flight.

import type { QueryClient } from '@tanstack/react-query';
import type { LoadedTrace } from '../api/backend';
import { backendIdFromParam, getBackend } from '../api/backend-registry';
import { shouldRetry, traceQuery } from '../api/queries';
import { prewarmTraceWorker } from '../api/trace-load-client';
import { traceLoadKey } from '../api/trace-load-progress';

export interface TraceLink {
  traceId: string;
  /** The raw `backend=` parameter (null when absent). */
  backendParam: string | null;
  /** The link opens the waterfall (no `view=`, or `view=timeline`), not another view of the trace. */
  timeline: boolean;
}

const pathInApp = (pathname: string, basename: string): string =>
  basename !== '' && pathname.startsWith(basename) ? pathname.slice(basename.length) : pathname;

/** A trace ID from the path, or null for a broken escape (the page itself explains the link). */
function decodedId(segment: string): string | null {
  try {
    const id = decodeURIComponent(segment);
    return id === '' ? null : id;
  } catch {
    return null;
  }
}

/** The trace a location opens, if it is a single-trace page (`/trace/A...B` is a comparison). */
export function traceLinkOf(pathname: string, search: string, basename: string): TraceLink | null {
  const match = /^\/trace\/([^/]+)\/?$/.exec(pathInApp(pathname, basename));
  const traceId = match === null ? null : decodedId(match[1]!);
  if (traceId === null || traceId.includes('...')) return null;
  const params = new URLSearchParams(search);
  const view = params.get('view');
  return { traceId, backendParam: params.get('backend'), timeline: view === null || view === 'timeline' };
}

/**
 * The two traces a comparison link opens (`/compare/A/B`), each with its backend parameter as
 * the comparison page reads it (`backendA` / `backendB`, else `backend`).
 */
export function compareLinkOf(pathname: string, search: string, basename: string): [TraceLink, TraceLink] | null {
  const match = /^\/compare\/([^/]+)\/([^/]+)\/?$/.exec(pathInApp(pathname, basename));
  if (match === null) return null;
  const a = decodedId(match[1]!);
  const b = decodedId(match[2]!);
  if (a === null || b === null) return null;
  const params = new URLSearchParams(search);
  const shared = params.get('backend');
  return [
    { traceId: a, backendParam: params.get('backendA') ?? shared, timeline: false },
    { traceId: b, backendParam: params.get('backendB') ?? shared, timeline: false },
  ];
}

/**
 * Called as soon as the page knows it opens a trace, before config.json is read: starts what
 * every remote trace load needs. Remote bodies are read by the trace-load worker, so it is
 * started now (fetching and compiling its parsers takes tens of milliseconds), as is the
 * main-thread half of trace loading, which the backend's code would ask for only once it has
 * arrived itself.
 */
export function prepareTraceLoading(traceCount = 1): void {
  // The worker's client is part of the entry (4 KB), so the worker's script is asked for now,
  // not one round of chunk requests later. (One worker per trace: a comparison loads two at once.)
  prewarmTraceWorker(traceCount);
  void import('../api/http/trace-decoding').catch(() => undefined);
  // The remote adapters are small: fetch both rather than wait for config.json to name one.
  void import('../api/jaeger/jaeger-backend').catch(() => undefined);
  void import('../api/tempo/tempo-backend').catch(() => undefined);
}

/** The traces loaded early whose page has not gone yet (a comparison has two). */
const earlyKeys = new Set<string>();

/** A trace load started before the app: where its progress and previews are stored. */
export interface EarlyTraceLoad {
  backendId: string;
  traceId: string;
  /** Its key in trace-load-progress. */
  loadKey: string;
  /** The loaded trace when the load has ended (undefined when it failed). */
  settled: Promise<LoadedTrace | undefined>;
}

/**
 * Starts the trace's query now (call after the backends are registered). `previews: false` for
 * a page that draws none (a comparison): the load then asks the worker for none.
 */
export function startEarlyTraceLoad(queryClient: QueryClient, link: TraceLink, options: { previews?: boolean } = {}): EarlyTraceLoad | null {
  const backendId = backendIdFromParam(link.backendParam);
  const backend = getBackend(backendId);
  if (backend === undefined) return null; // the page shows "unknown backend"
  earlyKeys.add(traceLoadKey(backendId, link.traceId));
  // prefetchQuery does not retry by default; the page's query does, so this one does too.
  const query = traceQuery(backendId, link.traceId, options);
  const settled = queryClient
    .prefetchQuery({ ...query, retry: shouldRetry })
    .then(() => queryClient.getQueryData(query.queryKey));
  return { backendId, traceId: link.traceId, loadKey: traceLoadKey(backendId, link.traceId), settled };
}

/**
 * Whether this trace was loaded early. Its page must not refetch on mount when that early load
 * already failed (react-query's retryOnMount), or a missing trace would be asked for twice.
 */
export function wasLoadedEarly(backendId: string, traceId: string): boolean {
  return earlyKeys.has(traceLoadKey(backendId, traceId));
}

/** Called when that page goes away: coming back later refetches a failed trace as usual. */
export function forgetEarlyLoad(backendId: string, traceId: string): void {
  earlyKeys.delete(traceLoadKey(backendId, traceId));
}

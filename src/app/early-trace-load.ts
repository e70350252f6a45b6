// A page opened on /trace/:id (a shared link, the usual way into a trace) starts loading the trace
// as soon as config.json has named the backends, instead of after the router has fetched the
// trace page's code and rendered it: the download then runs while that code arrives. It goes
// through the same react-query entry the page uses, so the page adopts the load in flight.

import type { QueryClient } from '@tanstack/react-query';
import { backendIdFromParam, getBackend } from '../api/backend-registry';
import { shouldRetry, traceQuery } from '../api/queries';

export interface TraceLink {
  traceId: string;
  /** The raw `backend=` parameter (null when absent). */
  backendParam: string | null;
}

/** The trace a location opens, if it is a single-trace page (`/trace/A...B` is a comparison). */
export function traceLinkOf(pathname: string, search: string, basename: string): TraceLink | null {
  const path = basename !== '' && pathname.startsWith(basename) ? pathname.slice(basename.length) : pathname;
  const match = /^\/trace\/([^/]+)\/?$/.exec(path);
  if (match === null) return null;
  let traceId: string;
  try {
    traceId = decodeURIComponent(match[1]!);
  } catch {
    return null; // a broken escape: the page itself explains the link
  }
  if (traceId === '' || traceId.includes('...')) return null;
  return { traceId, backendParam: new URLSearchParams(search).get('backend') };
}

let earlyKey: string | null = null;
const keyOf = (backendId: string, traceId: string): string => `${backendId}\u0000${traceId}`;

/** Starts the trace's query now (call after the backends are registered). */
export function startEarlyTraceLoad(queryClient: QueryClient, link: TraceLink): void {
  const backendId = backendIdFromParam(link.backendParam);
  const backend = getBackend(backendId);
  if (backend === undefined) return; // the page shows "unknown backend"
  earlyKey = keyOf(backendId, link.traceId);
  if (backend.type === 'jaeger' || backend.type === 'tempo') {
    // Remote bodies are read by the trace-load worker: start it (fetch and compile its ~100 KB of
    // parsers) while the backend's own code loads, rather than after.
    void import('../api/trace-load-client').then((client) => client.prewarmTraceWorker()).catch(() => undefined);
    // …and the main-thread half of trace loading, which the backend's code would ask for only
    // once it has arrived itself.
    void import('../api/http/trace-decoding').catch(() => undefined);
  }
  // prefetchQuery does not retry by default; the page's query does, so this one does too.
  void queryClient.prefetchQuery({ ...traceQuery(backendId, link.traceId), retry: shouldRetry });
}

/**
 * Whether this trace was loaded early. Its page must not refetch on mount when that early load
 * already failed (react-query's retryOnMount), or a missing trace would be asked for twice.
 */
export function wasLoadedEarly(backendId: string, traceId: string): boolean {
  return earlyKey === keyOf(backendId, traceId);
}

/** Called when that page goes away: coming back later refetches a failed trace as usual. */
export function forgetEarlyLoad(backendId: string, traceId: string): void {
  if (earlyKey === keyOf(backendId, traceId)) earlyKey = null;
}

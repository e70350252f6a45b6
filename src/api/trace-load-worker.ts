// The trace-load Web Worker: fetch or read, parse (streaming for large bodies) and build the
// model off the main thread. One worker per load; cancelling terminates it (fetch included).

import { runTraceLoad, type Post } from './stream/trace-load-job';
import type { TraceLoadRequest } from './stream/trace-load-protocol';

/** The part of DedicatedWorkerGlobalScope used here (the DOM lib types `self` as a Window). */
interface WorkerScope {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<TraceLoadRequest>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const post: Post = (message, transfer = []) => scope.postMessage(message, transfer);

scope.onmessage = (event) => {
  if (event.data?.type === 'load') void runTraceLoad(event.data, post);
};

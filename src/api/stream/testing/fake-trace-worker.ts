// An in-process stand-in for the trace-load worker (tests run where there is no Worker): it runs
// the worker's job and delivers every message cloned with its transfer list, as postMessage does.
import type { WorkerLike } from '../../trace-load-client';
import { runTraceLoad } from '../trace-load-job';
import type { TraceLoadRequest } from '../trace-load-protocol';

export interface FakeTraceWorker extends WorkerLike {
  terminated: boolean;
  /** Types of the messages posted so far. */
  messages: string[];
}

export function fakeTraceWorker(): FakeTraceWorker {
  const controller = new AbortController();
  const worker: FakeTraceWorker = {
    onmessage: null,
    onerror: null,
    terminated: false,
    messages: [],
    postMessage(request: unknown) {
      void runTraceLoad(
        request as TraceLoadRequest,
        (message, transfer = []) => {
          if (worker.terminated) return;
          worker.messages.push(message.type);
          const data = structuredClone(message, { transfer });
          setTimeout(() => worker.onmessage?.({ data } as MessageEvent), 0);
        },
        controller.signal,
      );
    },
    terminate() {
      worker.terminated = true;
      controller.abort();
    },
  };
  return worker;
}

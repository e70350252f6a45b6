// Lays a graph out in a Web Worker, so 1,200 services and 4,000 edges never block the page.
// A newer request cancels an older one by terminating its worker (a layout cannot be interrupted
// from outside otherwise). Without Worker support, or if the worker fails to start, the layout
// runs on the main thread instead: slower for huge graphs, but the page still works.
import { useEffect, useRef, useState } from 'react';
import { computeLayout } from './compute-layout';
import type { LayoutRequest, LayoutResponse } from './layout-messages';
import type { GraphLayout, LayoutInput, LayoutKind } from './layout-types';

interface LayoutState {
  input: LayoutInput | null;
  kind: LayoutKind;
  layout: GraphLayout | null;
  error: string | null;
}

export interface GraphLayoutResult {
  /** The layout of exactly this input and kind, or null while it is being computed. */
  layout: GraphLayout | null;
  computing: boolean;
  error: string | null;
}

function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}

export function useGraphLayout(input: LayoutInput | null, kind: LayoutKind): GraphLayoutResult {
  const [state, setState] = useState<LayoutState>({ input: null, kind, layout: null, error: null });
  const workerRef = useRef<{ worker: Worker; busy: boolean } | null>(null);
  const requestId = useRef(0);

  useEffect(() => {
    if (!input) return;
    const id = ++requestId.current;
    const finish = (layout: GraphLayout | null, error: string | null) => {
      if (id === requestId.current) setState({ input, kind, layout, error });
    };
    const runHere = () => {
      try {
        finish(computeLayout(kind, input), null);
      } catch (error) {
        finish(null, error instanceof Error ? error.message : String(error));
      }
    };

    // A busy worker is still computing an older request: drop it rather than wait for it.
    if (workerRef.current?.busy) {
      workerRef.current.worker.terminate();
      workerRef.current = null;
    }
    if (!workerRef.current) {
      const worker = startWorker();
      if (worker) workerRef.current = { worker, busy: false };
    }
    const slot = workerRef.current;
    if (!slot) {
      runHere();
      return;
    }
    slot.busy = true;
    slot.worker.onmessage = (event: MessageEvent<LayoutResponse>) => {
      if (event.data.id !== id) return;
      slot.busy = false;
      if ('layout' in event.data) finish(event.data.layout, null);
      else finish(null, event.data.error);
    };
    slot.worker.onerror = (event) => {
      // The worker script itself failed (e.g. blocked by a content security policy): fall back.
      event.preventDefault();
      slot.worker.terminate();
      if (workerRef.current === slot) workerRef.current = null;
      runHere();
    };
    const request: LayoutRequest = { id, kind, input };
    slot.worker.postMessage(request);
  }, [input, kind]);

  useEffect(
    () => () => {
      workerRef.current?.worker.terminate();
      workerRef.current = null;
    },
    [],
  );

  const current = state.input === input && state.kind === kind;
  return {
    layout: current ? state.layout : null,
    computing: input !== null && !current,
    error: current ? state.error : null,
  };
}

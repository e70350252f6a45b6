// Lays a graph out in a Web Worker, so 1,200 services and 4,000 edges never block the page.
// A newer request cancels an older one (see LatestRequestWorker). Without Worker support, or if
// the worker fails to start, the layout runs on the main thread instead: slower for huge graphs,
// but the page still works.
import { useEffect, useRef, useState } from 'react';
import { LatestRequestWorker } from '../lib/latest-request-worker';
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
  return typeof Worker === 'undefined' ? null : new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module' });
}

export function useGraphLayout(input: LayoutInput | null, kind: LayoutKind): GraphLayoutResult {
  const [state, setState] = useState<LayoutState>({ input: null, kind, layout: null, error: null });
  const workerRef = useRef<LatestRequestWorker<LayoutResponse> | null>(null);
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
    workerRef.current ??= new LatestRequestWorker<LayoutResponse>(startWorker);
    const request: LayoutRequest = { id, kind, input };
    const posted = workerRef.current.post(
      request,
      (response) => ('layout' in response ? finish(response.layout, null) : finish(null, response.error)),
      runHere,
    );
    if (!posted) runHere();
  }, [input, kind]);

  useEffect(
    () => () => {
      workerRef.current?.dispose();
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

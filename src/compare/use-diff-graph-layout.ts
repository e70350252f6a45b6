// The diff graph's layout for the current folding. Small trees are laid out at once on the main
// thread (a few milliseconds); large ones (two 10k-span traces make up to ~20k nodes, where
// d3's tidy tree takes 50–150 ms) in a Web Worker, so the page never freezes. While a new layout
// is computed the previous one stays on screen. Without Worker support, or if the worker fails
// to start, the layout runs on the main thread: slower for huge trees, but the graph still works.
import { useEffect, useMemo, useRef, useState } from 'react';
import { LatestRequestWorker } from '../lib/latest-request-worker';
import type { TraceDiff } from '../model/trace-diff';
import { diffTreeShape, layoutTreeShape, type DiffGraphLayout, type DiffTreeShape } from './diff-graph-layout';

export interface DiffGraphLayoutRequest {
  id: number;
  shape: DiffTreeShape;
  collapsed: Uint8Array;
}

export type DiffGraphLayoutResponse = { id: number; layout: DiffGraphLayout } | { id: number; error: string };

/** Up to this many union-tree nodes the layout runs synchronously. */
export const SYNC_LAYOUT_MAX_NODES = 3000;

export interface DiffGraphLayoutState {
  /** The newest finished layout (maybe of an older folding), null before the first one. */
  layout: DiffGraphLayout | null;
  /** The folding `layout` belongs to. */
  collapsed: Uint8Array | null;
  computing: boolean;
  error: string | null;
}

function startWorker(): Worker | null {
  return typeof Worker === 'undefined' ? null : new Worker(new URL('./diff-graph-layout-worker.ts', import.meta.url), { type: 'module' });
}

export function useDiffGraphLayout(diff: TraceDiff, collapsed: Uint8Array): DiffGraphLayoutState {
  const shape = useMemo(() => diffTreeShape(diff), [diff]);
  const sync = shape.nodeCount <= SYNC_LAYOUT_MAX_NODES;
  const syncLayout = useMemo(() => (sync ? layoutTreeShape(shape, collapsed) : null), [sync, shape, collapsed]);
  const [async, setAsync] = useState<{ layout: DiffGraphLayout | null; collapsed: Uint8Array | null; error: string | null }>({
    layout: null,
    collapsed: null,
    error: null,
  });
  const workerRef = useRef<LatestRequestWorker<DiffGraphLayoutResponse> | null>(null);
  const requestId = useRef(0);

  useEffect(() => {
    if (sync) return;
    const id = ++requestId.current;
    const finish = (layout: DiffGraphLayout | null, error: string | null) => {
      if (id !== requestId.current) return;
      setAsync((previous) => (layout ? { layout, collapsed, error: null } : { ...previous, error }));
    };
    const runHere = () => {
      try {
        finish(layoutTreeShape(shape, collapsed), null);
      } catch (error) {
        finish(null, error instanceof Error ? error.message : String(error));
      }
    };
    workerRef.current ??= new LatestRequestWorker<DiffGraphLayoutResponse>(startWorker);
    const request: DiffGraphLayoutRequest = { id, shape, collapsed };
    const posted = workerRef.current.post(
      request,
      (response) => ('layout' in response ? finish(response.layout, null) : finish(null, response.error)),
      runHere,
    );
    if (posted) return undefined;
    // Still in its own task, after the click that asked for it has been painted.
    const timer = setTimeout(runHere, 0);
    return () => clearTimeout(timer);
  }, [sync, shape, collapsed]);

  useEffect(
    () => () => {
      workerRef.current?.dispose();
      workerRef.current = null;
    },
    [],
  );

  if (sync) return { layout: syncLayout, collapsed, computing: false, error: null };
  return { layout: async.layout, collapsed: async.collapsed, computing: async.collapsed !== collapsed, error: async.error };
}

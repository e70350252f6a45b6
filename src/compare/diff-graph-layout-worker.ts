// Lays the diff graph out off the main thread: one message in (the tree's shape and the folded
// nodes), one message out (the layout, its typed arrays transferred back without copying).
import { layoutBuffers, layoutTreeShape } from './diff-graph-layout';
import type { DiffGraphLayoutRequest, DiffGraphLayoutResponse } from './use-diff-graph-layout';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<DiffGraphLayoutRequest>) => void) | null;
  postMessage: (message: DiffGraphLayoutResponse, transfer: Transferable[]) => void;
};

scope.onmessage = (event) => {
  const { id, shape, collapsed } = event.data;
  try {
    const layout = layoutTreeShape(shape, collapsed);
    scope.postMessage({ id, layout }, layoutBuffers(layout));
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) }, []);
  }
};

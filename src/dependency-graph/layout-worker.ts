// Runs a graph layout off the main thread. One message in (the layout input and which layout),
// one message out (the coordinates, typed arrays transferred back without copying).
import { computeLayout } from './compute-layout';
import type { LayoutRequest, LayoutResponse } from './layout-messages';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null;
  postMessage: (message: LayoutResponse, transfer: Transferable[]) => void;
};

scope.onmessage = (event) => {
  const { id, kind, input } = event.data;
  try {
    const layout = computeLayout(kind, input);
    scope.postMessage({ id, layout }, [layout.xPx.buffer, layout.yPx.buffer, layout.edgeRole.buffer, layout.layer.buffer]);
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) }, []);
  }
};

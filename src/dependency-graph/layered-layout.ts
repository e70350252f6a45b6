// A left-to-right layered (Sugiyama-style) layout in plain TypeScript, so the worker and the tests
// run the same code. Steps, each exported for testing:
//   1. breakCycles: edges pointing backwards in a greedy low-feedback node order are reversed
//      (a DAG results); a DFS over that DAG gives the initial order within layers.
//   2. assignLayers: longest path from the sources; sources are then pulled right, next to their
//      nearest callee, so a lone batch job does not drag a long edge across the page.
//   3. orderLayers: a few barycentre sweeps (down, up), keeping the order with the fewest crossings.
//   4. coordinates: layers are columns; a very tall layer is staggered over several sub-columns
//      so 1,000 services do not make a page-high stripe.
// No dummy nodes: long edges are drawn as curves, and the barycentre of a node looks at all its
// neighbours on the swept side, whatever their layer. That keeps 4,000 edges fast.
import { greedyOrder } from './greedy-order';
import { EdgeRole, type GraphLayout, type LayoutInput } from './layout-types';

export interface LayeredOptions {
  /** Horizontal distance between layer columns, px. */
  layerGapPx: number;
  /** Vertical distance between neighbouring nodes in a column, px. */
  rowGapPx: number;
  /** Extra horizontal offset of each further sub-column of a staggered layer, px. */
  subColumnGapPx: number;
  /** Rows a layer may use before it is staggered. */
  maxRowsPerLayer: number;
  /** Empty border around the drawing, px. */
  marginPx: number;
  /** Barycentre passes (one pass = a downward and an upward sweep). */
  sweeps: number;
}

export const DEFAULT_LAYERED_OPTIONS: LayeredOptions = {
  layerGapPx: 220,
  rowGapPx: 44,
  subColumnGapPx: 110,
  maxRowsPerLayer: 48,
  marginPx: 40,
  sweeps: 4,
};

export interface CycleBreak {
  /** EdgeRole per edge: Forward, Back (reversed for layering) or SelfLoop. */
  edgeRole: Uint8Array;
  /** Node indices in DFS preorder over the acyclic graph (the initial order within layers). */
  preorder: Int32Array;
}

/**
 * Chooses the edges to reverse so the graph becomes acyclic. A plain DFS back-edge rule depends on
 * where the search happens to start: on a 1,200-service graph with a few calls back up the tiers
 * it zig-zags through them and reverses ordinary downward calls, giving 191 layers. So the nodes
 * are first put in a greedy order with few backward edges (Eades–Lin–Smyth); the back edges are
 * the edges that point backwards in that order (52 layers, a third of the reversals on the same
 * graph). A depth-first search over the remaining acyclic graph, sources first and following that
 * order, gives the preorder that seeds the layer ordering. Iterative, so a 5,000-deep chain cannot
 * overflow the call stack.
 */
export function breakCycles(input: LayoutInput): CycleBreak {
  const n = input.nodeCount;
  const edgeCount = input.edgeSource.length;
  const edgeRole = new Uint8Array(edgeCount);
  const order = greedyOrder(n, input.edgeSource, input.edgeTarget);
  const position = new Int32Array(n);
  order.forEach((v, i) => (position[v] = i));
  const out: number[][] = Array.from({ length: n }, () => []);
  for (let e = 0; e < edgeCount; e++) {
    const s = input.edgeSource[e] ?? 0;
    const t = input.edgeTarget[e] ?? 0;
    if (s === t) {
      edgeRole[e] = EdgeRole.SelfLoop;
      continue;
    }
    const back = (position[t] ?? 0) < (position[s] ?? 0);
    if (back) edgeRole[e] = EdgeRole.Back;
    out[back ? t : s]?.push(back ? s : t);
  }
  for (const list of out) list.sort((a, b) => (position[a] ?? 0) - (position[b] ?? 0));

  const visited = new Uint8Array(n);
  const preorder = new Int32Array(n);
  let count = 0;
  const stackNode: number[] = [];
  const stackNext: number[] = [];
  for (const root of order) {
    if (visited[root]) continue;
    visited[root] = 1;
    preorder[count++] = root;
    stackNode.push(root);
    stackNext.push(0);
    while (stackNode.length > 0) {
      const top = stackNode.length - 1;
      const next = out[stackNode[top] ?? 0] ?? [];
      const i = stackNext[top] ?? 0;
      if (i >= next.length) {
        stackNode.pop();
        stackNext.pop();
        continue;
      }
      stackNext[top] = i + 1;
      const w = next[i] ?? 0;
      if (!visited[w]) {
        visited[w] = 1;
        preorder[count++] = w;
        stackNode.push(w);
        stackNext.push(0);
      }
    }
  }
  return { edgeRole, preorder };
}

/** The acyclic edge list: back edges reversed, self loops left out. */
function dagEdges(input: LayoutInput, edgeRole: Uint8Array): { from: Int32Array; to: Int32Array } {
  let count = 0;
  for (let e = 0; e < edgeRole.length; e++) if (edgeRole[e] !== EdgeRole.SelfLoop) count++;
  const from = new Int32Array(count);
  const to = new Int32Array(count);
  let k = 0;
  for (let e = 0; e < edgeRole.length; e++) {
    const role = edgeRole[e];
    if (role === EdgeRole.SelfLoop) continue;
    const s = input.edgeSource[e] ?? 0;
    const t = input.edgeTarget[e] ?? 0;
    from[k] = role === EdgeRole.Back ? t : s;
    to[k] = role === EdgeRole.Back ? s : t;
    k++;
  }
  return { from, to };
}

/**
 * Longest-path layering of a DAG (Kahn's topological order): every edge goes from a lower to a
 * strictly higher layer. Then each source with callees moves right to one layer before its
 * nearest callee. Throws if the edges contain a cycle (breakCycles prevents that).
 */
export function assignLayers(nodeCount: number, from: Int32Array, to: Int32Array): Int32Array {
  const layer = new Int32Array(nodeCount);
  const inDegree = new Int32Array(nodeCount);
  const succ: number[][] = Array.from({ length: nodeCount }, () => []);
  for (let k = 0; k < from.length; k++) {
    const f = from[k] ?? 0;
    const t = to[k] ?? 0;
    succ[f]?.push(t);
    inDegree[t] = (inDegree[t] ?? 0) + 1;
  }
  const isSource = new Uint8Array(nodeCount);
  const queue: number[] = [];
  for (let v = 0; v < nodeCount; v++) {
    if (inDegree[v] === 0) {
      queue.push(v);
      isSource[v] = 1;
    }
  }
  const remaining = inDegree.slice();
  let head = 0;
  while (head < queue.length) {
    const v = queue[head++] ?? 0;
    const next = (layer[v] ?? 0) + 1;
    for (const w of succ[v] ?? []) {
      if ((layer[w] ?? 0) < next) layer[w] = next;
      remaining[w] = (remaining[w] ?? 0) - 1;
      if (remaining[w] === 0) queue.push(w);
    }
  }
  if (queue.length !== nodeCount) throw new Error('assignLayers: the edges contain a cycle');
  for (let v = 0; v < nodeCount; v++) {
    const callees = succ[v] ?? [];
    if (!isSource[v] || callees.length === 0) continue;
    let nearest = Infinity;
    for (const w of callees) nearest = Math.min(nearest, layer[w] ?? 0);
    layer[v] = nearest - 1;
  }
  return layer;
}

/** Nodes of each layer in order. */
export type LayerOrder = number[][];

/**
 * Crossings of the drawing, counted gap by gap between neighbouring layers. An edge that spans
 * several layers is taken as a straight line through each gap (there are no dummy nodes), so long
 * edges count too; per gap the crossings are the inversions of the edges' right-hand heights
 * after sorting by their left-hand heights.
 */
export function countCrossings(
  layers: LayerOrder,
  from: Int32Array,
  to: Int32Array,
  layer: Int32Array,
  maxRowsPerLayer = Infinity,
): number {
  const key = new Float64Array(layer.length);
  for (const nodes of layers) {
    const columns = columnsFor(nodes.length, maxRowsPerLayer);
    nodes.forEach((v, i) => (key[v] = rowKey(i, nodes.length, columns)));
  }
  // Flat typed arrays, gap by gap: this runs once per sweep on tens of thousands of segments.
  const gapCount = Math.max(0, layers.length - 1);
  const gapStart = new Int32Array(gapCount + 1);
  for (let k = 0; k < from.length; k++) {
    const la = layer[from[k] ?? 0] ?? 0;
    const lb = layer[to[k] ?? 0] ?? 0;
    for (let gap = la; gap < lb; gap++) gapStart[gap + 1] = (gapStart[gap + 1] ?? 0) + 1;
  }
  for (let gap = 0; gap < gapCount; gap++) gapStart[gap + 1] = (gapStart[gap + 1] ?? 0) + (gapStart[gap] ?? 0);
  const total = gapStart[gapCount] ?? 0;
  const left = new Float64Array(total);
  const right = new Float64Array(total);
  const fill = gapStart.slice(0, gapCount);
  for (let k = 0; k < from.length; k++) {
    const a = from[k] ?? 0;
    const b = to[k] ?? 0;
    const la = layer[a] ?? 0;
    const lb = layer[b] ?? 0;
    if (lb <= la) continue;
    const ya = key[a] ?? 0;
    const slope = ((key[b] ?? 0) - ya) / (lb - la);
    for (let gap = la; gap < lb; gap++) {
      const slot = fill[gap] ?? 0;
      fill[gap] = slot + 1;
      left[slot] = ya + slope * (gap - la);
      right[slot] = ya + slope * (gap + 1 - la);
    }
  }
  let crossings = 0;
  for (let gap = 0; gap < gapCount; gap++) {
    const lo = gapStart[gap] ?? 0;
    const hi = gapStart[gap + 1] ?? 0;
    if (hi - lo < 2) continue;
    const order = Array.from({ length: hi - lo }, (_, i) => lo + i);
    order.sort((p, q) => (left[p] ?? 0) - (left[q] ?? 0) || (right[p] ?? 0) - (right[q] ?? 0));
    crossings += countInversions(order.map((i) => right[i] ?? 0));
  }
  return crossings;
}

/** Pairs i < j with values[i] > values[j], by merge sort: O(n log n). */
function countInversions(values: number[]): number {
  let inversions = 0;
  let current = values.slice();
  let buffer = new Array<number>(values.length);
  for (let width = 1; width < current.length; width *= 2) {
    for (let lo = 0; lo < current.length; lo += 2 * width) {
      const mid = Math.min(lo + width, current.length);
      const hi = Math.min(lo + 2 * width, current.length);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        const left = current[i] ?? 0;
        const right = current[j] ?? 0;
        if (left <= right) {
          buffer[k++] = left;
          i++;
        } else {
          buffer[k++] = right;
          j++;
          inversions += mid - i;
        }
      }
      while (i < mid) buffer[k++] = current[i++] ?? 0;
      while (j < hi) buffer[k++] = current[j++] ?? 0;
    }
    [current, buffer] = [buffer, current];
  }
  return inversions;
}

/** Vertical centre of position `index` in a layer of `count` nodes staggered over `columns`, in row units. */
function rowKey(index: number, count: number, columns: number): number {
  return (index - (count - 1) / 2) / columns;
}

function columnsFor(count: number, maxRows: number): number {
  return Math.max(1, Math.ceil(count / Math.max(1, maxRows)));
}

/**
 * Orders the nodes within each layer to reduce crossings: start from DFS preorder (which keeps
 * subtrees together), then sweep down (sort each layer by the mean position of its callers) and up
 * (by the mean position of its callees). Nodes with no neighbour on the swept side keep their
 * place. Returns the best order seen.
 */
export function orderLayers(
  layer: Int32Array,
  preorder: Int32Array,
  from: Int32Array,
  to: Int32Array,
  sweeps: number,
  maxRowsPerLayer = Infinity,
): LayerOrder {
  const n = layer.length;
  let layerCount = 0;
  for (let v = 0; v < n; v++) layerCount = Math.max(layerCount, (layer[v] ?? 0) + 1);
  const layers: LayerOrder = Array.from({ length: layerCount }, () => []);
  for (const v of preorder) layers[layer[v] ?? 0]?.push(v);

  const preds: number[][] = Array.from({ length: n }, () => []);
  const succs: number[][] = Array.from({ length: n }, () => []);
  for (let k = 0; k < from.length; k++) {
    const a = from[k] ?? 0;
    const b = to[k] ?? 0;
    succs[a]?.push(b);
    preds[b]?.push(a);
  }

  const key = new Float64Array(n);
  const setKeys = (nodes: number[]) => {
    const columns = columnsFor(nodes.length, maxRowsPerLayer);
    nodes.forEach((v, i) => (key[v] = rowKey(i, nodes.length, columns)));
  };
  layers.forEach(setKeys);

  const sortLayer = (nodes: number[], neighbours: number[][]) => {
    const bary = new Map<number, number>();
    for (const v of nodes) {
      const list = neighbours[v] ?? [];
      if (list.length === 0) {
        bary.set(v, key[v] ?? 0);
        continue;
      }
      let sum = 0;
      for (const w of list) sum += key[w] ?? 0;
      bary.set(v, sum / list.length);
    }
    const current = new Map(nodes.map((v, i) => [v, i]));
    nodes.sort((a, b) => (bary.get(a) ?? 0) - (bary.get(b) ?? 0) || (current.get(a) ?? 0) - (current.get(b) ?? 0));
    setKeys(nodes);
  };

  let best = layers.map((nodes) => nodes.slice());
  let bestCrossings = countCrossings(best, from, to, layer, maxRowsPerLayer);
  for (let pass = 0; pass < sweeps && bestCrossings > 0; pass++) {
    for (let l = 1; l < layers.length; l++) sortLayer(layers[l] ?? [], preds);
    for (let l = layers.length - 2; l >= 0; l--) sortLayer(layers[l] ?? [], succs);
    const crossings = countCrossings(layers, from, to, layer, maxRowsPerLayer);
    if (crossings < bestCrossings) {
      bestCrossings = crossings;
      best = layers.map((nodes) => nodes.slice());
    }
  }
  return best;
}

/** The full layered layout: cycle breaking, layering, ordering and coordinates. */
export function layeredLayout(input: LayoutInput, overrides: Partial<LayeredOptions> = {}): GraphLayout {
  const started = performance.now();
  const options = { ...DEFAULT_LAYERED_OPTIONS, ...overrides };
  const n = input.nodeCount;
  const { edgeRole, preorder } = breakCycles(input);
  const { from, to } = dagEdges(input, edgeRole);
  const layer = assignLayers(n, from, to);
  const layers = orderLayers(layer, preorder, from, to, options.sweeps, options.maxRowsPerLayer);

  // Column x per layer: staggered layers are wider by their extra sub-columns.
  let maxRows = 1;
  const layerX: number[] = [];
  let x = options.marginPx;
  for (const nodes of layers) {
    const columns = columnsFor(nodes.length, options.maxRowsPerLayer);
    maxRows = Math.max(maxRows, Math.ceil(nodes.length / columns));
    layerX.push(x);
    x += options.layerGapPx + (columns - 1) * options.subColumnGapPx;
  }
  const widthPx = Math.max(x - options.layerGapPx, options.marginPx) + options.marginPx;
  const heightPx = (maxRows - 1) * options.rowGapPx + 2 * options.marginPx;
  const centreY = heightPx / 2;

  const xPx = new Float64Array(n);
  const yPx = new Float64Array(n);
  layers.forEach((nodes, l) => {
    const columns = columnsFor(nodes.length, options.maxRowsPerLayer);
    const rows = Math.ceil(nodes.length / columns);
    nodes.forEach((v, i) => {
      const row = Math.floor(i / columns);
      const column = i % columns;
      xPx[v] = (layerX[l] ?? 0) + column * options.subColumnGapPx;
      yPx[v] = centreY + (row - (rows - 1) / 2) * options.rowGapPx;
    });
  });
  return {
    kind: 'layered',
    xPx,
    yPx,
    widthPx,
    heightPx,
    edgeRole,
    layer,
    elapsedMs: performance.now() - started,
  };
}

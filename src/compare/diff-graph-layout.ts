// Geometry of the diff graph: the union tree drawn left to right (d3-hierarchy's tidy tree), one
// node per union-tree node that is not folded away. Pure: no DOM, so it is unit-tested and could
// move to a worker. Positions are world pixels (before zoom): x grows with depth, y across
// siblings. Arrays are indexed by layout index (pre-order of the shown nodes, like the diff).

import { hierarchy, tree, type HierarchyPointNode } from 'd3';
import { isNodeChanged, type DiffNode, type TraceDiff } from '../model/trace-diff';

/** Distance between neighbouring nodes across the tree. */
export const ROW_PX = 22;
/** Distance between a node and its children (room for a label). */
export const COLUMN_PX = 200;
export const MIN_RADIUS_PX = 3;
export const MAX_RADIUS_PX = 9;

export interface DiffGraphLayout {
  /** Number of shown nodes. */
  count: number;
  /** Layout index → diff node id. */
  nodeIds: Int32Array;
  /** Diff node id → layout index; -1 when the node is folded away. */
  indexOfNode: Int32Array;
  xPx: Float64Array;
  yPx: Float64Array;
  radiusPx: Float64Array;
  /** Layout index of the parent; -1 for a root. */
  parentIndex: Int32Array;
  /** Descendants folded under this node (0 when it is open or a leaf). */
  hiddenCount: Int32Array;
  /** Bounding box of the node centres, world px. */
  minXPx: number;
  maxXPx: number;
  minYPx: number;
  maxYPx: number;
}

/** The node's size measure: the larger of its total times in A and B. */
export function nodeSizeUs(node: DiffNode): number {
  return Math.max(node.a.totalUs, node.b.totalUs);
}

/** Area grows with the time, so radius with its square root; tiny and zero times still show. */
export function nodeRadiusPx(sizeUs: number, maxSizeUs: number): number {
  if (!(maxSizeUs > 0) || !(sizeUs > 0)) return MIN_RADIUS_PX;
  const fraction = Math.min(1, sizeUs / maxSizeUs);
  return MIN_RADIUS_PX + (MAX_RADIUS_PX - MIN_RADIUS_PX) * Math.sqrt(fraction);
}

/**
 * The default folding: every node whose descendants are all unchanged (see isNodeChanged) is
 * folded, so the graph opens on the branches that differ. One backward sweep (children follow
 * their parent in DFS order): O(n).
 */
export function foldUnchangedSubtrees(diff: TraceDiff): Uint8Array {
  const { nodes } = diff;
  const { thresholdUs } = diff.summary;
  /** 1 when the node or something below it changed. */
  const changedWithin = new Uint8Array(nodes.length);
  /** 1 when something strictly below the node changed. */
  const changedBelow = new Uint8Array(nodes.length);
  for (let id = nodes.length - 1; id >= 0; id--) {
    const node = nodes[id]!;
    if (changedBelow[id] === 1 || isNodeChanged(node, thresholdUs)) changedWithin[id] = 1;
    if (node.parent >= 0 && changedWithin[id] === 1) changedBelow[node.parent] = 1;
  }
  const collapsed = new Uint8Array(nodes.length);
  for (let id = 0; id < nodes.length; id++) {
    if (nodes[id]!.childIds.length > 0 && changedBelow[id] === 0) collapsed[id] = 1;
  }
  return collapsed;
}

/**
 * The union tree as flat typed arrays: what the layout needs, small enough to post to a worker
 * (structured clone of a few arrays instead of ~20k node objects). Built once per diff.
 */
export interface DiffTreeShape {
  nodeCount: number;
  parent: Int32Array;
  /** Children of node `id` are `children[childStart[id] .. childStart[id + 1])`, in display order. */
  childStart: Int32Array;
  children: Int32Array;
  rootIds: Int32Array;
  subtreeEnd: Int32Array;
  /** nodeSizeUs per node. */
  sizeUs: Float64Array;
}

export function diffTreeShape(diff: TraceDiff): DiffTreeShape {
  const { nodes } = diff;
  const n = nodes.length;
  const parent = new Int32Array(n);
  const childStart = new Int32Array(n + 1);
  const subtreeEnd = new Int32Array(n);
  const sizeUs = new Float64Array(n);
  let childCount = 0;
  for (let id = 0; id < n; id++) childCount += nodes[id]!.childIds.length;
  const children = new Int32Array(childCount);
  let at = 0;
  for (let id = 0; id < n; id++) {
    const node = nodes[id]!;
    parent[id] = node.parent;
    subtreeEnd[id] = node.subtreeEnd;
    sizeUs[id] = nodeSizeUs(node);
    childStart[id] = at;
    for (const child of node.childIds) children[at++] = child;
  }
  childStart[n] = at;
  return { nodeCount: n, parent, childStart, children, rootIds: Int32Array.from(diff.rootIds), subtreeEnd, sizeUs };
}

/** Lays out the nodes not folded away by `collapsed` (1 = the node's children are hidden). */
export function layoutDiffGraph(diff: TraceDiff, collapsed: Uint8Array): DiffGraphLayout {
  return layoutTreeShape(diffTreeShape(diff), collapsed);
}

/** The layout itself; pure and DOM-free, so it also runs in the layout worker. */
export function layoutTreeShape(shape: DiffTreeShape, collapsed: Uint8Array): DiffGraphLayout {
  const { nodeCount, parent, childStart, children, subtreeEnd, sizeUs } = shape;
  // A virtual root (-1) holds the real roots, so traces with several roots make one tree.
  const root = hierarchy<number>(-1, (id) => {
    if (id < 0) return shape.rootIds;
    const from = childStart[id]!;
    const to = childStart[id + 1]!;
    return collapsed[id] === 1 || from === to ? null : children.subarray(from, to);
  });
  const laidOut = tree<number>()
    .nodeSize([ROW_PX, COLUMN_PX])
    // Cousins a little further apart than siblings, so branches read as groups.
    .separation((a, b) => (a.parent === b.parent ? 1 : 1.25))(root);

  const count = laidOut.descendants().length - 1;
  const nodeIds = new Int32Array(count);
  const indexOfNode = new Int32Array(nodeCount).fill(-1);
  const xPx = new Float64Array(count);
  const yPx = new Float64Array(count);
  const radiusPx = new Float64Array(count);
  const parentIndex = new Int32Array(count);
  const hiddenCount = new Int32Array(count);
  let maxSizeUs = 0;
  for (let id = 0; id < nodeCount; id++) if (sizeUs[id]! > maxSizeUs) maxSizeUs = sizeUs[id]!;

  let minXPx = Infinity;
  let maxXPx = -Infinity;
  let minYPx = Infinity;
  let maxYPx = -Infinity;
  let index = 0;
  // eachBefore is pre-order, so parents get their index before their children.
  laidOut.eachBefore((p: HierarchyPointNode<number>) => {
    const id = p.data;
    if (id < 0) return;
    nodeIds[index] = id;
    indexOfNode[id] = index;
    // d3's x runs across siblings and y along depth; the graph grows to the right.
    const x = p.y - COLUMN_PX;
    const y = p.x;
    xPx[index] = x;
    yPx[index] = y;
    radiusPx[index] = nodeRadiusPx(sizeUs[id]!, maxSizeUs);
    const p0 = parent[id]!;
    parentIndex[index] = p0 >= 0 ? indexOfNode[p0]! : -1;
    hiddenCount[index] = collapsed[id] === 1 ? subtreeEnd[id]! - id - 1 : 0;
    if (x < minXPx) minXPx = x;
    if (x > maxXPx) maxXPx = x;
    if (y < minYPx) minYPx = y;
    if (y > maxYPx) maxYPx = y;
    index++;
  });
  if (count === 0) minXPx = maxXPx = minYPx = maxYPx = 0;
  return { count, nodeIds, indexOfNode, xPx, yPx, radiusPx, parentIndex, hiddenCount, minXPx, maxXPx, minYPx, maxYPx };
}

/** A tree too deep to fit at FIT_MIN_K starts this close, when its height allows (labels readable). */
export const START_MIN_K = 0.8;
/**
 * The first view fits the whole tree when that zoom is at least this: labels are shorter but
 * legible, and nothing is cut off at the right (starting at START_MIN_K instead clipped the last
 * columns of ordinary trees, e.g. two demo checkouts, until Fit was pressed).
 */
export const FIT_MIN_K = 0.5;

/**
 * The first view: the whole tree when it fits at a legible zoom (FIT_MIN_K). A tree too deep for
 * the width even then (long call chains) but short enough for the height starts at a readable zoom
 * instead, its roots at the left edge and centred vertically, to be panned to the right. A tree too
 * tall (thousands of siblings) starts as a fitted overview: the colours show where the changes are.
 */
export function initialGraphTransform(layout: DiffGraphLayout, widthPx: number, heightPx: number): { k: number; x: number; y: number } {
  const fit = fitGraphTransform(layout, widthPx, heightPx);
  if (fit.k >= FIT_MIN_K) return fit;
  const heightAtStartPx = (layout.maxYPx - layout.minYPx + 2 * ROW_PX) * START_MIN_K;
  if (heightAtStartPx > heightPx) return fit;
  const k = START_MIN_K;
  const x = 16 + MAX_RADIUS_PX * k - layout.minXPx * k;
  const y = heightPx / 2 - ((layout.minYPx + layout.maxYPx) / 2) * k;
  return { k, x, y };
}

/** The typed arrays of a layout, for transferring it from the worker without copying. */
export function layoutBuffers(layout: DiffGraphLayout): ArrayBuffer[] {
  return [layout.nodeIds, layout.indexOfNode, layout.xPx, layout.yPx, layout.radiusPx, layout.parentIndex, layout.hiddenCount].map(
    (a) => a.buffer as ArrayBuffer,
  );
}

export const EMPTY_LAYOUT: DiffGraphLayout = {
  count: 0,
  nodeIds: new Int32Array(0),
  indexOfNode: new Int32Array(0),
  xPx: new Float64Array(0),
  yPx: new Float64Array(0),
  radiusPx: new Float64Array(0),
  parentIndex: new Int32Array(0),
  hiddenCount: new Int32Array(0),
  minXPx: 0,
  maxXPx: 0,
  minYPx: 0,
  maxYPx: 0,
};

/**
 * The shown node under a world point, or -1. A node is hit within its radius plus `slackPx`; when
 * labels are drawn, also on its label (`labelWidthPx` to its right, half a row high). The nearest
 * centre wins. Linear in the shown nodes: ~20k comparisons, well under a millisecond.
 */
export function hitTestNode(layout: DiffGraphLayout, xPx: number, yPx: number, slackPx: number, labelWidthPx = 0): number {
  let best = -1;
  let bestDistance = Infinity;
  for (let i = 0; i < layout.count; i++) {
    const dx = xPx - layout.xPx[i]!;
    const dy = yPx - layout.yPx[i]!;
    const r = layout.radiusPx[i]! + slackPx;
    const onNode = dx * dx + dy * dy <= r * r;
    const onLabel = labelWidthPx > 0 && dx >= 0 && dx <= r + labelWidthPx && Math.abs(dy) <= ROW_PX / 2;
    if (!onNode && !onLabel) continue;
    const distance = dx * dx + dy * dy;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = i;
    }
  }
  return best;
}

/** `service: name`, the label of a node. */
export function graphLabel(node: Pick<DiffNode, 'serviceName' | 'name'>): string {
  return `${node.serviceName}: ${node.name}`;
}

/**
 * The longest prefix of `text` (plus an ellipsis) whose width fits `maxWidthPx`, given a width
 * function (canvas measureText in the view, a fixed advance in tests). '' when not even one
 * character fits. Binary search: O(log n) measurements.
 */
export function truncateToWidth(text: string, maxWidthPx: number, widthOf: (s: string) => number): string {
  if (widthOf(text) <= maxWidthPx) return text;
  let low = 0;
  let high = text.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (widthOf(`${text.slice(0, mid)}…`) <= maxWidthPx) low = mid;
    else high = mid - 1;
  }
  return low === 0 ? '' : `${text.slice(0, low).trimEnd()}…`;
}

/** The whole shown tree in view (labels of the last column included), never above 1.2×. */
export function fitGraphTransform(layout: DiffGraphLayout, widthPx: number, heightPx: number): { k: number; x: number; y: number } {
  const x0 = layout.minXPx - MAX_RADIUS_PX - 8;
  const x1 = layout.maxXPx + COLUMN_PX - 20;
  const y0 = layout.minYPx - ROW_PX;
  const y1 = layout.maxYPx + ROW_PX;
  const k = Math.max(1e-4, Math.min(1.2, widthPx / (x1 - x0), heightPx / (y1 - y0)));
  return { k, x: (widthPx - (x1 - x0) * k) / 2 - x0 * k, y: (heightPx - (y1 - y0) * k) / 2 - y0 * k };
}

// Rows of the merged waterfall: which union-tree nodes are shown, given the collapsed nodes and an
// optional filter (find, "only changed"). Nodes are in DFS order with contiguous subtrees, so a
// collapsed node skips its subtree in one jump and the row list is one linear pass.

import { isNodeChanged, type DiffNode, type TraceDiff } from '../model/trace-diff';

/** Node ids in display order. `visible` (1 = keep) hides nodes; `collapsed` (1 = folded) hides subtrees. */
export function buildDiffRows(nodes: readonly DiffNode[], collapsed: Uint8Array, visible: Uint8Array | null): Int32Array {
  const rows = new Int32Array(nodes.length);
  let count = 0;
  let id = 0;
  while (id < nodes.length) {
    if (visible !== null && visible[id] === 0) {
      id++;
      continue;
    }
    rows[count++] = id;
    id = collapsed[id] === 1 ? nodes[id]!.subtreeEnd : id + 1;
  }
  return rows.slice(0, count);
}

/** A new collapsed set with `id` flipped (the old one is left alone: React state). */
export function toggleNode(collapsed: Uint8Array, id: number): Uint8Array {
  const next = collapsed.slice();
  next[id] = next[id] === 1 ? 0 : 1;
  return next;
}

export function setNodeCollapsed(collapsed: Uint8Array, id: number, value: boolean): Uint8Array {
  if ((collapsed[id] === 1) === value) return collapsed;
  const next = collapsed.slice();
  next[id] = value ? 1 : 0;
  return next;
}

/** Every node with children folded. */
export function collapseAllNodes(nodes: readonly DiffNode[]): Uint8Array {
  const collapsed = new Uint8Array(nodes.length);
  for (const node of nodes) if (node.childIds.length > 0) collapsed[node.id] = 1;
  return collapsed;
}

/** Unfolds the ancestors of `id`, so that it becomes a row. Returns the same set when nothing changes. */
export function expandAncestorsOf(nodes: readonly DiffNode[], collapsed: Uint8Array, id: number): Uint8Array {
  let next = collapsed;
  for (let p = nodes[id]?.parent ?? -1; p >= 0; p = nodes[p]!.parent) {
    if (next[p] === 1) {
      if (next === collapsed) next = collapsed.slice();
      next[p] = 0;
    }
  }
  return next;
}

/**
 * Nodes whose "service name" text contains every whitespace-separated token of `query`
 * (case-insensitive). 1 = match. Empty query: null (no filter).
 */
export function matchNodes(nodes: readonly DiffNode[], query: string): Uint8Array | null {
  const tokens = query.toLowerCase().split(/\s+/).filter((t) => t !== '');
  if (tokens.length === 0) return null;
  const mask = new Uint8Array(nodes.length);
  for (const node of nodes) {
    const text = `${node.serviceName} ${node.name}`.toLowerCase();
    if (tokens.every((t) => text.includes(t))) mask[node.id] = 1;
  }
  return mask;
}

/** Nodes counted as changed (see isNodeChanged). */
export function changedNodes(diff: TraceDiff): Uint8Array {
  const mask = new Uint8Array(diff.nodes.length);
  for (const node of diff.nodes) if (isNodeChanged(node, diff.summary.thresholdUs)) mask[node.id] = 1;
  return mask;
}

/** Keeps the marked nodes and all their ancestors (so the tree stays connected). Each node once: O(n). */
export function withAncestors(nodes: readonly DiffNode[], marked: Uint8Array): Uint8Array {
  const keep = new Uint8Array(nodes.length);
  for (let id = 0; id < nodes.length; id++) {
    if (marked[id] !== 1) continue;
    for (let k = id; k >= 0 && keep[k] === 0; k = nodes[k]!.parent) keep[k] = 1;
  }
  return keep;
}

/** Both masks at once (null = no restriction). */
export function intersectMasks(a: Uint8Array | null, b: Uint8Array | null): Uint8Array | null {
  if (a === null) return b;
  if (b === null) return a;
  const out = new Uint8Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]! & b[i]!;
  return out;
}

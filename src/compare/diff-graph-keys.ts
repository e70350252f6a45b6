// Browsing the diff graph node by node from the keyboard. The tree is drawn left to right, so
// Right goes to the first child, Left to the parent, Down and Up to the next and previous sibling,
// Home to the first root. Selecting a node unfolds its ancestors and brings it into view
// (diff-graph.tsx), so moving into a folded branch opens it. Shift with an arrow pans instead.

import { selfDeltaUs, type DiffNode, type TraceDiff } from '../model/trace-diff';
import { deltaWithWords } from './delta-format';
import { formatCount } from '../lib/count-format';
import { graphLabel } from './diff-graph-layout';

const MOVE_KEYS = ['ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowUp', 'Home'] as const;
export type GraphMoveKey = (typeof MOVE_KEYS)[number];

export function isGraphMoveKey(key: string): key is GraphMoveKey {
  return (MOVE_KEYS as readonly string[]).includes(key);
}

/**
 * The node `key` selects, starting from `selectedNodeId` (nothing selected: the first root). At an
 * edge (no child, parent or sibling that way) the selection stays. Null only for an empty diff.
 */
export function graphNodeAfterKey(diff: TraceDiff, selectedNodeId: number | null, key: GraphMoveKey): number | null {
  const { nodes, rootIds } = diff;
  const first = rootIds[0];
  if (first === undefined) return null;
  const current = selectedNodeId === null ? undefined : nodes[selectedNodeId];
  if (current === undefined || key === 'Home') return first;
  switch (key) {
    case 'ArrowRight':
      return current.childIds[0] ?? current.id;
    case 'ArrowLeft':
      return current.parent >= 0 ? current.parent : current.id;
    case 'ArrowDown':
    case 'ArrowUp': {
      const siblings = current.parent >= 0 ? nodes[current.parent]!.childIds : rootIds;
      const next = siblings[siblings.indexOf(current.id) + (key === 'ArrowDown' ? 1 : -1)];
      return next ?? current.id;
    }
  }
}

/** What a screen reader hears when the keyboard selects a node: where it is and what changed. */
export function graphNodeAnnouncement(diff: TraceDiff, node: DiffNode, folded: boolean): string {
  const parts = [graphLabel(node)];
  if (node.status === 'added') parts.push('only in B');
  else if (node.status === 'removed') parts.push('only in A');
  const delta = selfDeltaUs(node);
  parts.push(`self time ${deltaWithWords(delta, diff.summary.thresholdUs)}`);
  parts.push(`level ${node.depth + 1}`);
  const children = node.childIds.length;
  if (children > 0) parts.push(`${formatCount(children)} ${children === 1 ? 'child' : 'children'}${folded ? ', folded' : ''}`);
  return parts.join(', ');
}

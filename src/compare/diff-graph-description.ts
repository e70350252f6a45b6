// The text alternative of the diff graph: what it shows and its biggest changes, in a few
// sentences. The `Trace differences` table stays the way to browse every node.

import { countOf as plural, formatCount } from '../lib/count-format';
import { formatDurationUs } from '../lib/duration-format';
import { selfDeltaUs, type TraceDiff } from '../model/trace-diff';
import { formatDeltaUs } from './delta-format';
import { graphLabel } from './diff-graph-layout';

/** Nodes with the largest self-time change (either sign, at least the threshold), largest first. */
export function biggestSelfChanges(diff: TraceDiff, max: number): number[] {
  const { thresholdUs } = diff.summary;
  // A small sorted list instead of sorting every node: n is up to ~20k, max is 3.
  const top: { id: number; size: number }[] = [];
  for (const node of diff.nodes) {
    const size = Math.abs(selfDeltaUs(node));
    if (size < thresholdUs) continue;
    if (top.length === max && size <= top[top.length - 1]!.size) continue;
    let at = top.length;
    while (at > 0 && top[at - 1]!.size < size) at--;
    top.splice(at, 0, { id: node.id, size });
    if (top.length > max) top.pop();
  }
  return top.map((t) => t.id);
}

export function graphDescription(diff: TraceDiff, shownCount: number): string {
  const { nodes, summary } = diff;
  const total = nodes.length;
  const sentences: string[] = [];
  const shown =
    shownCount < total ? `; ${formatCount(shownCount)} shown, branches without changes are folded` : '';
  sentences.push(`Union tree of both traces: ${plural(total, 'operation')}${shown}. Colour is the change of self time (B − A), size the longer total time.`);
  const biggest = biggestSelfChanges(diff, 3);
  if (biggest.length === 0) {
    sentences.push(`No operation's self time changed by ${formatDurationUs(summary.thresholdUs)} or more.`);
  } else {
    const items = biggest.map((id) => {
      const node = nodes[id]!;
      const where = node.status === 'added' ? ', only in B' : node.status === 'removed' ? ', only in A' : '';
      return `${graphLabel(node)} ${formatDeltaUs(selfDeltaUs(node))}${where}`;
    });
    sentences.push(`Biggest self-time changes: ${items.join('; ')}.`);
  }
  const { addedNodeCount: added, removedNodeCount: removed } = summary;
  if (added > 0 || removed > 0) {
    const parts: string[] = [];
    if (added > 0) parts.push(`${plural(added, 'operation')} only in B`);
    if (removed > 0) parts.push(`${plural(removed, 'operation')} only in A`);
    sentences.push(`${parts.join(', ')}.`);
  }
  return sentences.join(' ');
}

// The merged waterfall's collapse state as the comparison's `fold=` URL parameter, so that a link
// to a comparison opens with the same rows folded. Nodes are named by their index in the diff's
// union tree, as `node=` names the selected one (the same pair of traces always gives the same
// tree). Only nodes with children can be folded; whichever of the folded and the open ones is the
// shorter list is written:
//
//   (no fold=)       nothing folded
//   fold=3.17.40     these nodes folded
//   fold=all         every node folded
//   fold=all_2.5     every node folded but these
//
// A state that needs more than MAX_FOLD_NODES indices is not written (the parameter is left out),
// as for the trace page's `fold=`. Indices the diff lacks, or that name a leaf, are ignored.
import type { DiffNode } from '../model/trace-diff';

export const MAX_FOLD_NODES = 100;

const ALL = 'all';

/** `fold=` for a collapsed set; null: leave it out (nothing folded, or too long to write). */
export function encodeDiffFold(nodes: readonly DiffNode[], collapsed: Uint8Array): string | null {
  const folded: number[] = [];
  const open: number[] = [];
  for (const node of nodes) if (node.childIds.length > 0) (collapsed[node.id] === 1 ? folded : open).push(node.id);
  if (folded.length === 0) return null;
  if (open.length < folded.length) {
    if (open.length > MAX_FOLD_NODES) return null;
    return open.length === 0 ? ALL : `${ALL}_${open.join('.')}`;
  }
  return folded.length > MAX_FOLD_NODES ? null : folded.join('.');
}

/** The collapsed set (1 = folded, one entry per node) a `fold=` value describes for these nodes. */
export function decodeDiffFold(nodes: readonly DiffNode[], text: string | null): Uint8Array {
  const collapsed = new Uint8Array(nodes.length);
  if (text === null || text === '') return collapsed;
  const allBut = text === ALL || text.startsWith(`${ALL}_`);
  if (allBut) for (const node of nodes) if (node.childIds.length > 0) collapsed[node.id] = 1;
  const list = allBut ? text.slice(ALL.length + 1) : text;
  for (const part of list.split('.')) {
    if (!/^\d{1,9}$/.test(part)) continue;
    const node = nodes[Number(part)];
    if (node !== undefined && node.childIds.length > 0) collapsed[node.id] = allBut ? 0 : 1;
  }
  return collapsed;
}

// The comparison's `node=` URL parameter: the node whose details are open, as its index in the
// union tree of the diff (DFS order, ordered by start), which the same pair of traces always gives.
// Anything but a whole number selects nothing; TraceComparison ignores an index the diff lacks.

export function selectedNodeFromParam(text: string | null): number | null {
  return text !== null && /^\d{1,9}$/.test(text) ? Number(text) : null;
}

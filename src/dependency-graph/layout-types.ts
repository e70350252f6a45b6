// What a layout reads and writes. Plain numbers and typed arrays only, so the same data crosses
// the worker boundary (typed arrays are transferred, not copied) and feeds the tests.

export type LayoutKind = 'layered' | 'force';

export interface LayoutInput {
  nodeCount: number;
  /** Edge e goes from node edgeSource[e] to node edgeTarget[e]. */
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
  /** Drawn radius per node, px; layouts keep nodes this far apart. */
  nodeRadiusPx: Float64Array;
}

/** Values of GraphLayout.edgeRole. */
export const EdgeRole = {
  /** Goes the way the layout flows (left to right in the layered layout). */
  Forward: 0,
  /** Was reversed to break a cycle: it points back against the flow. */
  Back: 1,
  /** A service calling itself. */
  SelfLoop: 2,
} as const;

export interface GraphLayout {
  kind: LayoutKind;
  /** Node centres, px, all within [0, widthPx] × [0, heightPx]. */
  xPx: Float64Array;
  yPx: Float64Array;
  widthPx: number;
  heightPx: number;
  /** EdgeRole per edge (force layouts mark only self loops). */
  edgeRole: Uint8Array;
  /** Layer per node (layered only; zeros for force). */
  layer: Int32Array;
  /** Time the layout took, ms (measured where it ran). */
  elapsedMs: number;
}

// Colours of the diff graph. Node fill is the self-time change (B − A) on the same diverging
// scale as the merged waterfall (orange slower, blue faster, grey unchanged); nodes only in one
// trace also get a dashed outline and a + (only in B) or − (only in A) glyph, so the structure
// change never rests on colour alone.

import { selfDeltaUs, type DiffNode } from '../model/trace-diff';
import { deltaColour, FASTER_COLOURS, NEUTRAL_COLOUR, SLOWER_COLOURS } from './delta-format';

export type GraphMark = 'added' | 'removed' | null;

/** Fill of a node: its self-time delta relative to the larger of its two self times. */
export function graphNodeFill(node: DiffNode, thresholdUs: number): string {
  return deltaColour(selfDeltaUs(node), Math.max(node.a.selfUs, node.b.selfUs), thresholdUs);
}

export function graphNodeMark(node: Pick<DiffNode, 'status'>): GraphMark {
  return node.status === 'matched' ? null : node.status;
}

/** The glyph drawn in (and before the label of) an added or removed node. */
export function markGlyph(mark: GraphMark): string {
  return mark === 'added' ? '+' : mark === 'removed' ? '\u2212' : '';
}

/**
 * Fills in drawing order: unchanged first, then weak to strong changes, so when a zoomed-out
 * graph piles many nodes on one pixel the strongest change stays on top.
 */
export const FILL_DRAW_ORDER: readonly string[] = [
  NEUTRAL_COLOUR,
  FASTER_COLOURS[0],
  SLOWER_COLOURS[0],
  FASTER_COLOURS[1],
  SLOWER_COLOURS[1],
  FASTER_COLOURS[2],
  SLOWER_COLOURS[2],
  FASTER_COLOURS[3],
  SLOWER_COLOURS[3],
];

export interface DiffGraphPalette {
  background: string;
  link: string;
  /** Links on the path from the root to the selected node. */
  linkSelected: string;
  label: string;
  labelMuted: string;
  /** Outline of every node (separates a node from its neighbours and the background). */
  nodeOutline: string;
  addedOutline: string;
  removedOutline: string;
  /** The +/− glyph inside a node. */
  glyph: string;
  selectedRing: string;
  hoverRing: string;
}

export const LIGHT_GRAPH_PALETTE: DiffGraphPalette = {
  background: '#ffffff',
  link: '#cbd5e1',
  linkSelected: '#0284c7',
  label: '#0f172a',
  labelMuted: '#475569',
  nodeOutline: '#ffffff',
  addedOutline: '#047857',
  removedOutline: '#334155',
  glyph: '#0f172a',
  selectedRing: '#0284c7',
  hoverRing: '#0f172a',
};

export const DARK_GRAPH_PALETTE: DiffGraphPalette = {
  background: '#020617',
  link: '#334155',
  linkSelected: '#38bdf8',
  label: '#f1f5f9',
  labelMuted: '#94a3b8',
  nodeOutline: '#020617',
  addedOutline: '#34d399',
  removedOutline: '#cbd5e1',
  glyph: '#020617',
  selectedRing: '#38bdf8',
  hoverRing: '#f1f5f9',
};

// How graph data maps to ink: node radius by calls, edge width by calls, edge colour by error rate.
// Square-root scales, so one hot edge does not flatten all the others into hairlines.
import { edgeErrorRate, nodeCalls, type ServiceGraph } from './graph-model';
import type { LayoutInput } from './layout-types';

export const MIN_NODE_RADIUS_PX = 5;
export const MAX_NODE_RADIUS_PX = 16;
export const MIN_EDGE_WIDTH_PX = 1;
export const MAX_EDGE_WIDTH_PX = 7;

function sqrtScale(value: number, max: number, lo: number, hi: number): number {
  if (max <= 0 || value <= 0) return lo;
  return lo + (hi - lo) * Math.sqrt(Math.min(1, value / max));
}

export function nodeRadii(graph: ServiceGraph): Float64Array {
  let max = 0;
  for (const node of graph.nodes) max = Math.max(max, nodeCalls(node));
  return Float64Array.from(graph.nodes, (node) => sqrtScale(nodeCalls(node), max, MIN_NODE_RADIUS_PX, MAX_NODE_RADIUS_PX));
}

export function edgeWidths(graph: ServiceGraph): Float64Array {
  let max = 0;
  for (const edge of graph.edges) max = Math.max(max, edge.link.callCount);
  return Float64Array.from(graph.edges, (edge) => sqrtScale(edge.link.callCount, max, MIN_EDGE_WIDTH_PX, MAX_EDGE_WIDTH_PX));
}

/** Error-rate bands, lowest first. `maxRate` is inclusive; unknown rates get band -1. */
export const ERROR_BANDS = [
  { label: 'no errors', maxRate: 0 },
  { label: 'under 1 %', maxRate: 0.01 },
  { label: '1–5 %', maxRate: 0.05 },
  { label: 'over 5 %', maxRate: 1 },
] as const;

export interface EdgeColourLegend {
  /** What edge colour means here. */
  title: string;
  /** The swatches to show: band index and label. */
  bands: { band: number; label: string }[];
}

/**
 * The legend for edge colours, from what the links carry. Jaeger's /api/dependencies has no error
 * counts: its edges are drawn in the neutral colour, which must not be labelled "no errors".
 */
export function edgeColourLegend(edges: readonly { link: { errorCount?: number } }[]): EdgeColourLegend {
  const withErrors = edges.filter((edge) => edge.link.errorCount !== undefined).length;
  if (withErrors === 0 && edges.length > 0) {
    return { title: 'Edge colour: none (this source has no error data)', bands: [] };
  }
  const bands = ERROR_BANDS.map((band, i) => ({ band: i, label: band.label as string }));
  // Edges without error data share band 0's neutral colour.
  if (withErrors < edges.length && bands[0]) bands[0] = { band: 0, label: 'no errors, or not reported' };
  return { title: 'Edge colour: error rate', bands };
}

export function errorBand(rate: number | null): number {
  if (rate === null) return -1;
  for (let band = 0; band < ERROR_BANDS.length; band++) {
    if (rate <= (ERROR_BANDS[band]?.maxRate ?? 1)) return band;
  }
  return ERROR_BANDS.length - 1;
}

export function edgeBands(graph: ServiceGraph): Int8Array {
  return Int8Array.from(graph.edges, (edge) => errorBand(edgeErrorRate(edge.link)));
}

/** The typed-array view of a graph that the layouts (and the worker) take. */
export function toLayoutInput(graph: ServiceGraph, radii = nodeRadii(graph)): LayoutInput {
  return {
    nodeCount: graph.nodes.length,
    edgeSource: Int32Array.from(graph.edges, (edge) => edge.source),
    edgeTarget: Int32Array.from(graph.edges, (edge) => edge.target),
    nodeRadiusPx: radii,
  };
}

export interface GraphPalette {
  background: string;
  label: string;
  /** Names of the services faded behind a find or hover: quieter than `label`, still readable (≥ 4.5:1). */
  labelDim: string;
  labelHalo: string;
  nodeStroke: string;
  /** Edge colour per error band (index 0..3) and for unknown rates. */
  edgeBand: readonly string[];
  edgeUnknown: string;
  highlight: string;
  dimAlpha: number;
}

// Mid-tone reds and ambers keep ≥ 3:1 contrast on both backgrounds; the neutral edge colour differs.
export const LIGHT_PALETTE: GraphPalette = {
  background: '#ffffff',
  label: '#0f172a',
  labelDim: '#64748b',
  labelHalo: 'rgba(255,255,255,0.9)',
  nodeStroke: '#ffffff',
  edgeBand: ['#94a3b8', '#d97706', '#ea580c', '#dc2626'],
  edgeUnknown: '#94a3b8',
  highlight: '#0369a1',
  dimAlpha: 0.12,
};

export const DARK_PALETTE: GraphPalette = {
  background: '#020617',
  label: '#e2e8f0',
  labelDim: '#94a3b8',
  labelHalo: 'rgba(2,6,23,0.9)',
  nodeStroke: '#020617',
  edgeBand: ['#64748b', '#f59e0b', '#f97316', '#ef4444'],
  edgeUnknown: '#64748b',
  highlight: '#38bdf8',
  dimAlpha: 0.15,
};

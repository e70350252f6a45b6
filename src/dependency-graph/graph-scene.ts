// Everything the canvas needs to draw and hit-test one laid-out graph, computed once per layout:
// every edge as one cubic Bézier (lines, layer-crossing curves, back-edge loops and self loops
// alike), its bounding box for viewport culling, a polyline sample for hit testing, and the
// edges grouped by colour, dash and width so a frame strokes ~40 paths instead of 4,000.
import { serviceColour } from '../lib/colour-scale';
import type { ServiceGraph } from './graph-model';
import { edgeBands, edgeWidths, nodeRadii } from './graph-style';
import { EdgeRole, type GraphLayout } from './layout-types';

/** Points sampled along each edge curve for hit testing (segments = samples - 1). */
export const EDGE_SAMPLES = 9;

export interface EdgeGroup {
  /** Error band 0..3, or -1 when the error rate is unknown. */
  band: number;
  dashed: boolean;
  widthPx: number;
  edges: Int32Array;
}

export interface GraphScene {
  graph: ServiceGraph;
  layout: GraphLayout;
  radii: Float64Array;
  widths: Float64Array;
  bands: Int8Array;
  nodeColours: string[];
  /** Cubic control points per edge: x0 y0 x1 y1 x2 y2 x3 y3. */
  curves: Float64Array;
  /** Bounding box per edge: minX minY maxX maxY. */
  edgeBoxes: Float64Array;
  /** EDGE_SAMPLES points per edge: x y pairs. */
  samples: Float64Array;
  groups: EdgeGroup[];
  /** Node indices, most calls first: the order labels are placed in. */
  labelPriority: Int32Array;
}

function cubicPoint(c: Float64Array, o: number, t: number): [number, number] {
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const d = 3 * u * t * t;
  const e = t * t * t;
  return [
    a * (c[o] ?? 0) + b * (c[o + 2] ?? 0) + d * (c[o + 4] ?? 0) + e * (c[o + 6] ?? 0),
    a * (c[o + 1] ?? 0) + b * (c[o + 3] ?? 0) + d * (c[o + 5] ?? 0) + e * (c[o + 7] ?? 0),
  ];
}

export function buildScene(graph: ServiceGraph, layout: GraphLayout, radii = nodeRadii(graph)): GraphScene {
  const { xPx, yPx } = layout;
  const edgeCount = graph.edges.length;
  const curves = new Float64Array(edgeCount * 8);
  const pairs = new Set(graph.edges.map((edge) => edge.source * 1_000_003 + edge.target));

  graph.edges.forEach((edge, e) => {
    const sx = xPx[edge.source] ?? 0;
    const sy = yPx[edge.source] ?? 0;
    const tx = xPx[edge.target] ?? 0;
    const ty = yPx[edge.target] ?? 0;
    const rs = radii[edge.source] ?? 0;
    const rt = radii[edge.target] ?? 0;
    const role = layout.edgeRole[e];
    let points: number[];
    if (role === EdgeRole.SelfLoop) {
      // A loop over the top of the node.
      const r = Math.max(rs, 5);
      points = [sx - r * 0.6, sy - r * 0.8, sx - r * 2.2, sy - r * 4, sx + r * 2.2, sy - r * 4, sx + r * 0.6, sy - r * 0.8];
    } else if (layout.kind === 'layered' && role === EdgeRole.Back) {
      // Against the flow: leave under the caller, swing below, come back under the callee.
      const dx = Math.abs(sx - tx);
      const bend = 30 + dx * 0.12 + Math.abs(sy - ty) * 0.2;
      points = [sx - rs * 0.7, sy + rs * 0.7, sx - dx * 0.25, sy + bend, tx + dx * 0.25, ty + bend, tx + rt * 0.7, ty + rt * 0.7];
    } else if (layout.kind === 'layered') {
      // Forward: out of the right side, into the left side, horizontal tangents at both ends.
      const x0 = sx + rs;
      const x3 = tx - rt;
      const half = (x3 - x0) / 2;
      points = [x0, sy, x0 + half, sy, x3 - half, ty, x3, ty];
    } else {
      // Force layout: straight, unless the reverse edge exists; then both bow to their own right.
      const dx = tx - sx;
      const dy = ty - sy;
      const length = Math.hypot(dx, dy) || 1;
      const ux = dx / length;
      const uy = dy / length;
      const bow = pairs.has(edge.target * 1_000_003 + edge.source) ? Math.min(18, length * 0.15) : 0;
      const nx = -uy * bow;
      const ny = ux * bow;
      const x0 = sx + ux * rs;
      const y0 = sy + uy * rs;
      const x3 = tx - ux * rt;
      const y3 = ty - uy * rt;
      points = [x0, y0, x0 + (x3 - x0) / 3 + nx, y0 + (y3 - y0) / 3 + ny, x0 + ((x3 - x0) * 2) / 3 + nx, y0 + ((y3 - y0) * 2) / 3 + ny, x3, y3];
    }
    curves.set(points, e * 8);
  });

  const edgeBoxes = new Float64Array(edgeCount * 4);
  const samples = new Float64Array(edgeCount * EDGE_SAMPLES * 2);
  for (let e = 0; e < edgeCount; e++) {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let k = 0; k < 4; k++) {
      const x = curves[e * 8 + k * 2] ?? 0;
      const y = curves[e * 8 + k * 2 + 1] ?? 0;
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
    edgeBoxes.set([minX, minY, maxX, maxY], e * 4);
    for (let s = 0; s < EDGE_SAMPLES; s++) {
      const [x, y] = cubicPoint(curves, e * 8, s / (EDGE_SAMPLES - 1));
      samples[(e * EDGE_SAMPLES + s) * 2] = x;
      samples[(e * EDGE_SAMPLES + s) * 2 + 1] = y;
    }
  }

  const widths = edgeWidths(graph);
  const bands = edgeBands(graph);
  const groupMap = new Map<string, number[]>();
  for (let e = 0; e < edgeCount; e++) {
    // Half-pixel width buckets: invisible difference, far fewer strokes.
    const width = Math.round((widths[e] ?? 1) * 2) / 2;
    const key = `${bands[e]}|${layout.edgeRole[e] === EdgeRole.Back ? 1 : 0}|${width}`;
    const list = groupMap.get(key);
    if (list) list.push(e);
    else groupMap.set(key, [e]);
  }
  const groups: EdgeGroup[] = [...groupMap.entries()].map(([key, list]) => {
    const [band, dashed, width] = key.split('|').map(Number);
    return { band: band ?? -1, dashed: dashed === 1, widthPx: width ?? 1, edges: Int32Array.from(list) };
  });
  // Wide and erroring edges last, so they are drawn on top of the thin grey mass.
  groups.sort((a, b) => a.band - b.band || a.widthPx - b.widthPx);

  const labelPriority = Int32Array.from(graph.nodes.keys()).sort((a, b) => (radii[b] ?? 0) - (radii[a] ?? 0) || a - b);

  return {
    graph,
    layout,
    radii,
    widths,
    bands,
    nodeColours: graph.nodes.map((node) => serviceColour(node.name)),
    curves,
    edgeBoxes,
    samples,
    groups,
    labelPriority,
  };
}

/** Squared distance from point p to segment ab. */
function segmentDistance2(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2));
  const cx = ax + t * dx - px;
  const cy = ay + t * dy - py;
  return cx * cx + cy * cy;
}

/** The node under a world point (within its radius plus `slackPx`), nearest first; -1 if none. */
export function hitNode(scene: GraphScene, x: number, y: number, slackPx: number): number {
  let best = -1;
  let bestDistance = Infinity;
  const { xPx, yPx } = scene.layout;
  for (let v = 0; v < scene.graph.nodes.length; v++) {
    const d = Math.hypot((xPx[v] ?? 0) - x, (yPx[v] ?? 0) - y);
    if (d <= (scene.radii[v] ?? 0) + slackPx && d < bestDistance) {
      best = v;
      bestDistance = d;
    }
  }
  return best;
}

/** The edge nearest to a world point, if within `slackPx` of its curve; -1 if none. */
export function hitEdge(scene: GraphScene, x: number, y: number, slackPx: number): number {
  let best = -1;
  let bestDistance = slackPx * slackPx;
  const { edgeBoxes, samples } = scene;
  for (let e = 0; e < scene.graph.edges.length; e++) {
    const o = e * 4;
    if (x < (edgeBoxes[o] ?? 0) - slackPx || x > (edgeBoxes[o + 2] ?? 0) + slackPx) continue;
    if (y < (edgeBoxes[o + 1] ?? 0) - slackPx || y > (edgeBoxes[o + 3] ?? 0) + slackPx) continue;
    const base = e * EDGE_SAMPLES * 2;
    for (let s = 0; s + 1 < EDGE_SAMPLES; s++) {
      const i = base + s * 2;
      const d = segmentDistance2(x, y, samples[i] ?? 0, samples[i + 1] ?? 0, samples[i + 2] ?? 0, samples[i + 3] ?? 0);
      if (d <= bestDistance) {
        bestDistance = d;
        best = e;
      }
    }
  }
  return best;
}

// Draws a GraphScene on a 2D canvas at a given pan/zoom. Plain functions, no React: the canvas
// host calls drawGraph once per animation frame while the user pans or zooms.
// Cost per frame is bounded by what is visible: edges and nodes outside the viewport are skipped,
// edges are stroked in ~40 batched paths, and at most MAX_LABELS labels are placed.
import type { GraphPalette } from './graph-style';
import type { GraphScene } from './graph-scene';
import { placeLabels, type LabelBox } from './label-placement';

export interface ViewTransform {
  k: number;
  x: number;
  y: number;
}

export interface DrawState {
  transform: ViewTransform;
  /** Canvas size in CSS px. */
  widthPx: number;
  heightPx: number;
  dpr: number;
  palette: GraphPalette;
  /** When set, everything else is drawn faded. */
  emphasisNodes: ReadonlySet<number> | null;
  emphasisEdges: ReadonlySet<number> | null;
  /** Nodes drawn with a highlight ring (the focused service, find matches). */
  ringNodes: ReadonlySet<number>;
  /** Edge drawn thicker (hovered or selected). */
  activeEdge: number;
  /** Text width in px of a service name at LABEL_FONT. */
  measureLabel: (name: string) => number;
}

export const LABEL_FONT = '12px system-ui, -apple-system, "Segoe UI", sans-serif';
/** The names of found or hovered services, when the rest are faded. */
const STRONG_LABEL_FONT = `600 ${LABEL_FONT}`;
/** How much wider semibold text runs than measureLabel's regular width (close enough for collisions). */
const STRONG_LABEL_WIDTH = 1.1;
const LABEL_HEIGHT_PX = 14;
const MAX_LABELS = 300;
/** With more edges than this in view, widths are capped: thick anti-aliased curves are slow to raster. */
const CROWDED_EDGES = 1500;
const CROWDED_MAX_WIDTH_PX = 2;

function bandColour(palette: GraphPalette, band: number): string {
  return band < 0 ? palette.edgeUnknown : (palette.edgeBand[band] ?? palette.edgeUnknown);
}

/**
 * Screen width of an edge. Zoomed out, widths shrink towards 1 px (never below: sub-pixel and
 * thick lines are both slow to rasterise, and a 4,000-edge overview is unreadable either way);
 * zoomed in, they grow up to 1.5 times their nominal width.
 */
export function edgeScreenWidth(widthPx: number, k: number): number {
  if (k >= 1) return widthPx * Math.min(k, 1.5);
  return 1 + (widthPx - 1) * Math.max(k, 0);
}

interface WorldRect {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

function edgeVisible(scene: GraphScene, e: number, view: WorldRect): boolean {
  const o = e * 4;
  return !(
    (scene.edgeBoxes[o + 2] ?? 0) < view.minX ||
    (scene.edgeBoxes[o] ?? 0) > view.maxX ||
    (scene.edgeBoxes[o + 3] ?? 0) < view.minY ||
    (scene.edgeBoxes[o + 1] ?? 0) > view.maxY
  );
}

function traceCurve(ctx: CanvasRenderingContext2D, c: Float64Array, e: number): void {
  const o = e * 8;
  ctx.moveTo(c[o] ?? 0, c[o + 1] ?? 0);
  ctx.bezierCurveTo(c[o + 2] ?? 0, c[o + 3] ?? 0, c[o + 4] ?? 0, c[o + 5] ?? 0, c[o + 6] ?? 0, c[o + 7] ?? 0);
}

function traceArrow(ctx: CanvasRenderingContext2D, c: Float64Array, e: number, sizePx: number): void {
  const o = e * 8;
  const x3 = c[o + 6] ?? 0;
  const y3 = c[o + 7] ?? 0;
  let dx = x3 - (c[o + 4] ?? 0);
  let dy = y3 - (c[o + 5] ?? 0);
  if (Math.hypot(dx, dy) < 1e-6) {
    dx = x3 - (c[o] ?? 0);
    dy = y3 - (c[o + 1] ?? 0);
  }
  const length = Math.hypot(dx, dy) || 1;
  const ux = dx / length;
  const uy = dy / length;
  const bx = x3 - ux * sizePx;
  const by = y3 - uy * sizePx;
  const half = sizePx * 0.5;
  ctx.moveTo(x3, y3);
  ctx.lineTo(bx - uy * half, by + ux * half);
  ctx.lineTo(bx + uy * half, by - ux * half);
  ctx.closePath();
}

function strokeEdges(ctx: CanvasRenderingContext2D, scene: GraphScene, state: DrawState, view: WorldRect, only: ReadonlySet<number> | null, alpha: number): void {
  const { k } = state.transform;
  let inView = 0;
  if (only) inView = only.size;
  else for (let e = 0; e < scene.graph.edges.length; e++) if (edgeVisible(scene, e, view)) inView++;
  const crowded = inView > CROWDED_EDGES;
  const showArrows = k >= 0.5 && !crowded;
  ctx.globalAlpha = alpha;
  for (const group of scene.groups) {
    const colour = bandColour(state.palette, group.band);
    const nominal = edgeScreenWidth(group.widthPx, k);
    const screenWidth = crowded ? Math.min(nominal, CROWDED_MAX_WIDTH_PX) : nominal;
    ctx.strokeStyle = colour;
    ctx.fillStyle = colour;
    ctx.lineWidth = screenWidth / k;
    ctx.setLineDash(group.dashed ? [6 / k, 4 / k] : []);
    ctx.beginPath();
    let any = false;
    for (const e of group.edges) {
      if ((only && !only.has(e)) || !edgeVisible(scene, e, view)) continue;
      traceCurve(ctx, scene.curves, e);
      any = true;
    }
    if (!any) continue;
    ctx.stroke();
    if (showArrows) {
      // One small fill per arrow: a single path of thousands of triangles rasterises far slower.
      const sizePx = (5 + screenWidth * 1.4) / Math.min(1.5, Math.max(k, 0.5));
      for (const e of group.edges) {
        if ((only && !only.has(e)) || !edgeVisible(scene, e, view)) continue;
        ctx.beginPath();
        traceArrow(ctx, scene.curves, e, sizePx);
        ctx.fill();
      }
    }
  }
  ctx.setLineDash([]);
  ctx.globalAlpha = 1;
}

function fillNodes(ctx: CanvasRenderingContext2D, scene: GraphScene, state: DrawState, view: WorldRect, only: ReadonlySet<number> | null, alpha: number): void {
  const { k } = state.transform;
  const minRadius = 1.5 / k;
  const byColour = new Map<string, number[]>();
  const { xPx, yPx } = scene.layout;
  for (let v = 0; v < scene.graph.nodes.length; v++) {
    if (only && !only.has(v)) continue;
    const x = xPx[v] ?? 0;
    const y = yPx[v] ?? 0;
    const r = scene.radii[v] ?? 0;
    if (x + r < view.minX || x - r > view.maxX || y + r < view.minY || y - r > view.maxY) continue;
    const colour = scene.nodeColours[v] ?? '#888';
    const list = byColour.get(colour);
    if (list) list.push(v);
    else byColour.set(colour, [v]);
  }
  ctx.globalAlpha = alpha;
  ctx.strokeStyle = state.palette.nodeStroke;
  ctx.lineWidth = 1.5 / k;
  let visible = 0;
  for (const nodes of byColour.values()) visible += nodes.length;
  // Outlines separate touching nodes when zoomed in; zoomed out they only cost raster time.
  const outline = k > 0.3 && visible < 600;
  for (const [colour, nodes] of byColour) {
    ctx.fillStyle = colour;
    ctx.beginPath();
    for (const v of nodes) {
      const x = xPx[v] ?? 0;
      const y = yPx[v] ?? 0;
      const r = Math.max(scene.radii[v] ?? 0, minRadius);
      ctx.moveTo(x + r, y);
      ctx.arc(x, y, r, 0, Math.PI * 2);
    }
    ctx.fill();
    if (outline) ctx.stroke();
  }
  ctx.globalAlpha = 1;
}

/**
 * What to draw: 'edges' clears the canvas and draws the edges, 'overlay' draws nodes, rings and
 * labels on top, 'all' does both. Big graphs draw the two halves in separate animation frames, so
 * neither frame's rasterisation becomes a long task.
 */
export type DrawPart = 'all' | 'edges' | 'overlay';

export function drawGraph(ctx: CanvasRenderingContext2D, scene: GraphScene, state: DrawState, part: DrawPart = 'all'): void {
  const { k, x: tx, y: ty } = state.transform;
  const view: WorldRect = { minX: -tx / k, minY: -ty / k, maxX: (state.widthPx - tx) / k, maxY: (state.heightPx - ty) / k };
  const emphasis = state.emphasisNodes !== null || state.emphasisEdges !== null;
  if (part !== 'overlay') drawEdges(ctx, scene, state, view, emphasis);
  if (part !== 'edges') drawOverlay(ctx, scene, state, view, emphasis);
}

function drawEdges(ctx: CanvasRenderingContext2D, scene: GraphScene, state: DrawState, view: WorldRect, emphasis: boolean): void {
  const { k, x: tx, y: ty } = state.transform;
  const { dpr, palette } = state;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.setTransform(dpr * k, 0, 0, dpr * k, dpr * tx, dpr * ty);
  strokeEdges(ctx, scene, state, view, null, emphasis ? palette.dimAlpha : 0.75);
  if (emphasis && state.emphasisEdges) strokeEdges(ctx, scene, state, view, state.emphasisEdges, 1);
  if (state.activeEdge >= 0 && state.activeEdge < scene.graph.edges.length) {
    ctx.strokeStyle = palette.highlight;
    ctx.lineWidth = (edgeScreenWidth(scene.widths[state.activeEdge] ?? 1, k) + 2) / k;
    ctx.beginPath();
    traceCurve(ctx, scene.curves, state.activeEdge);
    ctx.stroke();
  }
}

function drawOverlay(ctx: CanvasRenderingContext2D, scene: GraphScene, state: DrawState, view: WorldRect, emphasis: boolean): void {
  const { k, x: tx, y: ty } = state.transform;
  const { dpr, palette } = state;
  ctx.setTransform(dpr * k, 0, 0, dpr * k, dpr * tx, dpr * ty);
  fillNodes(ctx, scene, state, view, null, emphasis ? palette.dimAlpha + 0.1 : 1);
  if (emphasis && state.emphasisNodes) fillNodes(ctx, scene, state, view, state.emphasisNodes, 1);

  const { xPx, yPx } = scene.layout;
  if (state.ringNodes.size > 0) {
    ctx.strokeStyle = palette.highlight;
    ctx.lineWidth = 3 / k;
    ctx.beginPath();
    for (const v of state.ringNodes) {
      const r = Math.max(scene.radii[v] ?? 0, 1.5 / k) + 4 / k;
      ctx.moveTo((xPx[v] ?? 0) + r, yPx[v] ?? 0);
      ctx.arc(xPx[v] ?? 0, yPx[v] ?? 0, r, 0, Math.PI * 2);
    }
    ctx.stroke();
  }

  // Labels, in screen space so they keep one size at every zoom.
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  const order: number[] = [];
  const seen = new Set<number>();
  const push = (v: number) => {
    if (!seen.has(v)) {
      seen.add(v);
      order.push(v);
    }
  };
  state.ringNodes.forEach(push);
  state.emphasisNodes?.forEach(push);
  // The found or hovered services are placed first, in full colour; the others keep their names,
  // in a quieter colour where there is room, so a faded node can still be told apart when zoomed in.
  const strongCount = emphasis ? order.length : 0;
  scene.labelPriority.forEach(push);
  const boxes: LabelBox[] = order.map((v, i) => {
    const width = state.measureLabel(scene.graph.nodes[v]?.name ?? '') * (i < strongCount ? STRONG_LABEL_WIDTH : 1);
    const sx = (xPx[v] ?? 0) * k + tx;
    const sy = (yPx[v] ?? 0) * k + ty;
    const r = Math.max((scene.radii[v] ?? 0) * k, 1.5);
    // Centred under the node, but kept inside the canvas so names at the edges are not cut off.
    const x = Math.min(Math.max(sx - width / 2, 2), state.widthPx - width - 2);
    return { x: sx + width / 2 < 0 || sx - width / 2 > state.widthPx ? sx - width / 2 : x, y: sy + r + 3, width, height: LABEL_HEIGHT_PX };
  });
  const placed = placeLabels(boxes, { width: state.widthPx, height: state.heightPx }, MAX_LABELS);
  ctx.textBaseline = 'top';
  ctx.textAlign = 'left';
  ctx.lineJoin = 'round';
  ctx.lineWidth = 3;
  ctx.strokeStyle = palette.labelHalo;
  boxes.forEach((box, i) => {
    if (!placed[i]) return;
    const name = scene.graph.nodes[order[i] ?? 0]?.name ?? '';
    const strong = i < strongCount;
    ctx.font = strong ? STRONG_LABEL_FONT : LABEL_FONT;
    ctx.fillStyle = emphasis && !strong ? palette.labelDim : palette.label;
    ctx.strokeText(name, box.x, box.y + 1);
    ctx.fillText(name, box.x, box.y + 1);
  });
}

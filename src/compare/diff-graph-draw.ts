// Canvas drawing of the diff graph, in screen pixels: links, nodes (grouped by fill colour), the
// added/removed marks, fold markers, labels and the selection. Everything outside the view is
// skipped, so a frame costs what is visible.
//
// Zoomed far out (rows closer than DENSE_ROW_PX on screen) thousands of nodes share each pixel,
// and a software-rendered canvas spends seconds on thousands of overlapping anti-aliased shapes.
// There the graph is drawn as a raster: one small square per occupied 2-px cell (the strongest
// change in it wins) and one straight line per distinct pair of cells joined by links, so a frame
// costs at most one shape per cell whatever the number of nodes. Paths are also cut into chunks:
// one huge path with many overlapping sub-paths is far slower to fill or stroke than many small ones.

import { COLUMN_PX, MAX_RADIUS_PX, ROW_PX, type DiffGraphLayout } from './diff-graph-layout';
import { NEUTRAL_COLOUR } from './delta-format';
import { FILL_DRAW_ORDER, markGlyph, type DiffGraphPalette, type GraphMark } from './diff-graph-style';

export const GRAPH_LABEL_FONT = '11px ui-sans-serif, system-ui, sans-serif';
const GLYPH_FONT = 'bold 11px ui-sans-serif, system-ui, sans-serif';
/** Labels are drawn when neighbouring rows are at least this far apart on screen. */
export const LABEL_MIN_ROW_PX = 10;
/** Below this row spacing on screen the graph is drawn as a raster of cells. */
export const DENSE_ROW_PX = 4;
const CELL_PX = 2;
/** Sub-paths per canvas path. */
const CHUNK = 256;
/** Gap between a node and its label. */
const LABEL_GAP_PX = 5;
/** Nodes never shrink below this on screen, so a zoomed-out graph still shows its colours. */
const MIN_SCREEN_RADIUS_PX = 1.25;

export interface GraphTransform {
  k: number;
  x: number;
  y: number;
}

/** Per layout index: what to draw besides the geometry. Built once per layout. */
export interface DiffGraphPaint {
  /** Layout indices per fill, in FILL_DRAW_ORDER (colours outside it come last). */
  buckets: { fill: string; indices: Int32Array }[];
  /** Bucket of each layout index. */
  bucketOf: Uint8Array;
  marks: GraphMark[];
  /** Full label text per layout index. */
  labels: string[];
}

export interface DiffGraphFrame {
  layout: DiffGraphLayout;
  paint: DiffGraphPaint;
  transform: GraphTransform;
  widthPx: number;
  heightPx: number;
  dpr: number;
  palette: DiffGraphPalette;
  selectedIndex: number;
  hoverIndex: number;
  /** Fits a label into a width (the host caches it: measuring text is the costly part). */
  fitLabel(index: number, text: string, maxWidthPx: number): string;
}

/** Groups layout indices by fill so each colour is drawn together, weak changes first. */
export function bucketByFill(fills: readonly string[]): { fill: string; indices: Int32Array }[] {
  const groups = new Map<string, number[]>();
  fills.forEach((fill, index) => {
    let list = groups.get(fill);
    if (!list) groups.set(fill, (list = []));
    list.push(index);
  });
  const rank = (fill: string) => {
    const at = FILL_DRAW_ORDER.indexOf(fill);
    return at < 0 ? FILL_DRAW_ORDER.length : at;
  };
  return [...groups.entries()]
    .sort((x, y) => rank(x[0]) - rank(y[0]))
    .map(([fill, list]) => ({ fill, indices: Int32Array.from(list) }));
}

/** Screen width available to a label at zoom `k` (the next column starts at COLUMN_PX). */
export function labelWidthPx(k: number, radiusPx: number): number {
  return COLUMN_PX * k - radiusPx - LABEL_GAP_PX - 14;
}

export function labelsShown(k: number): boolean {
  return ROW_PX * k >= LABEL_MIN_ROW_PX && labelWidthPx(k, MAX_RADIUS_PX * k) >= 40;
}

export function isDense(k: number): boolean {
  return ROW_PX * k < DENSE_ROW_PX;
}

/** Draws `count` items into paths of at most CHUNK sub-paths, finishing each with `finish`. */
function chunked(ctx: CanvasRenderingContext2D, count: number, add: (i: number) => boolean, finish: () => void): void {
  let inPath = 0;
  ctx.beginPath();
  for (let i = 0; i < count; i++) {
    if (!add(i)) continue;
    if (++inPath === CHUNK) {
      finish();
      ctx.beginPath();
      inPath = 0;
    }
  }
  if (inPath > 0) finish();
}

export function drawDiffGraph(ctx: CanvasRenderingContext2D, frame: DiffGraphFrame): void {
  const { widthPx: w, heightPx: h, dpr } = frame;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, w, h);
  if (isDense(frame.transform.k)) drawDense(ctx, frame);
  else drawDetailed(ctx, frame);
  drawSelection(ctx, frame);
}

function drawDense(ctx: CanvasRenderingContext2D, frame: DiffGraphFrame): void {
  const { layout, paint, transform, widthPx: w, heightPx: h, palette } = frame;
  const { k, x: tx, y: ty } = transform;
  const { xPx, yPx, parentIndex, count } = layout;
  const cols = Math.ceil(w / CELL_PX) + 1;
  const rows = Math.ceil(h / CELL_PX) + 1;
  const cellOf = (i: number): number => {
    const cx = Math.floor((xPx[i]! * k + tx) / CELL_PX);
    const cy = Math.floor((yPx[i]! * k + ty) / CELL_PX);
    return cx < 0 || cy < 0 || cx >= cols || cy >= rows ? -1 : cy * cols + cx;
  };

  // Links: one straight line per distinct pair of cells (or per link leaving the view).
  const seen = new Set<number>();
  const cells = cols * rows;
  ctx.strokeStyle = palette.link;
  ctx.lineWidth = 1;
  chunked(
    ctx,
    count,
    (i) => {
      const p = parentIndex[i]!;
      if (p < 0) return false;
      const a = cellOf(p);
      const b = cellOf(i);
      if (a < 0 && b < 0) {
        // Both ends outside: only a link crossing the view is drawn.
        const y0 = yPx[p]! * k + ty;
        const y1 = yPx[i]! * k + ty;
        const x0 = xPx[p]! * k + tx;
        const x1 = xPx[i]! * k + tx;
        if (Math.max(y0, y1) < 0 || Math.min(y0, y1) > h || Math.max(x0, x1) < 0 || Math.min(x0, x1) > w) return false;
      } else {
        const key = (a + 1) * (cells + 1) + (b + 1);
        if (seen.has(key)) return false;
        seen.add(key);
      }
      ctx.moveTo(xPx[p]! * k + tx, yPx[p]! * k + ty);
      ctx.lineTo(xPx[i]! * k + tx, yPx[i]! * k + ty);
      return true;
    },
    () => ctx.stroke(),
  );
  drawSelectedPath(ctx, frame);

  // Nodes: the strongest change per cell. Ranks: 0 unchanged, 1 only in A, 2 only in B (without
  // a self-time change: the marks are too small to draw out here, so the structure change shows
  // as the mark's colour), then the fills from weak to strong change.
  const neutral = paint.buckets[0]?.fill === NEUTRAL_COLOUR ? 0 : -1;
  const fills = [NEUTRAL_COLOUR, palette.removedOutline, palette.addedOutline, ...paint.buckets.map((b) => b.fill)];
  const best = new Int16Array(cols * rows).fill(-1);
  for (let i = 0; i < count; i++) {
    const cell = cellOf(i);
    if (cell < 0) continue;
    const bucket = paint.bucketOf[i]!;
    const mark = paint.marks[i];
    const rank = bucket === neutral ? (mark === 'added' ? 2 : mark === 'removed' ? 1 : 0) : bucket + 3;
    if (rank > best[cell]!) best[cell] = rank;
  }
  const perRank: number[][] = fills.map(() => []);
  for (let cell = 0; cell < best.length; cell++) {
    const rank = best[cell]!;
    if (rank >= 0) perRank[rank]!.push(cell);
  }
  const size = CELL_PX + 0.5;
  perRank.forEach((list, rank) => {
    if (list.length === 0) return;
    ctx.fillStyle = fills[rank]!;
    chunked(
      ctx,
      list.length,
      (n) => {
        const cell = list[n]!;
        ctx.rect((cell % cols) * CELL_PX - 0.25, Math.floor(cell / cols) * CELL_PX - 0.25, size, size);
        return true;
      },
      () => ctx.fill(),
    );
  });
}

function drawDetailed(ctx: CanvasRenderingContext2D, frame: DiffGraphFrame): void {
  const { layout, paint, transform, widthPx: w, heightPx: h, palette } = frame;
  const { k, x: tx, y: ty } = transform;
  const { xPx, yPx, radiusPx, parentIndex, count } = layout;
  const pad = MAX_RADIUS_PX * Math.max(k, 1) + 4;
  const sx = (i: number) => xPx[i]! * k + tx;
  const sy = (i: number) => yPx[i]! * k + ty;
  const sr = (i: number) => Math.max(MIN_SCREEN_RADIUS_PX, radiusPx[i]! * k);
  const inView = (i: number) => {
    const x = sx(i);
    const y = sy(i);
    return x >= -pad && x <= w + pad && y >= -pad && y <= h + pad;
  };

  // ---- links: curves from the parent's right edge to the child's left edge --------------------
  ctx.strokeStyle = palette.link;
  ctx.lineWidth = 1;
  chunked(
    ctx,
    count,
    (i) => {
      const p = parentIndex[i]!;
      return p >= 0 && addLink(ctx, frame, i, p);
    },
    () => ctx.stroke(),
  );
  drawSelectedPath(ctx, frame);

  // ---- fold markers: a short stub with an open end where children are hidden -----------------
  if (k >= 0.3) {
    ctx.strokeStyle = palette.labelMuted;
    ctx.lineWidth = 1;
    chunked(
      ctx,
      count,
      (i) => {
        if (layout.hiddenCount[i] === 0 || !inView(i)) return false;
        const x = sx(i) + sr(i);
        const y = sy(i);
        ctx.moveTo(x, y);
        ctx.lineTo(x + 7, y);
        ctx.moveTo(x + 10, y);
        ctx.arc(x + 8.5, y, 1.5, 0, Math.PI * 2);
        return true;
      },
      () => ctx.stroke(),
    );
  }

  // ---- nodes, weak changes first -----------------------------------------------------------
  const outlined = MAX_RADIUS_PX * k >= 3;
  ctx.strokeStyle = palette.nodeOutline;
  ctx.lineWidth = 1;
  for (const bucket of paint.buckets) {
    ctx.fillStyle = bucket.fill;
    const { indices } = bucket;
    chunked(
      ctx,
      indices.length,
      (n) => {
        const i = indices[n]!;
        if (!inView(i)) return false;
        const x = sx(i);
        const y = sy(i);
        const r = sr(i);
        if (r < 2) ctx.rect(x - r, y - r, 2 * r, 2 * r);
        else {
          ctx.moveTo(x + r, y);
          ctx.arc(x, y, r, 0, Math.PI * 2);
        }
        return true;
      },
      () => {
        ctx.fill();
        if (outlined) ctx.stroke();
      },
    );
  }

  // ---- added / removed: dashed ring and, when the node is big enough, a +/− glyph ------------
  // (Not when rows are a few pixels apart: the rings would merge into noise.)
  if (ROW_PX * k >= 7) {
    ctx.setLineDash([3, 2]);
    ctx.lineWidth = 1.5;
    for (const mark of ['added', 'removed'] as const) {
      ctx.strokeStyle = mark === 'added' ? palette.addedOutline : palette.removedOutline;
      chunked(
        ctx,
        count,
        (i) => {
          if (paint.marks[i] !== mark || !inView(i)) return false;
          const r = sr(i) + 2.5;
          ctx.moveTo(sx(i) + r, sy(i));
          ctx.arc(sx(i), sy(i), r, 0, Math.PI * 2);
          return true;
        },
        () => ctx.stroke(),
      );
    }
    ctx.setLineDash([]);
  }
  ctx.font = GLYPH_FONT;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = palette.glyph;
  for (let i = 0; i < count; i++) {
    const mark = paint.marks[i];
    if (!mark || sr(i) < 5.5 || !inView(i)) continue;
    ctx.fillText(markGlyph(mark), sx(i), sy(i) + 0.5);
  }

  // ---- labels, with a halo so links under them do not hurt reading ---------------------------
  if (labelsShown(k)) {
    ctx.font = GRAPH_LABEL_FONT;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    ctx.lineJoin = 'round';
    ctx.lineWidth = 3;
    const maxLabel = COLUMN_PX * k;
    for (let i = 0; i < count; i++) {
      const x = sx(i);
      const y = sy(i);
      if (x > w || x + maxLabel < 0 || y < -ROW_PX || y > h + ROW_PX) continue;
      const r = sr(i);
      const hidden = layout.hiddenCount[i]!;
      const suffix = hidden > 0 ? ` +${hidden}` : '';
      const suffixPx = suffix ? ctx.measureText(suffix).width : 0;
      const glyph = markGlyph(paint.marks[i] ?? null);
      const text = frame.fitLabel(i, glyph ? `${glyph} ${paint.labels[i]!}` : paint.labels[i]!, labelWidthPx(k, r) - suffixPx);
      if (text === '') continue;
      const lx = x + r + (hidden > 0 ? 12 : LABEL_GAP_PX);
      ctx.strokeStyle = palette.background;
      ctx.strokeText(text, lx, y);
      ctx.fillStyle = palette.label;
      ctx.fillText(text, lx, y);
      if (suffix) {
        const ex = lx + ctx.measureText(text).width;
        ctx.strokeText(suffix, ex, y);
        ctx.fillStyle = palette.labelMuted;
        ctx.fillText(suffix, ex, y);
      }
    }
  }
}

/** Adds the link from parent `p` to child `i` to the current path; false when it is out of view. */
function addLink(ctx: CanvasRenderingContext2D, frame: DiffGraphFrame, i: number, p: number): boolean {
  const { layout, transform, widthPx: w, heightPx: h } = frame;
  const { k, x: tx, y: ty } = transform;
  const r = (j: number) => Math.max(MIN_SCREEN_RADIUS_PX, layout.radiusPx[j]! * k);
  const x0 = layout.xPx[p]! * k + tx + r(p);
  const y0 = layout.yPx[p]! * k + ty;
  const x1 = layout.xPx[i]! * k + tx - r(i);
  const y1 = layout.yPx[i]! * k + ty;
  if (Math.max(x0, x1) < 0 || Math.min(x0, x1) > w || Math.max(y0, y1) < 0 || Math.min(y0, y1) > h) return false;
  ctx.moveTo(x0, y0);
  if (isDense(k)) ctx.lineTo(x1, y1);
  else {
    const mx = (x0 + x1) / 2;
    ctx.bezierCurveTo(mx, y0, mx, y1, x1, y1);
  }
  return true;
}

/** The links from the root to the selected node, over the other links and under the nodes. */
function drawSelectedPath(ctx: CanvasRenderingContext2D, frame: DiffGraphFrame): void {
  const { layout, palette, selectedIndex } = frame;
  const { parentIndex, count } = layout;
  if (selectedIndex < 0 || selectedIndex >= count) return;
  ctx.beginPath();
  for (let i = selectedIndex; parentIndex[i]! >= 0; i = parentIndex[i]!) addLink(ctx, frame, i, parentIndex[i]!);
  ctx.strokeStyle = palette.linkSelected;
  ctx.lineWidth = 2;
  ctx.stroke();
}

/** The hover and selection rings, on top of everything. */
function drawSelection(ctx: CanvasRenderingContext2D, frame: DiffGraphFrame): void {
  const { layout, transform, palette, selectedIndex, hoverIndex } = frame;
  const { k, x: tx, y: ty } = transform;
  const { count } = layout;
  const ring = (i: number, colour: string, width: number, gapPx: number) => {
    if (i < 0 || i >= count) return;
    const r = Math.max(MIN_SCREEN_RADIUS_PX, layout.radiusPx[i]! * k);
    ctx.beginPath();
    ctx.arc(layout.xPx[i]! * k + tx, layout.yPx[i]! * k + ty, r + gapPx, 0, Math.PI * 2);
    ctx.strokeStyle = colour;
    ctx.lineWidth = width;
    ctx.stroke();
  };
  if (hoverIndex !== selectedIndex) ring(hoverIndex, palette.hoverRing, 1.5, 3);
  ring(selectedIndex, palette.selectedRing, 2.5, 4);
}

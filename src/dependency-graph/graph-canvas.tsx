// A thin React host around the canvas drawing functions: it owns the canvas size, the d3-zoom
// pan/zoom transform, hover hit testing and the tooltip. All drawing happens in drawGraph, at most
// once per animation frame, so panning a 4,000-edge graph does no React work per frame.
import { ZoomButtons } from '../components/zoom-buttons';
import { panCanvasBy, wheelZoomExponent, zoomCanvasBy, zoomGestureAllowed, zoomKeyAction } from '../components/canvas-zoom';
import { useWheelZoomHint } from '../components/wheel-zoom-hint';
import { useCanvasSize } from '../components/use-canvas-size';
import { select } from 'd3';
import { zoom as d3zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { formatDurationUs } from '../lib/duration-format';
import { drawGraph, LABEL_FONT, type DrawPart } from './draw-graph';
import { edgeErrorRate } from './graph-model';
import { hitEdge, hitNode, type GraphScene } from './graph-scene';
import { DARK_PALETTE, LIGHT_PALETTE, type GraphPalette } from './graph-style';

export interface CenterRequest {
  node: number;
  /** Changes on every request, so asking for the same node twice still re-centres. */
  nonce: number;
}

export interface GraphCanvasProps {
  scene: GraphScene;
  /** Nodes ringed in the highlight colour (focus, find matches). */
  ringNodes: ReadonlySet<number>;
  /** When set (find in progress), other nodes are faded. */
  matchNodes: ReadonlySet<number> | null;
  selectedEdge: number;
  centerRequest: CenterRequest | null;
  describedBy: string;
  onNodeClick: (node: number) => void;
  onEdgeClick: (edge: number) => void;
  /** What clicking an edge does, for its hover card ("Click to …"). */
  edgeClickHint: (edge: number) => string;
}

type Hover = { kind: 'node' | 'edge'; index: number } | null;

/** Dark theme when the text colour is light: works however the app switches themes. */
export function paletteFor(element: Element): GraphPalette {
  const colour = getComputedStyle(element).color;
  const rgb = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)/.exec(colour);
  if (rgb) {
    const luminance = 0.299 * Number(rgb[1]) + 0.587 * Number(rgb[2]) + 0.114 * Number(rgb[3]);
    return luminance > 140 ? DARK_PALETTE : LIGHT_PALETTE;
  }
  // Tailwind 4 colours compute to oklch()/oklab(): the first component is the lightness.
  const lab = /okl(?:ch|ab)\(\s*([\d.]+)(%?)/.exec(colour);
  if (lab) {
    const lightness = Number(lab[1]) / (lab[2] === '%' ? 100 : 1);
    return lightness > 0.6 ? DARK_PALETTE : LIGHT_PALETTE;
  }
  return document.documentElement.classList.contains('dark') ? DARK_PALETTE : LIGHT_PALETTE;
}

const numberFormat = new Intl.NumberFormat('en-US');

let averageGlyphPx = 0;
/** Mean advance of a lower-case-and-digits name at LABEL_FONT, measured once. */
function glyphWidth(ctx: CanvasRenderingContext2D): number {
  if (averageGlyphPx === 0) {
    const sample = 'abcdefghijklmnopqrstuvwxyz-0123456789';
    ctx.font = LABEL_FONT;
    averageGlyphPx = ctx.measureText(sample).width / sample.length || 6.5;
  }
  return averageGlyphPx;
}

/** Above this many edges, pan/zoom moves a snapshot of the last frame and redraws when it stops. */
const SNAPSHOT_EDGES = 800;
/** Quiet time after the last pan/zoom event before the full redraw. */
const SETTLE_MS = 140;

interface Snapshot {
  image: HTMLCanvasElement;
  transform: ZoomTransform;
}

function fitTransform(scene: GraphScene, widthPx: number, heightPx: number): ZoomTransform {
  const { widthPx: w, heightPx: h } = scene.layout;
  const k = Math.min(1.5, (widthPx - 16) / Math.max(w, 1), (heightPx - 16) / Math.max(h, 1));
  return zoomIdentity.translate((widthPx - w * k) / 2, (heightPx - h * k) / 2).scale(k);
}

export function GraphCanvas({ scene, ringNodes, matchNodes, selectedEdge, centerRequest, describedBy, onNodeClick, onEdgeClick, edgeClickHint }: GraphCanvasProps) {
  const wrapperRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  // Size: follow the wrapper; the backing store is in device pixels for crisp lines.
  const { size, sizeRef } = useCanvasSize(wrapperRef, canvasRef, () => scheduleDraw());
  const zoomRef = useRef<ZoomBehavior<HTMLCanvasElement, unknown> | null>(null);
  const transformRef = useRef<ZoomTransform>(zoomIdentity);
  const frameRef = useRef(0);
  /** The transform of the last full drawing, and a copy of it while the user pans or zooms. */
  const drawnTransform = useRef<ZoomTransform | null>(null);
  const snapshotRef = useRef<Snapshot | null>(null);
  const settleTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [hover, setHover] = useState<Hover>(null);
  const [pointer, setPointer] = useState({ x: 0, y: 0 });
  const zoomLabelRef = useRef<HTMLOutputElement>(null);
  const wheelHint = useWheelZoomHint('the graph');

  const incident = useMemo(() => {
    const lists: number[][] = scene.graph.nodes.map(() => []);
    scene.graph.edges.forEach((edge, e) => {
      lists[edge.source]?.push(e);
      if (edge.target !== edge.source) lists[edge.target]?.push(e);
    });
    return lists;
  }, [scene]);

  // What to emphasise: the hovered node and its neighbours, else the hovered or selected edge, else find matches.
  const emphasis = useMemo(() => {
    const edgeIndex = hover?.kind === 'edge' ? hover.index : selectedEdge;
    if (hover?.kind === 'node') {
      const edges = new Set(incident[hover.index] ?? []);
      const nodes = new Set<number>([hover.index]);
      for (const e of edges) {
        const edge = scene.graph.edges[e];
        if (edge) nodes.add(edge.source).add(edge.target);
      }
      return { nodes, edges };
    }
    const edge = scene.graph.edges[edgeIndex];
    if (edge) return { nodes: new Set([edge.source, edge.target]), edges: new Set([edgeIndex]) };
    if (matchNodes) return { nodes: matchNodes, edges: new Set<number>() };
    return null;
  }, [hover, selectedEdge, matchNodes, incident, scene]);

  const activeEdge = hover?.kind === 'edge' ? hover.index : selectedEdge;

  const draw = useCallback((part: DrawPart) => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const { width, height } = sizeRef.current;
    if (width === 0 || height === 0) return;
    const t = transformRef.current;
    const snapshot = snapshotRef.current;
    if (snapshot && part !== 'overlay') {
      // Mid-gesture on a big graph: move the last full frame instead of redrawing 4,000 edges.
      const s = t.k / snapshot.transform.k;
      const dpr = window.devicePixelRatio || 1;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      ctx.setTransform(s, 0, 0, s, dpr * (t.x - snapshot.transform.x * s), dpr * (t.y - snapshot.transform.y * s));
      ctx.drawImage(snapshot.image, 0, 0);
      return;
    }
    if (snapshot) return;
    drawnTransform.current = t;
    ctx.font = LABEL_FONT;
    drawGraph(ctx, scene, {
      transform: { k: t.k, x: t.x, y: t.y },
      widthPx: width,
      heightPx: height,
      dpr: window.devicePixelRatio || 1,
      palette: paletteFor(canvas),
      emphasisNodes: emphasis?.nodes ?? null,
      emphasisEdges: emphasis?.edges ?? null,
      ringNodes,
      activeEdge,
      // Measuring 1,200 names costs ~20 ms on the first frame; an average glyph width is close
      // enough for deciding which labels collide.
      measureLabel: (name) => name.length * glyphWidth(ctx),
    }, part);
  }, [scene, emphasis, ringNodes, activeEdge, sizeRef]);

  /** Starts (or keeps) snapshot mode for a big graph; false for small graphs, which redraw fully. */
  const snapshotSource = useRef<() => boolean>(() => false);
  useEffect(() => {
    snapshotSource.current = () => {
      if (scene.graph.edges.length < SNAPSHOT_EDGES) return false;
      if (snapshotRef.current) return true;
      const canvas = canvasRef.current;
      const drawn = drawnTransform.current;
      if (!canvas || !drawn) return false;
      const image = document.createElement('canvas');
      image.width = canvas.width;
      image.height = canvas.height;
      image.getContext('2d')?.drawImage(canvas, 0, 0);
      snapshotRef.current = { image, transform: drawn };
      return true;
    };
  }, [scene]);

  const drawRef = useRef(draw);
  useEffect(() => {
    drawRef.current = draw;
  }, [draw]);

  // Big graphs draw edges in one frame and nodes and labels in the next (see DrawPart).
  const splitFrames = useRef(false);
  useEffect(() => {
    splitFrames.current = scene.graph.edges.length >= SNAPSHOT_EDGES;
  }, [scene]);
  const scheduleDraw = useCallback(() => {
    cancelAnimationFrame(frameRef.current);
    frameRef.current = requestAnimationFrame(() => {
      if (!splitFrames.current || snapshotRef.current) {
        frameRef.current = 0;
        drawRef.current('all');
        return;
      }
      drawRef.current('edges');
      frameRef.current = requestAnimationFrame(() => {
        frameRef.current = 0;
        drawRef.current('overlay');
      });
    });
  }, []);

  useEffect(() => () => cancelAnimationFrame(frameRef.current), []);


  // Pan and zoom.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const behaviour = d3zoom<HTMLCanvasElement, unknown>()
      .scaleExtent([0.01, 6])
      .filter(zoomGestureAllowed)
      .wheelDelta(wheelZoomExponent)
      .on('zoom', (event: { transform: ZoomTransform; sourceEvent: Event | null }) => {
        transformRef.current = event.transform;
        // Written directly, not through state: a pan or zoom must not re-render React per frame.
        if (zoomLabelRef.current) zoomLabelRef.current.textContent = `${Math.round(event.transform.k * 100)} %`;
        setHover(null);
        // Only gestures use the snapshot; programmatic zooms (fit, centre) draw fully at once.
        if (event.sourceEvent && snapshotSource.current()) {
          clearTimeout(settleTimer.current);
          settleTimer.current = setTimeout(() => {
            snapshotRef.current = null;
            scheduleDraw();
          }, SETTLE_MS);
        }
        scheduleDraw();
      });
    zoomRef.current = behaviour;
    select(canvas).call(behaviour).on('dblclick.zoom', null);
    return () => {
      select(canvas).on('.zoom', null);
      clearTimeout(settleTimer.current);
    };
  }, [scheduleDraw]);

  // A new layout (or the first real size): fit it into view.
  const fittedFor = useRef<GraphScene | null>(null);
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || !zoomRef.current || size.width === 0 || fittedFor.current === scene) return;
    fittedFor.current = scene;
    select(canvas).call(zoomRef.current.transform, fitTransform(scene, size.width, size.height));
  }, [scene, size]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || !zoomRef.current || !centerRequest) return;
    const x = scene.layout.xPx[centerRequest.node];
    const y = scene.layout.yPx[centerRequest.node];
    if (x === undefined || y === undefined) return;
    const { width, height } = sizeRef.current;
    const k = Math.max(transformRef.current.k, 1);
    select(canvas).call(zoomRef.current.transform, zoomIdentity.translate(width / 2 - x * k, height / 2 - y * k).scale(k));
  }, [centerRequest, scene, sizeRef]);

  useEffect(() => {
    scheduleDraw();
  }, [draw, scheduleDraw]);

  // Follow theme switches (a class on <html>) and OS scheme changes.
  useEffect(() => {
    const observer = new MutationObserver(scheduleDraw);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class', 'style', 'data-theme'] });
    const media = window.matchMedia?.('(prefers-color-scheme: dark)');
    media?.addEventListener('change', scheduleDraw);
    return () => {
      observer.disconnect();
      media?.removeEventListener('change', scheduleDraw);
    };
  }, [scheduleDraw]);

  const hitAt = (sx: number, sy: number): Hover => {
    const t = transformRef.current;
    const [wx, wy] = t.invert([sx, sy]);
    const node = hitNode(scene, wx, wy, Math.max(3 / t.k, 2));
    if (node >= 0) return { kind: 'node', index: node };
    const edge = hitEdge(scene, wx, wy, 5 / t.k);
    if (edge >= 0) return { kind: 'edge', index: edge };
    return null;
  };
  const localPoint = (event: React.PointerEvent | React.MouseEvent): [number, number] => {
    const rect = event.currentTarget.getBoundingClientRect();
    return [event.clientX - rect.left, event.clientY - rect.top];
  };

  const zoomBy = (factor: number) => zoomCanvasBy(canvasRef.current, zoomRef.current, factor);
  const panBy = (dxPx: number, dyPx: number) => panCanvasBy(canvasRef.current, zoomRef.current, transformRef.current, dxPx, dyPx);
  const fit = () => {
    const canvas = canvasRef.current;
    if (canvas && zoomRef.current) select(canvas).call(zoomRef.current.transform, fitTransform(scene, sizeRef.current.width, sizeRef.current.height));
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    const action = zoomKeyAction(event.key, { zoomBy, panBy, fit });
    if (action) {
      event.preventDefault();
      action();
    }
  };

  const tooltip = hover ? <HoverCard scene={scene} hover={hover} at={pointer} size={size} edgeClickHint={edgeClickHint} /> : null;

  return (
    <div className="relative h-full w-full">
      <div ref={wrapperRef} className="absolute inset-0 overflow-hidden">
        <canvas
          ref={canvasRef}
          role="img"
          aria-label="Service dependency graph"
          aria-describedby={describedBy}
          tabIndex={0}
          className={`block h-full w-full touch-none text-slate-900 dark:text-slate-100 ${hover ? 'cursor-pointer' : 'cursor-grab'}`}
          style={{ width: '100%', height: '100%' }}
          onKeyDown={onKeyDown}
          onPointerMove={(event) => {
            if (event.buttons !== 0) return;
            const [x, y] = localPoint(event);
            const next = hitAt(x, y);
            // Keep the same object while the target is unchanged, so emphasis is not recomputed per move.
            setHover((previous) => (previous?.kind === next?.kind && previous?.index === next?.index ? previous : next));
            if (next) setPointer({ x, y });
          }}
          onPointerLeave={() => setHover(null)}
          onWheel={wheelHint.onWheel}
          onClick={(event) => {
            const [x, y] = localPoint(event);
            const hit = hitAt(x, y);
            if (hit?.kind === 'node') onNodeClick(hit.index);
            else if (hit?.kind === 'edge') onEdgeClick(hit.index);
          }}
        />
      </div>
      {tooltip}
      {wheelHint.hint}
      <ZoomButtons className="absolute right-2 top-2" onZoom={zoomBy} onFit={fit} levelRef={zoomLabelRef} />
    </div>
  );
}

interface HoverCardProps {
  scene: GraphScene;
  hover: NonNullable<Hover>;
  at: { x: number; y: number };
  size: { width: number; height: number };
  edgeClickHint: (edge: number) => string;
}

function HoverCard({ scene, hover, at, size, edgeClickHint }: HoverCardProps) {
  const left = Math.min(at.x + 14, Math.max(0, size.width - 260));
  const top = Math.min(at.y + 14, Math.max(0, size.height - 110));
  let body: React.ReactNode;
  if (hover.kind === 'node') {
    const node = scene.graph.nodes[hover.index];
    if (!node) return null;
    body = (
      <>
        <p className="font-semibold">{node.name}</p>
        <p>
          {numberFormat.format(node.callsIn)} calls in · {numberFormat.format(node.callsOut)} calls out
        </p>
        {node.errorsIn > 0 ? <p>{numberFormat.format(node.errorsIn)} failed calls in</p> : null}
        <p className="text-slate-500 dark:text-slate-400">Click to search its traces</p>
      </>
    );
  } else {
    const edge = scene.graph.edges[hover.index];
    if (!edge) return null;
    const { link } = edge;
    const rate = edgeErrorRate(link);
    body = (
      <>
        <p className="font-semibold">
          {link.parent} → {link.child}
        </p>
        <p>
          {numberFormat.format(link.callCount)} calls
          {rate !== null ? ` · ${numberFormat.format(link.errorCount ?? 0)} errors (${(rate * 100).toFixed(rate < 0.1 ? 1 : 0)} %)` : ''}
        </p>
        {link.p50Us !== undefined || link.p95Us !== undefined ? (
          <p>
            {link.p50Us !== undefined ? `p50 ${formatDurationUs(link.p50Us)}` : ''}
            {link.p50Us !== undefined && link.p95Us !== undefined ? ' · ' : ''}
            {link.p95Us !== undefined ? `p95 ${formatDurationUs(link.p95Us)}` : ''}
          </p>
        ) : null}
        <p className="text-slate-500 dark:text-slate-400">{edgeClickHint(hover.index)}</p>
      </>
    );
  }
  return (
    <div
      aria-hidden="true"
      className="pointer-events-none absolute z-10 max-w-64 rounded-md border border-slate-200 bg-white/95 px-3 py-2 text-xs text-slate-800 shadow-lg dark:border-slate-700 dark:bg-slate-900/95 dark:text-slate-100"
      style={{ left, top }}
    >
      {body}
    </div>
  );
}

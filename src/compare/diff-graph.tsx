// The diff graph: the union tree of the two traces drawn left to right on a canvas, node colour =
// self-time change, node size = the longer total time, dashed +/− rings for nodes only in B / A.
// Branches without changes start folded. d3-zoom pans and zooms; a click selects the node (the
// same side-by-side details as the table), a double click folds or unfolds it. All drawing
// happens in drawDiffGraph at most once per animation frame, so panning does no React work.
//
// The canvas is role="img" named `Trace difference graph`, described by a short text of the
// biggest changes. The keyboard browses it node by node (diff-graph-keys.ts), each move announced
// in a live region; the `Trace differences` table lists every node.

import { ZoomButtons } from '../components/zoom-buttons';
import { panCanvasBy, wheelZoomExponent, zoomCanvasBy, zoomGestureAllowed, zoomKeyAction } from '../components/canvas-zoom';
import { useWheelZoomHint, ZOOM_MODIFIER } from '../components/wheel-zoom-hint';
import { useCanvasSize } from '../components/use-canvas-size';
import { select, zoom as d3zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { Button } from '../components/button';
import { formatDurationUs } from '../lib/duration-format';
import { selfDeltaUs, type DiffNode, type TraceDiff } from '../model/trace-diff';
import { deltaWithWords, FASTER_COLOURS, NEUTRAL_COLOUR, SLOWER_COLOURS } from './delta-format';
import { formatCount } from '../lib/count-format';
import { graphDescription } from './diff-graph-description';
import { bucketByFill, drawDiffGraph, GRAPH_LABEL_FONT, labelsShown, labelWidthPx, type DiffGraphPaint } from './diff-graph-draw';
import {
  COLUMN_PX,
  EMPTY_LAYOUT,
  fitGraphTransform,
  foldUnchangedSubtrees,
  initialGraphTransform,
  graphLabel,
  hitTestNode,
  MAX_RADIUS_PX,
  truncateToWidth,
  type DiffGraphLayout,
} from './diff-graph-layout';
import { DARK_GRAPH_PALETTE, graphNodeFill, graphNodeMark, LIGHT_GRAPH_PALETTE } from './diff-graph-style';
import { expandAncestorsOf, toggleNode } from './diff-rows';
import { graphNodeAfterKey, graphNodeAnnouncement, isGraphMoveKey } from './diff-graph-keys';
import { useDarkClass } from '../components/use-dark-class';
import { useDiffGraphLayout } from './use-diff-graph-layout';

export interface DiffGraphProps {
  diff: TraceDiff;
  selectedNodeId: number | null;
  onSelectNode(nodeId: number | null): void;
}

/** Zoom at which a node picked in an overview is brought close enough to read. */
const READABLE_K = 1;
const MAX_K = 4;

function buildPaint(diff: TraceDiff, layout: DiffGraphLayout): DiffGraphPaint {
  const fills: string[] = new Array<string>(layout.count);
  const marks: DiffGraphPaint['marks'] = new Array<DiffGraphPaint['marks'][number]>(layout.count);
  const labels: string[] = new Array<string>(layout.count);
  for (let i = 0; i < layout.count; i++) {
    const node = diff.nodes[layout.nodeIds[i]!]!;
    fills[i] = graphNodeFill(node, diff.summary.thresholdUs);
    marks[i] = graphNodeMark(node);
    labels[i] = graphLabel(node);
  }
  const buckets = bucketByFill(fills);
  const bucketOf = new Uint8Array(layout.count);
  buckets.forEach((bucket, b) => {
    for (const i of bucket.indices) bucketOf[i] = b;
  });
  return { buckets, bucketOf, marks, labels };
}

export function DiffGraph({ diff, selectedNodeId, onSelectNode }: DiffGraphProps) {
  const { nodes } = diff;
  const titleId = useId();
  const descriptionId = useId();
  const [collapsed, setCollapsed] = useState<Uint8Array>(() => foldUnchangedSubtrees(diff));
  const laidOut = useDiffGraphLayout(diff, collapsed);
  const layout = laidOut.layout ?? EMPTY_LAYOUT;
  const paint = useMemo(() => buildPaint(diff, layout), [diff, layout]);
  const description = useMemo(() => graphDescription(diff, layout.count), [diff, layout.count]);
  const dark = useDarkClass();
  const palette = dark ? DARK_GRAPH_PALETTE : LIGHT_GRAPH_PALETTE;

  const wrapperRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  // Size: follow the wrapper; the backing store is in device pixels for crisp lines.
  const { size, sizeRef } = useCanvasSize(wrapperRef, canvasRef, () => drawRef.current());
  const zoomRef = useRef<ZoomBehavior<HTMLCanvasElement, unknown> | null>(null);
  const transformRef = useRef<ZoomTransform>(zoomIdentity);
  const frameRef = useRef(0);
  const [hover, setHover] = useState<{ index: number; x: number; y: number } | null>(null);
  const wheelHint = useWheelZoomHint('the graph');
  const zoomLabelRef = useRef<HTMLOutputElement>(null);

  const selectedIndex = selectedNodeId === null ? -1 : (layout.indexOfNode[selectedNodeId] ?? -1);
  const hoverIndex = hover?.index ?? -1;

  // Fitting a label measures text; cache the result per node and width until the layout changes.
  const labelCache = useRef<{ layout: DiffGraphLayout | null; fitted: Map<number, { widthPx: number; text: string }> }>({
    layout: null,
    fitted: new Map(),
  });

  const draw = useCallback(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    const { width, height } = sizeRef.current;
    if (!canvas || !ctx || width === 0 || height === 0) return;
    const cache = labelCache.current;
    if (cache.layout !== layout) {
      cache.layout = layout;
      cache.fitted.clear();
    }
    const t = transformRef.current;
    drawDiffGraph(ctx, {
      layout,
      paint,
      transform: { k: t.k, x: t.x, y: t.y },
      widthPx: width,
      heightPx: height,
      dpr: window.devicePixelRatio || 1,
      palette,
      selectedIndex,
      hoverIndex,
      fitLabel: (index, text, maxWidthPx) => {
        const hit = cache.fitted.get(index);
        if (hit && hit.widthPx === Math.floor(maxWidthPx)) return hit.text;
        ctx.font = GRAPH_LABEL_FONT;
        const fitted = truncateToWidth(text, maxWidthPx, (s) => ctx.measureText(s).width);
        cache.fitted.set(index, { widthPx: Math.floor(maxWidthPx), text: fitted });
        return fitted;
      },
    });
  }, [layout, paint, palette, selectedIndex, hoverIndex, sizeRef]);

  const drawRef = useRef(draw);
  useEffect(() => {
    drawRef.current = draw;
  }, [draw]);
  const scheduleDraw = useCallback(() => {
    if (frameRef.current !== 0) return;
    frameRef.current = requestAnimationFrame(() => {
      frameRef.current = 0;
      drawRef.current();
    });
  }, []);
  useEffect(() => () => cancelAnimationFrame(frameRef.current), []);
  useEffect(() => {
    scheduleDraw();
  }, [draw, scheduleDraw]);


  // Pan and zoom.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const behaviour = d3zoom<HTMLCanvasElement, unknown>()
      .scaleExtent([0.01, MAX_K])
      // As on the dependency graph: the page around the graph scrolls on a plain wheel.
      .filter(zoomGestureAllowed)
      .wheelDelta(wheelZoomExponent)
      .on('zoom', (event: { transform: ZoomTransform }) => {
        transformRef.current = event.transform;
        // Written directly, not through state: a pan or zoom must not re-render React per frame.
        if (zoomLabelRef.current) zoomLabelRef.current.textContent = `${Math.round(event.transform.k * 100)} %`;
        setHover(null);
        scheduleDraw();
      });
    zoomRef.current = behaviour;
    select(canvas).call(behaviour).on('dblclick.zoom', null);
    return () => {
      select(canvas).on('.zoom', null);
    };
  }, [scheduleDraw]);

  const setTransform = useCallback((t: { k: number; x: number; y: number }) => {
    const canvas = canvasRef.current;
    if (canvas && zoomRef.current) select(canvas).call(zoomRef.current.transform, zoomIdentity.translate(t.x, t.y).scale(t.k));
  }, []);

  // Zooming out as far as the whole tree (and a bit more) must stay possible, however big it is.
  useEffect(() => {
    if (size.width === 0) return;
    const fit = fitGraphTransform(layout, size.width, size.height);
    zoomRef.current?.scaleExtent([Math.min(0.2, fit.k * 0.8), MAX_K]);
  }, [layout, size]);

  // The first layout with a real size: fit it into view.
  const fitted = useRef(false);
  useEffect(() => {
    if (fitted.current || size.width === 0 || laidOut.layout === null) return;
    fitted.current = true;
    setTransform(initialGraphTransform(layout, size.width, size.height));
  }, [layout, laidOut.layout, size, setTransform]);

  // Folding or unfolding moves the tree around; keep the toggled node where it was on screen.
  const anchor = useRef<{ nodeId: number; xPx: number; yPx: number } | null>(null);
  const toggleFold = (nodeId: number) => {
    const index = layout.indexOfNode[nodeId] ?? -1;
    if (index >= 0) {
      const t = transformRef.current;
      anchor.current = { nodeId, xPx: layout.xPx[index]! * t.k + t.x, yPx: layout.yPx[index]! * t.k + t.y };
    }
    setCollapsed((c) => toggleNode(c, nodeId));
  };
  useEffect(() => {
    const a = anchor.current;
    if (a === null) return;
    anchor.current = null;
    const index = layout.indexOfNode[a.nodeId] ?? -1;
    if (index < 0) return;
    const { k } = transformRef.current;
    setTransform({ k, x: a.xPx - layout.xPx[index]! * k, y: a.yPx - layout.yPx[index]! * k });
  }, [layout, setTransform]);

  // A node selected elsewhere (summary, table, waterfall): unfold its ancestors, then bring it
  // and its label into view. Also after a resize (opening the details narrows the graph).
  const pendingReveal = useRef<number | null>(null);
  useEffect(() => {
    if (selectedNodeId === null) return;
    pendingReveal.current = selectedNodeId;
    setCollapsed((c) => expandAncestorsOf(nodes, c, selectedNodeId));
  }, [selectedNodeId, nodes]);
  const revealedAtSize = useRef(size);
  useEffect(() => {
    if (revealedAtSize.current !== size) {
      revealedAtSize.current = size;
      if (selectedNodeId !== null) pendingReveal.current = selectedNodeId;
    }
    const nodeId = pendingReveal.current;
    if (nodeId === null || size.width === 0) return;
    const index = layout.indexOfNode[nodeId] ?? -1;
    if (index < 0) return;
    pendingReveal.current = null;
    const t = transformRef.current;
    const x = layout.xPx[index]! * t.k + t.x;
    const y = layout.yPx[index]! * t.k + t.y;
    // Visible enough: the node's centre on screen, with room for its label on the right.
    const margin = 4;
    const labelRoom = labelsShown(t.k) ? Math.min(COLUMN_PX * t.k, size.width / 3) : 12;
    if (x >= margin && x <= size.width - labelRoom && y >= margin && y <= size.height - margin) return;
    setTransform({ k: t.k, x: size.width / 3 - layout.xPx[index]! * t.k, y: size.height / 2 - layout.yPx[index]! * t.k });
  }, [selectedNodeId, layout, size, setTransform]);

  // Repaint on theme switches (the palette is derived from the class, this catches the first frame).
  useEffect(() => {
    scheduleDraw();
  }, [dark, scheduleDraw]);

  const localPoint = (event: MouseEvent<HTMLCanvasElement>): [number, number] => {
    const rect = event.currentTarget.getBoundingClientRect();
    return [event.clientX - rect.left, event.clientY - rect.top];
  };
  const hitAt = (sx: number, sy: number): number => {
    const t = transformRef.current;
    const [wx, wy] = t.invert([sx, sy]);
    // Labels are hit targets too when they are drawn.
    const labelPx = labelsShown(t.k) ? labelWidthPx(t.k, MAX_RADIUS_PX * t.k) / t.k : 0;
    return hitTestNode(layout, wx, wy, Math.max(3 / t.k, 1), labelPx);
  };

  const zoomBy = (factor: number) => zoomCanvasBy(canvasRef.current, zoomRef.current, factor);
  const panBy = (dxPx: number, dyPx: number) => panCanvasBy(canvasRef.current, zoomRef.current, transformRef.current, dxPx, dyPx);
  const fit = () => setTransform(fitGraphTransform(layout, sizeRef.current.width, sizeRef.current.height));
  const selectedNode = selectedNodeId === null ? undefined : nodes[selectedNodeId];
  const selectedHidden = selectedIndex >= 0 ? layout.hiddenCount[selectedIndex]! : 0;
  // Keys: arrows and Home move node by node (diff-graph-keys.ts), Enter or Space folds, Escape
  // clears the selection; Shift+arrows pan, +/− zoom and 0 fits (as on the dependency graph).
  const [announcement, setAnnouncement] = useState('');
  const onKeyDown = (event: KeyboardEvent<HTMLCanvasElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const { key } = event;
    let action: (() => void) | undefined;
    if (!event.shiftKey && isGraphMoveKey(key)) {
      action = () => {
        const next = graphNodeAfterKey(diff, selectedNodeId, key);
        if (next === null) return;
        if (next !== selectedNodeId) onSelectNode(next);
        // (Selecting unfolds the node's ancestors, not the node: its own children may stay folded.)
        setAnnouncement(graphNodeAnnouncement(diff, nodes[next]!, collapsed[next] === 1));
      };
    } else if ((key === 'Enter' || key === ' ') && selectedNode !== undefined && selectedNode.childIds.length > 0) {
      action = () => {
        const folding = collapsed[selectedNode.id] !== 1;
        toggleFold(selectedNode.id);
        setAnnouncement(graphNodeAnnouncement(diff, selectedNode, folding));
      };
    } else if (key === 'Escape') {
      action = () => {
        onSelectNode(null);
        setAnnouncement('');
      };
    } else {
      action = zoomKeyAction(key, { zoomBy, panBy, fit });
    }
    if (action) {
      event.preventDefault();
      action();
    }
  };


  return (
    <section aria-labelledby={titleId} className="flex min-h-0 flex-col rounded-md border border-slate-200 dark:border-slate-800">
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-3 py-2 dark:border-slate-800">
        <h2 id={titleId} className="mr-2 text-sm font-semibold">
          Difference graph
        </h2>
        <Button variant="ghost" className="px-2 py-0.5 text-xs" onClick={() => setCollapsed(new Uint8Array(nodes.length))}>
          Unfold all
        </Button>
        <Button variant="ghost" className="px-2 py-0.5 text-xs" onClick={() => setCollapsed(foldUnchangedSubtrees(diff))}>
          Fold unchanged
        </Button>
        {/* Always there (disabled without a foldable selection), so selecting never shifts the graph. */}
        <Button
          variant="ghost"
          className="px-2 py-0.5 text-xs"
          disabled={!selectedNode || selectedNode.childIds.length === 0}
          onClick={() => {
            if (selectedNode) toggleFold(selectedNode.id);
          }}
        >
          {selectedHidden > 0 ? `Unfold selected (${formatCount(selectedHidden)})` : 'Fold selected'}
        </Button>
      </div>
      <div className="relative h-[60vh] min-h-64 bg-white dark:bg-slate-950">
        <div ref={wrapperRef} className="absolute inset-0 overflow-hidden">
          <canvas
            ref={canvasRef}
            role="img"
            aria-label="Trace difference graph"
            aria-describedby={descriptionId}
            tabIndex={0}
            data-shown-nodes={layout.count}
            className={`block h-full w-full touch-none focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-sky-600 ${hover ? 'cursor-pointer' : 'cursor-grab'}`}
            onKeyDown={onKeyDown}
            onPointerMove={(event) => {
              if (event.buttons !== 0) return;
              const [x, y] = localPoint(event);
              const index = hitAt(x, y);
              setHover((previous) =>
                index < 0 ? null : previous?.index === index && Math.abs(previous.x - x) + Math.abs(previous.y - y) < 2 ? previous : { index, x, y },
              );
            }}
            onPointerLeave={() => setHover(null)}
            onWheel={wheelHint.onWheel}
            onClick={(event) => {
              const [x, y] = localPoint(event);
              const index = hitAt(x, y);
              if (index < 0) return;
              const nodeId = layout.nodeIds[index]!;
              onSelectNode(nodeId);
              // Picked in an overview: come close enough to read it and its neighbours.
              const t = transformRef.current;
              if (t.k < READABLE_K * 0.6) {
                setTransform({ k: READABLE_K, x: x - layout.xPx[index]! * READABLE_K, y: y - layout.yPx[index]! * READABLE_K });
              }
            }}
            onDoubleClick={(event) => {
              const [x, y] = localPoint(event);
              const index = hitAt(x, y);
              if (index >= 0) {
                const node = nodes[layout.nodeIds[index]!];
                if (node && node.childIds.length > 0) toggleFold(node.id);
              }
            }}
          />
        </div>
        {laidOut.error !== null ? (
          <p role="alert" className="absolute inset-x-0 top-12 mx-auto w-fit rounded bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
            The graph could not be laid out ({laidOut.error}). The table below lists every operation.
          </p>
        ) : laidOut.computing ? (
          <p role="status" className="absolute top-2 left-2 rounded bg-white/90 px-2 py-1 text-xs text-slate-700 dark:bg-slate-900/90 dark:text-slate-300">
            Laying out {formatCount(nodes.length)} operations…
          </p>
        ) : null}
        {hover ? <HoverCard diff={diff} layout={layout} index={hover.index} at={hover} size={size} /> : null}
        {wheelHint.hint}
        <ZoomButtons className="absolute top-2 right-2" onZoom={zoomBy} onFit={fit} levelRef={zoomLabelRef} />
      </div>
      <GraphLegend className="border-t border-slate-200 px-3 pt-2 dark:border-slate-800" />
      <p id={descriptionId} className="px-3 pt-1 pb-2 text-xs text-slate-700 dark:text-slate-300">
        {description}{' '}
        <span className="text-slate-500 dark:text-slate-400">
          Click a node for its details, double-click to fold or unfold it; drag to pan; {ZOOM_MODIFIER} + scroll, pinch or +/− to zoom; 0 to fit. Keys: arrows move
          between nodes (Right: first child, Left: parent, Up and Down: siblings, Home: root), Enter folds or unfolds, Shift+arrows pan.
        </span>
      </p>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </section>
  );
}

function sideLine(label: string, count: number, totalUs: number, selfUs: number): string {
  if (count === 0) return `${label}: absent`;
  return `${label}: ${count === 1 ? '1 span' : `${count} spans`}, ${formatDurationUs(totalUs)} total, ${formatDurationUs(selfUs)} self`;
}

function HoverCard({ diff, layout, index, at, size }: { diff: TraceDiff; layout: DiffGraphLayout; index: number; at: { x: number; y: number }; size: { width: number; height: number } }) {
  const node: DiffNode | undefined = diff.nodes[layout.nodeIds[index] ?? -1];
  if (!node) return null;
  const hidden = layout.hiddenCount[index] ?? 0;
  const delta = selfDeltaUs(node);
  const left = Math.min(at.x + 14, Math.max(0, size.width - 300));
  const top = Math.min(at.y + 14, Math.max(0, size.height - 130));
  return (
    <div
      aria-hidden="true"
      className="pointer-events-none absolute z-10 max-w-[18rem] rounded-md border border-slate-200 bg-white/95 px-3 py-2 text-xs break-words text-slate-800 shadow-lg dark:border-slate-700 dark:bg-slate-900/95 dark:text-slate-100"
      style={{ left, top }}
    >
      <p className="font-semibold">{graphLabel(node)}</p>
      {node.status !== 'matched' ? <p className="font-medium">{node.status === 'added' ? 'Only in B' : 'Only in A'}</p> : null}
      <p>{sideLine('A', node.a.count, node.a.totalUs, node.a.selfUs)}</p>
      <p>{sideLine('B', node.b.count, node.b.totalUs, node.b.selfUs)}</p>
      <p>
        Self time {deltaWithWords(delta, diff.summary.thresholdUs)}
      </p>
      {hidden > 0 ? <p className="text-slate-500 dark:text-slate-400">{formatCount(hidden)} unchanged operations folded below; double-click to unfold</p> : null}
    </div>
  );
}

function Dot({ colour, mark }: { colour: string; mark?: 'added' | 'removed' }) {
  return (
    <span
      aria-hidden="true"
      className={`inline-flex h-3 w-3 items-center justify-center rounded-full text-[9px] leading-none font-bold text-slate-950 ${
        mark === 'added'
          ? 'outline-[1.5px] outline-offset-1 outline-emerald-700 outline-dashed dark:outline-emerald-400'
          : mark === 'removed'
            ? 'outline-[1.5px] outline-offset-1 outline-slate-700 outline-dashed dark:outline-slate-300'
            : ''
      }`}
      style={{ backgroundColor: colour }}
    >
      {mark === 'added' ? '+' : mark === 'removed' ? '\u2212' : ''}
    </span>
  );
}

/** What the node colours and marks mean. */
function GraphLegend({ className = '' }: { className?: string }) {
  return (
    <ul aria-label="Node colours" className={`flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-700 dark:text-slate-300 ${className}`}>
      <li className="flex items-center gap-1">
        <Dot colour={NEUTRAL_COLOUR} /> self time same
      </li>
      <li className="flex items-center gap-1">
        <Dot colour={SLOWER_COLOURS[2]} /> slower in B
      </li>
      <li className="flex items-center gap-1">
        <Dot colour={FASTER_COLOURS[2]} /> faster in B
      </li>
      <li className="flex items-center gap-1">
        <Dot colour={SLOWER_COLOURS[3]} mark="added" /> only in B
      </li>
      <li className="flex items-center gap-1">
        <Dot colour={FASTER_COLOURS[3]} mark="removed" /> only in A
      </li>
      <li>size: total time</li>
    </ul>
  );
}

// Duration over start time for every result, drawn on one canvas (one path per series, so 1,500
// dots cost one fill each). Dot area follows the span count; errors are red. Hover shows a trace,
// click opens it, dragging a rectangle filters the list. Keyboard: the plot is one tab stop with
// a roving "current trace" (arrows, Home/End, Enter), announced through a live region.
import { Delaunay, scaleLinear, scaleLog, scaleSqrt, scaleTime, scaleUtc, timeFormat, utcFormat } from 'd3';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { formatDurationUs } from '../lib/duration-format';
import { formatTimestamp, type TimeZonePreference } from '../lib/time-format';
import { summaryStartUs } from '../model/trace-summary';
import type { TraceSummary } from '../model/types';
import { traceErrorCount, traceSpanCount, type ResultStats } from './result-stats';
import type { PlotBrush } from './search-url-state';
import { useDarkClass } from '../components/use-dark-class';
import { useElementWidthPx } from '../components/use-element-width';

const HEIGHT_PX = 220;
const MARGIN = { top: 10, right: 14, bottom: 26, left: 64 };
const DRAG_THRESHOLD_PX = 4;

const COLOURS = {
  light: { point: 'rgba(3, 105, 161, 0.55)', pointEdge: '#0369a1', error: 'rgba(220, 38, 38, 0.75)', errorEdge: '#b91c1c', dim: 'rgba(100, 116, 139, 0.18)', text: '#475569', grid: '#e2e8f0', active: '#0f172a' },
  dark: { point: 'rgba(56, 189, 248, 0.5)', pointEdge: '#7dd3fc', error: 'rgba(248, 113, 113, 0.8)', errorEdge: '#fca5a5', dim: 'rgba(148, 163, 184, 0.18)', text: '#94a3b8', grid: '#1e293b', active: '#f8fafc' },
};

export interface ResultsScatterPlotProps {
  summaries: readonly TraceSummary[];
  stats: ResultStats;
  /** Traces in the list (quick filters and plot selection applied); the others are drawn faint. null = all. */
  highlighted: ReadonlySet<string> | null;
  brush: PlotBrush | null;
  onBrush: (brush: PlotBrush | null) => void;
  onOpenTrace: (traceId: string) => void;
  timeZone: TimeZonePreference;
}

interface Geometry {
  xPx: Float32Array;
  yPx: Float32Array;
  rPx: Float32Array;
  isError: Uint8Array;
  /** Indices by start time, for arrow-key order. */
  byTime: Uint32Array;
  /** Position of each index in byTime. */
  timeRank: Uint32Array;
  delaunay: Delaunay<number>;
  logY: boolean;
  xScale: ReturnType<typeof scaleTime<number, number>>;
  yScale: ReturnType<typeof scaleLinear<number, number>> | ReturnType<typeof scaleLog<number, number>>;
}

function computeGeometry(summaries: readonly TraceSummary[], stats: ResultStats, widthPx: number, zone: TimeZonePreference): Geometry {
  const n = summaries.length;
  const innerW = Math.max(10, widthPx - MARGIN.left - MARGIN.right);
  const innerH = HEIGHT_PX - MARGIN.top - MARGIN.bottom;
  let t0 = stats.minStartUs / 1000;
  let t1 = stats.maxStartUs / 1000;
  const padMs = Math.max((t1 - t0) * 0.03, 500);
  t0 -= padMs;
  t1 += padMs;
  const xScale = (zone === 'utc' ? scaleUtc() : scaleTime()).domain([t0, t1]).range([MARGIN.left, MARGIN.left + innerW]);
  const lo = Math.max(stats.minDurationUs, 1);
  const hi = Math.max(stats.maxDurationUs, lo + 1);
  // Long-tailed latencies on a linear axis put 95 % of the dots on the floor.
  const logY = hi / lo > 50;
  const yScale =
    logY
      ? scaleLog().domain([lo / 1.3, hi * 1.3]).range([MARGIN.top + innerH, MARGIN.top]).clamp(true)
      : scaleLinear().domain([0, hi * 1.08]).nice().range([MARGIN.top + innerH, MARGIN.top]);
  const rScale = scaleSqrt().domain([1, Math.max(2, stats.maxSpanCount)]).range([2.5, 9]).clamp(true);
  const xPx = new Float32Array(n);
  const yPx = new Float32Array(n);
  const rPx = new Float32Array(n);
  const isError = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const s = summaries[i] as TraceSummary;
    // No start time: drawn at the axis's left end (its card says "start unknown"), not in 1970.
    xPx[i] = summaryStartUs(s) === null ? MARGIN.left : xScale(s.startUs / 1000);
    yPx[i] = yScale(Math.max(s.durationUs, 1));
    rPx[i] = rScale(traceSpanCount(s) ?? 1);
    isError[i] = (traceErrorCount(s) ?? 0) > 0 ? 1 : 0;
  }
  const byTime = Uint32Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (summaries[a] as TraceSummary).startUs - (summaries[b] as TraceSummary).startUs,
  );
  const timeRank = new Uint32Array(n);
  byTime.forEach((index, rank) => {
    timeRank[index] = rank;
  });
  const delaunay = new Delaunay(Float64Array.from({ length: n * 2 }, (_, k) => ((k & 1) === 0 ? (xPx[k >> 1] as number) : (yPx[k >> 1] as number))));
  return { xPx, yPx, rPx, isError, byTime, timeRank, delaunay, logY, xScale, yScale };
}

/** About five duration ticks; on a log axis only 1·10ⁿ (plus 2· and 5· when the range is short). */
function durationTicks(scale: Geometry['yScale'], log: boolean): number[] {
  if (!log) return scale.ticks(5);
  const [d0, d1] = scale.domain() as [number, number];
  const powers: number[] = [];
  for (let p = Math.floor(Math.log10(d0)); p <= Math.ceil(Math.log10(d1)); p++) powers.push(10 ** p);
  const inRange = (t: number) => t >= d0 && t <= d1;
  const ones = powers.filter(inRange);
  if (ones.length >= 3) return ones;
  return powers.flatMap((p) => [p, 2 * p, 5 * p]).filter(inRange);
}

/** Tick labels at the precision the window needs, in the user's zone. */
function timeTickFormat(domain: Date[], zone: TimeZonePreference): (date: Date) => string {
  const spanMs = (domain[1]?.getTime() ?? 0) - (domain[0]?.getTime() ?? 0);
  const make = zone === 'utc' ? utcFormat : timeFormat;
  if (spanMs > 2 * 86_400_000) return make('%b %d %H:%M');
  if (spanMs > 10 * 60_000) return make('%H:%M');
  if (spanMs > 10_000) return make('%H:%M:%S');
  return make('%H:%M:%S.%L');
}

/**
 * Where a label centred under `xPx` goes so that the whole of it is on the canvas: a tick near the
 * right edge of a narrow plot (390 px window) had its time cut off.
 */
export function labelCentreXPx(xPx: number, labelWidthPx: number, widthPx: number): number {
  const half = labelWidthPx / 2;
  return Math.max(half, Math.min(xPx, widthPx - half));
}

const TOOLTIP_MAX_WIDTH_PX = 320;

/**
 * Where the hover card goes: right of the dot, moved left near the right edge, and never wider than
 * what is left of the plot (on a 390 px window a long trace name pushed it out of the page).
 */
export function tooltipBox(xPx: number, yPx: number, widthPx: number): { left: number; top: number; maxWidth: number } {
  const left = Math.min(xPx + 10, Math.max(0, widthPx - 260));
  return { left, top: Math.max(0, yPx - 48), maxWidth: Math.min(TOOLTIP_MAX_WIDTH_PX, widthPx - left) };
}

/** "2024-05-01 12:34:56.789 UTC", or "start unknown" rather than a time in 1970. */
function startTimeText(summary: TraceSummary, zone: TimeZonePreference): string {
  const startUs = summaryStartUs(summary);
  return startUs === null ? 'start unknown' : formatTimestamp(startUs, zone);
}

/** "started 2024-05-01 12:34:56.789 UTC", or "start unknown". */
function startText(summary: TraceSummary, zone: TimeZonePreference): string {
  return summaryStartUs(summary) === null ? 'start unknown' : `started ${startTimeText(summary, zone)}`;
}

function describe(summary: TraceSummary, zone: TimeZonePreference): string {
  const spans = traceSpanCount(summary);
  const errors = traceErrorCount(summary);
  return [
    `${summary.rootServiceName}: ${summary.rootName}`,
    formatDurationUs(summary.durationUs),
    spans === null ? null : `${spans} span${spans === 1 ? '' : 's'}`,
    errors ? `${errors} error${errors === 1 ? '' : 's'}` : null,
    startText(summary, zone),
  ]
    .filter(Boolean)
    .join(', ');
}

export function ResultsScatterPlot({ summaries, stats, highlighted, brush, onBrush, onOpenTrace, timeZone }: ResultsScatterPlotProps) {
  const descriptionId = useId();
  const containerRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const widthPx = useElementWidthPx(containerRef);
  const [hovered, setHovered] = useState<number | null>(null);
  const [active, setActive] = useState<number | null>(null);
  const [drag, setDrag] = useState<{ x0: number; y0: number; x1: number; y1: number } | null>(null);
  const dark = useDarkClass();

  const geometry = useMemo(
    () => (widthPx > 0 && summaries.length > 0 ? computeGeometry(summaries, stats, widthPx, timeZone) : null),
    [summaries, stats, widthPx, timeZone],
  );

  // A new result set starts without a current trace.
  useEffect(() => {
    setActive(null);
    setHovered(null);
  }, [summaries]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || !geometry) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(widthPx * dpr);
    canvas.height = Math.round(HEIGHT_PX * dpr);
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const colours = dark ? COLOURS.dark : COLOURS.light;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, widthPx, HEIGHT_PX);
    ctx.font = '11px ui-sans-serif, system-ui, sans-serif';
    ctx.lineWidth = 1;
    // Axes: horizontal grid lines with duration labels, time labels along the bottom.
    const { xScale, yScale } = geometry;
    ctx.fillStyle = colours.text;
    ctx.strokeStyle = colours.grid;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    const yTicks = durationTicks(yScale, geometry.logY);
    yTicks.forEach((tick) => {
      const y = Math.round(yScale(tick)) + 0.5;
      ctx.beginPath();
      ctx.moveTo(MARGIN.left, y);
      ctx.lineTo(widthPx - MARGIN.right, y);
      ctx.stroke();
      ctx.fillText(formatDurationUs(tick), MARGIN.left - 6, y);
    });
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    const xTicks = xScale.ticks(Math.max(2, Math.floor(widthPx / 120)));
    const xFormat = timeTickFormat(xScale.domain(), timeZone);
    for (const tick of xTicks) {
      const label = xFormat(tick);
      ctx.fillText(label, labelCentreXPx(xScale(tick), ctx.measureText(label).width, widthPx), HEIGHT_PX - MARGIN.bottom + 8);
    }
    // Dots: faint (filtered out), normal, errors on top. One path per series.
    const { xPx, yPx, rPx, isError } = geometry;
    const drawSeries = (include: (i: number) => boolean, fill: string, edge: string | null) => {
      ctx.beginPath();
      for (let i = 0; i < summaries.length; i++) {
        if (!include(i)) continue;
        const x = xPx[i] as number;
        const y = yPx[i] as number;
        const r = rPx[i] as number;
        ctx.moveTo(x + r, y);
        ctx.arc(x, y, r, 0, Math.PI * 2);
      }
      ctx.fillStyle = fill;
      ctx.fill();
      if (edge) {
        ctx.strokeStyle = edge;
        ctx.lineWidth = 0.75;
        ctx.stroke();
      }
    };
    const passes = (i: number) => highlighted === null || highlighted.has((summaries[i] as TraceSummary).traceId);
    if (highlighted !== null) drawSeries((i) => !passes(i), colours.dim, null);
    drawSeries((i) => passes(i) && isError[i] === 0, colours.point, colours.pointEdge);
    drawSeries((i) => passes(i) && isError[i] === 1, colours.error, colours.errorEdge);
    const focus = active ?? hovered;
    if (focus !== null && focus < summaries.length) {
      ctx.beginPath();
      ctx.arc(xPx[focus] as number, yPx[focus] as number, (rPx[focus] as number) + 3, 0, Math.PI * 2);
      ctx.strokeStyle = colours.active;
      ctx.lineWidth = 2;
      ctx.stroke();
    }
  }, [geometry, summaries, highlighted, active, hovered, dark, widthPx, timeZone]);

  const hitTest = useCallback(
    (x: number, y: number): number | null => {
      if (!geometry || summaries.length === 0) return null;
      const index = geometry.delaunay.find(x, y);
      const dx = (geometry.xPx[index] as number) - x;
      const dy = (geometry.yPx[index] as number) - y;
      const reach = (geometry.rPx[index] as number) + 5;
      return dx * dx + dy * dy <= reach * reach ? index : null;
    },
    [geometry, summaries.length],
  );

  const localPoint = (event: PointerEvent<HTMLElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  };

  const onPointerDown = (event: PointerEvent<HTMLCanvasElement>) => {
    if (event.button !== 0) return;
    const { x, y } = localPoint(event);
    event.currentTarget.setPointerCapture(event.pointerId);
    setDrag({ x0: x, y0: y, x1: x, y1: y });
  };

  const onPointerMove = (event: PointerEvent<HTMLCanvasElement>) => {
    const { x, y } = localPoint(event);
    if (drag) {
      setDrag({ ...drag, x1: x, y1: y });
      return;
    }
    setHovered(hitTest(x, y));
  };

  const onPointerUp = (event: PointerEvent<HTMLCanvasElement>) => {
    if (!drag) return;
    const { x, y } = localPoint(event);
    setDrag(null);
    const moved = Math.abs(x - drag.x0) > DRAG_THRESHOLD_PX || Math.abs(y - drag.y0) > DRAG_THRESHOLD_PX;
    if (moved && geometry) {
      const [xa, xb] = [Math.min(drag.x0, x), Math.max(drag.x0, x)];
      const [ya, yb] = [Math.min(drag.y0, y), Math.max(drag.y0, y)];
      onBrush({
        startUsMin: +geometry.xScale.invert(xa) * 1000,
        startUsMax: +geometry.xScale.invert(xb) * 1000,
        // Screen y grows downwards, durations grow upwards.
        durationUsMin: Math.max(0, geometry.yScale.invert(yb)),
        durationUsMax: geometry.yScale.invert(ya),
      });
      return;
    }
    const hit = hitTest(x, y);
    if (hit !== null) onOpenTrace((summaries[hit] as TraceSummary).traceId);
    else if (brush) onBrush(null);
  };

  const moveActive = (next: number | null) => {
    if (next === null) return;
    setActive(next);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!geometry || summaries.length === 0) return;
    const n = summaries.length;
    const current = active ?? hovered;
    const rank = current === null ? -1 : (geometry.timeRank[current] as number);
    const at = (r: number) => geometry.byTime[Math.min(n - 1, Math.max(0, r))] as number;
    switch (event.key) {
      case 'ArrowRight':
        moveActive(at(rank + 1));
        break;
      case 'ArrowLeft':
        moveActive(at(rank < 0 ? n - 1 : rank - 1));
        break;
      case 'Home':
        moveActive(at(0));
        break;
      case 'End':
        moveActive(at(n - 1));
        break;
      case 'ArrowUp':
      case 'ArrowDown': {
        // The nearest dot above (longer) or below (shorter) the current one.
        if (current === null) {
          moveActive(at(0));
          break;
        }
        const up = event.key === 'ArrowUp';
        const cx = geometry.xPx[current] as number;
        const cy = geometry.yPx[current] as number;
        let best: number | null = null;
        let bestDistance = Infinity;
        for (let i = 0; i < n; i++) {
          const dy = (geometry.yPx[i] as number) - cy;
          if (i === current || (up ? dy >= 0 : dy <= 0)) continue;
          const dx = (geometry.xPx[i] as number) - cx;
          const distance = dx * dx * 4 + dy * dy;
          if (distance < bestDistance) {
            bestDistance = distance;
            best = i;
          }
        }
        moveActive(best ?? current);
        break;
      }
      case 'Enter':
      case ' ':
        if (current !== null) onOpenTrace((summaries[current] as TraceSummary).traceId);
        break;
      case 'Escape':
        if (brush) onBrush(null);
        else setActive(null);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const focusIndex = active ?? hovered;
  const focusSummary = focusIndex !== null ? summaries[focusIndex] : undefined;
  const brushRect = useMemo(() => {
    if (drag) {
      return { left: Math.min(drag.x0, drag.x1), top: Math.min(drag.y0, drag.y1), width: Math.abs(drag.x1 - drag.x0), height: Math.abs(drag.y1 - drag.y0) };
    }
    if (!brush || !geometry) return null;
    const left = geometry.xScale(brush.startUsMin / 1000);
    const right = geometry.xScale(brush.startUsMax / 1000);
    const top = geometry.yScale(Math.max(brush.durationUsMax, 1));
    const bottom = geometry.yScale(Math.max(brush.durationUsMin, 1));
    return { left, top, width: right - left, height: bottom - top };
  }, [drag, brush, geometry]);

  return (
    <div className="relative">
      <div
        ref={containerRef}
        role="img"
        aria-label="Trace durations over time"
        aria-describedby={descriptionId}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onBlur={() => setActive(null)}
        className="relative rounded-md focus-visible:outline-2 focus-visible:outline-sky-500"
        style={{ height: HEIGHT_PX }}
      >
        <canvas
          ref={canvasRef}
          data-testid="scatter-canvas"
          className={`block touch-none ${hovered !== null && !drag ? 'cursor-pointer' : 'cursor-crosshair'}`}
          style={{ width: widthPx || '100%', height: HEIGHT_PX }}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={() => setDrag(null)}
          onPointerLeave={() => {
            if (!drag) setHovered(null);
          }}
        />
        {brushRect ? (
          <div
            aria-hidden="true"
            className="pointer-events-none absolute border border-sky-600 bg-sky-500/10 dark:border-sky-300 dark:bg-sky-300/10"
            style={brushRect}
          />
        ) : null}
        {focusSummary && geometry && !drag ? (
          <div
            aria-hidden="true"
            className="pointer-events-none absolute z-10 rounded-md wrap-break-word border border-slate-200 bg-white px-2 py-1 text-xs shadow-md dark:border-slate-700 dark:bg-slate-800"
            style={tooltipBox(geometry.xPx[focusIndex as number] as number, geometry.yPx[focusIndex as number] as number, widthPx)}
          >
            <p className="font-semibold text-slate-900 dark:text-slate-50">
              {focusSummary.rootServiceName}: {focusSummary.rootName}
            </p>
            <p className="text-slate-600 dark:text-slate-300">
              {formatDurationUs(focusSummary.durationUs)} · {traceSpanCount(focusSummary) ?? '?'} spans
              {traceErrorCount(focusSummary) ? ` · ${traceErrorCount(focusSummary)} errors` : ''}
            </p>
            <p className="text-slate-500 dark:text-slate-400">{startTimeText(focusSummary, timeZone)}</p>
          </div>
        ) : null}
      </div>
      <p id={descriptionId} className="sr-only">
        {summaries.length} traces
        {highlighted !== null ? `, ${highlighted.size} of them in the list below; the others are drawn faint` : ''}. Arrow keys move between traces, Enter opens the current one, Escape clears the
        selection. Drag with the mouse to select an area.
      </p>
      <p aria-live="polite" className="sr-only">
        {active !== null && summaries[active]
          ? `${describe(summaries[active], timeZone)}. Trace ${(geometry?.timeRank[active] ?? 0) + 1} of ${summaries.length}.`
          : ''}
      </p>
    </div>
  );
}

// The minimap: the whole trace drawn small on a canvas (one thin bar per span, DFS order top to
// bottom; merged into bands for large traces). Dragging across it selects a time range to zoom into; the current zoom window is the
// unshaded part. Drawing is O(spans) once per trace / size / colour change, never per frame.

import { prepareCanvas } from '../components/use-canvas-size';
import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import type { Trace } from '../model/types';
import { minimapRuns } from './minimap-bands';
import { clampViewRange, fullViewRange, type ViewRange } from './time-scale';
import { useElementWidthPx } from '../components/use-element-width';

/** Above this many spans, bars are merged into bands rather than drawn one by one. */
const BANDED_ABOVE_SPANS = 5000;

interface MinimapProps {
  trace: Trace;
  colours: readonly string[];
  startUs: Float64Array;
  view: ViewRange;
  onViewChange(range: ViewRange | null): void;
  heightPx?: number;
}

export function Minimap({ trace, colours, startUs, view, onViewChange, heightPx = 44 }: MinimapProps) {
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const boxRef = useRef<HTMLDivElement | null>(null);
  const widthPx = useElementWidthPx(boxRef);
  const [drag, setDrag] = useState<{ fromX: number; toX: number } | null>(null);
  const full = fullViewRange(trace.durationUs);

  useEffect(() => {
    const context = prepareCanvas(canvasRef.current, widthPx, heightPx);
    if (!context) return;
    const n = trace.spans.length;
    if (n === 0) return;
    const rowPx = Math.max(heightPx / n, 0.5);
    const barPx = Math.min(Math.max(rowPx - 0.5, 1.5), 4);
    const { durationUs, service } = trace.columns;
    if (n > BANDED_ABOVE_SPANS) {
      // Many spans per half-pixel of height: draw bands of merged bars (minimap-bands.ts).
      const bands = Math.max(1, Math.floor(heightPx * 2));
      const runs = minimapRuns({
        startUs,
        durationUs,
        service,
        serviceCount: trace.services.length,
        rangeStartUs: full.startUs,
        rangeEndUs: full.endUs,
        widthPx,
        bands,
      });
      runs.sort((a, b) => a.service - b.service);
      let style = -1;
      for (const run of runs) {
        if (run.service !== style) {
          style = run.service;
          context.fillStyle = colours[style] ?? '#888';
        }
        context.fillRect(run.fromPx, (run.band / bands) * (heightPx - barPx), run.toPx - run.fromPx, barPx);
      }
      return;
    }
    const scaleX = widthPx / (full.endUs - full.startUs);
    // One fillStyle change per service.
    const byService: number[][] = trace.services.map(() => []);
    for (let i = 0; i < n; i++) byService[service[i] ?? 0]?.push(i);
    byService.forEach((indices, s) => {
      context.fillStyle = colours[s] ?? '#888';
      for (const i of indices) {
        const x = ((startUs[i] ?? 0) - full.startUs) * scaleX;
        const w = Math.max((durationUs[i] ?? 0) * scaleX, 1);
        context.fillRect(x, (i / n) * (heightPx - barPx), w, barPx);
      }
    });
  }, [trace, colours, startUs, widthPx, heightPx, full.startUs, full.endUs]);

  const toTime = (x: number) => full.startUs + (Math.min(Math.max(x, 0), widthPx) / Math.max(widthPx, 1)) * (full.endUs - full.startUs);
  const toX = (t: number) => ((t - full.startUs) / (full.endUs - full.startUs)) * widthPx;
  const localX = (e: ReactPointerEvent) => e.clientX - (boxRef.current?.getBoundingClientRect().left ?? 0);

  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    const x = localX(e);
    setDrag({ fromX: x, toX: x });
  };
  const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (drag) setDrag({ ...drag, toX: localX(e) });
  };
  const onPointerUp = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (!drag) return;
    const toX2 = localX(e);
    setDrag(null);
    if (Math.abs(toX2 - drag.fromX) < 3) return; // a click, not a drag
    onViewChange(clampViewRange({ startUs: toTime(drag.fromX), endUs: toTime(toX2) }, trace.durationUs));
  };

  const viewLeftPx = toX(view.startUs);
  const viewRightPx = toX(view.endUs);
  const dragLeft = drag ? Math.max(0, Math.min(drag.fromX, drag.toX)) : 0;
  const dragWidth = drag ? Math.min(widthPx, Math.max(drag.fromX, drag.toX)) - dragLeft : 0;

  return (
    <div
      ref={boxRef}
      className="relative w-full cursor-crosshair touch-none overflow-hidden rounded border border-gray-200 bg-gray-50 dark:border-gray-700 dark:bg-gray-900"
      style={{ height: heightPx + 2 }}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => setDrag(null)}
      title="Drag to zoom into a time range"
    >
      <canvas ref={canvasRef} role="img" aria-label="Trace minimap: drag to zoom" style={{ width: widthPx, height: heightPx }} className="block" />
      {/* Shade what is outside the current zoom window. */}
      <div className="pointer-events-none absolute inset-y-0 left-0 bg-gray-900/25 dark:bg-black/50" style={{ width: Math.max(0, viewLeftPx) }} />
      <div className="pointer-events-none absolute inset-y-0 right-0 bg-gray-900/25 dark:bg-black/50" style={{ width: Math.max(0, widthPx - viewRightPx) }} />
      {drag && (
        <div className="pointer-events-none absolute inset-y-0 border-x-2 border-blue-600 bg-blue-500/25" style={{ left: dragLeft, width: dragWidth }} />
      )}
    </div>
  );
}

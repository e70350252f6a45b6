/**
 * FlameGraph: the trace as an icicle chart on a canvas (view=flame): x = time, one row per depth,
 * a box per span in its service colour, labelled where it is wide enough.
 *
 * Props: `trace`, `selectedSpanId`, `onSelectSpan(spanId)` (click a box). Hovering shows the span
 * under the pointer. Drawing is O(spans) per size/selection change; hit testing is a binary search.
 */

import { prepareCanvas } from '../components/use-canvas-size';
import { useEffect, useMemo, useRef, useState } from 'react';
import { serviceColours } from '../lib/colour-scale';
import { formatDurationUs } from '../lib/duration-format';
import type { Trace } from '../model/types';
import { buildFlameLayout, flameHitTest } from './flame-layout';
import { labelColourOn } from './label-colour';
import { useDarkClass } from '../components/use-dark-class';
import { useElementWidthPx } from '../components/use-element-width';

interface FlameGraphProps {
  trace: Trace;
  selectedSpanId: string | null;
  onSelectSpan(spanId: string | null): void;
}

const ROW_PX = 20;

export function FlameGraph({ trace, selectedSpanId, onSelectSpan }: FlameGraphProps) {
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const boxRef = useRef<HTMLDivElement | null>(null);
  const widthPx = useElementWidthPx(boxRef);
  const [hover, setHover] = useState<{ spanIndex: number; x: number; y: number } | null>(null);
  const layout = useMemo(() => buildFlameLayout(trace.columns), [trace]);
  const colours = useMemo(() => serviceColours(trace.services.map((s) => s.name)), [trace]);
  const heightPx = Math.max(1, layout.byDepth.length) * ROW_PX;
  const totalUs = Math.max(trace.durationUs, 1);
  const dark = useDarkClass();

  useEffect(() => {
    const context = prepareCanvas(canvasRef.current, widthPx, heightPx);
    if (!context) return;
    const { startUs, durationUs, depth, service } = trace.columns;
    const scale = widthPx / totalUs;
    const labelColours = new Map(colours.map((c) => [c, labelColourOn(c)]));
    context.font = '11px system-ui, sans-serif';
    context.textBaseline = 'middle';
    for (let i = 0; i < trace.spans.length; i++) {
      const x = (startUs[i] ?? 0) * scale;
      const w = Math.max((durationUs[i] ?? 0) * scale, 1);
      const y = (depth[i] ?? 0) * ROW_PX;
      context.fillStyle = colours[service[i] ?? 0] ?? '#888';
      context.fillRect(x, y + 1, w, ROW_PX - 2);
      if (w > 8) {
        // A thin gap between neighbours keeps adjacent boxes of one service apart.
        context.fillStyle = dark ? '#020617' : '#ffffff';
        context.fillRect(x + w - 0.5, y + 1, 0.5, ROW_PX - 2);
      }
      if (w > 40) {
        const span = trace.spans[i];
        if (!span) continue;
        context.save();
        context.beginPath();
        context.rect(x + 3, y, w - 6, ROW_PX);
        context.clip();
        context.fillStyle = labelColours.get(colours[service[i] ?? 0] ?? '#888') ?? '#ffffff';
        context.fillText(`${span.name} ${formatDurationUs(span.durationUs)}`, x + 4, y + ROW_PX / 2);
        context.restore();
      }
      if (trace.spans[i]?.spanId === selectedSpanId) {
        context.strokeStyle = dark ? '#ffffff' : '#020617';
        context.lineWidth = 2;
        context.strokeRect(x + 1, y + 2, Math.max(w - 2, 1), ROW_PX - 4);
      }
    }
  }, [trace, colours, widthPx, heightPx, totalUs, selectedSpanId, dark]);

  const spanAt = (clientX: number, clientY: number): number => {
    const rect = canvasRef.current?.getBoundingClientRect();
    if (!rect || widthPx <= 0) return -1;
    const depth = Math.floor((clientY - rect.top) / ROW_PX);
    const timeUs = ((clientX - rect.left) / widthPx) * totalUs;
    return flameHitTest(layout, trace.columns, depth, timeUs, totalUs / widthPx);
  };
  const hovered = hover ? trace.spans[hover.spanIndex] : undefined;

  return (
    <div className="h-full min-h-0 overflow-auto bg-white p-2 dark:bg-slate-950">
      <div ref={boxRef} className="relative w-full">
        <canvas
          ref={canvasRef}
          role="img"
          aria-label={`Flame graph of ${trace.spans.length} spans; click a box to open the span`}
          style={{ width: widthPx, height: heightPx }}
          className="block cursor-pointer"
          onClick={(e) => {
            const i = spanAt(e.clientX, e.clientY);
            onSelectSpan(i >= 0 ? (trace.spans[i]?.spanId ?? null) : null);
          }}
          onMouseMove={(e) => {
            const i = spanAt(e.clientX, e.clientY);
            setHover(i >= 0 ? { spanIndex: i, x: e.clientX, y: e.clientY } : null);
          }}
          onMouseLeave={() => setHover(null)}
        />
        {hover && hovered && (
          <div
            role="tooltip"
            className="pointer-events-none fixed z-50 max-w-sm rounded border border-slate-300 bg-white px-2 py-1 text-xs text-slate-900 shadow-lg dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
            style={{ left: Math.min(hover.x + 12, window.innerWidth - 320), top: hover.y + 14 }}
          >
            <div className="font-semibold break-words">
              {hovered.serviceName} {hovered.name}
            </div>
            <div className="tabular-nums">
              {formatDurationUs(hovered.durationUs)} at +{formatDurationUs(hovered.startUs)}
            </div>
          </div>
        )}
      </div>
      {trace.spans.length === 0 && <p className="p-6 text-center text-sm text-slate-600 dark:text-slate-400">This trace has no spans.</p>}
    </div>
  );
}


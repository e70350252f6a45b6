import type { RefObject } from 'react';
import { Button } from './button';

/**
 * Zoom in / out / fit, for the canvas views (dependency graph, diff graph), after the zoom level.
 * The level is written by the view's zoom handler through `levelRef` ("118 %"), not through React
 * state: a pan or zoom must not re-render React per frame.
 */
export function ZoomButtons({
  onZoom,
  onFit,
  levelRef,
  className = '',
}: {
  onZoom(factor: number): void;
  onFit(): void;
  levelRef: RefObject<HTMLOutputElement | null>;
  className?: string;
}) {
  return (
    <div className={`flex items-center gap-1 ${className}`}>
      {/* aria-live off: the level is there to read, not announced on every wheel step. */}
      <output ref={levelRef} aria-label="Zoom level" aria-live="off" className="mr-1 rounded bg-white/80 px-1 text-xs tabular-nums text-slate-600 dark:bg-slate-950/80 dark:text-slate-300" />
      <Button variant="secondary" className="px-2 py-1" onClick={() => onZoom(1.25)} aria-label="Zoom in">
        +
      </Button>
      <Button variant="secondary" className="px-2 py-1" onClick={() => onZoom(0.8)} aria-label="Zoom out">
        −
      </Button>
      <Button variant="secondary" className="px-2 py-1" onClick={onFit}>
        Fit
      </Button>
    </div>
  );
}

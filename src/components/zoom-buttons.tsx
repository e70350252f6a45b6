import { Button } from './button';

/** Zoom in / out / fit, for the canvas views (dependency graph, diff graph). */
export function ZoomButtons({ onZoom, onFit, className = '' }: { onZoom(factor: number): void; onFit(): void; className?: string }) {
  return (
    <div className={`flex gap-1 ${className}`}>
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

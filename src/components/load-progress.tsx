import { Button } from './button';

// A progress bar for long loads: bytes received (of a total when known), items processed, and a
// Cancel button. Domain-free: the caller names the items ("spans") and the step ("Downloading").

export interface LoadProgressProps {
  /** What is loading, e.g. "Loading trace 4bf92f35 from Jaeger". */
  label: string;
  /** The current step, e.g. "Downloading", "Building the trace". */
  stepLabel?: string;
  bytesLoaded: number;
  /** null when the size is unknown: the bar is then indeterminate. */
  bytesTotal: number | null;
  itemsDone?: number;
  /** Plural noun for the items, e.g. "spans". */
  itemsLabel?: string;
  onCancel?: () => void;
  className?: string;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1e6) return `${(bytes / 1e3).toFixed(0)} kB`;
  if (bytes < 1e9) return `${(bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0)} MB`;
  return `${(bytes / 1e9).toFixed(2)} GB`;
}

/** Percent done (0–100, whole numbers), or null when the total is unknown. */
export function percentDone(bytesLoaded: number, bytesTotal: number | null): number | null {
  if (bytesTotal === null || !(bytesTotal > 0)) return null;
  return Math.max(0, Math.min(100, Math.floor((bytesLoaded / bytesTotal) * 100)));
}

export function LoadProgress({
  label,
  stepLabel,
  bytesLoaded,
  bytesTotal,
  itemsDone,
  itemsLabel = 'items',
  onCancel,
  className = '',
}: LoadProgressProps) {
  const percent = percentDone(bytesLoaded, bytesTotal);
  const amount = bytesTotal !== null ? `${formatBytes(bytesLoaded)} of ${formatBytes(bytesTotal)}` : formatBytes(bytesLoaded);
  const items = itemsDone !== undefined && itemsDone > 0 ? `${itemsDone.toLocaleString('en-US')} ${itemsLabel}` : null;
  const valueText = [stepLabel, amount, items].filter(Boolean).join(', ');
  return (
    <div className={`space-y-2 p-6 text-sm text-slate-700 dark:text-slate-200 ${className}`}>
      <p className="font-medium">{label}</p>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        {...(percent !== null ? { 'aria-valuenow': percent } : {})}
        aria-valuetext={valueText}
        className="h-2 w-full max-w-xl overflow-hidden rounded bg-slate-200 dark:bg-slate-700"
      >
        <div
          className={`h-full bg-sky-600 dark:bg-sky-500 ${percent === null ? 'w-1/3 animate-pulse' : ''}`}
          style={percent !== null ? { width: `${percent}%` } : undefined}
        />
      </div>
      <div className="flex max-w-xl items-center justify-between gap-4">
        <p aria-live="polite" className="tabular-nums text-slate-600 dark:text-slate-300">
          {valueText}
          {percent !== null ? ` (${percent}%)` : ''}
        </p>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
      </div>
    </div>
  );
}

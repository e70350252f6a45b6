import { Button } from './button';
import { loadProgressText } from './load-progress-text';
import { loadProgressClasses } from './status-classes';

export { formatBytes, percentDone } from './load-progress-text';

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
  const { percent, valueText } = loadProgressText({ stepLabel, bytesLoaded, bytesTotal, itemsDone, itemsLabel });
  return (
    <div className={`${loadProgressClasses.box} ${className}`}>
      <p className="font-medium">{label}</p>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        {...(percent !== null ? { 'aria-valuenow': percent } : {})}
        aria-valuetext={valueText}
        className={loadProgressClasses.track}
      >
        <div
          className={`${loadProgressClasses.fill} ${percent === null ? loadProgressClasses.fillUnknown : ''}`}
          style={percent !== null ? { width: `${percent}%` } : undefined}
        />
      </div>
      <div className="flex max-w-xl items-center justify-between gap-4">
        <p aria-live="polite" className={loadProgressClasses.value}>
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

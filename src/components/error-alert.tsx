import type { ReactNode } from 'react';
import { Button } from './button';
import { Spinner } from './spinner';

export interface ErrorAlertProps {
  /** Short headline: what failed. */
  title: string;
  /** The details and what to do about it. */
  children?: ReactNode;
  onRetry?: () => void;
  retryLabel?: string;
  /**
   * A retry is under way. The alert stays (the failure is still the latest news), but the button
   * says so and ignores clicks: without this, pressing Retry on a backend that fails again looks
   * exactly like a button that does nothing.
   */
  retrying?: boolean;
  retryingLabel?: string;
  onDismiss?: () => void;
  dismissLabel?: string;
  className?: string;
}

/** A failure message (role="alert") with optional Retry and Dismiss actions. */
export function ErrorAlert({
  title,
  children,
  onRetry,
  retryLabel = 'Retry',
  retrying = false,
  retryingLabel = 'Retrying…',
  onDismiss,
  dismissLabel = 'Dismiss',
  className = '',
}: ErrorAlertProps) {
  return (
    <div
      role="alert"
      aria-busy={retrying || undefined}
      className={
        'rounded-md border border-red-300 bg-red-50 p-4 text-sm text-red-900 wrap-anywhere ' +
        `dark:border-red-800 dark:bg-red-950/60 dark:text-red-100 ${className}`
      }
    >
      <p className="font-semibold">{title}</p>
      {children ? <div className="mt-1 space-y-1 break-words">{children}</div> : null}
      {onRetry || onDismiss ? (
        <div className="mt-3 flex items-center gap-2">
          {onRetry ? (
            // aria-disabled rather than disabled: a disabled button drops keyboard focus.
            <Button
              variant="secondary"
              aria-disabled={retrying || undefined}
              className={retrying ? 'cursor-progress opacity-70' : ''}
              onClick={retrying ? undefined : onRetry}
            >
              {retrying ? <Spinner /> : null}
              {retrying ? retryingLabel : retryLabel}
            </Button>
          ) : null}
          {onDismiss ? (
            <Button variant="ghost" onClick={onDismiss}>
              {dismissLabel}
            </Button>
          ) : null}
          {retrying ? (
            <span role="status" className="sr-only">
              Trying again…
            </span>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

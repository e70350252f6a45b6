import type { ReactNode } from 'react';
import { Button } from './button';

export interface ErrorAlertProps {
  /** Short headline: what failed. */
  title: string;
  /** The details and what to do about it. */
  children?: ReactNode;
  onRetry?: () => void;
  retryLabel?: string;
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
  onDismiss,
  dismissLabel = 'Dismiss',
  className = '',
}: ErrorAlertProps) {
  return (
    <div
      role="alert"
      className={
        'rounded-md border border-red-300 bg-red-50 p-4 text-sm text-red-900 ' +
        `dark:border-red-800 dark:bg-red-950/60 dark:text-red-100 ${className}`
      }
    >
      <p className="font-semibold">{title}</p>
      {children ? <div className="mt-1 space-y-1 break-words">{children}</div> : null}
      {onRetry || onDismiss ? (
        <div className="mt-3 flex gap-2">
          {onRetry ? (
            <Button variant="secondary" onClick={onRetry}>
              {retryLabel}
            </Button>
          ) : null}
          {onDismiss ? (
            <Button variant="ghost" onClick={onDismiss}>
              {dismissLabel}
            </Button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

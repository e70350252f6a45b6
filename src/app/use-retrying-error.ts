import { useState } from 'react';

export interface RetryingError {
  /** The failure to show, or null. */
  error: unknown;
  /** A new attempt (usually the alert's Retry) is under way. */
  retrying: boolean;
}

/**
 * The failure to show for a query, kept while a Retry runs. react-query puts a query that has no
 * data back to 'pending' and drops its error when it fetches again, so an alert bound to `isError`
 * would vanish (taking the focused Retry button with it) and come back a moment later, which looks
 * like nothing happened. `key` identifies the query: an old failure is never shown for a new one.
 */
export function useRetryingError(key: string, query: { error: unknown; isFetching: boolean }): RetryingError {
  const [last, setLast] = useState<{ key: string; error: unknown } | null>(null);
  if (query.error !== null && query.error !== undefined && (last?.key !== key || last.error !== query.error)) {
    setLast({ key, error: query.error });
  }
  if (query.error !== null && query.error !== undefined) return { error: query.error, retrying: query.isFetching };
  if (query.isFetching && last !== null && last.key === key) return { error: last.error, retrying: true };
  return { error: null, retrying: false };
}

// What to try when a search found nothing. Apart from the result statistics (result-stats.ts), which
// load with the results view: the route computes these hints before any result exists.
import type { SearchFormState } from './search-url-state';

/** Why the list is empty and what to try, from the query that was run. */
export function emptyResultHints(
  query: Pick<SearchFormState, 'service' | 'operation' | 'tags' | 'traceql' | 'minDuration' | 'maxDuration'> & { lookbackLabel: string },
): string[] {
  const hints: string[] = [`Widen the time range (now: ${query.lookbackLabel.toLowerCase()}).`];
  if (query.traceql) hints.push('Loosen the TraceQL query: drop a condition, or try {} to see any trace.');
  if (query.tags) hints.push('Drop a tag: tags must match exactly, and every tag must match.');
  if (query.operation) hints.push(`Clear the operation "${query.operation}" to search every operation.`);
  if (query.minDuration || query.maxDuration) hints.push('Clear the min/max duration.');
  if (query.service && hints.length === 1) hints.push(`Check that "${query.service}" sent traces in this window.`);
  return hints;
}

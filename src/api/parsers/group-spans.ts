import type { RawSpan } from '../../model/types';

/** Groups spans by trace ID, keeping input order within each trace and first-seen trace order. */
export function groupSpansByTrace(spans: readonly RawSpan[]): Map<string, RawSpan[]> {
  const groups = new Map<string, RawSpan[]>();
  for (const span of spans) {
    const group = groups.get(span.traceId);
    if (group) group.push(span);
    else groups.set(span.traceId, [span]);
  }
  return groups;
}

// The first rows of a trace as a trace of its own: what a preview shows while a large trace is
// still loading (src/api/stream/trace-preview.ts). DFS order makes this a cut: the first `rows`
// spans keep their order, depths and parents (a parent always comes before its children), and
// only the counts that look past the cut — subtree ends, child counts, issue lists — are clamped.

import { SpanFlag, type Span, type Trace } from './types';

export function tracePrefix(trace: Trace, rows: number): Trace {
  const n = Math.max(0, Math.min(rows, trace.spans.length));
  if (n === trace.spans.length) return trace;
  const source = trace.columns;
  const columns: Trace['columns'] = {
    startUs: source.startUs.slice(0, n),
    durationUs: source.durationUs.slice(0, n),
    depth: source.depth.slice(0, n),
    parent: source.parent.slice(0, n),
    service: source.service.slice(0, n),
    flags: source.flags.slice(0, n),
    subtreeEnd: source.subtreeEnd.slice(0, n),
    childCount: new Uint32Array(n),
  };
  let maxDepth = -1;
  for (let d = 0; d < n; d++) {
    if (columns.subtreeEnd[d]! > n) columns.subtreeEnd[d] = n;
    const p = columns.parent[d]!;
    if (p >= 0) columns.childCount[p]!++;
    if (columns.depth[d]! > maxDepth) maxDepth = columns.depth[d]!;
  }
  const spans: Span[] = new Array<Span>(n);
  for (let d = 0; d < n; d++) {
    const span = trace.spans[d]!;
    if (columns.childCount[d] === 0) columns.flags[d]! &= ~SpanFlag.HasChildren;
    spans[d] = span.childIndices.every((c) => c < n) ? span : { ...span, childIndices: span.childIndices.filter((c) => c < n) };
  }
  const inPrefix = (d: number): boolean => d < n;
  return {
    ...trace,
    spans,
    columns,
    rootIndices: trace.rootIndices.filter(inPrefix),
    depth: maxDepth + 1,
    issues: {
      ...trace.issues,
      orphanSpanIndices: trace.issues.orphanSpanIndices.filter(inPrefix),
      cycleSpanIndices: trace.issues.cycleSpanIndices.filter(inPrefix),
      missingTimeSpanIndices: trace.issues.missingTimeSpanIndices.filter(inPrefix),
      missingStartSpanIndices: trace.issues.missingStartSpanIndices.filter(inPrefix),
      missingDurationSpanIndices: trace.issues.missingDurationSpanIndices.filter(inPrefix),
      missingIdSpanIndices: trace.issues.missingIdSpanIndices.filter(inPrefix),
    },
  };
}

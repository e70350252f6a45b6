// A fetched trace body → LoadedTrace: parse, keep the asked-for trace's spans, build the model.

import { normaliseTraceIdForLookup } from '../../lib/trace-id';
import type { RawSpan } from '../../model/types';
import type { LoadedTrace } from '../backend';
import { groupSpansByTrace } from '../parsers/group-spans';
import { parseSpans, traceFromSpans } from './decode-trace';
import type { HttpClient } from './http-client';

/** The spans of `traceId` when an answer holds several traces; else the largest group. */
function spansOfTrace(spans: RawSpan[], traceId: string): RawSpan[] {
  const groups = groupSpansByTrace(spans);
  if (groups.size <= 1) return spans;
  let largest: RawSpan[] = [];
  for (const [id, group] of groups) {
    if (normaliseTraceIdForLookup(id) === traceId) return group;
    if (group.length > largest.length) largest = group;
  }
  return largest;
}

/**
 * Builds a LoadedTrace from a decoded body; `onEmpty` makes the error for an answer without
 * spans (a not-found in every API that can say "nothing" with a 200).
 */
export function loadTraceFromBody(
  client: HttpClient,
  body: unknown,
  traceId: string,
  what: string,
  onEmpty: (backendErrors: string[]) => Error,
  partialMessage?: string,
): LoadedTrace {
  const parsed = parseSpans(client, body, what);
  if (parsed.spans.length === 0) throw onEmpty(parsed.backendErrors);
  const trace = traceFromSpans(spansOfTrace(parsed.spans, traceId), parsed.format);
  // Payload-level notes have no span to hang on; show them with the builder's warnings.
  for (const note of [...parsed.warnings, ...parsed.backendErrors]) {
    if (!trace.issues.warnings.includes(note)) trace.issues.warnings.push(note);
  }
  return partialMessage !== undefined ? { trace, raw: body, partialMessage } : { trace, raw: body };
}

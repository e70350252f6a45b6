// Response body → Trace, shared by the remote backends: parse with the wire-format parsers, build
// the model, and turn parser failures into BackendErrors the UI can show.

import { buildTrace } from '../../model/build-trace';
import type { RawSpan, Trace, WireFormat } from '../../model/types';
import { parseTraceValue } from '../parsers/parse-trace-text';
import { TraceParseError, type ParseResult } from '../parsers/types';
import type { HttpClient } from './http-client';

/** Parses spans from a decoded JSON body; a parser failure becomes 'invalid-response'. */
export function parseSpans(client: HttpClient, body: unknown, what: string): ParseResult {
  try {
    return parseTraceValue(body);
  } catch (error) {
    if (error instanceof TraceParseError) throw client.invalidResponse(what, error.message);
    throw error;
  }
}

/** Builds the Trace of one trace's spans. */
export function traceFromSpans(spans: readonly RawSpan[], format: WireFormat): Trace {
  return buildTrace(spans, format);
}

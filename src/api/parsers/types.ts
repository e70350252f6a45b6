import type { RawSpan, WireFormat } from '../../model/types';

/** What a parser returns: every span of the input, possibly of several traces. */
export interface ParseResult {
  format: WireFormat;
  spans: RawSpan[];
  /** NDJSON lines that held logs, metrics or other non-span documents: skipped and counted. */
  skippedLines: number;
  warnings: string[];
  /** Errors the producer put in the payload itself (e.g. Jaeger `errors[]` beside `data`). */
  backendErrors: string[];
}

export type ParseErrorKind = 'empty' | 'not-json' | 'unknown-format' | 'invalid-shape';

/** The only error a parser may throw. `message` is written for the user. */
export class TraceParseError extends Error {
  readonly kind: ParseErrorKind;
  constructor(kind: ParseErrorKind, message: string) {
    super(message);
    this.name = 'TraceParseError';
    this.kind = kind;
  }
}

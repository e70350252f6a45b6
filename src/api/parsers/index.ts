// Public surface of the parsers: text or JSON value in, RawSpan[] out.
export { parseTraceText, parseTraceValue } from './parse-trace-text';
export { groupSpansByTrace } from './group-spans';
export { detectFormat, type DetectedFormat } from './detect-format';
export { TraceParseError, type ParseResult, type ParseErrorKind } from './types';

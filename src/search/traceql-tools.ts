// Everything the search page needs only for backends that speak TraceQL (Tempo): the editor, its
// checker, the query builder and autocomplete. One lazy chunk (lazy-traceql-tools.ts), so a Jaeger
// or demo search page never downloads the TraceQL language code.
export { buildTraceql, scopedAttributeName, validateTraceql } from '../lib/traceql';
export { TraceqlEditor } from './traceql-editor';
export { traceqlSuggestionResolver } from './traceql-suggestions';

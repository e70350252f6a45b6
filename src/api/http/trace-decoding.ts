// What a remote backend needs only once it loads whole traces: the parsers, the tree builder and the
// worker client. Backends import this module on demand, so that the first screen (services, search)
// does not download them.
export { groupSpansByTrace } from '../parsers/group-spans';
export { summariseTrace } from '../../model/trace-summary';
export { answeredByFallback, getTraceResponse, isTraceFromWorker, loadedTraceFromWorker } from '../remote-trace-load';
export { parseSpans, traceFromSpans } from './decode-trace';
export { loadTraceFromBody } from './load-trace';

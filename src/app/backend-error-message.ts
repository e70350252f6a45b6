import { BackendError } from '../api/backend';
import { shouldRetry } from '../api/queries';
import { parseTraceIdInput } from '../lib/parse-trace-id-input';

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

/** Does the message already tell the user what to do? (BackendError messages usually do.) */
function hasAdvice(message: string): boolean {
  return /\b(check|try|retry|open|pick|choose|sign in|ask|raise|reload|narrow)\b/i.test(message);
}

/** A trace ID as a heading or message shows it: a blank one in quotes, so that it reads as blank. */
export function shownTraceId(traceId: string): string {
  return traceId.trim() === '' ? `“${traceId}”` : traceId;
}

/** What the message may assume about the page and the backend. */
export interface TraceLoadContext {
  /** Whether the header offers other backends (it has no picker with only one). */
  canPickBackend?: boolean;
  /** Whether the backend's IDs are hex (Jaeger, Tempo, the demo; not trace files, which may hold any string). */
  hexIds?: boolean;
}

/** The user-facing text for a failed trace load: what failed, in which backend, and what to do. */
export function traceLoadErrorMessage(error: unknown, traceId: string, backendName: string, context: TraceLoadContext = {}): string {
  const { canPickBackend = true, hexIds = false } = context;
  // A link with a mistyped or cut ID: say what is wrong with it (Jaeger answers such IDs with a 400,
  // the demo with "not found"), not only that the load failed.
  if (hexIds && traceId.trim() === '') return 'The link names no trace ID. Check the link.';
  const malformed = parseTraceIdInput(traceId);
  if (hexIds && !malformed.ok) return `“${traceId}” is not a trace ID: ${lowerFirst(malformed.message)} Check the link.`;
  if (error instanceof BackendError) {
    // The adapters write their own not-found text (retention, "open the file again", …); it says
    // more than a generic one could. Only a bare one gets the generic advice added.
    if (error.kind === 'not-found') {
      const advice = canPickBackend ? 'Check the ID, or pick another backend in the header.' : 'Check the ID.';
      const own = error.message.trim();
      if (own === '') return `Trace ${traceId} was not found in ${backendName}. ${advice}`;
      return hasAdvice(own) ? own : `${own} ${advice}`;
    }
    return error.message;
  }
  const detail = error instanceof Error ? error.message : String(error);
  return `Loading trace ${traceId} from ${backendName} failed: ${detail}. Retry, or check the browser console for details.`;
}

/** The alert headline for a failed trace load: which trace, which backend, and the kind of failure. */
export function traceLoadErrorTitle(error: unknown, traceId: string, backendName: string, context: TraceLoadContext = {}): string {
  if (context.hexIds === true && !parseTraceIdInput(traceId).ok) return `Not a trace ID: ${shownTraceId(traceId)}`;
  if (!(error instanceof BackendError)) return `Could not load trace ${traceId} from ${backendName}`;
  switch (error.kind) {
    case 'not-found':
      return `Trace ${traceId} not found in ${backendName}`;
    case 'timeout':
      return `Could not load trace ${traceId}: ${backendName} did not answer in time`;
    case 'network':
      return `Could not load trace ${traceId}: ${backendName} is unreachable`;
    case 'unauthorized':
      return `Could not load trace ${traceId}: ${backendName} refused access${error.status ? ` (HTTP ${error.status})` : ''}`;
    case 'invalid-response':
      return `Could not load trace ${traceId}: ${backendName} sent an answer Skein cannot read`;
    case 'http':
      return `Could not load trace ${traceId}: ${backendName} reported an error${error.status ? ` (HTTP ${error.status})` : ''}`;
    default:
      return `Could not load trace ${traceId} from ${backendName}`;
  }
}

/**
 * The query retry policy for pages the user is waiting on: like `shouldRetry`, but a timeout is
 * not repeated automatically. Each attempt already waited the full timeoutMs; two more would keep
 * the user looking at a spinner for three times as long (90 s with the default 30 s) before any
 * message appears. The alert's Retry button is one click away.
 */
export function retryUnlessTimedOut(failureCount: number, error: unknown): boolean {
  // shouldRetry itself never retries a timeout; kept as a name for the pages that rely on it.
  return shouldRetry(failureCount, error);
}

/** A few words on why an attempt failed, for progress notes (the full message comes with the alert). */
function shortReason(error: unknown): string {
  if (!(error instanceof BackendError)) return error instanceof Error ? error.message : String(error);
  if (error.status !== undefined) return `HTTP ${error.status}`;
  if (error.kind === 'network') return 'the server could not be reached';
  if (error.kind === 'invalid-response') return 'unreadable answer';
  return error.kind;
}

/** "Attempt 1 failed (HTTP 500); trying again…" for a loading state, or '' before any failure. */
export function retryingNote(failureCount: number, failureReason: unknown): string {
  if (failureCount === 0 || failureReason === null || failureReason === undefined) return '';
  return `Attempt ${failureCount} failed (${shortReason(failureReason)}); trying again…`;
}

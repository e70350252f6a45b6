import { BackendError } from '../api/backend';

/** The user-facing text for a failed trace load: what failed, in which backend, and what to do. */
export function traceLoadErrorMessage(error: unknown, traceId: string, backendName: string): string {
  if (error instanceof BackendError) {
    if (error.kind === 'not-found') {
      return `Trace ${traceId} was not found in ${backendName}. Check the ID or the time range.`;
    }
    return error.message;
  }
  const detail = error instanceof Error ? error.message : String(error);
  return `Loading trace ${traceId} from ${backendName} failed: ${detail}`;
}

import { describe, expect, it } from 'vitest';
import { BackendError } from '../api/backend';
import { retryingNote, retryUnlessTimedOut, traceLoadErrorMessage, traceLoadErrorTitle } from './backend-error-message';

const ID = '4bf92f3577b34da6a3ce929d0e0e4736';

describe('trace load failure texts', () => {
  it('keeps the adapter’s own not-found advice, and adds advice to a bare one', () => {
    const own = new BackendError('not-found', 'Files', `Trace ${ID} is not among the opened files. Open the file again.`);
    expect(traceLoadErrorMessage(own, ID, 'Files')).toBe(`Trace ${ID} is not among the opened files. Open the file again.`);
    const bare = new BackendError('not-found', 'Demo', `Trace ${ID} was not found in Demo.`);
    expect(traceLoadErrorMessage(bare, ID, 'Demo')).toBe(`Trace ${ID} was not found in Demo. Check the ID, or pick another backend in the header.`);
  });

  it('says what is wrong with an ID that cannot be one, and offers a backend only when there is another', () => {
    const bare = new BackendError('not-found', 'Demo', '');
    const hex = { hexIds: true, canPickBackend: false };
    expect(traceLoadErrorMessage(bare, 'not-a-trace-id', 'Demo', hex)).toBe(
      '“not-a-trace-id” is not a trace ID: a trace ID has only hex characters (0–9, a–f). Check the link.',
    );
    expect(traceLoadErrorTitle(bare, 'not-a-trace-id', 'Demo', hex)).toBe('Not a trace ID: not-a-trace-id');
    expect(traceLoadErrorTitle(bare, ' ', 'Demo', hex)).toBe('Not a trace ID: “ ”');
    expect(traceLoadErrorMessage(bare, ' ', 'Demo', hex)).toBe('The link names no trace ID. Check the link.');
    expect(traceLoadErrorMessage(bare, ID, 'Demo', hex)).toBe(`Trace ${ID} was not found in Demo. Check the ID.`);
    // Jaeger answers a malformed ID with a 400: the ID is still what is wrong.
    const http400 = new BackendError('http', 'Jaeger', 'Jaeger rejected the request (HTTP 400).', 400);
    expect(traceLoadErrorTitle(http400, 'xyz', 'Jaeger', hex)).toBe('Not a trace ID: xyz');
    expect(traceLoadErrorMessage(http400, 'xyz', 'Jaeger', hex)).toContain('“xyz” is not a trace ID');
    // Trace files may hold any string as an ID.
    expect(traceLoadErrorTitle(bare, 'my-trace', 'Files')).toBe('Trace my-trace not found in Files');
  });

  it('passes other BackendError messages through and explains unknown failures', () => {
    const http = new BackendError('http', 'Jaeger', 'Jaeger failed to load trace x (HTTP 500). Try again.', 500);
    expect(traceLoadErrorMessage(http, ID, 'Jaeger')).toBe('Jaeger failed to load trace x (HTTP 500). Try again.');
    expect(traceLoadErrorMessage(new Error('boom'), ID, 'Jaeger')).toBe(
      `Loading trace ${ID} from Jaeger failed: boom. Retry, or check the browser console for details.`,
    );
  });

  it('titles name the trace, the backend and the kind of failure', () => {
    const title = (kind: ConstructorParameters<typeof BackendError>[0], status?: number) =>
      traceLoadErrorTitle(new BackendError(kind, 'Tempo', 'm', status), ID, 'Tempo');
    expect(title('not-found', 404)).toBe(`Trace ${ID} not found in Tempo`);
    expect(title('timeout')).toBe(`Could not load trace ${ID}: Tempo did not answer in time`);
    expect(title('network')).toBe(`Could not load trace ${ID}: Tempo is unreachable`);
    expect(title('unauthorized', 403)).toBe(`Could not load trace ${ID}: Tempo refused access (HTTP 403)`);
    expect(title('invalid-response')).toBe(`Could not load trace ${ID}: Tempo sent an answer Skein cannot read`);
    expect(title('http', 502)).toBe(`Could not load trace ${ID}: Tempo reported an error (HTTP 502)`);
    expect(traceLoadErrorTitle(new Error('x'), ID, 'Tempo')).toBe(`Could not load trace ${ID} from Tempo`);
  });
});

describe('retries', () => {
  it('does not repeat a timeout on its own, but does repeat a 500 and a lost connection', () => {
    expect(retryUnlessTimedOut(0, new BackendError('timeout', 'B', 'm'))).toBe(false);
    expect(retryUnlessTimedOut(0, new BackendError('http', 'B', 'm', 500))).toBe(true);
    expect(retryUnlessTimedOut(0, new BackendError('network', 'B', 'm'))).toBe(true);
    expect(retryUnlessTimedOut(2, new BackendError('network', 'B', 'm'))).toBe(false);
    expect(retryUnlessTimedOut(0, new BackendError('not-found', 'B', 'm', 404))).toBe(false);
  });

  it('describes a failed attempt in a few words', () => {
    expect(retryingNote(0, null)).toBe('');
    expect(retryingNote(1, new BackendError('http', 'B', 'long text', 500))).toBe('Attempt 1 failed (HTTP 500); trying again…');
    expect(retryingNote(2, new BackendError('network', 'B', 'long text'))).toBe(
      'Attempt 2 failed (the server could not be reached); trying again…',
    );
  });
});

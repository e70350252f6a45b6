// Test-only helper: the mock handler set on msw/node, with every request URL recorded so tests
// can assert on parameter formats and on which API version was asked.

import { setupServer, type SetupServer } from 'msw/node';
import { createServer, type Server } from 'node:net';
import { createMockHandlers, type MockHandlerOptions } from './handler-set';

export interface RecordingServer {
  server: SetupServer;
  /** Every request URL since the last `reset()`. */
  requests: URL[];
  /** Paths requested since the last reset, e.g. `/api/v3/services`. */
  paths(): string[];
  reset(): void;
}

export function createRecordingServer(options: MockHandlerOptions = {}): RecordingServer {
  const server = setupServer(...createMockHandlers(options));
  const requests: URL[] = [];
  server.events.on('request:start', ({ request }) => {
    requests.push(new URL(request.url));
  });
  return {
    server,
    requests,
    paths: () => requests.map((u) => u.pathname),
    reset: () => {
      requests.length = 0;
      server.resetHandlers();
    },
  };
}

/** A loopback URL on which nothing listens (a port that was just freed): connection refused. */
export async function closedLoopbackUrl(): Promise<string> {
  const probe: Server = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  const port = typeof address === 'object' && address !== null ? address.port : 9;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

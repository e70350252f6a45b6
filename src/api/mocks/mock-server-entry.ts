// Entry point bundled on the fly by scripts/mock-backends.mjs: the same handler factories as the
// unit tests, one mount per scenario. `getResponse` is re-exported so that the server resolves
// requests with the very msw instance that created the handlers.

import type { HttpHandler } from 'msw';
import { createJaegerHandlers } from './jaeger-handlers';
import { createPrometheusHandlers } from './prometheus-handlers';
import { createTempoHandlers } from './tempo-handlers';

export { getResponse } from 'msw';

export interface MockMount {
  /** First path segment the server routes on, e.g. 'jaeger' for /jaeger/api/v3/services. */
  prefix: string;
  description: string;
  handlers: HttpHandler[];
}

/** Handlers match any origin; the server strips the mount prefix before resolving. */
const ANY_ORIGIN = '*';

export function mockMounts(): MockMount[] {
  return [
    { prefix: 'jaeger', description: 'Jaeger with api_v3 and the v1 API', handlers: createJaegerHandlers({ baseUrl: ANY_ORIGIN }) },
    { prefix: 'jaeger-legacy', description: 'Jaeger without api_v3 (v1 only)', handlers: createJaegerHandlers({ baseUrl: ANY_ORIGIN, apiV3: false }) },
    { prefix: 'jaeger-down', description: 'Jaeger answering 500 everywhere', handlers: createJaegerHandlers({ baseUrl: ANY_ORIGIN, failure: 'server-error' }) },
    { prefix: 'tempo', description: 'Tempo 2.9 (with /api/v2)', handlers: createTempoHandlers({ baseUrl: ANY_ORIGIN }) },
    { prefix: 'tempo-legacy', description: 'Tempo 2.4 (no /api/v2)', handlers: createTempoHandlers({ baseUrl: ANY_ORIGIN, apiV2: false }) },
    { prefix: 'tempo-down', description: 'Tempo answering 500 everywhere', handlers: createTempoHandlers({ baseUrl: ANY_ORIGIN, failure: 'server-error' }) },
    { prefix: 'prometheus', description: 'Prometheus with Tempo service-graph series', handlers: createPrometheusHandlers({ baseUrl: ANY_ORIGIN }) },
  ];
}

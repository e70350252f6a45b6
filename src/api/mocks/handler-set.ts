// The ONE handler set used by unit tests (msw/node), the dev server (msw/browser) and the
// end-to-end mock server (scripts/mock-backends.mjs): scenarios are switched by options.

import type { HttpHandler } from 'msw';
import { createJaegerHandlers, MOCK_JAEGER_BASE_URL } from './jaeger-handlers';
import type { MockFailure } from './mock-failures';
import { createPrometheusHandlers, MOCK_PROMETHEUS_BASE_URL } from './prometheus-handlers';
import { createTempoHandlers, MOCK_TEMPO_BASE_URL } from './tempo-handlers';

export interface MockHandlerOptions {
  jaegerBaseUrl?: string;
  tempoBaseUrl?: string;
  prometheusBaseUrl?: string;
  /** Jaeger api_v3 present (default true); false = only the v1 JSON API. */
  jaegerApiV3?: boolean;
  /** Jaeger /api/v3/trace-summaries present (default true; Jaeger ≥ 2.19). */
  jaegerTraceSummaries?: boolean;
  /** Tempo /api/v2 endpoints present (default true; Tempo ≥ 2.6). */
  tempoApiV2?: boolean;
  jaegerFailure?: MockFailure;
  tempoFailure?: MockFailure;
  prometheusFailure?: MockFailure;
}

export function createMockHandlers(options: MockHandlerOptions = {}): HttpHandler[] {
  return [
    ...createJaegerHandlers({
      baseUrl: options.jaegerBaseUrl ?? MOCK_JAEGER_BASE_URL,
      apiV3: options.jaegerApiV3,
      traceSummaries: options.jaegerTraceSummaries,
      failure: options.jaegerFailure,
    }),
    ...createTempoHandlers({
      baseUrl: options.tempoBaseUrl ?? MOCK_TEMPO_BASE_URL,
      apiV2: options.tempoApiV2,
      failure: options.tempoFailure,
    }),
    ...createPrometheusHandlers({
      baseUrl: options.prometheusBaseUrl ?? MOCK_PROMETHEUS_BASE_URL,
      failure: options.prometheusFailure,
    }),
  ];
}

export { MOCK_JAEGER_BASE_URL, MOCK_PROMETHEUS_BASE_URL, MOCK_TEMPO_BASE_URL };
export type { MockFailure };

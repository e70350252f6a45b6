// Public surface of the mock backends for tests, the dev server and the e2e mock server.

export { createMockHandlers, type MockHandlerOptions } from './handler-set';
export { createJaegerHandlers, MOCK_JAEGER_BASE_URL, type JaegerMockOptions } from './jaeger-handlers';
export {
  createTempoHandlers,
  MOCK_TEMPO_BASE_URL,
  MOCK_TEMPO_VERSION_OLD,
  MOCK_TEMPO_VERSION_V2,
  mockTempoServices,
  type TempoMockOptions,
} from './tempo-handlers';
export { createPrometheusHandlers, MOCK_PROMETHEUS_BASE_URL, MOCK_PROMETHEUS_REQUESTS_PER_CALL } from './prometheus-handlers';
export type { MockFailure } from './mock-failures';
export {
  MOCK_EPOCH_US,
  MOCK_FAILURE_TRACE_IDS,
  MOCK_JAEGER_TRACE_IDS,
  MOCK_JAEGER_TRACES,
  MOCK_TEMPO_PARTIAL_MESSAGE,
  MOCK_TEMPO_PARTIAL_SPAN_COUNT,
  MOCK_TEMPO_TRACE_IDS,
  MOCK_TEMPO_TRACES,
  MOCK_TEMPO_VANISHING_TRACE_ID,
  trimLeadingZeros,
} from './mock-traces';

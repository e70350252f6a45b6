// The built-in demo backend and the helpers docs, end-to-end tests and benchmarks use.
export { createDemoBackend, DEFAULT_DEMO_SEED, type DemoBackendOptions } from './demo-backend';
export {
  DEMO_ANCHOR_US,
  DEMO_LARGE_TRACES,
  DEMO_SCENARIOS,
  decodeDemoTraceId,
  demoTraceId,
  type DemoScenario,
  type DemoTraceSpec,
} from './demo-trace-id';
export { DEMO_OPERATIONS, DEMO_SERVICES } from './topology';

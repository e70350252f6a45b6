// The TraceQL tools (traceql-tools.ts) load only for backends that speak TraceQL.
import { lazyModule } from './lazy-module';

export type TraceqlTools = typeof import('./traceql-tools');

export const traceqlTools = lazyModule<TraceqlTools>(() => import('./traceql-tools'));

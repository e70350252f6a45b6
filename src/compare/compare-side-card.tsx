// One side (A or B) of a comparison as the page loads it: loading, failed (with Retry), or a
// short description of the trace. A failure on one side never hides the other side.

import type { ReactNode } from 'react';
import { ErrorAlert } from '../components/error-alert';
import { LoadingState } from '../components/loading-state';
import { formatDurationUs } from '../lib/duration-format';
import { formatTimestamp } from '../lib/time-format';
import { traceStartUnknown } from '../model/span-issues';
import type { Trace } from '../model/types';
import { usePreferencesStore } from '../state/preferences-store';

export type CompareSideState =
  | { status: 'loading' }
  | { status: 'error'; message: string; onRetry?: () => void }
  | { status: 'ready'; trace: Trace };

export interface CompareSideCardProps {
  side: 'A' | 'B';
  traceId: string;
  backendName: string;
  state: CompareSideState;
  /** The trace ID as a link to its trace page (the route builds it). */
  traceLink: ReactNode;
}

export function rootLabel(trace: Trace): string {
  const root = trace.spans[trace.rootIndices[0] ?? 0];
  return root ? `${root.serviceName} ${root.name}` : 'empty trace';
}

export function CompareSideCard({ side, traceId, backendName, state, traceLink }: CompareSideCardProps) {
  const zone = usePreferencesStore((s) => s.timeZone);
  return (
    <section aria-label={`Trace ${side}`} className="min-w-0 flex-1 space-y-1 rounded-md border border-slate-200 px-3 py-2 dark:border-slate-800">
      <h2 className="flex flex-wrap items-baseline gap-x-2 text-sm">
        <span className="rounded bg-slate-200 px-1.5 font-semibold text-slate-900 dark:bg-slate-700 dark:text-slate-50">{side}</span>
        <span className="min-w-0 font-mono text-xs break-all">{traceLink}</span>
        <span className="text-xs text-slate-600 dark:text-slate-400">in {backendName}</span>
      </h2>
      {state.status === 'loading' ? <LoadingState label={`Loading trace ${side} (${traceId}) from ${backendName}…`} className="p-1" /> : null}
      {state.status === 'error' ? (
        <ErrorAlert title={`Could not load trace ${side} (${traceId}) from ${backendName}`} onRetry={state.onRetry}>
          <p>{state.message}</p>
        </ErrorAlert>
      ) : null}
      {state.status === 'ready' ? (
        <p className="text-sm">
          <span className="font-medium">{rootLabel(state.trace)}</span>
          <span className="text-slate-600 dark:text-slate-300">
            {' '}
            · {formatDurationUs(state.trace.durationUs)} · {state.trace.spans.length} spans · {state.trace.errorCount}{' '}
            {state.trace.errorCount === 1 ? 'error' : 'errors'} ·{' '}
            {traceStartUnknown(state.trace) ? 'start unknown' : formatTimestamp(state.trace.startUs, zone)}
          </span>
        </p>
      ) : null}
    </section>
  );
}

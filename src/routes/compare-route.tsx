// /compare/:traceIdA/:traceIdB — why one request took longer than another.
// URL state: `backend` (both sides), or `backendA` / `backendB` (one each; they win over
// `backend`), so A and B can come from different backends or from opened files; `view=graph`
// shows the diff graph instead of the merged waterfall (kept when swapping A and B or comparing
// other traces); `node` is the node whose details are open; `find` and `changed=1` are the
// waterfall's find text and "Only changed spans" switch. /compare and /compare/:traceIdA show the "Compare with…" form. Each side loads on its own: a failure names
// its side, backend and cause, offers Retry, and leaves the other side on screen.
import { useCallback, useEffect, useMemo } from 'react';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { LoadedTrace } from '../api/backend';
import { backendIdFromParam, getBackend, listBackends } from '../api/backend-registry';
import { traceQuery } from '../api/queries';
import { CompareForm, type CompareTarget } from '../compare/compare-form';
import { comparisonViewFromParam, type ComparisonView } from '../compare/comparison-view-switch';
import { selectedNodeFromParam } from '../compare/selected-node-param';
import { CompareSideCard, rootLabel, type CompareSideState } from '../compare/compare-side-card';
import { compareHref } from '../compare/parse-compare-input';
import type { DiffTableView } from '../compare/diff-table-rows';
import type { DiffWaterfallView } from '../compare/diff-waterfall';
import { TraceComparison, type TraceComparisonProps } from '../compare/trace-comparison';
import { LoadingState } from '../components/loading-state';
import { traceLoadErrorMessage } from '../app/backend-error-message';
import { forgetEarlyLoad, wasLoadedEarly } from '../app/early-trace-load';
import { traceHref } from '../app/use-backend-from-url';
import { useReplaceParam } from '../app/url-params';
import { useComparisonParams } from '../app/trace-url-state';
import { shortTraceId } from '../lib/short-trace-id';

interface Side {
  label: 'A' | 'B';
  traceId: string;
  backendId: string;
}

function useSideQuery(side: Side): UseQueryResult<LoadedTrace> {
  const { backendId, traceId } = side;
  const backend = getBackend(backendId);
  // A comparison link's traces start loading before React (src/main.ts): one that already failed
  // there is not asked for again on mount (its Retry still asks).
  const loadedEarly = useMemo(() => wasLoadedEarly(backendId, traceId), [backendId, traceId]);
  useEffect(() => () => forgetEarlyLoad(backendId, traceId), [backendId, traceId]);
  // This page draws no preview of a trace still loading: the worker need not build any.
  return useQuery({ ...traceQuery(backendId, traceId, { previews: false }), enabled: backend !== undefined && traceId !== '', retryOnMount: !loadedEarly });
}

/**
 * The comparison with its waterfall's filters and folded rows (`find=`, `changed=1`, `fold=`) and its table's sort, switch
 * and filter (`sort=`, `rows=all`, `filter=`) in the URL, written once the user pauses, as on the
 * trace page. The caller keys it by the pair of traces, so a new comparison
 * starts from its own URL.
 */
function ComparisonWithUrlState(props: Omit<TraceComparisonProps, 'waterfallView' | 'onWaterfallViewChange' | 'tableView' | 'onTableViewChange'>) {
  const [state, setState] = useComparisonParams();
  const onWaterfallViewChange = useCallback((waterfall: DiffWaterfallView) => setState((current) => ({ ...current, waterfall })), [setState]);
  const onTableViewChange = useCallback((table: DiffTableView) => setState((current) => ({ ...current, table })), [setState]);
  return (
    <TraceComparison
      {...props}
      waterfallView={state.waterfall}
      onWaterfallViewChange={onWaterfallViewChange}
      tableView={state.table}
      onTableViewChange={onTableViewChange}
    />
  );
}

function sideState(side: Side, query: UseQueryResult<LoadedTrace>): CompareSideState {
  const backend = getBackend(side.backendId);
  if (!backend) {
    return {
      status: 'error',
      message: `There is no backend with the id "${side.backendId}". Fix the backend${side.label}= (or backend=) parameter of the link, or pick the backend in the form below.`,
    };
  }
  if (query.isError) {
    return { status: 'error', message: traceLoadErrorMessage(query.error, side.traceId, backend.name), onRetry: () => void query.refetch() };
  }
  if (query.isSuccess) return { status: 'ready', trace: query.data.trace };
  return { status: 'loading' };
}

export function CompareRoute() {
  const { traceIdA = '', traceIdB = '' } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const view = comparisonViewFromParam(params.get('view'));
  // The waterfall is the default view, so its URL carries no `view=`.
  const withView = useCallback((href: string) => (view === 'graph' ? `${href}${href.includes('?') ? '&' : '?'}view=graph` : href), [view]);
  const replaceParam = useReplaceParam();
  const onViewChange = useCallback((next: ComparisonView) => replaceParam('view', next === 'graph' ? 'graph' : null), [replaceParam]);
  // The node whose details are open (`node=`, its index in the union tree), replaced like `view`.
  const selectedNodeId = selectedNodeFromParam(params.get('node'));
  const onSelectedNodeChange = useCallback((nodeId: number | null) => replaceParam('node', nodeId === null ? null : String(nodeId)), [replaceParam]);
  const shared = params.get('backend');
  const a: Side = { label: 'A', traceId: traceIdA, backendId: backendIdFromParam(params.get('backendA') ?? shared) };
  const b: Side = { label: 'B', traceId: traceIdB, backendId: backendIdFromParam(params.get('backendB') ?? shared) };
  const queryA = useSideQuery(a);
  const queryB = useSideQuery(b);
  const backends = listBackends().map((backend) => ({ id: backend.id, name: backend.name }));

  const onCompare = useCallback(
    (x: CompareTarget, y: CompareTarget) => void navigate(withView(compareHref(x, y))),
    [navigate, withView],
  );
  // Relative to <base href>, so the links work under any path prefix.
  const { backendId: backendIdA } = a;
  const { backendId: backendIdB } = b;
  const spanHref = useCallback(
    (label: 'A' | 'B', spanId: string) => {
      const side = label === 'A' ? { traceId: traceIdA, backendId: backendIdA } : { traceId: traceIdB, backendId: backendIdB };
      return `trace/${encodeURIComponent(side.traceId)}?${new URLSearchParams({ backend: side.backendId, span: spanId }).toString()}`;
    },
    [traceIdA, traceIdB, backendIdA, backendIdB],
  );

  const form = (
    <CompareForm
      key={`${a.traceId}\u0000${b.traceId}\u0000${a.backendId}\u0000${b.backendId}`}
      backends={backends}
      initialA={{ traceId: a.traceId, backendId: a.backendId }}
      initialB={{ traceId: b.traceId, backendId: b.backendId }}
      onCompare={onCompare}
      title={a.traceId && b.traceId ? 'Compare other traces' : 'Compare with…'}
    />
  );

  if (a.traceId === '' || b.traceId === '') {
    return (
      <div className="max-w-4xl space-y-4 p-4">
        <title>Compare traces · Skein</title>
        <h1 className="text-xl font-semibold">Compare traces</h1>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          Why was one request slower than another? Give two traces of the same operation: A is the baseline, B the one to explain.
        </p>
        {form}
      </div>
    );
  }

  const stateA = sideState(a, queryA);
  const stateB = sideState(b, queryB);
  const sideName = (side: Side) => getBackend(side.backendId)?.name ?? side.backendId;
  const title =
    stateA.status === 'ready' && stateB.status === 'ready'
      ? `Compare ${rootLabel(stateA.trace)} (${shortTraceId(a.traceId)} vs ${shortTraceId(b.traceId)}) · Skein`
      : `Compare ${shortTraceId(a.traceId)} vs ${shortTraceId(b.traceId)} · Skein`;

  return (
    <div className="space-y-4 p-4">
      <title>{title}</title>
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-xl font-semibold">Compare traces</h1>
        <Link
          to={withView(compareHref({ traceId: b.traceId, backendId: b.backendId }, { traceId: a.traceId, backendId: a.backendId }))}
          className="text-sm text-sky-800 underline dark:text-sky-300"
        >
          Swap A and B
        </Link>
      </div>
      <div className="flex flex-col gap-3 lg:flex-row lg:items-start">
        {[a, b].map((side) => (
          <CompareSideCard
            key={side.label}
            side={side.label}
            traceId={side.traceId}
            backendName={sideName(side)}
            state={side.label === 'A' ? stateA : stateB}
            traceLink={
              <Link to={traceHref(side.traceId, side.backendId)} className="text-sky-800 underline dark:text-sky-300">
                {side.traceId}
              </Link>
            }
          />
        ))}
      </div>
      {stateA.status === 'ready' && stateB.status === 'ready' ? (
        <ComparisonWithUrlState
          key={`${a.backendId}\u0000${a.traceId}\u0000${b.backendId}\u0000${b.traceId}`}
          traceA={stateA.trace}
          traceB={stateB.trace}
          spanHref={spanHref}
          view={view}
          onViewChange={onViewChange}
          selectedNodeId={selectedNodeId}
          onSelectedNodeChange={onSelectedNodeChange}
        />
      ) : stateA.status === 'loading' || stateB.status === 'loading' ? (
        <LoadingState label="The comparison appears when both traces are loaded." />
      ) : null}
      <details className="max-w-4xl" open={stateA.status === 'error' || stateB.status === 'error' ? true : undefined}>
        <summary className="cursor-pointer text-sm font-medium">Compare with…</summary>
        <div className="mt-2">{form}</div>
      </details>
    </div>
  );
}

export default CompareRoute;

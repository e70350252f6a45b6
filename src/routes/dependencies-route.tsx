// /dependencies — which services call which, how much, and how often it fails (DESIGN.md §3).
// URL state: backend, lookback or start/end, service + depth (+ direction) for focus, layout, and the table's sort.
// This route fetches the graph through src/api and hands the links to the dependency-graph feature.
import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { DependencyProgress } from '../api/backend';
import { useNavigate, useSearchParams } from 'react-router';
import { dependenciesQuery } from '../api/queries';
import { Button } from '../components/button';
import { EmptyState } from '../components/empty-state';
import { ErrorAlert } from '../components/error-alert';
import { useRetryingError } from '../app/use-retrying-error';
import { liveSearchParams } from '../app/url-params';
import { LoadingState } from '../components/loading-state';
import { quoteTraceqlString } from '../lib/traceql';
import { formatTimestamp } from '../lib/time-format';
import { usePreferencesStore } from '../state/preferences-store';
import { traceHref, useBackendFromUrl } from '../app/use-backend-from-url';
import {
  DependencyGraphView,
  TimeWindowPicker,
  canonicalFocusParams,
  describeLookback,
  edgeSearchLabel,
  focusFromParams,
  formatEdgeSort,
  layoutFromParams,
  parseEdgeSort,
  parseLookback,
  resolveWindow,
  widerLookback,
  windowSpecFromParams,
  writeFocusParams,
  writeWindowParams,
  type EdgeSearch,
  type EdgeSortState,
  type FocusState,
  type LayoutKind,
  type WindowSpec,
} from '../dependency-graph';

const numberFormat = new Intl.NumberFormat('en-US');

function nowUs(): number {
  return Date.now() * 1000;
}

/** A lookback window ends "now"; "now" is fixed when the window is chosen or refreshed, so the query key is stable. */
function useWindowClock(specKey: string): [number, () => void] {
  const [clock, setClock] = useState({ key: specKey, nowUs: nowUs() });
  if (clock.key !== specKey) setClock({ key: specKey, nowUs: nowUs() });
  return [clock.key === specKey ? clock.nowUs : nowUs(), () => setClock({ key: specKey, nowUs: nowUs() })];
}

export function DependenciesRoute() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { backendId, backend } = useBackendFromUrl();
  const backendName = backend?.name ?? backendId;
  const timeZone = usePreferencesStore((state) => state.timeZone);

  const spec = windowSpecFromParams(params);
  const specKey = spec.kind === 'absolute' ? `${spec.startUs}-${spec.endUs}` : spec.lookback;
  const [clockUs, refreshClock] = useWindowClock(specKey);
  const range = resolveWindow(spec, clockUs);
  const focus = focusFromParams(params);
  const layout = layoutFromParams(params);
  const tableSort = parseEdgeSort(params.get('sort'));

  // Graphs derived from traces (Tempo without Prometheus) take a while: show how far it got, and let
  // the user cancel (the backend's AbortSignal stops the remaining trace fetches).
  const [progress, setProgress] = useState<DependencyProgress | null>(null);
  const queryClient = useQueryClient();
  const depsOptions = dependenciesQuery(backendId, range, setProgress);
  const query = useQuery(depsOptions);
  const cancelled = query.data === undefined && query.error === null && query.fetchStatus === 'idle' && query.isPending;
  // While Retry runs, the failure stays on screen (and keeps focus on its button) instead of a spinner.
  const { error: shownError, retrying } = useRetryingError(`${backendId}\u0000${range.startUs}\u0000${range.endUs}`, query);

  /**
   * Navigate to this page with some parameters changed. A new graph (window, focus, layout) is a
   * history entry; `replace` for changes within one (the table's order). The change is made to the
   * address bar's URL, not this render's (see liveSearchParams).
   */
  const update = (change: (next: URLSearchParams) => void, options: { replace?: boolean } = {}) => {
    const next = liveSearchParams();
    change(next);
    void navigate({ search: `?${next.toString()}` }, options);
  };
  // A link with depth=99 (shown as 50 hops) or depth=abc: write the depth in use into the URL, in
  // place, so the address bar (and a link copied from it) says what the page shows. Only while the
  // browser still shows this URL: after a quick Back the replace would rewrite the page gone back to.
  const paramsText = params.toString();
  useEffect(() => {
    const live = liveSearchParams();
    if (live.toString() !== paramsText) return;
    const canonical = canonicalFocusParams(live);
    if (canonical) void navigate({ search: `?${canonical.toString()}` }, { replace: true });
  }, [paramsText, navigate]);

  const setWindow = (next: WindowSpec) => update((p) => writeWindowParams(p, next));

  /** Search-page parameters that carry the backend and the same time window. */
  const searchParamsFor = (extra: Record<string, string>) => {
    const next = new URLSearchParams({ backend: backendId });
    writeWindowParams(next, spec);
    for (const [key, value] of Object.entries(extra)) next.set(key, value);
    return `/search?${next.toString()}`;
  };
  const serviceSearchHref = (service: string) => searchParamsFor({ service });
  const edgeSearch = (parent: string, child: string): EdgeSearch => {
    // TraceQL can say "a span of parent with a direct child span of child"; Jaeger search cannot,
    // so there the link searches the child's traces and says so.
    if (backend?.type === 'tempo') {
      return {
        href: searchParamsFor({
          q: `{ resource.service.name = ${quoteTraceqlString(parent)} } > { resource.service.name = ${quoteTraceqlString(child)} }`,
        }),
        label: edgeSearchLabel(parent, child, true),
      };
    }
    return { href: searchParamsFor({ service: child }), label: edgeSearchLabel(parent, child, false) };
  };

  const windowText =
    spec.kind === 'lookback'
      ? `${describeLookback(spec.lookback)}, until ${formatTimestamp(range.endUs, timeZone)}`
      : `${formatTimestamp(range.startUs, timeZone)} to ${formatTimestamp(range.endUs, timeZone)}`;

  let body: React.ReactNode;
  if (query.data === undefined && shownError !== null) {
    body = (
      <ErrorAlert
        title={`Could not load the service dependencies from ${backendName}`}
        onRetry={() => void query.refetch()}
        retrying={retrying}
      >
        <p>{shownError instanceof Error ? shownError.message : String(shownError)}</p>
        <p>Retry, pick a shorter time window, or choose another backend.</p>
      </ErrorAlert>
    );
  } else if (cancelled) {
    body = (
      <EmptyState title="Loading the dependencies was cancelled">
        <Button onClick={() => void query.refetch()}>Load again</Button>
      </EmptyState>
    );
  } else if (query.data === undefined) {
    body = (
      <div className="space-y-2 p-4">
        <LoadingState label={`Loading the service dependencies from ${backendName}…`} className="p-0" />
        {progress ? (
          <div className="flex items-center gap-3 text-sm">
            <div
              role="progressbar"
              aria-label="Traces fetched for the dependency graph"
              aria-valuemin={0}
              aria-valuemax={progress.total}
              aria-valuenow={progress.done}
              className="h-2 w-64 overflow-hidden rounded bg-slate-200 dark:bg-slate-700"
            >
              <div className="h-full bg-sky-600" style={{ width: `${progress.total > 0 ? (100 * progress.done) / progress.total : 0}%` }} />
            </div>
            <span>
              {progress.phase === 'searching' ? 'Searching for traces…' : `Fetched ${progress.done} of ${progress.total} traces`}
            </span>
            <Button onClick={() => void queryClient.cancelQueries({ queryKey: depsOptions.queryKey })}>Cancel</Button>
          </div>
        ) : null}
      </div>
    );
  } else if (query.data.links.length === 0) {
    const lookbackUs = spec.kind === 'lookback' ? spec.lookbackUs : range.endUs - range.startUs;
    const wider = widerLookback(lookbackUs);
    body = (
      <EmptyState title="No dependencies in this window — widen it">
        <p>
          {backendName} reports no calls between services for {windowText}
          {query.data.traceCount !== undefined ? ` (${query.data.source})` : ''}.
        </p>
        {wider ? (
          <Button
            className="mt-3"
            variant="primary"
            onClick={() => setWindow({ kind: 'lookback', lookback: wider, lookbackUs: parseLookback(wider) ?? 0 })}
          >
            Show {describeLookback(wider).toLowerCase()}
          </Button>
        ) : null}
      </EmptyState>
    );
  } else {
    const { data } = query;
    body = (
      <>
        <DependencyGraphView
          // A new backend or window is a new graph: start from a fresh view (zoom, find text).
          key={`${backendId}|${specKey}|${focus.service ?? ''}`}
          links={data.links}
          focus={focus}
          layout={layout}
          onFocusChange={(next: FocusState) => update((p) => writeFocusParams(p, next))}
          onLayoutChange={(kind: LayoutKind) =>
            update((p) => {
              if (kind === 'layered') p.delete('layout');
              else p.set('layout', kind);
            })
          }
          serviceSearchHref={serviceSearchHref}
          edgeSearch={edgeSearch}
          traceHref={(traceId) => traceHref(traceId, backendId)}
          onOpenService={(service) => void navigate(serviceSearchHref(service))}
          onOpenEdge={(parent, child) => void navigate(edgeSearch(parent, child).href)}
          tableSort={tableSort}
          onTableSortChange={(sort: EdgeSortState) =>
            // A re-sort replaces the history entry: Back goes to the previous graph, not the previous order.
            update(
              (p) => {
                const text = formatEdgeSort(sort);
                if (text === null) p.delete('sort');
                else p.set('sort', text);
              },
              { replace: true },
            )
          }
        />
      </>
    );
  }

  return (
    <div className="space-y-4 p-4">
      <title>Service dependencies · Skein</title>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">Service dependencies</h1>
          <p className="text-sm text-slate-600 dark:text-slate-300">
            {backendName} · {windowText}
          </p>
          {query.isSuccess ? (
            <p className="text-sm text-slate-600 dark:text-slate-300" data-testid="dependency-source">
              Source: {query.data.source}
              {query.data.traceCount !== undefined && !query.data.source.includes(String(query.data.traceCount))
                ? ` (based on ${numberFormat.format(query.data.traceCount)} ${query.data.traceCount === 1 ? 'trace' : 'traces'})`
                : ''}
              {` · ${numberFormat.format(query.data.links.length)} ${query.data.links.length === 1 ? 'link' : 'links'}`}
            </p>
          ) : null}
        </div>
        <div className="flex flex-wrap items-end gap-2">
          <TimeWindowPicker key={specKey} spec={spec} resolved={range} onChange={setWindow} />
          <Button
            onClick={() => {
              if (spec.kind === 'lookback') refreshClock();
              else void query.refetch();
            }}
            disabled={query.isFetching}
          >
            {query.isFetching && !query.isPending ? 'Refreshing…' : 'Refresh'}
          </Button>
        </div>
      </div>
      {body}
    </div>
  );
}

export default DependenciesRoute;

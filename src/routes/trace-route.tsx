// /trace/:traceId — one trace: summary, notices about incomplete data, and the waterfall.
// URL state: backend (which backend), span (selected span; replaced, not pushed, so Back leaves the trace),
// view (timeline, spans, stats, flame, json), find (also Jaeger's uiFind), zoom and fold (collapsed rows).
import { formatCount } from '../lib/count-format';
import { useCallback, useDeferredValue, useEffect, useMemo, useState, useSyncExternalStore, type MouseEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { traceQuery } from '../api/queries';
import { listBackends } from '../api/backend-registry';
import { FILE_BACKEND_ID } from '../api/file/file-backend';
import { OpenFileButton } from '../app/open-file-button';
import { getLinkPatterns } from '../api/link-pattern-registry';
import { ErrorAlert } from '../components/error-alert';
import { LoadingState } from '../components/loading-state';
import { LoadProgress } from '../components/load-progress';
import {
  clearTraceLoadPreview,
  getTraceLoadPreview,
  getTraceLoadProgress,
  subscribeTraceLoadProgress,
  traceLoadKey,
  TRACE_LOAD_STEP_LABELS,
} from '../api/trace-load-progress';
import { NoticeBanner } from '../components/notice-banner';
import { TRACE_VIEWS, TraceViewSwitch, isTraceViewName, type TraceViewName } from '../timeline/trace-view-switch';
import { payloadJson } from '../timeline/raw-json-view';
import type { Trace } from '../model/types';
import { retryingNote, retryUnlessTimedOut, shownTraceId, traceLoadErrorMessage, traceLoadErrorTitle } from '../app/backend-error-message';
import { formatTimestamp } from '../lib/time-format';
import { TraceSummaryList } from '../app/trace-summary-list';
import { useBackendFromUrl } from '../app/use-backend-from-url';
import { useRetryingError } from '../app/use-retrying-error';
import { useFindParam, useFoldParam, useSpanTableViewParam, useStatsViewParam, useTimelineOptionsParam, useZoomParam } from '../app/trace-url-state';
import { liveSearchParams, useReplaceParam } from '../app/url-params';
import { withParams } from '../lib/with-params';
import { usePreferencesStore } from '../state/preferences-store';
import { forgetEarlyLoad, wasLoadedEarly } from '../app/early-trace-load';
import { shortTraceId } from '../lib/short-trace-id';

function rootLabel(trace: Trace): string {
  const root = trace.spans[trace.rootIndices[0] ?? 0];
  return root ? `${root.serviceName}: ${root.name}` : 'Empty trace';
}

/** The search part of this trace's URL in `view` (the timeline is the default, left out). */
function searchForView(params: URLSearchParams, view: TraceViewName): string {
  return withParams(params, [['view', view === 'timeline' ? null : view]]).toString();
}

/**
 * Tabs for the other views of the same trace; each is a link, so every view has its own URL (and
 * opens in a new tab). A plain click computes its target from the address bar when clicked: the
 * href is from the last render, and a delayed URL write (a sort, a zoom) that landed since would
 * be dropped by following it.
 */
function TraceViewTabs({ view }: { view: TraceViewName }) {
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const switchTo = (event: MouseEvent<HTMLAnchorElement>, name: TraceViewName) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void navigate({ search: searchForView(liveSearchParams(), name) }, { replace: true });
  };
  return (
    <nav aria-label="Trace views" className="flex gap-1 border-b border-slate-200 px-4 dark:border-slate-800">
      {TRACE_VIEWS.map((v) => {
        const current = v.name === view;
        return (
          <Link
            key={v.name}
            to={{ search: searchForView(searchParams, v.name) }}
            replace
            onClick={(event) => switchTo(event, v.name)}
            aria-current={current ? 'page' : undefined}
            className={
              current
                ? 'border-b-2 border-blue-600 px-3 py-1.5 text-sm font-medium text-blue-700 dark:border-blue-400 dark:text-blue-300'
                : 'border-b-2 border-transparent px-3 py-1.5 text-sm text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white'
            }
          >
            {v.label}
          </Link>
        );
      })}
    </nav>
  );
}

/**
 * The page's heading while no trace is shown: which trace this page is about. Visible on a failure;
 * while loading, for screen readers only, so that the preview's rows do not move.
 */
function TraceIdHeading({ traceId, visible = true }: { traceId: string; visible?: boolean }) {
  return <h1 className={visible ? 'mb-3 text-lg font-semibold break-all' : 'sr-only'}>Trace {shownTraceId(traceId)}</h1>;
}

function TraceNotices({ trace, partialMessage }: { trace: Trace; partialMessage: string | undefined }) {
  const orphanCount = trace.issues.orphanSpanIndices.length;
  return (
    <>
      {partialMessage ? (
        <NoticeBanner title="Partial trace:">{partialMessage}</NoticeBanner>
      ) : null}
      {orphanCount > 0 ? (
        <NoticeBanner title="Incomplete trace:">
          {orphanCount === 1 ? '1 span refers' : `${orphanCount} spans refer`} to a parent span that is not in the trace;{' '}
          {orphanCount === 1 ? 'it is' : 'they are'} shown as extra top-level spans. The missing spans may not have been
          reported yet, or were dropped.
        </NoticeBanner>
      ) : null}
    </>
  );
}

/** Find and zoom state is per trace: a new trace ID or backend starts a fresh page. */
export function TraceRoute() {
  const { traceId = '' } = useParams();
  const { backendId } = useBackendFromUrl();
  return <TracePage key={`${backendId}\u0000${traceId}`} traceId={traceId} />;
}

function TracePage({ traceId }: { traceId: string }) {
  const { backendId, backend } = useBackendFromUrl();
  const [searchParams] = useSearchParams();
  const selectedSpanId = searchParams.get('span');
  const viewParam = searchParams.get('view');
  const view: TraceViewName = isTraceViewName(viewParam) ? viewParam : 'timeline';
  const [loadedEarly] = useState(() => wasLoadedEarly(backendId, traceId));
  useEffect(() => () => forgetEarlyLoad(backendId, traceId), [backendId, traceId]);
  const query = useQuery({
    ...traceQuery(backendId, traceId),
    enabled: backend !== undefined && traceId !== '',
    retry: retryUnlessTimedOut,
    retryOnMount: !loadedEarly,
  });
  // While Retry runs, the last failure stays on screen (marked as retrying) rather than a spinner.
  const { error: shownError, retrying } = useRetryingError(`${backendId}\u0000${traceId}`, query);
  // Large traces load in a worker that reports progress; Cancel aborts the query, which ends the load.
  const queryClient = useQueryClient();
  const progressKey = traceLoadKey(backendId, traceId);
  const progress = useSyncExternalStore(subscribeTraceLoadProgress, () => getTraceLoadProgress(progressKey));
  // The trace (and a preview of a large one) is drawn from deferred values: React renders a new
  // one in the background, in slices, so that the first drawing of a big waterfall does not hold
  // the page in one long task (useQuery and the progress store update synchronously).
  const data = useDeferredValue(query.data);
  // A preview of a large trace (its first rows, read so far) stays until the trace replaces it.
  const storedPreview = useSyncExternalStore(subscribeTraceLoadProgress, () => getTraceLoadPreview(progressKey));
  const shown = data !== undefined;
  useEffect(() => {
    if (shown) clearTraceLoadPreview(progressKey);
  }, [shown, progressKey]);
  const [cancelled, setCancelled] = useState(false);
  const preview = useDeferredValue(data === undefined && !cancelled ? storedPreview : undefined);
  const cancelLoad = useCallback(() => {
    setCancelled(true);
    void queryClient.cancelQueries({ queryKey: traceQuery(backendId, traceId).queryKey });
  }, [queryClient, backendId, traceId]);
  const timeZone = usePreferencesStore((s) => s.timeZone);
  const [findQuery, setFindQuery] = useFindParam();
  const [zoom, setZoom] = useZoomParam();
  const [fold, setFold] = useFoldParam();
  const [timelineOptions, setTimelineOptions] = useTimelineOptionsParam();
  const [spanTableView, setSpanTableView] = useSpanTableViewParam();
  const [statsView, setStatsView] = useStatsViewParam();
  // Relative to <base href>, so it works under any path prefix.
  const traceLinkHref = useCallback(
    (otherTraceId: string, spanId: string) =>
      `trace/${encodeURIComponent(otherTraceId)}?${new URLSearchParams({ backend: backendId, span: spanId }).toString()}`,
    [backendId],
  );

  const replaceParam = useReplaceParam();
  const selectSpan = useCallback((spanId: string | null) => replaceParam('span', spanId), [replaceParam]);

  const raw = data?.raw;
  const payloadText = data?.rawText;
  // The JSON view shows the payload as loaded; format it only when that view is open.
  const rawText = useMemo(() => (view === 'json' ? payloadJson(raw, payloadText) : undefined), [view, raw, payloadText]);

  // What the preview and the trace share: selection, find, zoom and the view switches live in the
  // URL, so they carry over when the whole trace replaces the preview.
  const viewProps = useMemo(
    () => ({
      selectedSpanId,
      onSelectSpan: selectSpan,
      timeZone,
      findQuery,
      onFindQueryChange: setFindQuery,
      viewRange: zoom,
      onViewRangeChange: setZoom,
      options: timelineOptions,
      onOptionsChange: setTimelineOptions,
      traceLinkHref,
      linkPatterns: getLinkPatterns(),
    }),
    [selectedSpanId, selectSpan, timeZone, findQuery, setFindQuery, zoom, setZoom, timelineOptions, setTimelineOptions, traceLinkHref],
  );
  // The same element while only the progress changes (several times a second), so that React
  // does not render the preview's waterfall again for each progress message.
  const previewTrace = preview?.trace;
  const previewTimeline = useMemo(
    () => (previewTrace === undefined ? null : <TraceViewSwitch key="preview" view="timeline" rawText={undefined} trace={previewTrace} {...viewProps} />),
    [previewTrace, viewProps],
  );

  const shortId = shortTraceId(traceId, 8);
  if (!backend) {
    return (
      <div className="p-4">
        <TraceIdHeading traceId={traceId} />
        <ErrorAlert title={`Unknown backend "${backendId}"`}>
          <p>The backend= parameter of this link names no configured backend. Pick a backend from the list in the header.</p>
        </ErrorAlert>
      </div>
    );
  }
  const note = retryingNote(query.failureCount, query.failureReason);
  if (query.data === undefined && shownError !== null) {
    // Only the failure is shown: no summary or timeline of a trace that did not load.
    const fromFile = backendId === FILE_BACKEND_ID;
    const errorContext = {
      canPickBackend: listBackends().filter((b) => b.id !== FILE_BACKEND_ID).length > 1,
      hexIds: !fromFile,
    };
    return (
      <div className="p-4">
        <title>{`Trace ${shortId} not loaded · Skein`}</title>
        <TraceIdHeading traceId={traceId} />
        <ErrorAlert
          title={traceLoadErrorTitle(shownError, traceId, backend.name, errorContext)}
          // Opened files live in this page only: after a reload, asking again cannot find the trace.
          {...(fromFile ? {} : { onRetry: () => void query.refetch(), retrying })}
        >
          <p>{traceLoadErrorMessage(shownError, traceId, backend.name, errorContext)}</p>
          {fromFile ? (
            <div className="pt-2">
              <OpenFileButton label="Open the file again" />
            </div>
          ) : null}
          {retrying && note ? <p>{note}</p> : null}
          {!retrying && query.errorUpdateCount > 1 ? (
            <p>
              Still failing after {query.errorUpdateCount - 1} {query.errorUpdateCount === 2 ? 'retry' : 'retries'} (last attempt at{' '}
              {formatTimestamp(query.errorUpdatedAt * 1000, timeZone)}).
            </p>
          ) : null}
        </ErrorAlert>
      </div>
    );
  }
  if (data === undefined) {
    if (cancelled && query.isPending && query.fetchStatus === 'idle') {
      return (
        <div className="p-4">
          <title>{`Trace ${shortId} not loaded · Skein`}</title>
          <TraceIdHeading traceId={traceId} />
          <ErrorAlert
            title={`Loading of trace ${traceId} was cancelled`}
            retryLabel="Load again"
            onRetry={() => {
              setCancelled(false);
              void query.refetch();
            }}
          >
            <p>The load was stopped before the trace could be shown. Load it again, or open another trace.</p>
          </ErrorAlert>
        </div>
      );
    }
    if (preview !== undefined) {
      return (
        <div className="flex min-h-0 flex-1 flex-col">
          <title>{`Trace ${shortId} · Skein`}</title>
          <section aria-label="Trace overview" className="border-b border-slate-200 dark:border-slate-800">
            {/* The root span's name is not known yet: the heading names the trace. */}
            <TraceIdHeading traceId={traceId} visible={false} />
            <LoadProgress
              className="!py-3"
              label={`Loading trace ${traceId} from ${backend.name}`}
              stepLabel={TRACE_LOAD_STEP_LABELS[progress?.phase ?? 'transferring']}
              bytesLoaded={progress?.bytesLoaded ?? 0}
              bytesTotal={progress?.bytesTotal ?? null}
              itemsDone={progress?.spansParsed ?? preview.spansRead}
              itemsLabel="spans"
              onCancel={cancelLoad}
            />
            <div className="px-4 pb-3">
              <NoticeBanner title="Preview:">
                the first {formatCount(preview.trace.spans.length)} rows, built from the first{' '}
                {formatCount(preview.spansRead)} spans read. Spans whose parent has not arrived yet show as top-level
                spans, and services read later show as “…”. The whole trace replaces this view when loading ends.
              </NoticeBanner>
            </div>
          </section>
          <div className="flex min-h-0 flex-1 flex-col">{previewTimeline}</div>
        </div>
      );
    }
    return (
      <>
        <title>{`Trace ${shortId} · Skein`}</title>
        <TraceIdHeading traceId={traceId} visible={false} />
        {progress ? (
          <LoadProgress
            label={`Loading trace ${traceId} from ${backend.name}`}
            stepLabel={TRACE_LOAD_STEP_LABELS[progress.phase]}
            bytesLoaded={progress.bytesLoaded}
            bytesTotal={progress.bytesTotal}
            itemsDone={progress.spansParsed}
            itemsLabel="spans"
            onCancel={cancelLoad}
          />
        ) : (
          <LoadingState label={`Loading trace ${traceId} from ${backend.name}…${note ? ` ${note}` : ''}`} />
        )}
      </>
    );
  }
  // There is data (a failed refetch keeps the trace it had).
  const { trace, partialMessage } = data;
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <title>{`${rootLabel(trace)} (${shortId}) · Skein`}</title>
      <section aria-label="Trace overview" className="space-y-2 border-b border-slate-200 px-4 py-3 dark:border-slate-800">
        <div className="flex items-baseline justify-between gap-4">
          <h1 className="truncate text-lg font-semibold">
            {rootLabel(trace)}
            <span className="ml-2 text-sm font-normal text-slate-500 dark:text-slate-400">in {backend.name}</span>
          </h1>
          <Link
            to={{ pathname: `/compare/${encodeURIComponent(traceId)}`, search: new URLSearchParams({ backend: backendId }).toString() }}
            className="shrink-0 text-sm text-sky-700 underline dark:text-sky-300"
          >
            Compare with…
          </Link>
        </div>
        <TraceSummaryList trace={trace} />
        <TraceNotices trace={trace} partialMessage={partialMessage} />
      </section>
      <TraceViewTabs view={view} />
      <div className="flex min-h-0 flex-1 flex-col">
        {/* Only the whole trace reads and writes fold=: the preview's tree is partial, and its own
            collapse state must not overwrite the link's. */}
        <TraceViewSwitch
          key="trace"
          view={view}
          rawText={rawText}
          trace={trace}
          {...viewProps}
          foldParam={fold}
          onFoldParamChange={setFold}
          spanTableView={spanTableView}
          onSpanTableViewChange={setSpanTableView}
          statsView={statsView}
          onStatsViewChange={setStatsView}
        />
      </div>
    </div>
  );
}

export default TraceRoute;

// /search — find traces. The URL holds the whole query (src/search/search-url-state.ts); this
// route turns it into a SearchQuery for the selected backend, fetches through react-query, and
// hands plain data and callbacks to the src/search components.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { BackendError, type SearchQuery, type TraceBackend } from '../api/backend';
import { backendIdFromParam, getBackend, listBackends } from '../api/backend-registry';
import { operationsQuery, searchQuery, servicesQuery, tracesByIdQuery } from '../api/queries';
import { retryingNote, retryUnlessTimedOut } from '../app/backend-error-message';
import { backendSearch, traceHref } from '../app/use-backend-from-url';
import { useRetryingError } from '../app/use-retrying-error';
import { keepEmbedParam } from '../app/embed-mode';
import { liveSearchParams } from '../app/url-params';
import { EmptyState } from '../components/empty-state';
import { ErrorAlert } from '../components/error-alert';
import { LoadingState } from '../components/loading-state';
import { NoticeBanner } from '../components/notice-banner';
import { revealElementTop } from '../components/reveal-element-top';
import { parseDuration } from '../lib/duration-format';
import { formatLogfmt, parseLogfmt } from '../lib/logfmt';
import type { TraceqlValueType } from '../lib/traceql';
import { usePreferencesStore } from '../state/preferences-store';
import { emptyResultHints } from '../search/empty-result-hints';
import { SearchForm, type OptionList } from '../search/search-form';
import { validateSearchForm } from '../search/search-form-validation';
import {
  lookbackLabel,
  parseSearchParams,
  limitParamNote,
  searchStateToParams,
  missingTraceIds,
  splitTraceIds,
  withSubmitWindow,
  type ResultViewState,
  type SearchFormState,
  type SearchUrlState,
} from '../search/search-url-state';
import { logfmtSuggestionResolver, type TagSuggestionSource } from '../search/suggestions';
import { lazyModule } from '../search/lazy-module';
import { traceqlTools as traceqlToolsModule } from '../search/lazy-traceql-tools';

// The results (scatter plot, histogram, virtual list and their d3 scales) are their own chunk: the
// first screen has no results, so it does not download them. A search starts the download at once,
// in parallel with the backend request, so the results do not wait for it.
const resultsView = lazyModule(() => import('../search/search-results'));

/** Backend answer time per search key, kept across route visits so Back shows it again. */
const queryTimesMs = new Map<string, number>();

function errorText(error: unknown): string {
  // BackendError messages already name the backend and say what to do.
  return error instanceof Error ? error.message : String(error);
}

/**
 * The URL for a search state. The route writes the whole query string from its state, so what is not
 * search state but belongs to the page is carried over here: embed mode (a reload of the frame
 * must stay embedded).
 */
function searchHrefParams(state: SearchUrlState): URLSearchParams {
  return keepEmbedParam(searchStateToParams(state), liveSearchParams());
}

/** The form as the backend API wants it. TraceQL only goes to backends that speak it. */
export function toSearchQuery(form: SearchFormState, traceqlEnabled: boolean): SearchQuery | null {
  if (form.startUs === null || form.endUs === null) return null;
  const query: SearchQuery = { startUs: form.startUs, endUs: form.endUs, limit: form.limit };
  if (form.service) query.service = form.service;
  if (form.operation) query.operation = form.operation;
  const pairs = parseLogfmt(form.tags).pairs;
  if (pairs.length > 0) query.tags = formatLogfmt(pairs);
  if (traceqlEnabled && form.traceql.trim()) query.traceql = form.traceql.trim();
  const minUs = form.minDuration ? parseDuration(form.minDuration) : null;
  const maxUs = form.maxDuration ? parseDuration(form.maxDuration) : null;
  if (minUs !== null) query.minDurationUs = minUs;
  if (maxUs !== null) query.maxDurationUs = maxUs;
  return query;
}

function optionList(query: { data?: string[]; isLoading: boolean; error: unknown }, what: string, backendName: string): OptionList {
  return {
    names: query.data ?? [],
    loading: query.isLoading,
    // The details are in the alert beside the results; the field only says what is missing.
    error: query.error ? `Could not load the ${what} of ${backendName}. Type a name instead.` : null,
  };
}

/** Autocomplete loaders over the backend's optional tag API, cached per backend. */
function useTagSuggestionSource(backendId: string, backend: TraceBackend | undefined): TagSuggestionSource {
  const queryClient = useQueryClient();
  return useMemo(() => {
    if (!backend?.getTagNames || !backend.getTagValues) return {};
    const getTagNames = backend.getTagNames.bind(backend);
    const getTagValues = backend.getTagValues.bind(backend);
    const scoped = () =>
      queryClient.fetchQuery({
        queryKey: ['backend', backendId, 'tag-names'],
        queryFn: ({ signal }) => getTagNames(undefined, signal),
        staleTime: 5 * 60_000,
      });
    const values = (identifier: string) =>
      queryClient.fetchQuery({
        queryKey: ['backend', backendId, 'tag-values', identifier],
        queryFn: ({ signal }) => getTagValues(identifier, undefined, signal),
        staleTime: 60_000,
      });
    return {
      loadTagNames: async () => {
        const scopes = await scoped();
        const names = scopes.filter((s) => s.scope !== 'intrinsic').flatMap((s) => s.tags);
        return [...new Set(names)];
      },
      loadTagValues: async (tag) => {
        const { scopedAttributeName } = await traceqlToolsModule.load();
        return (await values(scopedAttributeName('', tag))).map((v) => v.value);
      },
      loadTraceqlNames: async () => {
        const { scopedAttributeName } = await traceqlToolsModule.load();
        return (await scoped()).flatMap((s) => s.tags.map((tag) => scopedAttributeName(s.scope, tag)));
      },
      loadTraceqlValues: async (identifier) =>
        (await values(identifier)).map((v) => ({ value: v.value, type: v.type as TraceqlValueType })),
    };
  }, [backend, backendId, queryClient]);
}

/**
 * Above a Jaeger UI `traceID=` list: says that these are traces by ID, not a time-range search (the
 * form beside it still shows its defaults), and names every ID that was not found or is no trace ID.
 */
function TracesByIdNote(props: { requested: number; missing: readonly string[] | null; invalid: readonly string[] }) {
  const { requested, missing, invalid } = props;
  const total = requested + invalid.length;
  return (
    <section aria-labelledby="traces-by-id-title" className="rounded-md border border-sky-200 bg-sky-50 p-3 text-sm dark:border-sky-900 dark:bg-sky-950">
      <h2 id="traces-by-id-title" className="font-semibold">
        Traces by ID
      </h2>
      <p>
        The link names {total} trace ID{total === 1 ? '' : 's'} (traceID=…): this is a list of those traces, not a search over a time range.
        The form starts a new search.
      </p>
      {missing !== null && missing.length > 0 ? (
        <p role="status" className="mt-1 font-medium text-amber-800 dark:text-amber-300">
          {missing.length} of {requested} trace ID{requested === 1 ? '' : 's'} not found: {missing.join(', ')}
        </p>
      ) : null}
      {invalid.length > 0 ? (
        <p className="mt-1 font-medium text-amber-800 dark:text-amber-300">
          Not a trace ID (1 to 32 hex digits), left out: {invalid.join(', ')}
        </p>
      ) : null}
    </section>
  );
}

export function SearchRoute() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const paramsText = params.toString();
  const urlState = useMemo(() => parseSearchParams(new URLSearchParams(paramsText)), [paramsText]);
  const backendId = backendIdFromParam(urlState.backend);
  const backend = getBackend(backendId);
  const backendName = backend?.name ?? backendId;
  const traceqlEnabled = backend?.type === 'tempo';
  // Null until loaded: a TraceQL search waits for its checker rather than run unchecked.
  const traceqlTools = traceqlToolsModule.useLoaded(traceqlEnabled);
  const traceqlPending = traceqlEnabled && traceqlTools === null;
  const timeZone = usePreferencesStore((s) => s.timeZone);

  // The draft follows the URL (links, back/forward); edits stay local until "Find traces".
  const formKey = `${backendId}|${JSON.stringify(urlState.form)}`;
  const [draft, setDraft] = useState(urlState.form);
  const [draftKey, setDraftKey] = useState(formKey);
  if (draftKey !== formKey) {
    setDraftKey(formKey);
    setDraft(urlState.form);
  }

  // A link with a lookback but no window (hand-written, or an old bookmark): fix the window now,
  // in place, so reloads and Back repeat this exact search. Only while the browser still shows this
  // URL: after a quick Back the replace would otherwise rewrite the URL of the page gone back to.
  useEffect(() => {
    if (new URLSearchParams(window.location.search).toString() !== paramsText) return;
    if (urlState.submitted && (urlState.form.startUs === null || urlState.form.endUs === null)) {
      const form = withSubmitWindow(urlState.form, Date.now() * 1000);
      setParams(searchHrefParams({ ...urlState, form }), { replace: true });
    }
  }, [urlState, setParams, paramsText]);

  // A timeout is not repeated on its own (see retryUnlessTimedOut): the alert's Retry is there.
  const services = useQuery({ ...servicesQuery(backendId), enabled: backend !== undefined, retry: retryUnlessTimedOut });
  const operations = useQuery({ ...operationsQuery(backendId, draft.service), enabled: backend !== undefined && draft.service !== '' });

  const validateTraceql = traceqlTools?.validateTraceql ?? null;
  const urlErrors = useMemo(() => validateSearchForm(urlState.form, { validateTraceql }), [urlState.form, validateTraceql]);
  // Jaeger UI links such as /search?traceID=a&traceID=b list exactly those traces (no time range).
  const { ids: traceIds, invalid: invalidTraceIds } = useMemo(() => splitTraceIds(urlState.traceIds ?? []), [urlState.traceIds]);
  const byIds = urlState.traceIds !== undefined;
  const query = useMemo(
    () =>
      byIds
        ? traceIds.length > 0
          ? { startUs: 0, endUs: 0, limit: traceIds.length }
          : null
        : urlState.submitted && !traceqlPending && Object.keys(urlErrors).length === 0
          ? toSearchQuery(urlState.form, traceqlEnabled)
          : null,
    [byIds, traceIds.length, urlState, urlErrors, traceqlEnabled, traceqlPending],
  );
  const resultsModule = resultsView.useLoaded(query !== null);
  const base = byIds ? tracesByIdQuery(backendId, traceIds) : searchQuery(backendId, query ?? { startUs: 0, endUs: 0, limit: 0 });
  const timingKey = JSON.stringify(base.queryKey);
  // Both option factories fetch TraceSummary lists; only their keys differ in type.
  const fetchSummaries = base.queryFn as unknown as (ctx: { signal: AbortSignal }) => Promise<Awaited<ReturnType<TraceBackend['searchTraces']>>>;
  type Summaries = Awaited<ReturnType<TraceBackend['searchTraces']>>;
  // The search the user stopped with "Cancel search" (by its key). It is not run again on its own
  // (react-query would refetch it when the browser comes back online) until Find traces; another
  // search forgets it.
  const queryClient = useQueryClient();
  const [cancelledKey, setCancelledKey] = useState<string | null>(null);
  if (cancelledKey !== null && cancelledKey !== timingKey) setCancelledKey(null);
  const cancelled = cancelledKey === timingKey;
  const results = useQuery<Summaries, Error, Summaries, readonly unknown[]>({
    queryKey: base.queryKey as readonly unknown[],
    // Traces are immutable; a search may find new ones after a while.
    staleTime: byIds ? Infinity : 30_000,
    queryFn: async (context) => {
      const startedMs = performance.now();
      const data = await fetchSummaries(context);
      queryTimesMs.set(timingKey, performance.now() - startedMs);
      performance.mark('skein:search-response');
      return data;
    },
    enabled: query !== null && backend !== undefined && !cancelled,
    placeholderData: (previous) => previous,
    retry: retryUnlessTimedOut,
  });
  // While Retry runs, the failure stays on screen, marked as retrying (not swapped for a spinner).
  const servicesFailure = useRetryingError(backendId, services);
  const resultsFailure = useRetryingError(timingKey, results);
  // After Find traces, the URL of that search: its answer (results, none, or a failure) is brought
  // into view when it is on screen, since on a narrow window it is under the form, out of sight.
  // Not for a search a link, a reload or Back runs: those keep the page where it is.
  const resultsColumnRef = useRef<HTMLDivElement>(null);
  const revealAnswerOf = useRef<string | null>(null);
  const answerShown = !results.isFetching && (resultsModule !== null || results.data === undefined || results.isError);
  useEffect(() => {
    if (revealAnswerOf.current === null || revealAnswerOf.current !== paramsText || !answerShown) return;
    revealAnswerOf.current = null;
    if (resultsColumnRef.current) revealElementTop(resultsColumnRef.current);
  }, [paramsText, answerShown]);

  const cancelSearch = () => {
    // The user is at the form: the note that the search was cancelled does not pull them away.
    revealAnswerOf.current = null;
    setCancelledKey(timingKey);
    // Aborts the request (the query function passes react-query's signal on to fetch); the query
    // goes back to where it was before, with no error to show.
    void queryClient.cancelQueries({ queryKey: base.queryKey as readonly unknown[], exact: true });
  };

  const tagSource = useTagSuggestionSource(backendId, backend);
  const tagResolver = useMemo(() => (tagSource.loadTagNames ? logfmtSuggestionResolver(tagSource) : null), [tagSource]);
  const traceqlResolver = useMemo(() => (traceqlTools ? traceqlTools.traceqlSuggestionResolver(tagSource) : null), [tagSource, traceqlTools]);

  const submit = useCallback(
    (form: SearchFormState) => {
      // A submit is a new search: the plot's brush belonged to the old results and is not carried
      // over, and a list of traces by ID gives way to the search.
      const view = { ...urlState.view, brush: null };
      // The form's limit replaces one the link had that could not be used (and its note).
      const { traceIds: _listed, limitInLink: _limitInLink, ...searchState } = urlState;
      const next = searchHrefParams({ ...searchState, form: withSubmitWindow(form, Date.now() * 1000), view, submitted: true });
      revealAnswerOf.current = next.toString();
      // A search of the same key runs again (and is no longer cancelled); a new URL is a new key,
      // which forgets the cancelled one by itself (cleared here, the old key could run again while
      // the router has not switched to the new URL yet).
      if (next.toString() === paramsText) {
        setCancelledKey(null);
        void results.refetch();
      } else if (urlState.view.brush && next.toString() === searchHrefParams({ ...urlState, view }).toString()) {
        // The same search again (a custom range does not move) that only drops the brush: the query
        // key stays the same, so ask the backend explicitly, as for an unchanged URL.
        setCancelledKey(null);
        setParams(next);
        void results.refetch();
      } else setParams(next);
    },
    [urlState, paramsText, results, setParams],
  );

  const changeView = useCallback(
    (view: ResultViewState) => setParams(searchHrefParams({ ...urlState, view }), { replace: true }),
    [urlState, setParams],
  );

  const changeBackend = useCallback(
    (id: string) =>
      setParams(
        searchHrefParams({
          ...urlState,
          backend: id,
          form: { ...urlState.form, operation: urlState.form.operation },
          // Another backend, other traces: a brush drawn on these results means nothing there.
          view: { ...urlState.view, brush: null },
        }),
      ),
    [urlState, setParams],
  );

  const hrefFor = useCallback((traceId: string) => traceHref(traceId, backendId), [backendId]);
  const openTrace = useCallback((traceId: string) => void navigate(traceHref(traceId, backendId)), [navigate, backendId]);
  const compare = useCallback(
    (a: string, b: string) => void navigate(`/compare/${encodeURIComponent(a)}/${encodeURIComponent(b)}${backendSearch(backendId)}`),
    [navigate, backendId],
  );

  const backends = useMemo(() => listBackends().map((b) => ({ id: b.id, name: b.name })), []);
  const summaries = results.data;
  const hints = useMemo(
    () => emptyResultHints({ ...urlState.form, lookbackLabel: lookbackLabel(urlState.form.lookback) }),
    [urlState.form],
  );
  const showingPrevious = results.isPlaceholderData;
  const missingIds = useMemo(
    () => (byIds && summaries && !showingPrevious ? missingTraceIds(traceIds, summaries.map((s) => s.traceId)) : null),
    [byIds, summaries, showingPrevious, traceIds],
  );

  return (
    <div className="flex flex-1 flex-col gap-6 p-4 lg:flex-row lg:items-start">
      <aside className="w-full shrink-0 lg:sticky lg:top-0 lg:w-80">
        <h1 className="mb-3 text-lg font-semibold">Search traces</h1>
        {byIds ? (
          <p className="mb-3 text-sm text-slate-600 dark:text-slate-300">
            The results show traces by ID from the link; this form is not applied to them. Find traces starts a new search.
          </p>
        ) : null}
        <SearchForm
          value={draft}
          onChange={setDraft}
          onSubmit={submit}
          backends={backends}
          backendId={backendId}
          onBackendChange={changeBackend}
          services={optionList(services, 'services', backendName)}
          operations={optionList(operations, 'operations', backendName)}
          traceql={traceqlTools}
          tagResolver={tagResolver}
          traceqlResolver={traceqlResolver}
          searching={results.isFetching}
          onCancelSearch={query !== null ? cancelSearch : undefined}
          limitNote={urlState.limitInLink !== undefined ? limitParamNote(urlState.limitInLink) : null}
        />
      </aside>
      <div ref={resultsColumnRef} className="min-w-0 flex-1 space-y-4">
        {!backend ? (
          <ErrorAlert title={`There is no backend "${backendId}"`}>
            <p>Pick a backend from the list, or fix the backend= parameter of the URL.</p>
          </ErrorAlert>
        ) : null}
        {servicesFailure.error !== null ? (
          <ErrorAlert
            title={`Could not load the services of ${backendName}`}
            onRetry={() => void services.refetch()}
            retrying={servicesFailure.retrying}
          >
            <p>{errorText(servicesFailure.error)}</p>
            <p>You can still search: type a service name, or leave it empty.</p>
          </ErrorAlert>
        ) : null}
        {operations.isError ? (
          <ErrorAlert title={`Could not load the operations of "${draft.service}" from ${backendName}`} onRetry={() => void operations.refetch()}>
            <p>{errorText(operations.error)}</p>
            <p>You can still search: type an operation name, or leave it empty.</p>
          </ErrorAlert>
        ) : null}
        {byIds && traceIds.length > 0 ? <TracesByIdNote requested={traceIds.length} missing={missingIds} invalid={invalidTraceIds} /> : null}
        {byIds && traceIds.length === 0 ? (
          <ErrorAlert title="The link names no valid trace ID">
            <p>
              Not a trace ID (1 to 32 hex digits): {invalidTraceIds.join(', ')}. Fix the traceID= parameters of the link, or search with the form.
            </p>
          </ErrorAlert>
        ) : null}
        {urlState.submitted && !byIds && Object.keys(urlErrors).length > 0 ? (
          <ErrorAlert title="This search cannot run as written">
            <ul className="list-disc pl-5">
              {Object.values(urlErrors).map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
            <p>Fix the fields on the left and press Find traces.</p>
          </ErrorAlert>
        ) : null}
        {cancelled ? (
          <NoticeBanner title="Search cancelled.">
            {results.data !== undefined && !showingPrevious
              ? 'The results below are from before. Press Find traces to search again.'
              : 'Change the search, or press Find traces to run it again.'}
          </NoticeBanner>
        ) : null}
        {resultsFailure.error !== null && !cancelled ? (
          <ErrorAlert
            title={`Search on ${backendName} failed`}
            onRetry={() => void results.refetch()}
            retrying={resultsFailure.retrying}
          >
            <p>{errorText(resultsFailure.error)}</p>
            {resultsFailure.error instanceof BackendError && resultsFailure.error.kind === 'timeout' ? (
              <p>Narrow the time range, add a service or lower the limit to make the search faster.</p>
            ) : null}
            {resultsFailure.retrying && results.failureCount > 0 ? <p>{retryingNote(results.failureCount, results.failureReason)}</p> : null}
          </ErrorAlert>
        ) : null}
        {!urlState.submitted && !byIds ? (
          <EmptyState title="Find traces">
            Pick a service (or leave it empty for all), add tags or a duration, and press <strong>Find traces</strong>.
          </EmptyState>
        ) : null}
        {query && results.isPending && results.isFetching && resultsFailure.error === null ? (
          <LoadingState label={`Searching ${backendName}…${results.failureCount > 0 ? ` ${retryingNote(results.failureCount, results.failureReason)}` : ''}`} />
        ) : null}
        {query && summaries && !results.isError && !(cancelled && showingPrevious) ? (
          resultsModule ? (
            <resultsModule.SearchResults
              summaries={summaries}
              queryTimeMs={showingPrevious ? null : (queryTimesMs.get(timingKey) ?? null)}
              view={urlState.view}
              onViewChange={changeView}
              traceHref={hrefFor}
              onOpenTrace={openTrace}
              onCompare={compare}
              backendId={backendId}
              emptyHints={hints}
              timeZone={timeZone}
              refreshing={results.isFetching}
            />
          ) : (
            <LoadingState label="Loading the results view…" />
          )
        ) : null}
      </div>
    </div>
  );
}

export default SearchRoute;

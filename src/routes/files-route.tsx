// /files — the traces opened from files in this page session, with links to each.
import { useSyncExternalStore } from 'react';
import { Link } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { getFileBackend } from '../api/backend-registry';
import { backendQueryKey } from '../api/queries';
import { FILE_BACKEND_ID } from '../api/file/file-backend';
import { Button } from '../components/button';
import { EmptyState } from '../components/empty-state';
import { formatDurationUs } from '../lib/duration-format';
import { formatTimestamp } from '../lib/time-format';
import { summaryStartUs } from '../model/trace-summary';
import { usePreferencesStore } from '../state/preferences-store';
import { OpenFileButton } from '../app/open-file-button';
import { traceHref } from '../app/use-backend-from-url';

const cell = 'px-3 py-2 align-top';

export function FilesRoute() {
  const store = getFileBackend().store;
  const entries = useSyncExternalStore(
    (listener) => store.subscribe(listener),
    () => store.list(),
  );
  const zone = usePreferencesStore((s) => s.timeZone);
  const queryClient = useQueryClient();

  const remove = (traceId: string) => {
    store.remove(traceId);
    void queryClient.invalidateQueries({ queryKey: backendQueryKey(FILE_BACKEND_ID) });
  };

  return (
    <div className="space-y-4 p-4">
      <title>Opened files · Skein</title>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">Traces opened from files</h1>
        <OpenFileButton variant="primary" label="Open files" />
      </div>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        Files are read in this browser only; nothing is uploaded. They stay open until the page is reloaded. Spans of one
        trace spread over several files are merged.
      </p>
      {entries.length === 0 ? (
        <EmptyState title="No trace files opened yet">
          <p>Open Jaeger JSON, OTLP JSON/NDJSON or Zipkin v2 JSON files with the button, or drop them anywhere on this page.</p>
        </EmptyState>
      ) : (
        <>
          <p className="text-sm font-medium">{entries.length === 1 ? '1 trace' : `${entries.length} traces`}</p>
          <div className="overflow-x-auto rounded-md border border-slate-200 dark:border-slate-800">
            <table aria-label="Opened traces" className="w-full text-left text-sm">
              <thead className="bg-slate-50 text-xs tracking-wide text-slate-600 uppercase dark:bg-slate-900 dark:text-slate-400">
                <tr>
                  <th scope="col" className={cell}>Trace</th>
                  <th scope="col" className={cell}>Root</th>
                  <th scope="col" className={`${cell} text-right`}>Spans</th>
                  <th scope="col" className={cell}>Services</th>
                  <th scope="col" className={`${cell} text-right`}>Duration</th>
                  <th scope="col" className={cell}>Start</th>
                  <th scope="col" className={cell}>From</th>
                  <th scope="col" className={cell}><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
                {entries.map(({ traceId, summary, sources }) => (
                  <tr key={traceId} className="hover:bg-slate-50 dark:hover:bg-slate-900/60">
                    <td className={cell}>
                      <Link to={traceHref(traceId, FILE_BACKEND_ID)} className="font-mono text-xs text-sky-700 underline dark:text-sky-400">
                        {traceId}
                      </Link>
                    </td>
                    <td className={cell}>
                      <span className="font-medium">{summary.rootServiceName}</span>
                      <span className="text-slate-500 dark:text-slate-400">: {summary.rootName}</span>
                    </td>
                    <td className={`${cell} text-right tabular-nums`}>{summary.spanCount ?? '—'}</td>
                    <td className={cell}>{summary.services.map((s) => s.name).join(', ')}</td>
                    <td className={`${cell} text-right tabular-nums`}>{formatDurationUs(summary.durationUs)}</td>
                    <td className={`${cell} whitespace-nowrap`}>
                      {summaryStartUs(summary) === null ? 'unknown' : formatTimestamp(summary.startUs, zone)}
                    </td>
                    <td className={`${cell} max-w-64 text-xs wrap-anywhere text-slate-600 dark:text-slate-400`}>
                      {sources.map((s) => s.fileName).join(', ')}
                    </td>
                    <td className={cell}>
                      <Button variant="ghost" onClick={() => remove(traceId)} aria-label={`Close trace ${traceId}`}>
                        Close
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}

export default FilesRoute;

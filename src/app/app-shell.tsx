import { Outlet, useLocation, useNavigation, useSearchParams } from 'react-router';
import { ErrorAlert } from '../components/error-alert';
import { AppHeader } from './app-header';
import { fullViewHref, isEmbedded } from './embed-mode';
import { FileDropOverlay } from './file-drop-overlay';
import { FileOpenProvider, useFileOpen } from './file-open-context';
import { LoadingState } from '../components/loading-state';
import { LoadProgress } from '../components/load-progress';
import { MAIN_CONTENT_ID, SkipLink } from './skip-link';

function FileOpenMessages() {
  const { failures, dismissFailure, busy, progress, cancel } = useFileOpen();
  if (failures.length === 0 && !busy) return null;
  return (
    <div className="space-y-2 px-4 pt-3">
      {busy && progress ? (
        <LoadProgress
          label={`Opening ${progress.fileName}`}
          stepLabel={progress.progress.phase === 'downloading' ? 'Reading' : 'Building the trace'}
          bytesLoaded={progress.progress.bytesLoaded}
          bytesTotal={progress.progress.bytesTotal}
          itemsDone={progress.progress.spansParsed}
          itemsLabel="spans"
          onCancel={cancel}
          className="p-0"
        />
      ) : busy ? (
        <LoadingState label="Opening files…" className="p-0" />
      ) : null}
      {failures.map((failure) => (
        <ErrorAlert
          key={failure.key}
          title={`Could not open ${failure.fileName}`}
          onDismiss={() => dismissFailure(failure.key)}
        >
          <p>{failure.message}</p>
        </ErrorAlert>
      ))}
    </div>
  );
}

/** A thin bar while the next route's code or data loads. */
function NavigationProgress() {
  const navigation = useNavigation();
  if (navigation.state === 'idle') return null;
  return <div aria-hidden="true" className="fixed top-0 left-0 z-40 h-0.5 w-full animate-pulse bg-sky-500" />;
}

/** In embed mode the chrome is gone; this keeps a way out to the full app. */
function EmbedBar() {
  const location = useLocation();
  // Recomputed on every navigation so that the link always opens the view being shown.
  const href = fullViewHref(new URL(`.${location.pathname}${location.search}${location.hash}`, document.baseURI).toString());
  return (
    // A landmark like the rest of the page (axe "region"); not a banner, as an embedded view has none.
    <nav aria-label="Skein" className="flex justify-end border-b border-slate-200 px-3 py-1 text-sm dark:border-slate-800">
      <a href={href} target="_blank" rel="noopener noreferrer" className="text-sky-700 underline dark:text-sky-300">
        Open in full view
      </a>
    </nav>
  );
}

/** Header, file opening (button, drop anywhere, messages) and the current page. */
export function AppShell() {
  const [searchParams] = useSearchParams();
  const embedded = isEmbedded(searchParams);
  return (
    <FileOpenProvider>
      <div className="flex h-dvh flex-col">
        <SkipLink />
        <NavigationProgress />
        {embedded ? <EmbedBar /> : <AppHeader />}
        <FileOpenMessages />
        {/* tabIndex -1: the skip link can focus it, Tab does not stop on it; the outline would frame the whole page. */}
        <main id={MAIN_CONTENT_ID} tabIndex={-1} className="flex min-h-0 flex-1 flex-col overflow-auto outline-none">
          <Outlet />
        </main>
        <FileDropOverlay />
      </div>
    </FileOpenProvider>
  );
}

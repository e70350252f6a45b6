import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { ErrorAlert } from '../components/error-alert';

function isChunkLoadError(error: unknown): boolean {
  return (
    error instanceof Error &&
    /dynamically imported module|Importing a module script failed|error loading dynamically imported module/i.test(error.message)
  );
}

/** What a route shows instead of a blank page when it throws (render, loader or code loading). */
export function RouteErrorPage() {
  const error = useRouteError();
  let title = 'This page failed to render.';
  let detail = 'An unexpected error occurred.';
  let hint = 'Reload the page. If it happens again, please report it with the URL.';
  if (isRouteErrorResponse(error)) {
    title = `This page failed: ${error.status} ${error.statusText}`;
    detail = typeof error.data === 'string' ? error.data : detail;
  } else if (isChunkLoadError(error)) {
    title = 'Part of the app could not be loaded.';
    detail = error instanceof Error ? error.message : String(error);
    hint = 'The app may have been updated since this page was opened, or the network is down. Reload the page.';
  } else if (error instanceof Error) {
    detail = error.message;
  } else if (error !== undefined) {
    detail = String(error);
  }
  return (
    <div className="p-4">
      <ErrorAlert title={title} onRetry={() => window.location.reload()} retryLabel="Reload">
        <p className="font-mono text-xs">{detail}</p>
        <p>
          {hint} Or go to <Link to="/search" className="underline">Search</Link>.
        </p>
      </ErrorAlert>
    </div>
  );
}

// URL → page (DESIGN.md §3). Every page's code is its own chunk, loaded on first visit, so the
// first screen downloads only the shell and the page it shows.
import type { ComponentType } from 'react';
import { createBrowserRouter, Navigate, redirect, useLocation, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { LoadingState } from '../components/loading-state';
import { AppShell } from './app-shell';
import { RouteErrorPage } from './route-error-page';

type PageModule = Record<string, unknown>;

/** A lazy route component: the named export, else the default export, of a route module. */
function lazyPage(load: () => Promise<PageModule>, exportName: string) {
  return async () => {
    const module = await load();
    const Component = (module[exportName] ?? module.default) as ComponentType | undefined;
    if (!Component) throw new Error(`The page module has no export "${exportName}" or default export.`);
    return { Component };
  };
}

/** `/` → `/search`, keeping the query (e.g. `?backend=tempo`). */
function RedirectToSearch() {
  const location = useLocation();
  return <Navigate to={{ pathname: '/search', search: location.search }} replace />;
}

/** Jaeger UI links a comparison as `/trace/A...B`. */
export function jaegerCompareRedirect({ params, request }: LoaderFunctionArgs) {
  const traceId = params.traceId ?? '';
  const separator = traceId.indexOf('...');
  if (separator < 0) return null;
  const a = traceId.slice(0, separator);
  const b = traceId.slice(separator + 3);
  const search = new URL(request.url).search;
  return redirect(`/compare/${encodeURIComponent(a)}/${encodeURIComponent(b)}${search}`);
}

function HydrateFallback() {
  return <LoadingState label="Loading Skein…" />;
}

export function appRoutes(): RouteObject[] {
  const pageDefaults = { ErrorBoundary: RouteErrorPage };
  return [
    {
      path: '/',
      Component: AppShell,
      ErrorBoundary: RouteErrorPage,
      HydrateFallback,
      children: [
        { index: true, Component: RedirectToSearch },
        { path: 'search', ...pageDefaults, lazy: lazyPage(() => import('../routes/search-route'), 'SearchRoute') },
        {
          path: 'trace/:traceId',
          ...pageDefaults,
          loader: jaegerCompareRedirect,
          lazy: lazyPage(() => import('../routes/trace-route'), 'TraceRoute'),
        },
        { path: 'compare', ...pageDefaults, lazy: lazyPage(() => import('../routes/compare-route'), 'CompareRoute') },
        // "Compare with…" from a trace page: A is known, the page asks for B.
        { path: 'compare/:traceIdA', ...pageDefaults, lazy: lazyPage(() => import('../routes/compare-route'), 'CompareRoute') },
        {
          path: 'compare/:traceIdA/:traceIdB',
          ...pageDefaults,
          lazy: lazyPage(() => import('../routes/compare-route'), 'CompareRoute'),
        },
        {
          path: 'dependencies',
          ...pageDefaults,
          lazy: lazyPage(() => import('../routes/dependencies-route'), 'DependenciesRoute'),
        },
        { path: 'files', ...pageDefaults, lazy: lazyPage(() => import('../routes/files-route'), 'FilesRoute') },
        { path: '*', ...pageDefaults, lazy: lazyPage(() => import('../routes/not-found-route'), 'NotFoundRoute') },
      ],
    },
  ];
}

export function createAppRouter(basename: string) {
  return createBrowserRouter(appRoutes(), { basename });
}

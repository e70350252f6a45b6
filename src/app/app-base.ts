// The app can be served under any path prefix without a rebuild. The inline script in index.html
// inserts <base href> before anything else loads; this file mirrors its rule for the router and
// for tests (app-base.test.ts checks that both agree).

/** First path segments of the app's own routes: everything before one of them is the prefix. */
export const ROUTE_SEGMENTS = ['trace', 'search', 'compare', 'dependencies', 'files'] as const;

/** The app's base path (with trailing slash) for a location pathname. */
export function computeAppBase(pathname: string): string {
  const segments = pathname.split('/');
  for (let i = 1; i < segments.length; i++) {
    if ((ROUTE_SEGMENTS as readonly string[]).includes(segments[i] ?? '')) return `${segments.slice(0, i).join('/')}/`;
  }
  return pathname.slice(0, pathname.lastIndexOf('/') + 1);
}

/** React Router's basename: the document base's path without the trailing slash ('' at the root). */
export function routerBasename(baseUri: string): string {
  return new URL(baseUri).pathname.replace(/\/+$/, '');
}

// URL building for backend requests. Base URLs in config.json may be relative ("api/jaeger"), so
// they resolve against the document's base URI: one build works under any path prefix.

export type QueryValue = string | number | boolean | undefined | null | readonly string[];
export type QueryParams = Record<string, QueryValue>;

function documentBase(): string | undefined {
  const doc = (globalThis as { document?: { baseURI?: string } }).document;
  if (doc?.baseURI) return doc.baseURI;
  const loc = (globalThis as { location?: { href?: string } }).location;
  return loc?.href;
}

/** Resolves a backend base URL to an absolute one, with exactly one trailing slash. */
export function resolveBaseUrl(baseUrl: string): string {
  const absolute = new URL(baseUrl, documentBase()).toString();
  return absolute.endsWith('/') ? absolute : `${absolute}/`;
}

/**
 * Joins an absolute base URL (from `resolveBaseUrl`) with an API path such as `/api/v3/services`
 * and query parameters; undefined/null parameters are left out, arrays repeat the key.
 */
export function buildUrl(resolvedBase: string, path: string, query?: QueryParams): string {
  const url = new URL(path.replace(/^\/+/, ''), resolvedBase);
  if (query) {
    for (const [key, value] of Object.entries(query)) {
      if (value === undefined || value === null) continue;
      if (Array.isArray(value)) for (const v of value as readonly string[]) url.searchParams.append(key, v);
      else url.searchParams.append(key, String(value));
    }
  }
  return url.toString();
}

/** Encodes one path segment (a service name or trace ID) so that `/`, `?` and `#` stay inside it. */
export function pathSegment(value: string): string {
  return encodeURIComponent(value);
}

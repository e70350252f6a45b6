// The one fetch layer of the remote backends: URL building, a per-request timeout, cancellation
// through the caller's AbortSignal, and typed BackendErrors whose messages name the backend, say
// what failed and what to do. HTTP error statuses are NOT thrown here: the adapters decide what a
// 404 means (API v3 "no traces" vs. an endpoint that does not exist) and then call `httpError`.

import { BackendError } from '../backend';
import { buildUrl, resolveBaseUrl, type QueryParams } from './build-url';
import { describeErrorBody, excerpt, looksLikeHtml, type ErrorBodyStyle } from './error-body';
import { DEFAULT_TIMEOUT_MS } from './remote-backend-config';

export interface HttpClientOptions {
  backendName: string;
  baseUrl: string;
  timeoutMs?: number;
  /** How this backend writes error bodies. */
  errorStyle: ErrorBodyStyle;
  /** For tests; defaults to the global fetch. */
  fetch?: typeof fetch;
}

export interface RequestOptions {
  query?: QueryParams;
  signal?: AbortSignal;
  /** What the request is for, as a verb phrase: "load the service list", "load trace 4bf9…". */
  what: string;
}

/** A complete response with its body read as text. */
export interface TextResponse {
  status: number;
  statusText: string;
  url: string;
  contentType: string;
  text: string;
}

export function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

export class HttpClient {
  readonly backendName: string;
  readonly timeoutMs: number;
  private readonly base: string;
  private readonly errorStyle: ErrorBodyStyle;
  private readonly fetchImpl: typeof fetch;

  constructor(options: HttpClientOptions) {
    this.backendName = options.backendName;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.base = resolveBaseUrl(options.baseUrl);
    this.errorStyle = options.errorStyle;
    // Bound so that a bare `fetch` reference is not called with the client as `this`.
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  url(path: string, query?: QueryParams): string {
    return buildUrl(this.base, path, query);
  }

  /**
   * GETs `path` and reads the whole body. Resolves for every HTTP status; rejects only with
   * BackendError kinds 'aborted', 'timeout' and 'network'. The timeout covers the body too, so
   * a server that sends headers and then stalls still fails in time.
   */
  async getText(path: string, options: RequestOptions): Promise<TextResponse> {
    const url = this.url(path, options.query);
    const { signal } = options;
    if (signal?.aborted) throw this.abortedError(options.what);

    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    const forwardAbort = (): void => controller.abort();
    signal?.addEventListener('abort', forwardAbort, { once: true });

    try {
      const response = await this.fetchImpl(url, {
        method: 'GET',
        headers: { Accept: 'application/json' },
        signal: controller.signal,
        credentials: 'same-origin',
      });
      const text = await readBody(response, controller.signal);
      return {
        status: response.status,
        statusText: response.statusText,
        url,
        contentType: response.headers.get('content-type') ?? '',
        text,
      };
    } catch (cause) {
      if (signal?.aborted) throw this.abortedError(options.what);
      if (timedOut) throw this.timeoutError(options.what);
      throw this.networkError(url, options.what, cause);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', forwardAbort);
    }
  }

  /** GETs `path` and parses JSON; any non-2xx status becomes a BackendError. */
  async getJson(path: string, options: RequestOptions): Promise<unknown> {
    const response = await this.getText(path, options);
    if (!isSuccess(response)) throw this.httpError(response, options.what);
    return this.parseJson(response, options.what);
  }

  parseJson(response: TextResponse, what: string): unknown {
    try {
      return JSON.parse(response.text) as unknown;
    } catch (cause) {
      const reason = looksLikeHtml(response.text)
        ? 'it sent an HTML page instead of JSON, so the URL probably points at a web page rather than the API'
        : response.text.trim() === ''
          ? 'the body was empty'
          : `the body is not valid JSON (${cause instanceof Error ? excerpt(cause.message) : 'parse error'})`;
      throw this.invalidResponse(what, reason);
    }
  }

  invalidResponse(what: string, reason: string): BackendError {
    // Reasons from the parsers are whole sentences; do not end up with "..".
    const because = reason.trim().replace(/[.\s]+$/, '');
    return new BackendError(
      'invalid-response',
      this.backendName,
      `${this.backendName} sent an answer Skein cannot read when trying to ${what}: ${because}. ` +
        'Check that the URL in config.json points at the query API of this backend type.',
    );
  }

  /** The BackendError for a non-2xx response (401/403 → unauthorized, 404 → not-found, else http). */
  httpError(response: TextResponse, what: string, notFoundMessage?: string): BackendError {
    const detail = describeErrorBody(response.text, this.errorStyle);
    const statusText = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    const said = detail ? `: "${detail}"` : ' with an empty body';
    if (response.status === 401 || response.status === 403) {
      // 401: who you are is unknown (no or expired credentials); 403: known, but not allowed.
      const advice =
        response.status === 401
          ? 'Sign in again (reload the page if your session expired), or check the credentials the proxy adds for this backend.'
          : 'Your account is not allowed to read this data: ask an administrator for access, or check the tenant header (X-Scope-OrgID) the proxy sends for this backend.';
      return new BackendError(
        'unauthorized',
        this.backendName,
        `${this.backendName} refused to ${what} (${statusText}${detail ? `: "${detail}"` : ''}). ${advice}`,
        response.status,
      );
    }
    if (response.status === 404) {
      return new BackendError(
        'not-found',
        this.backendName,
        notFoundMessage ??
          `${this.backendName} could not find what was asked when trying to ${what} (${statusText}${said}). Check the URL in config.json.`,
        response.status,
      );
    }
    const advice =
      response.status >= 500
        ? 'Try again; if it keeps failing, check the server logs.'
        : 'Check the search parameters; the server rejected them.';
    return new BackendError(
      'http',
      this.backendName,
      `${this.backendName} failed to ${what} (${statusText}${said}). ${advice}`,
      response.status,
    );
  }

  /**
   * No complete answer within timeoutMs (also used by the trace-load worker's client). The advice
   * fits every request (a service list has no time range to narrow); pages add their own, e.g. the
   * search page's "narrow the time range".
   */
  timeoutError(what: string): BackendError {
    return new BackendError(
      'timeout',
      this.backendName,
      `${this.backendName} did not answer within ${formatSeconds(this.timeoutMs)} when trying to ${what}. ` +
        'The server may be overloaded: retry in a moment, or raise "timeoutMs" for this backend in config.json.',
    );
  }

  /** The request failed before any answer (refused, DNS, CORS, connection reset). */
  networkError(url: string, what: string, cause: unknown): BackendError {
    const detail = cause instanceof Error && cause.message ? ` (${excerpt(cause.message)})` : '';
    return new BackendError(
      'network',
      this.backendName,
      `Could not reach ${this.backendName} at ${url} to ${what}${detail}. ` +
        'Check that the server is running and that its URL in config.json is right; browsers also report blocked cross-origin requests this way, so serve the API through the same origin as the app.',
    );
  }

  abortedError(what: string): BackendError {
    return new BackendError('aborted', this.backendName, `Cancelled: the request to ${this.backendName} to ${what} was stopped.`);
  }
}

/**
 * Reads the body, but gives up as soon as `signal` aborts: not every fetch implementation (msw's
 * interceptors, some polyfills) errors a body stream that is already flowing when aborted.
 */
function readBody(response: Response, signal: AbortSignal): Promise<string> {
  if (signal.aborted) return Promise.reject(new DOMException('Aborted', 'AbortError'));
  return new Promise<string>((resolve, reject) => {
    const onAbort = (): void => {
      reject(new DOMException('Aborted', 'AbortError'));
      response.body?.cancel().catch(() => undefined);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    response.text().then(
      (text) => {
        signal.removeEventListener('abort', onAbort);
        resolve(text);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

export function isSuccess(response: TextResponse): boolean {
  return response.status >= 200 && response.status < 300;
}

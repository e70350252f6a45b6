// Failure responses of the mock backends, in each backend's own error dialect: Jaeger answers
// with JSON envelopes (v1 `{errors:[{msg}]}`, api_v3 `{error:{message}}`), Tempo with plain text.

import { delay, HttpResponse } from 'msw';
import { MOCK_FAILURE_TRACE_IDS } from './mock-traces';

export type MockFailure =
  | 'server-error'
  | 'server-error-empty'
  | 'unauthorized'
  | 'forbidden'
  | 'hang'
  | 'stall'
  | 'invalid-json'
  | 'wrong-shape';

export type ErrorDialect = 'jaeger-v1' | 'jaeger-v3' | 'tempo';

const FAILURE_BY_TRACE_ID: Record<string, MockFailure> = {
  [MOCK_FAILURE_TRACE_IDS.serverError]: 'server-error',
  [MOCK_FAILURE_TRACE_IDS.serverErrorEmpty]: 'server-error-empty',
  [MOCK_FAILURE_TRACE_IDS.unauthorized]: 'unauthorized',
  [MOCK_FAILURE_TRACE_IDS.forbidden]: 'forbidden',
  [MOCK_FAILURE_TRACE_IDS.hang]: 'hang',
  [MOCK_FAILURE_TRACE_IDS.stall]: 'stall',
  [MOCK_FAILURE_TRACE_IDS.invalidJson]: 'invalid-json',
  [MOCK_FAILURE_TRACE_IDS.wrongShape]: 'wrong-shape',
};

export function failureForTraceId(traceId: string): MockFailure | undefined {
  return FAILURE_BY_TRACE_ID[traceId];
}

const STATUS_TEXT: Record<number, string> = {
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  500: 'Internal Server Error',
};

export function errorResponse(dialect: ErrorDialect, status: number, message: string): Response {
  const statusText = STATUS_TEXT[status] ?? '';
  if (dialect === 'tempo') return new HttpResponse(`${message}\n`, { status, statusText, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  if (dialect === 'jaeger-v3') {
    return HttpResponse.json(
      { error: { grpcCode: status === 404 ? 5 : status === 401 ? 16 : status === 403 ? 7 : 13, httpCode: status, message, httpStatus: statusText } },
      { status, statusText },
    );
  }
  return HttpResponse.json({ data: null, total: 0, limit: 0, offset: 0, errors: [{ code: status, msg: message }] }, { status, statusText });
}

/** What an HTTP server answers for a path it has no route for (Go's default mux). */
export function routeMissingResponse(): Response {
  return new HttpResponse('404 page not found\n', { status: 404, statusText: 'Not Found', headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** A never-ending body: the status line and first bytes arrive, the rest never does. */
function stallingBody(): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"data":['));
    },
  });
}

export async function failureResponse(failure: MockFailure, dialect: ErrorDialect): Promise<Response> {
  switch (failure) {
    case 'server-error':
      return errorResponse(
        dialect,
        500,
        dialect === 'tempo'
          ? 'error querying ingesters in Querier.FindTraceByID: rpc error: code = Unavailable desc = connection refused'
          : 'storage query failed: connection reset by peer',
      );
    case 'server-error-empty':
      return new HttpResponse(null, { status: 500, statusText: 'Internal Server Error' });
    case 'unauthorized':
      return dialect === 'tempo' ? errorResponse('tempo', 401, 'no org id') : errorResponse(dialect, 401, 'missing or invalid bearer token');
    case 'forbidden':
      // Typically a proxy in front of the backend, so plain text whatever the backend.
      return new HttpResponse('Forbidden: tenant "shop" is not allowed for this user\n', {
        status: 403,
        statusText: 'Forbidden',
        headers: { 'Content-Type': 'text/plain' },
      });
    case 'hang':
      await delay('infinite');
      return new HttpResponse(null, { status: 204 });
    case 'stall':
      return new HttpResponse(stallingBody(), { status: 200, headers: { 'Content-Type': 'application/json' } });
    case 'invalid-json':
      return new HttpResponse('{"data": [ {"traceID": "abc", ', { status: 200, headers: { 'Content-Type': 'application/json' } });
    case 'wrong-shape':
      return HttpResponse.json({ unexpected: true, items: 'not a list' });
  }
}

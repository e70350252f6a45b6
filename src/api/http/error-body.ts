// Turning an error response body into a short, readable excerpt. Backends disagree on the shape:
// Tempo answers in plain text, Jaeger in JSON envelopes, Prometheus in `{status:"error", error}`;
// a proxy in front of any of them may answer with an HTML page. Nothing here assumes JSON.

import { isObject } from '../parsers/json-guards';

export type ErrorBodyStyle = 'text' | 'jaeger' | 'prometheus';

const MAX_EXCERPT_CHARS = 200;

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** At most MAX_EXCERPT_CHARS of `text`, whitespace collapsed, with an ellipsis when cut. */
export function excerpt(text: string): string {
  const flat = collapse(text);
  return flat.length > MAX_EXCERPT_CHARS ? `${flat.slice(0, MAX_EXCERPT_CHARS - 1)}…` : flat;
}

export function looksLikeHtml(text: string): boolean {
  return /^\s*<(!doctype|html|head|body)\b/i.test(text);
}

function tryParseJson(text: string): unknown {
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Jaeger v1 `{errors:[{msg}]}` and api_v3 / grpc-gateway `{error:{message}}` envelopes. */
export function jaegerEnvelopeMessage(body: unknown): string | undefined {
  if (!isObject(body)) return undefined;
  if (Array.isArray(body.errors)) {
    const msgs = body.errors
      .map((e) => (isObject(e) && typeof e.msg === 'string' ? e.msg : undefined))
      .filter((m): m is string => m !== undefined && m !== '');
    if (msgs.length > 0) return msgs.join('; ');
  }
  if (isObject(body.error) && typeof body.error.message === 'string' && body.error.message !== '') {
    return body.error.message;
  }
  if (typeof body.message === 'string' && body.message !== '') return body.message;
  return undefined;
}

/** A short description of an error body, or '' when there is nothing worth showing. */
export function describeErrorBody(text: string, style: ErrorBodyStyle): string {
  if (collapse(text) === '') return '';
  if (looksLikeHtml(text)) return 'the server answered with an HTML page';
  if (style === 'jaeger') {
    const msg = jaegerEnvelopeMessage(tryParseJson(text));
    if (msg !== undefined) return excerpt(msg);
  } else if (style === 'prometheus') {
    const body = tryParseJson(text);
    if (isObject(body) && typeof body.error === 'string') return excerpt(body.error);
  }
  return excerpt(text);
}

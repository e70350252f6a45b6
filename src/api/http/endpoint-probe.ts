// Capability probing: telling "this server has no such endpoint" (fall back to the older API)
// from "the endpoint answered" (e.g. Jaeger api_v3's 404 `No traces found`, which means an empty
// result, API-NOTES §0.10).

import { isObject } from '../parsers/json-guards';
import { looksLikeHtml } from './error-body';
import type { TextResponse } from './http-client';

function isGatewayErrorEnvelope(text: string): boolean {
  if (!text.trimStart().startsWith('{')) return false;
  try {
    const body = JSON.parse(text) as unknown;
    return isObject(body) && (isObject(body.error) || Array.isArray(body.errors));
  } catch {
    return false;
  }
}

/**
 * True when the response says the endpoint itself does not exist: 405/501, a 404 that is not a
 * JSON error envelope written by the API (Go's "404 page not found", a proxy page), or a 200 HTML
 * page (a single-page-app fallback answering for an unknown path).
 */
export function isEndpointMissing(response: TextResponse): boolean {
  if (response.status === 405 || response.status === 501) return true;
  if (response.status === 404) return !isGatewayErrorEnvelope(response.text);
  if (response.status >= 200 && response.status < 300) return looksLikeHtml(response.text);
  return false;
}

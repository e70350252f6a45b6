// Shape checks for decoded response bodies: a wrong shape is an 'invalid-response' error that
// says which field was wrong, never a TypeError deep inside the UI.

import { isObject, type JsonObject } from '../parsers/json-guards';
import type { HttpClient } from './http-client';

export function expectObject(client: HttpClient, body: unknown, what: string): JsonObject {
  if (!isObject(body)) throw client.invalidResponse(what, `expected a JSON object but got ${describeJsonType(body)}`);
  return body;
}

/** A list of strings at `body[key]`; null/absent means an empty list (Go's nil slices). */
export function expectStringList(client: HttpClient, body: JsonObject, key: string, what: string): string[] {
  const value = body[key];
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) throw client.invalidResponse(what, `"${key}" should be a list but is ${describeJsonType(value)}`);
  return value.filter((v): v is string => typeof v === 'string');
}

/** A list of objects at `body[key]`; null/absent means an empty list. */
export function expectObjectList(client: HttpClient, body: JsonObject, key: string, what: string): JsonObject[] {
  const value = body[key];
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) throw client.invalidResponse(what, `"${key}" should be a list but is ${describeJsonType(value)}`);
  return value.filter(isObject);
}

export function describeJsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Sorted, de-duplicated names, as pickers show them. */
export function uniqueSorted(names: Iterable<string>): string[] {
  return [...new Set(names)].filter((n) => n !== '').sort((a, b) => a.localeCompare(b));
}

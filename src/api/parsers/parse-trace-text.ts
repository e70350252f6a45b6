import { detectFormat, EXPECTED_FORMATS } from './detect-format';
import { isObject, type JsonObject } from './json-guards';
import { parseJaegerEnvelope, parseJaegerTraces } from './parse-jaeger';
import { parseJaegerProtoJson } from './parse-jaeger-proto-json';
import { parseNdjson } from './parse-ndjson';
import { parseOtlp } from './parse-otlp';
import { parseTempoSearch } from './parse-tempo-search';
import { parseZipkin } from './parse-zipkin';
import { TraceParseError, type ParseResult } from './types';

// Entry points: any trace text or parsed JSON value → ParseResult. The only thing thrown is a
// TraceParseError whose message is written for the user.

function describeSource(fileName: string | undefined): string {
  return fileName ? `"${fileName}"` : 'The input';
}

function dispatch(value: unknown, source: string): ParseResult {
  const detected = detectFormat(value);
  switch (detected.kind) {
    case 'otlp':
      return parseOtlp(value as JsonObject);
    case 'otlp-array': {
      // Several OTLP documents in a JSON array: read each like a line of NDJSON.
      const merged: ParseResult = { format: 'otlp-json', spans: [], skippedLines: 0, warnings: [], backendErrors: [] };
      let first = true;
      for (const item of value as unknown[]) {
        if (!isObject(item)) continue;
        const part = parseOtlp(item);
        if (first) merged.format = part.format;
        first = false;
        for (const s of part.spans) merged.spans.push(s);
        merged.warnings.push(...part.warnings);
      }
      return merged;
    }
    case 'jaeger-envelope':
      return parseJaegerEnvelope(value as JsonObject);
    case 'jaeger-traces':
      if (isObject(value) && !Array.isArray(value.spans)) return parseJaegerTraces([value]);
      return parseJaegerTraces(value as JsonObject | unknown[]);
    case 'jaeger-proto-json':
      return parseJaegerProtoJson(value as JsonObject | unknown[]);
    case 'zipkin':
      return parseZipkin(value as JsonObject | unknown[]);
    case 'tempo-search':
      return parseTempoSearch(value as JsonObject);
    case 'empty-array':
      return { format: 'jaeger-trace', spans: [], skippedLines: 0, warnings: [], backendErrors: [] };
    case 'not-traces':
      throw new TraceParseError('unknown-format', `${source} holds no spans. ${detected.message}`);
    case 'invalid-shape':
      throw new TraceParseError('invalid-shape', `${source} looks like trace data but cannot be read: ${detected.message}`);
    case 'unknown':
      throw new TraceParseError('unknown-format', `${source} is JSON but not a trace format Skein knows. ${EXPECTED_FORMATS}`);
  }
}

function guarded(run: () => ParseResult, source: string): ParseResult {
  try {
    return run();
  } catch (e) {
    if (e instanceof TraceParseError) throw e;
    // A bug or hostile input the guards missed: still report it as a parse failure, never crash.
    const err = new TraceParseError('invalid-shape', `${source} could not be read: ${e instanceof Error ? e.message : String(e)}`);
    (err as Error & { cause?: unknown }).cause = e;
    throw err;
  }
}

/**
 * Parses an already-decoded JSON value with messages that name the file, as parseTraceText does
 * (the worker parses the text itself so that it can keep the value).
 */
export function parseTraceValueOf(value: unknown, fileName?: string): ParseResult {
  const source = describeSource(fileName);
  return guarded(() => dispatch(value, source), source);
}

/** Parses an already-decoded JSON value (e.g. a fetch response body). */
export function parseTraceValue(value: unknown): ParseResult {
  return guarded(() => dispatch(value, 'The data'), 'The data');
}

/**
 * Whether text that failed to parse as one document looks like JSON Lines: one of its first few
 * non-blank lines is a JSON object or array on its own. A pretty-printed document with a syntax
 * error has no such line, so it is reported as broken JSON rather than as NDJSON.
 */
function looksLikeNdjson(text: string): boolean {
  let start = 0;
  let checked = 0;
  while (start < text.length && checked < 5) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).trim();
    start = end + 1;
    if (line === '') continue;
    checked++;
    const c = line[0];
    if (c !== '{' && c !== '[') continue;
    try {
      const v: unknown = JSON.parse(line);
      if (typeof v === 'object' && v !== null) return true;
    } catch {
      // not this line
    }
  }
  return false;
}

/** Parses trace text of any supported format; `fileName` is only used in messages. */
export function parseTraceText(text: string, fileName?: string): ParseResult {
  const source = describeSource(fileName);
  return guarded(() => {
    let body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    body = body.trim();
    if (body === '') throw new TraceParseError('empty', `${source} is empty.`);
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch (e) {
      // JSON Lines fail as a whole but each line is a document of its own.
      if (body.includes('\n') && looksLikeNdjson(body)) {
        return parseNdjson(body, source, (v) => dispatch(v, source));
      }
      const reason = e instanceof Error ? e.message : String(e);
      throw new TraceParseError('not-json', `${source} is not valid JSON (${reason}).`);
    }
    return dispatch(value, source);
  }, source);
}

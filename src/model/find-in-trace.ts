// Find-in-trace: which spans match what the user typed in the trace page's find box.
//
// A query is whitespace-separated tokens, all of which must match (case-insensitive):
// - `key=value`: an attribute (span, resource or event) named `key` whose value contains `value`
//   (`key=` alone: the attribute exists);
// - `error=true` also matches every span the model marks as an error (SpanFlag.Error), and
//   `error=false` every span it does not: Jaeger users type Jaeger's error tag out of habit, but
//   OTLP spans fail by status code and carry no such tag;
// - anything else: a substring of the service name, span name, span ID, an attribute key or
//   value, a resource attribute, an event name or an event attribute.
// Each span's searchable text is built once per trace (lazily, or ahead of time in slices with
// prepareSearchTexts; cached by Trace identity), so typing in the find box costs one substring
// scan per span.

import { SpanFlag, type Attribute, type AttrValue, type Span, type Trace } from './types';

// Lines of a span's text are separated by '\n'. Tokens never hold whitespace, so a plain token
// cannot match across two fields, and a `key=value` token can find its attribute's line.
const SEP = '\n';

/** Search texts per trace, built up to `built` (all of them once built === texts.length). */
const searchTexts = new WeakMap<Trace, { texts: string[]; built: number }>();

function valueText(value: AttrValue): string {
  if (typeof value === 'string') return value;
  if (value === null || typeof value !== 'object') return String(value);
  return JSON.stringify(value);
}

function oneLine(text: string): string {
  return text.includes(SEP) ? text.replace(/\n/g, ' ') : text;
}

function attributeLines(text: string, attributes: readonly Attribute[]): string {
  for (const a of attributes) text += `${oneLine(a.key)}=${oneLine(valueText(a.value))}${SEP}`;
  return text;
}

function spanSearchText(span: Span): string {
  // Leading and trailing separators let `\nkey=` and line ends be found uniformly. Built by
  // appending (no array of parts, no join): on 100k spans this is most of the time to prepare.
  let text = `${SEP}${span.serviceName}${SEP}${span.name}${SEP}${span.spanId}${SEP}`;
  text = attributeLines(text, span.attributes);
  text = attributeLines(text, span.resourceAttributes);
  for (const e of span.events) text = attributeLines(`${text}${oneLine(e.name)}${SEP}`, e.attributes);
  return text.toLowerCase();
}

function textsOf(trace: Trace): string[] {
  prepareSearchTexts(trace, Infinity);
  return searchTexts.get(trace)!.texts;
}

/**
 * Builds the search text of up to `maxSpans` more spans of the trace, ahead of its first query
 * (a caller spreads the work over several tasks: at 100k spans all of it is ~150 ms). Returns
 * true once every span's text exists. findSpans builds whatever is left.
 */
export function prepareSearchTexts(trace: Trace, maxSpans: number): boolean {
  let entry = searchTexts.get(trace);
  if (entry === undefined) {
    entry = { texts: new Array<string>(trace.spans.length), built: 0 };
    searchTexts.set(trace, entry);
  }
  const end = Math.min(trace.spans.length, entry.built + maxSpans);
  for (let i = entry.built; i < end; i++) entry.texts[i] = spanSearchText(trace.spans[i]!);
  entry.built = end;
  return end === trace.spans.length;
}

type Token =
  | { kind: 'text'; text: string }
  // `isError`: the token is `error=true` (true) or `error=false` (false), else null.
  | { kind: 'attribute'; keyLine: string; value: string; isError: boolean | null };

function errorTokenValue(key: string, value: string): boolean | null {
  if (key !== 'error') return null;
  return value === 'true' ? true : value === 'false' ? false : null;
}

function parseQuery(query: string): Token[] {
  const tokens: Token[] = [];
  for (const raw of query.toLowerCase().split(/\s+/)) {
    if (raw === '') continue;
    const eq = raw.indexOf('=');
    if (eq > 0) {
      const key = raw.slice(0, eq);
      const value = raw.slice(eq + 1);
      tokens.push({ kind: 'attribute', keyLine: `${SEP}${key}=`, value, isError: errorTokenValue(key, value) });
    }
    else tokens.push({ kind: 'text', text: raw });
  }
  return tokens;
}

function matchesAttribute(text: string, keyLine: string, value: string): boolean {
  let at = text.indexOf(keyLine);
  while (at >= 0) {
    const valueStart = at + keyLine.length;
    const lineEnd = text.indexOf(SEP, valueStart);
    const found = text.indexOf(value, valueStart);
    if (found >= 0 && found + value.length <= lineEnd) return true;
    at = text.indexOf(keyLine, lineEnd);
  }
  return false;
}

/** Indices (DFS order) of spans matching every token of `query`; empty for an empty query. */
export function findSpans(trace: Trace, query: string): Int32Array {
  const tokens = parseQuery(query);
  if (tokens.length === 0) return new Int32Array(0);
  const texts = textsOf(trace);
  const flags = trace.columns.flags;
  const hits: number[] = [];
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i]!;
    let all = true;
    for (const token of tokens) {
      const ok =
        token.kind === 'text'
          ? text.includes(token.text)
          : (token.isError !== null && ((flags[i]! & SpanFlag.Error) !== 0) === token.isError) ||
            matchesAttribute(text, token.keyLine, token.value);
      if (!ok) {
        all = false;
        break;
      }
    }
    if (all) hits.push(i);
  }
  return Int32Array.from(hits);
}

/**
 * Mask of spans to keep for "show only matches": the given spans plus all their ancestors.
 * Each span is marked once, so the cost is O(spans) however many matches there are.
 */
export function ancestorsOf(trace: Trace, indices: ArrayLike<number>): Uint8Array {
  const parent = trace.columns.parent;
  const keep = new Uint8Array(trace.spans.length);
  for (let k = 0; k < indices.length; k++) {
    let i = indices[k]!;
    while (i >= 0 && keep[i] === 0) {
      keep[i] = 1;
      i = parent[i]!;
    }
  }
  return keep;
}

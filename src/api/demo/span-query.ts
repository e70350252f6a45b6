// Matching generated spans against a search query, the way Jaeger's own store does it: a trace
// matches when one span satisfies the service, operation and every tag together. Tags are
// logfmt (`k=v k2="v w"`), matched against span attributes, resource attributes and event
// attributes; `error=true` means a span with error status.

import type { AttrValue, RawSpan } from '../../model/types';

export interface TagFilter {
  key: string;
  /** null: the key only has to be present. */
  value: string | null;
}

/** Parses logfmt. Quoted values may contain spaces and \" escapes; a bare key means "present". */
export function parseLogfmtTags(text: string | undefined): TagFilter[] {
  const tags: TagFilter[] = [];
  if (!text) return tags;
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && /\s/.test(text[i]!)) i++;
    if (i >= n) break;
    let key = '';
    while (i < n && text[i] !== '=' && !/\s/.test(text[i]!)) key += text[i++];
    if (text[i] !== '=') {
      if (key) tags.push({ key, value: null });
      continue;
    }
    i++; // '='
    let value = '';
    if (text[i] === '"') {
      i++;
      while (i < n && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < n) i++;
        value += text[i++];
      }
      i++; // closing quote
    } else {
      while (i < n && !/\s/.test(text[i]!)) value += text[i++];
    }
    if (key) tags.push({ key, value });
  }
  return tags;
}

function valueText(value: AttrValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function spanHasTag(span: RawSpan, tag: TagFilter): boolean {
  if (tag.key === 'error' && (tag.value === 'true' || tag.value === 'false')) {
    return (span.status === 'error') === (tag.value === 'true');
  }
  // Span fields Jaeger exposes as tags.
  if (tag.key === 'span.kind') return tag.value === null || span.kind === tag.value;
  if (tag.key === 'otel.status_code') return tag.value === null || span.status.toUpperCase() === tag.value.toUpperCase();
  if (tag.key === 'otel.status_description') return tag.value === null ? span.statusMessage !== '' : span.statusMessage === tag.value;
  const lists = [span.attributes, span.resourceAttributes, ...span.events.map((e) => e.attributes)];
  for (const list of lists) {
    for (const a of list) {
      if (a.key === tag.key && (tag.value === null || valueText(a.value) === tag.value)) return true;
    }
  }
  return false;
}

export interface SpanCriteria {
  service?: string;
  operation?: string;
  tags: TagFilter[];
}

export function spanMatches(span: RawSpan, criteria: SpanCriteria): boolean {
  if (criteria.service !== undefined && span.serviceName !== criteria.service) return false;
  if (criteria.operation !== undefined && span.name !== criteria.operation) return false;
  for (const tag of criteria.tags) if (!spanHasTag(span, tag)) return false;
  return true;
}

export function traceMatches(spans: readonly RawSpan[], criteria: SpanCriteria): boolean {
  if (criteria.service === undefined && criteria.operation === undefined && criteria.tags.length === 0) return true;
  for (const span of spans) if (spanMatches(span, criteria)) return true;
  return false;
}

/** Trace duration from first start to last end, µs. */
export function rawTraceDurationUs(spans: readonly RawSpan[]): number {
  let first = Infinity;
  let last = -Infinity;
  for (const span of spans) {
    if (span.startUs === null) continue;
    first = Math.min(first, span.startUs);
    last = Math.max(last, span.startUs + (span.durationUs ?? 0));
  }
  return last > first ? last - first : 0;
}

import type { RawSpan } from '../../model/types';
import { findAttribute, isTruthyErrorValue } from './attribute-values';
import { readSpanKind, readStatusCode } from './span-enums';

// Formats without first-class kind/status fields (Jaeger, Zipkin tags) carry them as tags, using
// the OpenTelemetry→Jaeger/Zipkin mapping conventions. Tags stay in `attributes` as they arrived.

/** Applies `span.kind`, `otel.status_code`, `otel.status_description`, `otel.scope.*`, `error`. */
export function applyConventionTags(span: RawSpan): void {
  const attrs = span.attributes;
  if (attrs.length === 0) return;
  if (span.kind === 'unspecified') {
    const kindTag = findAttribute(attrs, 'span.kind');
    if (kindTag !== undefined) span.kind = readSpanKind(kindTag) ?? 'unspecified';
  }
  const statusTag = findAttribute(attrs, 'otel.status_code');
  if (statusTag !== undefined) {
    const code = readStatusCode(statusTag);
    if (code !== null) span.status = code;
  }
  const description = findAttribute(attrs, 'otel.status_description');
  if (typeof description === 'string') span.statusMessage = description;
  if (span.status !== 'error' && isTruthyErrorValue(findAttribute(attrs, 'error'))) span.status = 'error';
  if (span.scope === null) {
    const name = findAttribute(attrs, 'otel.scope.name') ?? findAttribute(attrs, 'otel.library.name');
    if (typeof name === 'string') {
      const version = findAttribute(attrs, 'otel.scope.version') ?? findAttribute(attrs, 'otel.library.version');
      span.scope = { name, version: typeof version === 'string' ? version : '' };
    }
  }
}

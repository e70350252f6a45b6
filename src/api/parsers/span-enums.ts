import type { SpanKind, StatusCode } from '../../model/types';

// Span kind and status arrive as OTLP ints, OTLP enum names (Tempo), Jaeger `span.kind` tag
// values ("server") or Zipkin kinds ("SERVER"). One lookup table covers all spellings.

const KIND_BY_NAME: Record<string, SpanKind> = {
  span_kind_unspecified: 'unspecified',
  span_kind_internal: 'internal',
  span_kind_server: 'server',
  span_kind_client: 'client',
  span_kind_producer: 'producer',
  span_kind_consumer: 'consumer',
  unspecified: 'unspecified',
  internal: 'internal',
  server: 'server',
  client: 'client',
  producer: 'producer',
  consumer: 'consumer',
};

const KIND_BY_INT: readonly SpanKind[] = ['unspecified', 'internal', 'server', 'client', 'producer', 'consumer'];

/** Reads a span kind; returns null when the value is present but unknown. Missing → 'unspecified'. */
export function readSpanKind(value: unknown): SpanKind | null {
  if (value === undefined || value === null || value === '') return 'unspecified';
  if (typeof value === 'number') return KIND_BY_INT[value] ?? null;
  if (typeof value === 'string') {
    const kind = KIND_BY_NAME[value.toLowerCase()];
    if (kind !== undefined) return kind;
    const n = Number(value);
    return Number.isInteger(n) ? (KIND_BY_INT[n] ?? null) : null;
  }
  return null;
}

const STATUS_BY_NAME: Record<string, StatusCode> = {
  status_code_unset: 'unset',
  status_code_ok: 'ok',
  status_code_error: 'error',
  unset: 'unset',
  ok: 'ok',
  error: 'error',
};

const STATUS_BY_INT: readonly StatusCode[] = ['unset', 'ok', 'error'];

/** Reads a status code; returns null when present but unknown. Missing → 'unset'. */
export function readStatusCode(value: unknown): StatusCode | null {
  if (value === undefined || value === null || value === '') return 'unset';
  if (typeof value === 'number') return STATUS_BY_INT[value] ?? null;
  if (typeof value === 'string') {
    const code = STATUS_BY_NAME[value.toLowerCase()];
    if (code !== undefined) return code;
    const n = Number(value);
    return Number.isInteger(n) ? (STATUS_BY_INT[n] ?? null) : null;
  }
  return null;
}

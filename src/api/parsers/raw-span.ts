import type { RawSpan } from '../../model/types';

/** A RawSpan with every field at its "unknown" default; parsers fill in what they can read. */
export function emptyRawSpan(): RawSpan {
  return {
    traceId: '',
    spanId: '',
    parentSpanId: null,
    name: '',
    serviceName: UNKNOWN_SERVICE,
    kind: 'unspecified',
    status: 'unset',
    statusMessage: '',
    startUs: null,
    startNsRemainder: 0,
    durationUs: null,
    attributes: [],
    resourceAttributes: [],
    scope: null,
    events: [],
    references: [],
    warnings: [],
    dropped: { attributes: 0, events: 0, links: 0 },
  };
}

/** The OpenTelemetry default for a missing `service.name`. */
export const UNKNOWN_SERVICE = 'unknown_service';

// Collects the RawSpans of one generated trace. Generators open a span, add children, then
// close it; times are absolute epoch µs throughout, as parsers would hand them over.

import type { Attribute, AttrValue, RawEvent, RawSpan, SpanKind, SpanReference } from '../../model/types';
import { createRng, hash32, hashText, mix32, type Rng } from './prng';
import { demoService, type Language } from './topology';

export type Instrumentation = 'http' | 'grpc' | 'db' | 'redis' | 'kafka' | 'internal';

const SDK_VERSION: Record<Language, string> = {
  go: '1.35.0',
  java: '1.49.0',
  nodejs: '1.30.1',
  python: '1.33.1',
  dotnet: '1.11.2',
  rust: '0.28.0',
};

// Instrumentation scope names as the real libraries report them, so the detail view looks familiar.
const SCOPES: Record<Language, Record<Instrumentation, string>> = {
  go: {
    http: 'go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp',
    grpc: 'go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc',
    db: 'github.com/XSAM/otelsql',
    redis: 'github.com/redis/go-redis/extra/redisotel',
    kafka: 'github.com/IBM/sarama/otelsarama',
    internal: 'shop/internal',
  },
  java: {
    http: 'io.opentelemetry.spring-webmvc-6.0',
    grpc: 'io.opentelemetry.grpc-1.6',
    db: 'io.opentelemetry.jdbc',
    redis: 'io.opentelemetry.lettuce-5.1',
    kafka: 'io.opentelemetry.kafka-clients-2.6',
    internal: 'io.opentelemetry.opentelemetry-instrumentation-annotations-1.16',
  },
  nodejs: {
    http: '@opentelemetry/instrumentation-http',
    grpc: '@opentelemetry/instrumentation-grpc',
    db: '@opentelemetry/instrumentation-pg',
    redis: '@opentelemetry/instrumentation-ioredis',
    kafka: '@opentelemetry/instrumentation-kafkajs',
    internal: 'shop-web',
  },
  python: {
    http: 'opentelemetry.instrumentation.fastapi',
    grpc: 'opentelemetry.instrumentation.grpc',
    db: 'opentelemetry.instrumentation.psycopg',
    redis: 'opentelemetry.instrumentation.redis',
    kafka: 'opentelemetry.instrumentation.confluent_kafka',
    internal: 'shop.jobs',
  },
  dotnet: {
    http: 'Microsoft.AspNetCore',
    grpc: 'Grpc.Net.Client',
    db: 'Npgsql',
    redis: 'OpenTelemetry.Instrumentation.StackExchangeRedis',
    kafka: 'Confluent.Kafka.Extensions.OpenTelemetry',
    internal: 'Shop.Cart',
  },
  rust: {
    http: 'tower-http',
    grpc: 'tonic',
    db: 'sqlx',
    redis: 'redis-rs',
    kafka: 'rdkafka',
    internal: 'fraud_check',
  },
};

// Shared, frozen empties: a 100k-span trace would otherwise allocate 300k empty arrays. Nothing
// may mutate RawSpans (DESIGN.md), and freezing makes an accidental push fail loudly.
const NO_REFERENCES = Object.freeze([]) as unknown as SpanReference[];
const NO_WARNINGS = Object.freeze([]) as unknown as string[];
const NO_EVENTS = Object.freeze([]) as unknown as RawEvent[];
const NOTHING_DROPPED = Object.freeze({ attributes: 0, events: 0, links: 0 });

const BYTE_HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex32(value: number): string {
  return BYTE_HEX[value >>> 24]! + BYTE_HEX[(value >>> 16) & 255]! + BYTE_HEX[(value >>> 8) & 255]! + BYTE_HEX[value & 255]!;
}

export function attr(key: string, value: AttrValue): Attribute {
  return { key, value };
}

/** Builds an attribute list from an object; undefined values are left out. */
export function attrs(values: Record<string, AttrValue | undefined>): Attribute[] {
  const list: Attribute[] = [];
  for (const key in values) {
    const value = values[key];
    if (value !== undefined) list.push({ key, value });
  }
  return list;
}

export interface OpenSpan {
  service: string;
  name: string;
  kind: SpanKind;
  instrumentation: Instrumentation;
  startUs: number;
  attributes?: Attribute[];
}

export class TraceWriter {
  readonly spans: RawSpan[] = [];
  readonly rng: Rng;
  private spanCounter = 0;
  private readonly spanSalt: number;
  private readonly resources = new Map<string, Attribute[]>();
  private readonly scopes = new Map<string, Partial<Record<Instrumentation, { name: string; version: string }>>>();

  constructor(
    readonly traceId: string,
    readonly seed: number,
  ) {
    this.rng = createRng(seed);
    this.spanSalt = hash32(seed, 0x5a17);
  }

  /**
   * 16 hex chars; the low half is a bijection of the span counter, so IDs never collide
   * inside a trace, and the high half makes them look random.
   */
  private nextSpanId(): string {
    const n = this.spanCounter++;
    const low = (Math.imul((n ^ this.spanSalt) >>> 0, 0x2c1b3c6d) ^ this.spanSalt) >>> 0;
    const high = mix32(Math.imul(n + 1, 0x9e3779b1) ^ this.spanSalt) || 1;
    return hex32(high) + hex32(low);
  }

  /** Resource attributes of a service in this trace: one pod of its replicas, shared by its spans. */
  resource(serviceName: string): Attribute[] {
    let resource = this.resources.get(serviceName);
    if (resource === undefined) {
      const service = demoService(serviceName);
      const nameHash = hashText(service.name);
      const replica = hash32(this.seed, nameHash) % service.replicas;
      // Pod names and nodes are stable per replica across traces, as in a real cluster.
      const podSuffix = (hash32(nameHash, replica) % 0x1000000).toString(36).padStart(5, 'x').slice(-5);
      const node = (hash32(nameHash, replica, 7) % 6) + 1;
      resource = attrs({
        'service.name': service.name,
        'service.namespace': service.namespace,
        'service.version': service.version,
        'service.instance.id': `${service.name}-${podSuffix}`,
        'deployment.environment': 'production',
        'host.name': `ip-10-42-${node}-${17 + replica * 11}.eu-west-1.compute.internal`,
        'k8s.namespace.name': service.namespace,
        'k8s.pod.name': `${service.name}-7d9f${replica}c5b-${podSuffix}`,
        'k8s.node.name': `node-pool-a-${node}`,
        'cloud.region': 'eu-west-1',
        'telemetry.sdk.name': 'opentelemetry',
        'telemetry.sdk.language': service.language,
        'telemetry.sdk.version': SDK_VERSION[service.language],
      });
      this.resources.set(serviceName, resource);
    }
    return resource;
  }

  private scope(serviceName: string, instrumentation: Instrumentation): { name: string; version: string } {
    let byInstrumentation = this.scopes.get(serviceName);
    if (byInstrumentation === undefined) {
      byInstrumentation = {};
      this.scopes.set(serviceName, byInstrumentation);
    }
    let scope = byInstrumentation[instrumentation];
    if (scope === undefined) {
      const language = demoService(serviceName).language;
      scope = { name: SCOPES[language][instrumentation], version: SDK_VERSION[language] };
      byInstrumentation[instrumentation] = scope;
    }
    return scope;
  }

  /** Opens a span; its duration stays null until `close`. */
  open(parent: RawSpan | null, spec: OpenSpan): RawSpan {
    const span: RawSpan = {
      traceId: this.traceId,
      spanId: this.nextSpanId(),
      parentSpanId: parent === null ? null : parent.spanId,
      name: spec.name,
      serviceName: spec.service,
      kind: spec.kind,
      status: 'unset',
      statusMessage: '',
      startUs: Math.round(spec.startUs),
      startNsRemainder: 0,
      durationUs: null,
      attributes: spec.attributes ?? [],
      resourceAttributes: this.resource(spec.service),
      scope: this.scope(spec.service, spec.instrumentation),
      events: NO_EVENTS,
      references: NO_REFERENCES,
      warnings: NO_WARNINGS,
      dropped: NOTHING_DROPPED,
    };
    this.spans.push(span);
    return span;
  }

  /** Sets the end; returns it (rounded) so callers can chain times. */
  close(span: RawSpan, endUs: number): number {
    const end = Math.max(Math.round(endUs), span.startUs! + 1);
    span.durationUs = end - span.startUs!;
    return end;
  }

  /** Convenience: a leaf span from start to end. */
  leaf(parent: RawSpan | null, spec: OpenSpan, durationUs: number): RawSpan {
    const span = this.open(parent, spec);
    this.close(span, spec.startUs + durationUs);
    return span;
  }

  event(span: RawSpan, timeUs: number, name: string, attributes: Attribute[] = []): void {
    if (span.events === NO_EVENTS) span.events = [];
    span.events.push({ timeUs: Math.round(timeUs), name, attributes });
  }

  setError(span: RawSpan, message: string): void {
    span.status = 'error';
    span.statusMessage = message;
  }

  setOk(span: RawSpan): void {
    span.status = 'ok';
  }

  /** Marks a span failed with an OTel `exception` event (type, message, stacktrace). */
  exception(span: RawSpan, timeUs: number, type: string, message: string, stacktrace: string, escaped = true): void {
    this.setError(span, message);
    span.attributes.push(attr('error.type', type));
    this.event(
      span,
      timeUs,
      'exception',
      attrs({
        'exception.type': type,
        'exception.message': message,
        'exception.stacktrace': stacktrace,
        'exception.escaped': escaped,
      }),
    );
  }
}

/** Absolute end of a closed span, epoch µs. */
export function endOf(span: RawSpan): number {
  return span.startUs! + span.durationUs!;
}

// Building blocks for generators: one function per kind of call, each writing the client and
// server spans with the OpenTelemetry semantic-convention attributes a real SDK would set.

import type { RawSpan } from '../../model/types';
import { stacktrace } from './exceptions';
import { demoService } from './topology';
import { attr, attrs, type TraceWriter } from './trace-writer';

/** What a server handler reports back: when it finished and how. */
export interface ServerReply {
  endUs: number;
  /** HTTP status (HTTP calls) or gRPC status code (gRPC calls); success when absent. */
  status?: number;
  /** Shown as the status message of failed spans. */
  message?: string;
}

export interface CallResult {
  /** When the caller got its answer (or gave up). */
  endUs: number;
  failed: boolean;
  /** HTTP status or gRPC code the caller saw; -1 when it timed out. */
  status: number;
  message: string;
  client: RawSpan;
  server: RawSpan;
}

export type Handler = (server: RawSpan, startUs: number) => ServerReply;

const HTTP_REASON: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  400: 'Bad Request',
  402: 'Payment Required',
  404: 'Not Found',
  409: 'Conflict',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export const GRPC = {
  OK: 0,
  CANCELLED: 1,
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  FAILED_PRECONDITION: 9,
  RESOURCE_EXHAUSTED: 8,
  INTERNAL: 13,
  UNAVAILABLE: 14,
} as const;

const GRPC_NAME: Record<number, string> = Object.fromEntries(Object.entries(GRPC).map(([k, v]) => [v, k]));

/** gRPC codes that OTel counts as a server-side error (client side: any non-OK). */
const GRPC_SERVER_ERRORS = new Set<number>([2, 4, 12, 13, 14, 15]);

function clusterAddress(service: string): string {
  return `${service}.${demoService(service).namespace}.svc.cluster.local`;
}

function podAddress(w: TraceWriter, service: string): string {
  const host = w.resource(service).find((a) => a.key === 'host.name')?.value;
  const match = typeof host === 'string' ? /ip-(\d+)-(\d+)-(\d+)-(\d+)/.exec(host) : null;
  return match ? `${match[1]}.${match[2]}.${match[3]}.${match[4]}` : '10.42.0.1';
}

/** One-way network time inside the cluster. */
function hopUs(w: TraceWriter): number {
  return w.rng.latencyUs(350, 0.5);
}

const INTERNAL_AGENT: Record<string, string> = {
  go: 'Go-http-client/1.1',
  java: 'Java-http-client/21.0.4',
  nodejs: 'node-fetch/1.0',
  python: 'python-httpx/0.27.2',
  dotnet: 'System.Net.Http/8.0',
  rust: 'reqwest/0.12',
};

export interface HttpCallSpec {
  from: string;
  to: string;
  method: string;
  /** Route template, e.g. /api/v1/products/{id}. */
  route: string;
  /** Concrete path, e.g. /api/v1/products/8812. */
  path: string;
  /** The caller gives up after this long (client timeout). */
  timeoutUs?: number;
}

export function httpCall(w: TraceWriter, parent: RawSpan, startUs: number, spec: HttpCallSpec, handle: Handler): CallResult {
  const address = clusterAddress(spec.to);
  const client = w.open(parent, {
    service: spec.from,
    name: `${spec.method} ${spec.route}`,
    kind: 'client',
    instrumentation: 'http',
    startUs,
    attributes: attrs({
      'http.request.method': spec.method,
      'url.full': `http://${address}:8080${spec.path}`,
      'server.address': address,
      'server.port': 8080,
      'network.protocol.version': '1.1',
    }),
  });
  const serverStart = startUs + hopUs(w);
  const server = httpServer(w, client, serverStart, {
    service: spec.to,
    method: spec.method,
    route: spec.route,
    path: spec.path,
    host: address,
    userAgent: INTERNAL_AGENT[demoService(spec.from).language] ?? 'curl/8.5.0',
    clientAddress: podAddress(w, spec.from),
  }, handle);
  return finishClient(w, client, server, startUs, spec.timeoutUs, 'http');
}

export interface HttpServerSpec {
  service: string;
  method: string;
  route: string;
  path: string;
  host: string;
  userAgent: string;
  clientAddress: string;
  /** Extra attributes, e.g. url.query. */
  extra?: Record<string, string | number | boolean | undefined>;
}

/** A server span for an incoming HTTP request; also used for trace roots (parent null). */
export function httpServer(w: TraceWriter, parent: RawSpan | null, startUs: number, spec: HttpServerSpec, handle: Handler): RawSpan {
  const server = w.open(parent, {
    service: spec.service,
    name: `${spec.method} ${spec.route}`,
    kind: 'server',
    instrumentation: 'http',
    startUs,
    attributes: attrs({
      'http.request.method': spec.method,
      'http.route': spec.route,
      'url.path': spec.path,
      'url.scheme': parent === null ? 'https' : 'http',
      'server.address': spec.host,
      'server.port': parent === null ? 443 : 8080,
      'client.address': spec.clientAddress,
      'user_agent.original': spec.userAgent,
      'network.protocol.version': parent === null ? '2' : '1.1',
      ...spec.extra,
    }),
  });
  const reply = handle(server, startUs + w.rng.latencyUs(60, 0.4));
  const status = reply.status ?? (spec.method === 'POST' ? 201 : 200);
  server.attributes.push(attr('http.response.status_code', status));
  if (status >= 500) {
    w.setError(server, reply.message ?? `HTTP ${status} ${HTTP_REASON[status] ?? ''}`.trim());
    server.attributes.push(attr('error.type', String(status)));
  }
  w.close(server, reply.endUs + w.rng.latencyUs(40, 0.4));
  return server;
}

export interface GrpcCallSpec {
  from: string;
  to: string;
  /** Fully qualified service, e.g. shop.inventory.v1.InventoryService. */
  rpcService: string;
  rpcMethod: string;
  deadlineUs?: number;
}

export function grpcCall(w: TraceWriter, parent: RawSpan, startUs: number, spec: GrpcCallSpec, handle: Handler): CallResult {
  const name = `${spec.rpcService}/${spec.rpcMethod}`;
  const address = clusterAddress(spec.to);
  const client = w.open(parent, {
    service: spec.from,
    name,
    kind: 'client',
    instrumentation: 'grpc',
    startUs,
    attributes: attrs({
      'rpc.system': 'grpc',
      'rpc.service': spec.rpcService,
      'rpc.method': spec.rpcMethod,
      'server.address': address,
      'server.port': 50051,
    }),
  });
  const serverStart = startUs + hopUs(w);
  const server = w.open(client, {
    service: spec.to,
    name,
    kind: 'server',
    instrumentation: 'grpc',
    startUs: serverStart,
    attributes: attrs({
      'rpc.system': 'grpc',
      'rpc.service': spec.rpcService,
      'rpc.method': spec.rpcMethod,
      'network.peer.address': podAddress(w, spec.from),
      'server.port': 50051,
    }),
  });
  const reply = handle(server, serverStart + w.rng.latencyUs(30, 0.4));
  const code = reply.status ?? GRPC.OK;
  server.attributes.push(attr('rpc.grpc.status_code', code));
  if (GRPC_SERVER_ERRORS.has(code)) w.setError(server, reply.message ?? GRPC_NAME[code] ?? `gRPC ${code}`);
  w.close(server, reply.endUs + w.rng.latencyUs(25, 0.4));
  return finishClient(w, client, server, startUs, spec.deadlineUs, 'grpc');
}

function finishClient(
  w: TraceWriter,
  client: RawSpan,
  server: RawSpan,
  startUs: number,
  timeoutUs: number | undefined,
  protocol: 'http' | 'grpc',
): CallResult {
  const serverEnd = server.startUs! + server.durationUs!;
  const answeredAt = serverEnd + hopUs(w);
  if (timeoutUs !== undefined && answeredAt - startUs > timeoutUs) {
    // The caller gives up; the server keeps working and ends after its (closed) client span.
    const endUs = w.close(client, startUs + timeoutUs + w.rng.latencyUs(200, 0.3));
    const message = protocol === 'grpc' ? 'context deadline exceeded' : `request to ${server.serviceName} timed out after ${Math.round(timeoutUs / 1000)} ms`;
    if (protocol === 'grpc') client.attributes.push(attr('rpc.grpc.status_code', GRPC.DEADLINE_EXCEEDED));
    client.attributes.push(attr('error.type', protocol === 'grpc' ? 'DEADLINE_EXCEEDED' : 'timeout'));
    w.setError(client, message);
    w.event(server, startUs + timeoutUs, protocol === 'grpc' ? 'grpc.cancelled' : 'client disconnected', [
      attr('reason', 'caller deadline exceeded'),
    ]);
    return { endUs, failed: true, status: -1, message, client, server };
  }
  const endUs = w.close(client, answeredAt);
  const statusKey = protocol === 'grpc' ? 'rpc.grpc.status_code' : 'http.response.status_code';
  const status = Number(server.attributes.find((a) => a.key === statusKey)?.value ?? 0);
  client.attributes.push(attr(statusKey, status));
  const failed = protocol === 'grpc' ? status !== GRPC.OK : status >= 400;
  let message = '';
  if (failed) {
    message =
      server.statusMessage ||
      (protocol === 'grpc' ? `${GRPC_NAME[status] ?? status}` : `HTTP ${status} ${HTTP_REASON[status] ?? ''}`.trim());
    w.setError(client, message);
    client.attributes.push(attr('error.type', protocol === 'grpc' ? (GRPC_NAME[status] ?? String(status)) : String(status)));
  }
  return { endUs, failed, status, message, client, server };
}

export interface DbQuerySpec {
  service: string;
  system?: 'postgresql' | 'mysql';
  database: string;
  operation: string;
  collection: string;
  statement: string;
  durationUs: number;
  rows?: number;
}

/** A SQL client span. Java services use the older `db.statement`, the rest `db.query.text`. */
export function dbQuery(w: TraceWriter, parent: RawSpan, startUs: number, spec: DbQuerySpec): RawSpan {
  const system = spec.system ?? 'postgresql';
  const legacy = demoService(spec.service).language === 'java';
  return w.leaf(
    parent,
    {
      service: spec.service,
      name: `${spec.operation} ${spec.collection}`,
      kind: 'client',
      instrumentation: 'db',
      startUs,
      attributes: attrs({
        'db.system': system,
        'db.namespace': spec.database,
        'db.operation.name': spec.operation,
        'db.collection.name': spec.collection,
        [legacy ? 'db.statement' : 'db.query.text']: spec.statement,
        'server.address': `${spec.database}-db.${system === 'mysql' ? 'mysql' : 'pg'}.internal`,
        'server.port': system === 'mysql' ? 3306 : 5432,
        'db.response.returned_rows': spec.rows,
      }),
    },
    spec.durationUs,
  );
}

/** A Redis command; `hit` records a cache lookup's outcome (and a `cache miss` event on the caller). */
export function redisCall(
  w: TraceWriter,
  parent: RawSpan,
  startUs: number,
  spec: { service: string; command: string; key: string; hit?: boolean; durationUs?: number },
): RawSpan {
  const durationUs = spec.durationUs ?? w.rng.latencyUs(450, 0.5);
  const span = w.leaf(
    parent,
    {
      service: spec.service,
      name: spec.command,
      kind: 'client',
      instrumentation: 'redis',
      startUs,
      attributes: attrs({
        'db.system': 'redis',
        'db.operation.name': spec.command,
        'db.query.text': `${spec.command} ${spec.key}`,
        'db.namespace': '0',
        'server.address': 'redis-master.cache.svc.cluster.local',
        'server.port': 6379,
        'cache.hit': spec.hit,
      }),
    },
    durationUs,
  );
  if (spec.hit === false) {
    w.event(parent, startUs + durationUs, 'cache miss', attrs({ 'cache.key': spec.key, 'cache.backend': 'redis' }));
  }
  return span;
}

export interface PublishSpec {
  service: string;
  topic: string;
  key: string;
}

export function kafkaPublish(w: TraceWriter, parent: RawSpan, startUs: number, spec: PublishSpec): RawSpan {
  const partition = w.rng.int(0, 11);
  return w.leaf(
    parent,
    {
      service: spec.service,
      name: `send ${spec.topic}`,
      kind: 'producer',
      instrumentation: 'kafka',
      startUs,
      attributes: attrs({
        'messaging.system': 'kafka',
        'messaging.operation.type': 'send',
        'messaging.operation.name': 'send',
        'messaging.destination.name': spec.topic,
        'messaging.destination.partition.id': String(partition),
        'messaging.kafka.message.key': spec.key,
        'messaging.client.id': `${spec.service}-producer-1`,
        'server.address': 'kafka-0.kafka-headless.messaging.svc.cluster.local',
        'server.port': 9092,
      }),
    },
    w.rng.latencyUs(1_800, 0.6),
  );
}

/**
 * An asynchronous consumer: a child of the producer span that starts after the producer ended
 * (the message sat in the topic for a while). The trace usually ends well after its root.
 */
export function kafkaConsume(
  w: TraceWriter,
  producer: RawSpan,
  spec: { service: string; group: string; lagUs: number },
  handle: (consumer: RawSpan, startUs: number) => number,
): RawSpan {
  const topic = String(producer.attributes.find((a) => a.key === 'messaging.destination.name')?.value ?? 'events');
  const partition = String(producer.attributes.find((a) => a.key === 'messaging.destination.partition.id')?.value ?? '0');
  const startUs = producer.startUs! + producer.durationUs! + spec.lagUs;
  const consumer = w.open(producer, {
    service: spec.service,
    name: `process ${topic}`,
    kind: 'consumer',
    instrumentation: 'kafka',
    startUs,
    attributes: attrs({
      'messaging.system': 'kafka',
      'messaging.operation.type': 'process',
      'messaging.operation.name': 'process',
      'messaging.destination.name': topic,
      'messaging.destination.partition.id': partition,
      'messaging.consumer.group.name': spec.group,
      'messaging.kafka.offset': 1_000_000 + (w.rng.seed() % 9_000_000),
      'messaging.kafka.message.key': producer.attributes.find((a) => a.key === 'messaging.kafka.message.key')?.value as string,
    }),
  });
  w.close(consumer, handle(consumer, startUs + w.rng.latencyUs(120, 0.4)) + w.rng.latencyUs(80, 0.4));
  return consumer;
}

/** An in-process span (business logic, rendering, hashing, …). */
export function internal(
  w: TraceWriter,
  parent: RawSpan,
  startUs: number,
  service: string,
  name: string,
  durationUs: number,
  attributes: Record<string, string | number | boolean | undefined> = {},
): RawSpan {
  return w.leaf(parent, { service, name, kind: 'internal', instrumentation: 'internal', startUs, attributes: attrs(attributes) }, durationUs);
}

/** Fails a span with an exception event in the language of its service. */
export function throwIn(
  w: TraceWriter,
  span: RawSpan,
  timeUs: number,
  type: string,
  message: string,
  frames: readonly string[],
  escaped = true,
): void {
  w.exception(span, timeUs, type, message, stacktrace(demoService(span.serviceName).language, type, message, frames), escaped);
}

/** Runs `steps` one after another from `startUs`; each gets the previous end and returns its own. */
export function sequence(startUs: number, steps: readonly ((t: number) => number)[]): number {
  let t = startUs;
  for (const step of steps) t = step(t);
  return t;
}

// Sub-flows several scenarios share: the browser entry point, the gateway hop, token checks,
// product lookups with a cache in front of the database.

import type { RawSpan } from '../../../model/types';
import {
  dbQuery,
  GRPC,
  grpcCall,
  httpCall,
  httpServer,
  internal,
  redisCall,
  throwIn,
  type CallResult,
  type Handler,
  type ServerReply,
} from '../protocol-calls';
import { endOf, type TraceWriter } from '../trace-writer';

const BROWSERS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.6478.71 Mobile Safari/537.36',
];

const MOBILE_APPS = ['ShopApp/5.2.1 (iOS 17.5; iPhone15,2)', 'ShopApp/5.2.0 (Android 14; SM-S918B)', 'ShopApp/5.1.7 (Android 13; Pixel 7)'];

export function clientIp(w: TraceWriter): string {
  return `${w.rng.pick([81, 86, 92, 176, 185, 212])}.${w.rng.int(1, 254)}.${w.rng.int(0, 254)}.${w.rng.int(1, 254)}`;
}

export function userId(w: TraceWriter): string {
  return `u_${(w.rng.seed() % 900_000) + 100_000}`;
}

export function productId(w: TraceWriter): number {
  return w.rng.int(1000, 48_000);
}

/** Maps a failed downstream call to what the calling HTTP server answers. */
export function httpStatusFor(call: CallResult): number {
  if (!call.failed) return 200;
  if (call.status === -1) return 504;
  if (call.status === GRPC.NOT_FOUND || call.status === 404) return 404;
  if (call.status === GRPC.FAILED_PRECONDITION || call.status === 409) return 409;
  if (call.status === GRPC.INVALID_ARGUMENT || call.status === 400) return 400;
  if (call.status === 402) return 402;
  if (call.status === 401) return 401;
  if (call.status === GRPC.UNAVAILABLE || call.status === 503) return 503;
  return 502;
}

/** A page request from a browser to the Node frontend: the trace root. */
export function browserRequest(
  w: TraceWriter,
  startUs: number,
  spec: { method: string; route: string; path: string; query?: string },
  handle: Handler,
): RawSpan {
  return httpServer(
    w,
    null,
    startUs,
    {
      service: 'web-frontend',
      method: spec.method,
      route: spec.route,
      path: spec.path,
      host: 'shop.example.com',
      userAgent: w.rng.pick(BROWSERS),
      clientAddress: clientIp(w),
      extra: { 'url.query': spec.query },
    },
    handle,
  );
}

/** A request from the mobile app straight to the gateway: the trace root. */
export function mobileRequest(
  w: TraceWriter,
  startUs: number,
  spec: { method: string; route: string; path: string; query?: string },
  handle: Handler,
): RawSpan {
  return httpServer(
    w,
    null,
    startUs,
    {
      service: 'api-gateway',
      method: spec.method,
      route: spec.route,
      path: spec.path,
      host: 'api.shop.example.com',
      userAgent: w.rng.pick(MOBILE_APPS),
      clientAddress: clientIp(w),
      extra: { 'url.query': spec.query },
    },
    handle,
  );
}

/** web-frontend → api-gateway, which checks the token first unless the route is public. */
export function viaGateway(
  w: TraceWriter,
  frontend: RawSpan,
  startUs: number,
  spec: { method: string; route: string; path: string; authenticated: boolean },
  handle: Handler,
): CallResult {
  return httpCall(
    w,
    frontend,
    startUs,
    { from: 'web-frontend', to: 'api-gateway', method: spec.method, route: spec.route, path: spec.path, timeoutUs: 10_000_000 },
    (gateway, t) => gatewayHandler(w, gateway, t, spec.authenticated, handle),
  );
}

/** The gateway's part of a request: token check, then the route's own work. */
export function gatewayHandler(w: TraceWriter, gateway: RawSpan, startUs: number, authenticated: boolean, handle: Handler): ServerReply {
  let t = startUs;
  if (authenticated) {
    const auth = validateToken(w, gateway, t);
    t = auth.endUs;
    if (auth.failed) return { endUs: t + w.rng.latencyUs(80), status: auth.status === -1 ? 504 : 401, message: auth.message };
  }
  return handle(gateway, t + w.rng.latencyUs(40));
}

/** api-gateway → auth ValidateToken: a Redis session lookup, rarely falling back to Postgres. */
export function validateToken(w: TraceWriter, gateway: RawSpan, startUs: number): CallResult {
  return grpcCall(
    w,
    gateway,
    startUs,
    { from: 'api-gateway', to: 'auth', rpcService: 'shop.auth.v1.AuthService', rpcMethod: 'ValidateToken', deadlineUs: 2_000_000 },
    (server, t) => {
      const sessionKey = `session:${(w.rng.seed() >>> 0).toString(16)}`;
      const hit = w.rng.chance(0.93);
      let end = endOf(redisCall(w, server, t, { service: 'auth', command: 'GET', key: sessionKey, hit }));
      if (!hit) {
        const q = dbQuery(w, server, end + 50, {
          service: 'auth',
          database: 'identity',
          operation: 'SELECT',
          collection: 'sessions',
          statement: 'SELECT user_id, scopes, expires_at FROM sessions WHERE token_hash = $1 AND revoked = false',
          durationUs: w.rng.latencyUs(1_900),
          rows: 1,
        });
        end = endOf(redisCall(w, server, endOf(q) + 30, { service: 'auth', command: 'SETEX', key: sessionKey }));
      }
      const verify = internal(w, server, end + 20, 'auth', 'jwt.verify', w.rng.latencyUs(140, 0.3), { 'auth.algorithm': 'ES256' });
      return { endUs: endOf(verify) };
    },
  );
}

/** catalog GetProduct: cache first; on a miss, Postgres (occasionally a very slow query). */
export function getProduct(w: TraceWriter, parent: RawSpan, startUs: number, from: string, id: number): CallResult {
  return grpcCall(
    w,
    parent,
    startUs,
    { from, to: 'catalog', rpcService: 'shop.catalog.v1.CatalogService', rpcMethod: 'GetProduct', deadlineUs: 3_000_000 },
    (server, t) => {
      server.attributes.push({ key: 'app.product.id', value: id });
      const hit = w.rng.chance(0.78);
      const get = redisCall(w, server, t, { service: 'catalog', command: 'GET', key: `product:${id}`, hit });
      let end = endOf(get);
      if (hit) return { endUs: end + w.rng.latencyUs(90) };
      // One in 40 misses hits a lock wait on the products table: the slow-outlier story.
      const slow = w.rng.chance(0.025);
      const q = dbQuery(w, server, end + 40, {
        service: 'catalog',
        database: 'catalog',
        operation: 'SELECT',
        collection: 'products',
        statement:
          'SELECT p.id, p.sku, p.title, p.price_cents, p.currency, c.slug FROM products p JOIN categories c ON c.id = p.category_id WHERE p.id = ?',
        durationUs: slow ? w.rng.latencyUs(1_600_000, 0.3) : w.rng.latencyUs(2_400),
        rows: w.rng.chance(0.97) ? 1 : 0,
      });
      if (slow) {
        w.event(q, q.startUs! + 1_000_000, 'slow query', [
          { key: 'db.wait_event', value: 'Lock:tuple' },
          { key: 'threshold_ms', value: 1000 },
        ]);
      }
      end = endOf(q);
      if (q.attributes.some((a) => a.key === 'db.response.returned_rows' && a.value === 0)) {
        return { endUs: end + w.rng.latencyUs(60), status: GRPC.NOT_FOUND, message: `product ${id} not found` };
      }
      const set = redisCall(w, server, end + 30, { service: 'catalog', command: 'SET', key: `product:${id}` });
      return { endUs: endOf(set) + w.rng.latencyUs(70) };
    },
  );
}

/** catalog GetProducts: one batched lookup (MGET + one SELECT … IN for the misses). */
export function getProducts(w: TraceWriter, parent: RawSpan, startUs: number, from: string, count: number): CallResult {
  return grpcCall(
    w,
    parent,
    startUs,
    { from, to: 'catalog', rpcService: 'shop.catalog.v1.CatalogService', rpcMethod: 'GetProducts', deadlineUs: 3_000_000 },
    (server, t) => {
      server.attributes.push({ key: 'app.product.count', value: count });
      const mget = redisCall(w, server, t, { service: 'catalog', command: 'MGET', key: `product:{${count} keys}` });
      let end = endOf(mget);
      const misses = w.rng.int(0, Math.ceil(count / 3));
      if (misses > 0) {
        const q = dbQuery(w, server, end + 40, {
          service: 'catalog',
          database: 'catalog',
          operation: 'SELECT',
          collection: 'products',
          statement: `SELECT id, sku, title, price_cents, currency FROM products WHERE id IN (${Array.from({ length: misses }, () => '?').join(', ')})`,
          durationUs: w.rng.latencyUs(3_100),
          rows: misses,
        });
        end = endOf(q);
      }
      return { endUs: end + w.rng.latencyUs(120) };
    },
  );
}

/** An exception thrown by a frontend render or gateway handler when downstream failed. */
export function failWithException(
  w: TraceWriter,
  span: RawSpan,
  timeUs: number,
  kind: 'upstream' | 'timeout',
  message: string,
): void {
  const byLanguage: Record<string, [string, string[]]> = {
    'web-frontend': [
      kind === 'timeout' ? 'TimeoutError' : 'FetchError',
      ['lib.api-client.request', 'pages.render', 'server.handleRequest'],
    ],
    'api-gateway': [kind === 'timeout' ? 'context.DeadlineExceeded' : 'proxy.UpstreamError', ['gateway.proxy.ServeHTTP', 'gateway.router.Handle']],
  };
  const [type, frames] = byLanguage[span.serviceName] ?? ['Error', ['main.handle']];
  throwIn(w, span, timeUs, type, message, frames);
}

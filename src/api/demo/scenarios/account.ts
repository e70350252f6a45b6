// Account scenarios from the mobile app and the back office: login, order history (an N+1
// query pattern), and a sales report that can be slow enough to time out at the gateway.

import { dbQuery, grpcCall, httpCall, internal, kafkaPublish, redisCall, throwIn } from '../protocol-calls';
import { attr, endOf, type TraceWriter } from '../trace-writer';
import { failWithException, gatewayHandler, httpStatusFor, mobileRequest, userId } from './shop-flows';

export function login(w: TraceWriter, startUs: number): void {
  mobileRequest(w, startUs, { method: 'POST', route: '/api/v1/auth/login', path: '/api/v1/auth/login' }, (gateway, t) => {
    // Login is rate-limited per client address at the edge.
    const limit = redisCall(w, gateway, t, { service: 'api-gateway', command: 'INCR', key: `ratelimit:login:${w.rng.int(1, 65535)}` });
    const call = httpCall(
      w,
      gateway,
      endOf(limit) + 30,
      { from: 'api-gateway', to: 'auth', method: 'POST', route: '/v1/login', path: '/v1/login', timeoutUs: 3_000_000 },
      (server, startedUs) => {
        let t1 = startedUs;
        const user = userId(w);
        server.attributes.push(attr('enduser.id', user));
        const parse = internal(w, server, t1, 'auth', 'validate credentials', w.rng.latencyUs(90, 0.3), { 'auth.method': 'password' });
        t1 = endOf(parse) + 15;
        const poolExhausted = w.rng.chance(0.02);
        if (poolExhausted) {
          const waitUs = w.rng.latencyUs(1_000_000, 0.05);
          throwIn(w, server, t1 + waitUs, 'pgxpool.ErrAcquireTimeout', 'failed to acquire connection from pool: timeout after 1s (max_conns=20)', [
            'auth.store.(*UserStore).ByEmail',
            'auth.login.(*Handler).Login',
          ]);
          return { endUs: t1 + waitUs + 150, status: 500, message: 'database connection pool exhausted' };
        }
        const lookup = dbQuery(w, server, t1, {
          service: 'auth',
          database: 'identity',
          operation: 'SELECT',
          collection: 'users',
          statement: 'SELECT id, password_hash, mfa_enabled, locked_until FROM users WHERE lower(email) = lower($1)',
          durationUs: w.rng.latencyUs(1_600),
          rows: 1,
        });
        const compare = internal(w, server, endOf(lookup) + 20, 'auth', 'bcrypt.compare', w.rng.latencyUs(62_000, 0.12), { 'bcrypt.cost': 12 });
        const wrongPassword = w.rng.chance(0.06);
        if (wrongPassword) {
          const attempts = redisCall(w, server, endOf(compare) + 20, { service: 'auth', command: 'INCR', key: `login-failures:${user}` });
          return { endUs: endOf(attempts) + 60, status: 401 };
        }
        const session = redisCall(w, server, endOf(compare) + 20, { service: 'auth', command: 'SETEX', key: `session:${(w.rng.seed() >>> 0).toString(16)}` });
        const audit = kafkaPublish(w, server, endOf(session) + 20, { service: 'auth', topic: 'audit.login', key: user });
        return { endUs: endOf(audit) + 80 };
      },
    );
    if (call.failed) return { endUs: call.endUs + 60, status: call.status === 401 ? 401 : httpStatusFor(call) === 504 ? 504 : 502, message: call.message };
    return { endUs: call.endUs + 50, status: 200 };
  });
}

/**
 * The orders service loads the list, then each order on its own: the N+1 pattern a trace
 * viewer should make obvious (a dozen identical sequential SELECTs under one parent).
 */
export function orderHistory(w: TraceWriter, startUs: number): void {
  const pageSize = w.rng.chance(0.15) ? w.rng.int(25, 50) : 12;
  mobileRequest(w, startUs, { method: 'GET', route: '/api/v1/orders', path: '/api/v1/orders', query: `limit=${pageSize}` }, (gateway, t) =>
    gatewayHandler(w, gateway, t, true, (gw, t1) => {
      const list = grpcCall(
        w,
        gw,
        t1,
        { from: 'api-gateway', to: 'orders', rpcService: 'shop.orders.v1.OrderService', rpcMethod: 'ListOrders', deadlineUs: 5_000_000 },
        (server, t2) => {
          const user = userId(w);
          server.attributes.push(attr('enduser.id', user));
          const ids = dbQuery(w, server, t2, {
            service: 'orders',
            database: 'orders',
            operation: 'SELECT',
            collection: 'orders',
            statement: 'SELECT id FROM orders WHERE customer_id = ? ORDER BY created_at DESC LIMIT ?',
            durationUs: w.rng.latencyUs(2_600),
            rows: pageSize,
          });
          let t3 = endOf(ids) + 40;
          for (let i = 0; i < pageSize; i++) {
            const one = dbQuery(w, server, t3, {
              service: 'orders',
              database: 'orders',
              operation: 'SELECT',
              collection: 'orders',
              statement: 'SELECT o.id, o.status, o.total_cents, o.currency, o.created_at FROM orders o WHERE o.id = ?',
              durationUs: w.rng.latencyUs(900, 0.35),
              rows: 1,
            });
            t3 = endOf(one) + w.rng.latencyUs(45, 0.3);
          }
          const shipments = grpcCall(
            w,
            server,
            t3,
            { from: 'orders', to: 'shipping', rpcService: 'shop.shipping.v1.ShippingService', rpcMethod: 'GetShipmentStatuses' },
            (ship, t4) => {
              if (w.rng.chance(0.03)) {
                const waitUs = w.rng.latencyUs(30_000, 0.3);
                throwIn(w, ship, t4 + waitUs, 'org.springframework.dao.QueryTimeoutException', 'PreparedStatementCallback; SQL state [57014]; canceling statement due to statement timeout', [
                  'shop.shipping.ShipmentRepository.findStatuses',
                  'shop.shipping.ShippingGrpcService.getShipmentStatuses',
                ]);
                return { endUs: t4 + waitUs + 200, status: 13, message: 'canceling statement due to statement timeout' };
              }
              const q = dbQuery(w, ship, t4, {
                service: 'shipping',
                database: 'shipping',
                operation: 'SELECT',
                collection: 'shipments',
                statement: `SELECT order_id, status, carrier, tracking_code FROM shipments WHERE order_id IN (${Array.from({ length: pageSize }, () => '?').join(', ')})`,
                durationUs: w.rng.latencyUs(2_100),
                rows: pageSize,
              });
              return { endUs: endOf(q) + 80 };
            },
          );
          // Statuses are a nice-to-have: the list is returned without them.
          if (shipments.failed) w.event(server, shipments.endUs, 'degraded', [attr('component', 'shipment-status')]);
          return { endUs: shipments.endUs + w.rng.latencyUs(300) };
        },
      );
      if (list.failed) return { endUs: list.endUs + 50, status: httpStatusFor(list), message: list.message };
      return { endUs: list.endUs + 80 };
    }),
  );
}

/** A back-office report: one cache lookup per day, an aggregate query per miss. */
export function salesReport(w: TraceWriter, startUs: number): void {
  const days = w.rng.pick([7, 30, 30, 60, 90]);
  // A cold cache (after a deploy) misses everywhere and the report crawls past the gateway timeout.
  const coldCache = w.rng.chance(0.12);
  mobileRequest(
    w,
    startUs,
    { method: 'GET', route: '/api/v1/admin/reports/sales', path: '/api/v1/admin/reports/sales', query: `days=${days}&granularity=day` },
    (gateway, t) =>
      gatewayHandler(w, gateway, t, true, (gw, t1) => {
        const report = httpCall(
          w,
          gw,
          t1,
          { from: 'api-gateway', to: 'orders', method: 'GET', route: '/internal/reports/sales', path: '/internal/reports/sales', timeoutUs: 10_000_000 },
          (server, t2) => {
            server.attributes.push(attr('app.report.days', days));
            let t3 = t2;
            for (let day = 0; day < days; day++) {
              const key = `report:sales:day:${day}`;
              const hit = !coldCache && w.rng.chance(0.75);
              const get = redisCall(w, server, t3, { service: 'orders', command: 'GET', key, hit });
              t3 = endOf(get) + 30;
              if (hit) continue;
              const agg = dbQuery(w, server, t3, {
                service: 'orders',
                database: 'orders',
                operation: 'SELECT',
                collection: 'orders',
                statement:
                  "SELECT date_trunc('hour', created_at) AS hour, count(*), sum(total_cents) FROM orders WHERE created_at >= ? AND created_at < ? AND status <> 'cancelled' GROUP BY 1",
                durationUs: w.rng.latencyUs(coldCache ? 160_000 : 45_000, 0.5),
                rows: 24,
              });
              const set = redisCall(w, server, endOf(agg) + 20, { service: 'orders', command: 'SET', key });
              t3 = endOf(set) + 30;
            }
            const csv = internal(w, server, t3, 'orders', 'render report', w.rng.latencyUs(3_000 + days * 200), { 'report.rows': days * 24 });
            return { endUs: endOf(csv) + 100 };
          },
        );
        if (report.failed) {
          failWithException(w, gw, report.endUs, report.status === -1 ? 'timeout' : 'upstream', `sales report failed: ${report.message}`);
          return { endUs: report.endUs + 50, status: httpStatusFor(report), message: report.message };
        }
        return { endUs: report.endUs + 60 };
      }),
  );
}

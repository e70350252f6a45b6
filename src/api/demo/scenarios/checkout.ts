// The checkout: fan-out stock reservations, a payment with a fraud check that may retry with
// backoff, order creation, and asynchronous consumers (email, shipping) after the response.

import type { RawSpan } from '../../../model/types';
import {
  dbQuery,
  GRPC,
  grpcCall,
  httpCall,
  internal,
  kafkaConsume,
  kafkaPublish,
  redisCall,
  throwIn,
  type CallResult,
} from '../protocol-calls';
import { attr, attrs, endOf, type TraceWriter } from '../trace-writer';
import { browserRequest, failWithException, httpStatusFor, productId, viaGateway } from './shop-flows';

function reserveStock(w: TraceWriter, parent: RawSpan, startUs: number, item: number, unavailable: boolean): CallResult {
  return grpcCall(
    w,
    parent,
    startUs,
    { from: 'checkout', to: 'inventory', rpcService: 'shop.inventory.v1.InventoryService', rpcMethod: 'ReserveStock', deadlineUs: 1_500_000 },
    (server, t) => {
      server.attributes.push(attr('app.product.id', item));
      if (unavailable) {
        // The inventory database failed over: the pool waits, then gives up.
        const wait = w.rng.latencyUs(1_900_000, 0.1);
        throwIn(w, server, t + wait, 'pgx.ConnectError', 'failed to connect to `host=inventory-db.pg.internal user=inventory`: dial tcp 10.42.7.12:5432: connect: connection refused', [
          'inventory.store.(*Store).Reserve',
          'inventory.service.(*Server).ReserveStock',
        ]);
        return { endUs: t + wait + 200, status: GRPC.UNAVAILABLE, message: 'inventory database unavailable' };
      }
      const lock = dbQuery(w, server, t, {
        service: 'inventory',
        database: 'inventory',
        operation: 'SELECT',
        collection: 'stock_levels',
        statement: 'SELECT available FROM stock_levels WHERE product_id = $1 AND warehouse_id = $2 FOR UPDATE',
        durationUs: w.rng.latencyUs(1_800, 0.6),
        rows: 1,
      });
      const update = dbQuery(w, server, endOf(lock) + 40, {
        service: 'inventory',
        database: 'inventory',
        operation: 'UPDATE',
        collection: 'stock_levels',
        statement: 'UPDATE stock_levels SET available = available - $1, reserved = reserved + $1 WHERE product_id = $2 AND warehouse_id = $3',
        durationUs: w.rng.latencyUs(1_300),
      });
      return { endUs: endOf(update) + 50 };
    },
  );
}

/** fraud-check Score: usually quick; sometimes UNAVAILABLE, retried by payments with backoff. */
function scoreWithRetries(w: TraceWriter, payment: RawSpan, startUs: number, outage: boolean): { endUs: number; failed: boolean } {
  const maxAttempts = 4;
  let t = startUs;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const failsNow = outage && (attempt < maxAttempts || w.rng.chance(0.5));
    const score = grpcCall(
      w,
      payment,
      t,
      { from: 'payments', to: 'fraud-check', rpcService: 'shop.fraud.v1.FraudService', rpcMethod: 'Score', deadlineUs: 1_000_000 },
      (server, t2) => {
        if (failsNow) {
          const wait = w.rng.latencyUs(2_000, 0.3);
          w.event(server, t2 + wait, 'load shedding', attrs({ 'queue.depth': w.rng.int(900, 1500), 'queue.limit': 800 }));
          return { endUs: t2 + wait + 100, status: GRPC.UNAVAILABLE, message: 'overloaded: request queue is full' };
        }
        const velocity = redisCall(w, server, t2, { service: 'fraud-check', command: 'GET', key: `velocity:card:${w.rng.int(1, 1e6)}` });
        const features = internal(w, server, endOf(velocity) + 30, 'fraud-check', 'extract features', w.rng.latencyUs(1_200), { 'features.count': 184 });
        const infer = internal(w, server, endOf(features) + 20, 'fraud-check', 'model inference', w.rng.latencyUs(6_500, 0.4), {
          'model.name': 'gbdt-fraud-2025-03',
          'fraud.score': Math.round(w.rng.next() * 1000) / 1000,
        });
        return { endUs: endOf(infer) + 60 };
      },
    );
    score.client.attributes.push(attr('retry.attempt', attempt));
    if (!score.failed) return { endUs: score.endUs, failed: false };
    if (attempt === maxAttempts) {
      w.event(payment, score.endUs, 'retries exhausted', attrs({ attempts: attempt, 'rpc.service': 'shop.fraud.v1.FraudService' }));
      return { endUs: score.endUs, failed: true };
    }
    // Exponential backoff with jitter: this is what makes these traces 5–20× slower.
    const backoffUs = 250_000 * 2 ** (attempt - 1) + w.rng.int(0, 100_000);
    w.event(payment, score.endUs, 'retry', attrs({ 'retry.attempt': attempt + 1, 'retry.backoff_ms': Math.round(backoffUs / 1000), reason: 'UNAVAILABLE' }));
    t = score.endUs + backoffUs;
  }
  return { endUs: t, failed: true };
}

function authorizePayment(w: TraceWriter, parent: RawSpan, startUs: number, amountCents: number, orderId: string): CallResult {
  const outage = w.rng.chance(0.04);
  const declined = !outage && w.rng.chance(0.04);
  return httpCall(
    w,
    parent,
    startUs,
    { from: 'checkout', to: 'payments', method: 'POST', route: '/v1/payments/authorize', path: '/v1/payments/authorize', timeoutUs: 8_000_000 },
    (server, t) => {
      server.attributes.push(attr('app.order.id', orderId), attr('app.payment.amount_cents', amountCents), attr('app.payment.currency', 'EUR'));
      const score = scoreWithRetries(w, server, t, outage);
      if (score.failed) {
        throwIn(w, server, score.endUs + 50, 'payments.ErrFraudCheckUnavailable', 'fraud check unavailable after 4 attempts: rpc error: code = Unavailable', [
          'payments.authorize.(*Service).Authorize',
          'payments.http.(*Handler).Authorize',
        ]);
        return { endUs: score.endUs + 300, status: 503, message: 'fraud check unavailable' };
      }
      // The payment service provider is outside the cluster: a client span with no server span.
      const psp = w.open(server, {
        service: 'payments',
        name: 'POST /v1/payment_intents',
        kind: 'client',
        instrumentation: 'http',
        startUs: score.endUs + 40,
        attributes: attrs({
          'http.request.method': 'POST',
          'url.full': 'https://api.psp.example/v1/payment_intents',
          'server.address': 'api.psp.example',
          'server.port': 443,
          'peer.service': 'psp',
        }),
      });
      const pspEnd = w.close(psp, psp.startUs! + w.rng.latencyUs(180_000, 0.35));
      psp.attributes.push(attr('http.response.status_code', declined ? 402 : 200));
      if (declined) {
        psp.attributes.push(attr('error.type', '402'));
        w.setError(psp, 'card_declined: insufficient_funds');
        return { endUs: pspEnd + 200, status: 402, message: 'card declined' };
      }
      const insert = dbQuery(w, server, pspEnd + 50, {
        service: 'payments',
        database: 'payments',
        operation: 'INSERT',
        collection: 'authorizations',
        statement: 'INSERT INTO authorizations (order_id, psp_reference, amount_cents, currency, status) VALUES ($1, $2, $3, $4, $5)',
        durationUs: w.rng.latencyUs(2_200),
      });
      return { endUs: endOf(insert) + 100 };
    },
  );
}

function createOrder(w: TraceWriter, parent: RawSpan, startUs: number, orderId: string, items: number): CallResult {
  return grpcCall(
    w,
    parent,
    startUs,
    { from: 'checkout', to: 'orders', rpcService: 'shop.orders.v1.OrderService', rpcMethod: 'CreateOrder', deadlineUs: 2_000_000 },
    (server, t) => {
      const begin = dbQuery(w, server, t, {
        service: 'orders',
        database: 'orders',
        operation: 'INSERT',
        collection: 'orders',
        statement: 'INSERT INTO orders (id, customer_id, status, total_cents, currency, created_at) VALUES (?, ?, ?, ?, ?, now())',
        durationUs: w.rng.latencyUs(1_900),
      });
      const lines = dbQuery(w, server, endOf(begin) + 30, {
        service: 'orders',
        database: 'orders',
        operation: 'INSERT',
        collection: 'order_items',
        statement: `INSERT INTO order_items (order_id, product_id, quantity, price_cents) VALUES ${Array.from({ length: items }, () => '(?, ?, ?, ?)').join(', ')}`,
        durationUs: w.rng.latencyUs(1_500 + items * 150),
      });
      const publish = kafkaPublish(w, server, endOf(lines) + 40, { service: 'orders', topic: 'orders.placed', key: orderId });
      consumeOrderPlaced(w, publish, orderId);
      return { endUs: endOf(publish) + 80 };
    },
  );
}

/** Two consumer groups react to orders.placed after the customer already has the response. */
function consumeOrderPlaced(w: TraceWriter, publish: RawSpan, orderId: string): void {
  kafkaConsume(w, publish, { service: 'email-worker', group: 'email-worker', lagUs: w.rng.latencyUs(120_000, 0.9) }, (consumer, t) => {
    const render = internal(w, consumer, t, 'email-worker', 'render template order-confirmation', w.rng.latencyUs(8_000), {
      'template.name': 'order-confirmation',
      'template.locale': w.rng.pick(['en-GB', 'de-DE', 'fr-FR', 'nl-NL']),
    });
    const send = grpcCall(
      w,
      consumer,
      endOf(render) + 40,
      { from: 'email-worker', to: 'notifications', rpcService: 'shop.notifications.v1.NotificationService', rpcMethod: 'SendEmail' },
      (server, t2) => {
        const mta = w.open(server, {
          service: 'notifications',
          name: 'POST /v3/mail/send',
          kind: 'client',
          instrumentation: 'http',
          startUs: t2,
          attributes: attrs({
            'http.request.method': 'POST',
            'url.full': 'https://api.mailer.example/v3/mail/send',
            'server.address': 'api.mailer.example',
            'server.port': 443,
            'peer.service': 'mailer',
          }),
        });
        const end = w.close(mta, t2 + w.rng.latencyUs(95_000, 0.5));
        mta.attributes.push(attr('http.response.status_code', 202));
        return { endUs: end + 90 };
      },
    );
    return send.endUs;
  });
  kafkaConsume(w, publish, { service: 'shipping', group: 'shipping-planner', lagUs: w.rng.latencyUs(60_000, 0.9) }, (consumer, t) => {
    consumer.attributes.push(attr('app.order.id', orderId));
    const address = dbQuery(w, consumer, t, {
      service: 'shipping',
      database: 'shipping',
      operation: 'SELECT',
      collection: 'addresses',
      statement: 'SELECT line1, city, postcode, country FROM addresses WHERE customer_id = ? AND is_default',
      durationUs: w.rng.latencyUs(1_600),
      rows: 1,
    });
    const quote = internal(w, consumer, endOf(address) + 30, 'shipping', 'choose carrier', w.rng.latencyUs(2_500), {
      'shipping.carrier': w.rng.pick(['dhl', 'dpd', 'postnl', 'ups']),
    });
    const insert = dbQuery(w, consumer, endOf(quote) + 30, {
      service: 'shipping',
      database: 'shipping',
      operation: 'INSERT',
      collection: 'shipments',
      statement: 'INSERT INTO shipments (order_id, carrier, status) VALUES (?, ?, ?)',
      durationUs: w.rng.latencyUs(1_800),
    });
    return endOf(insert) + 60;
  });
}

export function checkout(w: TraceWriter, startUs: number): void {
  const items = w.rng.chance(0.1) ? w.rng.int(8, 20) : w.rng.int(1, 5);
  const orderId = `ord_${(w.rng.seed() % 0xffffff).toString(36).padStart(5, '0')}`;
  browserRequest(w, startUs, { method: 'POST', route: '/checkout', path: '/checkout' }, (frontend, t) => {
    const call = viaGateway(w, frontend, t, { method: 'POST', route: '/api/v1/checkout', path: '/api/v1/checkout', authenticated: true }, (gateway, t1) => {
      const place = grpcCall(
        w,
        gateway,
        t1,
        { from: 'api-gateway', to: 'checkout', rpcService: 'shop.checkout.v1.CheckoutService', rpcMethod: 'PlaceOrder', deadlineUs: 9_000_000 },
        (server, t2) => {
          server.attributes.push(attr('app.order.id', orderId), attr('app.cart.items', items));
          const cart = grpcCall(
            w,
            server,
            t2,
            { from: 'checkout', to: 'cart', rpcService: 'shop.cart.v1.CartService', rpcMethod: 'GetCart' },
            (c, t3) => ({ endUs: endOf(redisCall(w, c, t3, { service: 'cart', command: 'HGETALL', key: `cart:${w.rng.int(1, 999999)}` })) + 70 }),
          );
          const prices = internal(w, server, cart.endUs + 30, 'checkout', 'calculate totals', w.rng.latencyUs(900), { 'app.cart.items': items });
          // Fan-out: one reservation per cart line, all at once.
          const inventoryDown = w.rng.chance(0.025);
          let reservedBy = endOf(prices);
          let reserveFailed: CallResult | null = null;
          for (let i = 0; i < items; i++) {
            const r = reserveStock(w, server, endOf(prices) + 40 + i * w.rng.int(60, 180), productId(w), inventoryDown && i === items - 1);
            reservedBy = Math.max(reservedBy, r.endUs);
            if (r.failed) reserveFailed = r;
          }
          if (reserveFailed) {
            throwIn(w, server, reservedBy + 40, 'io.grpc.StatusRuntimeException', 'UNAVAILABLE: inventory database unavailable', [
              'shop.checkout.StockClient.reserve',
              'shop.checkout.CheckoutService.placeOrder',
            ]);
            return { endUs: reservedBy + 300, status: GRPC.UNAVAILABLE, message: 'could not reserve stock: inventory unavailable' };
          }
          const amount = w.rng.int(1_500, 45_000) * items;
          const payment = authorizePayment(w, server, reservedBy + 50, amount, orderId);
          if (payment.failed) {
            return payment.status === 402
              ? { endUs: payment.endUs + 200, status: GRPC.FAILED_PRECONDITION, message: 'payment declined' }
              : { endUs: payment.endUs + 200, status: GRPC.UNAVAILABLE, message: `payment failed: ${payment.message}` };
          }
          const order = createOrder(w, server, payment.endUs + 40, orderId, items);
          const clear = grpcCall(
            w,
            server,
            order.endUs + 30,
            { from: 'checkout', to: 'cart', rpcService: 'shop.cart.v1.CartService', rpcMethod: 'ClearCart' },
            (c, t3) => ({ endUs: endOf(redisCall(w, c, t3, { service: 'cart', command: 'DEL', key: `cart:${w.rng.int(1, 999999)}` })) + 40 }),
          );
          return { endUs: clear.endUs + 90 };
        },
      );
      if (place.failed) {
        const status = place.status === GRPC.FAILED_PRECONDITION ? 402 : httpStatusFor(place);
        if (status >= 500) failWithException(w, gateway, place.endUs, place.status === -1 ? 'timeout' : 'upstream', `checkout failed: ${place.message}`);
        return { endUs: place.endUs + 80, status, message: place.message };
      }
      return { endUs: place.endUs + 70, status: 201 };
    });
    if (call.failed && (call.status >= 500 || call.status === -1)) {
      const timedOut = call.status === -1;
      failWithException(w, frontend, call.endUs, timedOut ? 'timeout' : 'upstream', `checkout failed: ${call.message}`);
      return { endUs: call.endUs + 400, status: timedOut ? 504 : 502 };
    }
    const render = internal(w, frontend, call.endUs + 30, 'web-frontend', call.failed ? 'render error-page' : 'render order-confirmation', w.rng.latencyUs(4_000), {
      'template.name': call.failed ? 'error' : 'order-confirmation',
    });
    return { endUs: endOf(render), status: call.failed ? call.status : 201 };
  });
}

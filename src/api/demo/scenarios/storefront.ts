// Browsing scenarios: the home page, a product page, a search, adding to the cart.

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
  type ServerReply,
} from '../protocol-calls';
import { endOf, type TraceWriter } from '../trace-writer';
import {
  browserRequest,
  failWithException,
  getProduct,
  getProducts,
  httpStatusFor,
  productId,
  viaGateway,
} from './shop-flows';

/** Wraps the gateway call of a page: renders on success, fails the page on a 5xx/timeout. */
function renderPage(
  w: TraceWriter,
  frontend: Parameters<typeof viaGateway>[1],
  call: CallResult,
  template: string,
): ServerReply {
  if (call.failed && (call.status === -1 || httpStatusFor(call) >= 500 || call.status >= 500)) {
    failWithException(w, frontend, call.endUs, call.status === -1 ? 'timeout' : 'upstream', `api-gateway answered: ${call.message}`);
    return { endUs: call.endUs + w.rng.latencyUs(300), status: call.status === -1 ? 504 : 502 };
  }
  if (call.failed) {
    const render = internal(w, frontend, call.endUs + 30, 'web-frontend', 'render error-page', w.rng.latencyUs(1_500), { 'template.name': 'error' });
    return { endUs: endOf(render), status: call.status };
  }
  const render = internal(w, frontend, call.endUs + 30, 'web-frontend', `render ${template}`, w.rng.latencyUs(6_000, 0.5), {
    'template.name': template,
  });
  return { endUs: endOf(render) };
}

/** recommendations: ranks candidates from a user profile in Redis, then batch-loads products. */
function recommend(w: TraceWriter, parent: Parameters<typeof httpCall>[1], startUs: number, from: string, kind: 'home' | 'similar'): CallResult {
  const route = kind === 'home' ? '/v1/recommendations/home' : '/v1/recommendations/similar/{product_id}';
  const path = kind === 'home' ? '/v1/recommendations/home' : `/v1/recommendations/similar/${productId(w)}`;
  return httpCall(w, parent, startUs, { from, to: 'recommendations', method: 'GET', route, path, timeoutUs: 800_000 }, (server, t) => {
    const profile = redisCall(w, server, t, { service: 'recommendations', command: 'HGETALL', key: `profile:${w.rng.int(1, 99999)}`, hit: w.rng.chance(0.85) });
    // Now and then the model server stalls (GC pause) and the caller's 800 ms timeout fires.
    const stall = w.rng.chance(0.02) ? w.rng.latencyUs(1_200_000, 0.2) : 0;
    const rank = internal(w, server, endOf(profile) + 50, 'recommendations', 'rank candidates', w.rng.latencyUs(9_000, 0.6) + stall, {
      'model.name': 'two-tower-v7',
      'candidates.count': w.rng.int(200, 500),
    });
    const count = w.rng.int(6, 12);
    // The N+1 story: a third of "similar" calls load products one by one instead of in one batch.
    if (kind === 'similar' && w.rng.chance(0.33)) {
      let t2 = endOf(rank) + 40;
      for (let i = 0; i < count; i++) t2 = getProduct(w, server, t2 + 20, 'recommendations', productId(w)).endUs;
      return { endUs: t2 + w.rng.latencyUs(200) };
    }
    const products = getProducts(w, server, endOf(rank) + 40, 'recommendations', count);
    if (products.failed) return { endUs: products.endUs + 100, status: 503, message: 'catalog unavailable' };
    return { endUs: products.endUs + w.rng.latencyUs(200) };
  });
}

export function homePage(w: TraceWriter, startUs: number): void {
  browserRequest(w, startUs, { method: 'GET', route: '/', path: '/' }, (frontend, t) => {
    const call = viaGateway(w, frontend, t, { method: 'GET', route: '/api/v1/home', path: '/api/v1/home', authenticated: w.rng.chance(0.6) }, (gateway, t1) => {
      // Three independent lookups, in parallel.
      const featured = grpcCall(
        w,
        gateway,
        t1,
        { from: 'api-gateway', to: 'catalog', rpcService: 'shop.catalog.v1.CatalogService', rpcMethod: 'ListFeatured', deadlineUs: 2_000_000 },
        (server, t2) => {
          if (w.rng.chance(0.015)) {
            const waitUs = w.rng.latencyUs(5_000, 0.3);
            throwIn(w, server, t2 + waitUs, 'io.lettuce.core.RedisConnectionException', 'Unable to connect to redis-master.cache.svc.cluster.local:6379', [
              'io.lettuce.core.RedisClient.connect',
              'shop.catalog.FeaturedCache.get',
              'shop.catalog.CatalogGrpcService.listFeatured',
            ]);
            return { endUs: t2 + waitUs + 100, status: GRPC.UNAVAILABLE, message: 'featured products cache unavailable' };
          }
          const hit = w.rng.chance(0.9);
          const get = redisCall(w, server, t2, { service: 'catalog', command: 'GET', key: 'featured:home:v3', hit });
          if (hit) return { endUs: endOf(get) + 100 };
          const q = dbQuery(w, server, endOf(get) + 30, {
            service: 'catalog',
            database: 'catalog',
            operation: 'SELECT',
            collection: 'products',
            statement: 'SELECT id, title, price_cents FROM products WHERE featured = true ORDER BY rank LIMIT 24',
            durationUs: w.rng.latencyUs(4_500),
            rows: 24,
          });
          return { endUs: endOf(redisCall(w, server, endOf(q) + 20, { service: 'catalog', command: 'SET', key: 'featured:home:v3' })) };
        },
      );
      const recs = recommend(w, gateway, t1 + w.rng.latencyUs(150), 'api-gateway', 'home');
      const cart = grpcCall(
        w,
        gateway,
        t1 + w.rng.latencyUs(200),
        { from: 'api-gateway', to: 'cart', rpcService: 'shop.cart.v1.CartService', rpcMethod: 'GetCart' },
        (server, t2) => ({ endUs: endOf(redisCall(w, server, t2, { service: 'cart', command: 'HGETALL', key: `cart:${w.rng.int(1, 999999)}` })) + 60 }),
      );
      const end = Math.max(featured.endUs, recs.endUs, cart.endUs);
      if (featured.failed) return { endUs: end + 50, status: httpStatusFor(featured), message: featured.message };
      // Recommendations are optional: the page renders without them.
      if (recs.failed) w.event(gateway, recs.endUs, 'degraded', [{ key: 'component', value: 'recommendations' }]);
      return { endUs: end + w.rng.latencyUs(150) };
    });
    return renderPage(w, frontend, call, 'home');
  });
}

export function browseProduct(w: TraceWriter, startUs: number): void {
  const id = productId(w);
  browserRequest(w, startUs, { method: 'GET', route: '/products/{slug}', path: `/products/p-${id}` }, (frontend, t) => {
    const call = viaGateway(
      w,
      frontend,
      t,
      { method: 'GET', route: '/api/v1/products/{id}', path: `/api/v1/products/${id}`, authenticated: w.rng.chance(0.5) },
      (gateway, t1) => {
        const product = getProduct(w, gateway, t1, 'api-gateway', id);
        if (product.failed) return { endUs: product.endUs + 80, status: httpStatusFor(product), message: product.message };
        const stock = grpcCall(
          w,
          gateway,
          product.endUs + 30,
          { from: 'api-gateway', to: 'inventory', rpcService: 'shop.inventory.v1.InventoryService', rpcMethod: 'GetStock', deadlineUs: 1_000_000 },
          (server, t2) => {
            const hit = w.rng.chance(0.7);
            const get = redisCall(w, server, t2, { service: 'inventory', command: 'GET', key: `stock:${id}`, hit });
            if (hit) return { endUs: endOf(get) + 40 };
            const q = dbQuery(w, server, endOf(get) + 30, {
              service: 'inventory',
              database: 'inventory',
              operation: 'SELECT',
              collection: 'stock_levels',
              statement: 'SELECT warehouse_id, available FROM stock_levels WHERE product_id = $1',
              durationUs: w.rng.latencyUs(1_700),
              rows: w.rng.int(1, 4),
            });
            return { endUs: endOf(q) + 60 };
          },
        );
        const recs = recommend(w, gateway, product.endUs + 60, 'api-gateway', 'similar');
        if (recs.failed) w.event(gateway, recs.endUs, 'degraded', [{ key: 'component', value: 'recommendations' }]);
        return { endUs: Math.max(stock.endUs, recs.endUs) + w.rng.latencyUs(120) };
      },
    );
    return renderPage(w, frontend, call, 'product');
  });
}

const QUERIES = ['running shoes', 'usb-c cable', 'coffee grinder', 'rain jacket', 'desk lamp', 'yoga mat', 'headphones', 'backpack'];

export function searchProducts(w: TraceWriter, startUs: number): void {
  const q = w.rng.pick(QUERIES);
  const query = `q=${encodeURIComponent(q)}&page=1`;
  browserRequest(w, startUs, { method: 'GET', route: '/search', path: '/search', query }, (frontend, t) => {
    const call = viaGateway(w, frontend, t, { method: 'GET', route: '/api/v1/search', path: '/api/v1/search', authenticated: false }, (gateway, t1) => {
      const search = httpCall(
        w,
        gateway,
        t1,
        { from: 'api-gateway', to: 'search', method: 'POST', route: '/v1/search', path: '/v1/search', timeoutUs: 5_000_000 },
        (server, t2) => {
          server.attributes.push({ key: 'app.search.query', value: q });
          const cacheKey = `search:${q.replace(/ /g, '_')}:1`;
          const hit = w.rng.chance(0.35);
          const get = redisCall(w, server, t2, { service: 'search', command: 'GET', key: cacheKey, hit });
          if (hit) return { endUs: endOf(get) + 200, status: 200 };
          const slow = w.rng.chance(0.03);
          const failing = !slow && w.rng.chance(0.03);
          const es = w.open(server, {
            service: 'search',
            name: 'POST /products/_search',
            kind: 'client',
            instrumentation: 'http',
            startUs: endOf(get) + 40,
            attributes: [
              { key: 'db.system', value: 'elasticsearch' },
              { key: 'db.operation.name', value: 'search' },
              { key: 'db.collection.name', value: 'products' },
              { key: 'http.request.method', value: 'POST' },
              { key: 'url.full', value: 'http://elasticsearch.search.svc.cluster.local:9200/products/_search' },
              { key: 'server.address', value: 'elasticsearch.search.svc.cluster.local' },
              { key: 'server.port', value: 9200 },
              {
                key: 'db.query.text',
                value: `{"query":{"multi_match":{"query":"${q}","fields":["title^3","description","brand"]}},"size":24}`,
              },
            ],
          });
          const esDuration = slow ? w.rng.latencyUs(14_000 * w.rng.int(8, 20), 0.2) : w.rng.latencyUs(14_000, 0.5);
          const esEnd = w.close(es, es.startUs! + esDuration);
          if (failing) {
            es.attributes.push({ key: 'http.response.status_code', value: 503 });
            es.attributes.push({ key: 'error.type', value: '503' });
            w.setError(es, 'HTTP 503 Service Unavailable');
            throwIn(w, server, esEnd + 100, 'elasticsearch.exceptions.TransportError', "TransportError(503, 'search_phase_execution_exception', 'all shards failed')", [
              'elasticsearch.transport.perform_request',
              'search.repository.search_products',
              'search.api.handle_search',
            ]);
            return { endUs: esEnd + w.rng.latencyUs(900), status: 500, message: 'search backend unavailable' };
          }
          es.attributes.push({ key: 'http.response.status_code', value: 200 });
          if (slow) w.event(es, esEnd, 'slow query', [{ key: 'took_ms', value: Math.round(esDuration / 1000) }]);
          const enrich = getProducts(w, server, esEnd + 50, 'search', 24);
          const set = redisCall(w, server, enrich.endUs + 30, { service: 'search', command: 'SETEX', key: cacheKey });
          return { endUs: endOf(set) + w.rng.latencyUs(400), status: 200 };
        },
      );
      if (search.failed) return { endUs: search.endUs + 60, status: search.status === -1 ? 504 : 502, message: search.message };
      return { endUs: search.endUs + 100 };
    });
    return renderPage(w, frontend, call, 'search-results');
  });
}

export function addToCart(w: TraceWriter, startUs: number): void {
  const id = productId(w);
  browserRequest(w, startUs, { method: 'POST', route: '/cart/items', path: '/cart/items' }, (frontend, t) => {
    const call = viaGateway(w, frontend, t, { method: 'POST', route: '/api/v1/cart/items', path: '/api/v1/cart/items', authenticated: true }, (gateway, t1) => {
      const add = grpcCall(
        w,
        gateway,
        t1,
        { from: 'api-gateway', to: 'cart', rpcService: 'shop.cart.v1.CartService', rpcMethod: 'AddItem', deadlineUs: 2_000_000 },
        (server, t2) => {
          const check = grpcCall(
            w,
            server,
            t2,
            { from: 'cart', to: 'inventory', rpcService: 'shop.inventory.v1.InventoryService', rpcMethod: 'CheckAvailability', deadlineUs: 500_000 },
            (inv, t3) => {
              const q = dbQuery(w, inv, t3, {
                service: 'inventory',
                database: 'inventory',
                operation: 'SELECT',
                collection: 'stock_levels',
                statement: 'SELECT sum(available) FROM stock_levels WHERE product_id = $1',
                durationUs: w.rng.latencyUs(1_400),
                rows: 1,
              });
              const outOfStock = w.rng.chance(0.06);
              return outOfStock
                ? { endUs: endOf(q) + 50, status: GRPC.FAILED_PRECONDITION, message: `product ${id} is out of stock` }
                : { endUs: endOf(q) + 50 };
            },
          );
          if (check.failed) return { endUs: check.endUs + 40, status: check.status, message: check.message };
          const key = `cart:${w.rng.int(1, 999999)}`;
          const hset = redisCall(w, server, check.endUs + 30, { service: 'cart', command: 'HSET', key });
          const expire = redisCall(w, server, endOf(hset) + 20, { service: 'cart', command: 'EXPIRE', key });
          const publish = kafkaPublish(w, server, endOf(expire) + 30, { service: 'cart', topic: 'cart.updated', key });
          kafkaConsume(w, publish, { service: 'recommendations', group: 'recommendations-profile-updater', lagUs: w.rng.latencyUs(40_000, 0.8) }, (consumer, t4) => {
            const incr = redisCall(w, consumer, t4, { service: 'recommendations', command: 'ZINCRBY', key: `profile:affinity:${id}` });
            return endOf(incr);
          });
          return { endUs: endOf(publish) + 80 };
        },
      );
      if (add.failed) return { endUs: add.endUs + 50, status: httpStatusFor(add), message: add.message };
      return { endUs: add.endUs + 60, status: 201 };
    });
    return renderPage(w, frontend, call, 'cart-drawer');
  });
}

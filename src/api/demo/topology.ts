// The made-up shop: which services exist, what they run on, and what they are called.
// Span names per service are listed here so getOperations can answer without generating
// traces; a test checks that the generators emit exactly these names.

export type Language = 'go' | 'java' | 'nodejs' | 'python' | 'dotnet' | 'rust';

export interface DemoService {
  name: string;
  version: string;
  language: Language;
  /** Pods per service; a trace picks one per service. */
  replicas: number;
  /** Kubernetes namespace, also used in host names. */
  namespace: string;
}

export const DEMO_SERVICES: readonly DemoService[] = [
  { name: 'web-frontend', version: '3.14.2', language: 'nodejs', replicas: 4, namespace: 'storefront' },
  { name: 'api-gateway', version: '1.22.0', language: 'go', replicas: 3, namespace: 'edge' },
  { name: 'auth', version: '2.7.1', language: 'go', replicas: 2, namespace: 'identity' },
  { name: 'catalog', version: '5.3.0', language: 'java', replicas: 3, namespace: 'shop' },
  { name: 'search', version: '0.19.4', language: 'python', replicas: 2, namespace: 'shop' },
  { name: 'recommendations', version: '1.4.0', language: 'python', replicas: 2, namespace: 'shop' },
  { name: 'cart', version: '2.0.9', language: 'dotnet', replicas: 2, namespace: 'shop' },
  { name: 'checkout', version: '4.1.3', language: 'java', replicas: 2, namespace: 'orders' },
  { name: 'orders', version: '3.8.0', language: 'java', replicas: 2, namespace: 'orders' },
  { name: 'payments', version: '7.2.5', language: 'go', replicas: 3, namespace: 'payments' },
  { name: 'fraud-check', version: '1.11.0', language: 'rust', replicas: 2, namespace: 'payments' },
  { name: 'inventory', version: '2.3.6', language: 'go', replicas: 3, namespace: 'fulfilment' },
  { name: 'shipping', version: '1.9.2', language: 'java', replicas: 2, namespace: 'fulfilment' },
  { name: 'notifications', version: '0.42.0', language: 'nodejs', replicas: 2, namespace: 'messaging' },
  { name: 'email-worker', version: '0.42.0', language: 'nodejs', replicas: 2, namespace: 'messaging' },
  { name: 'batch-jobs', version: '1.0.7', language: 'python', replicas: 1, namespace: 'jobs' },
];

export type ServiceName = (typeof DEMO_SERVICES)[number]['name'];

const serviceByName = new Map(DEMO_SERVICES.map((s) => [s.name, s]));

export function demoService(name: string): DemoService {
  const service = serviceByName.get(name);
  if (service === undefined) throw new RangeError(`Unknown demo service "${name}".`);
  return service;
}

/** Every span name each service emits (server, client, DB, cache, queue and internal spans). */
export const DEMO_OPERATIONS: Readonly<Record<string, readonly string[]>> = {
  'api-gateway': [
    'GET /api/v1/admin/reports/sales',
    'GET /api/v1/home',
    'GET /api/v1/orders',
    'GET /api/v1/products/{id}',
    'GET /api/v1/search',
    'GET /internal/reports/sales',
    'GET /v1/recommendations/home',
    'GET /v1/recommendations/similar/{product_id}',
    'INCR',
    'POST /api/v1/auth/login',
    'POST /api/v1/cart/items',
    'POST /api/v1/checkout',
    'POST /v1/login',
    'POST /v1/search',
    'shop.auth.v1.AuthService/ValidateToken',
    'shop.cart.v1.CartService/AddItem',
    'shop.cart.v1.CartService/GetCart',
    'shop.catalog.v1.CatalogService/GetProduct',
    'shop.catalog.v1.CatalogService/ListFeatured',
    'shop.checkout.v1.CheckoutService/PlaceOrder',
    'shop.inventory.v1.InventoryService/GetStock',
    'shop.orders.v1.OrderService/ListOrders',
  ],
  'auth': [
    'GET',
    'INCR',
    'POST /v1/login',
    'SELECT sessions',
    'SELECT users',
    'SETEX',
    'bcrypt.compare',
    'jwt.verify',
    'send audit.login',
    'shop.auth.v1.AuthService/ValidateToken',
    'validate credentials',
  ],
  'batch-jobs': [
    'POST /v1/index/bulk',
    'SELECT products',
    'SET',
    'process page',
    'reindex partition',
    'reindex-catalog',
    'resolve category',
    'send catalog.reindexed',
    'transform document',
  ],
  'cart': [
    'DEL',
    'EXPIRE',
    'HGETALL',
    'HSET',
    'send cart.updated',
    'shop.cart.v1.CartService/AddItem',
    'shop.cart.v1.CartService/ClearCart',
    'shop.cart.v1.CartService/GetCart',
    'shop.inventory.v1.InventoryService/CheckAvailability',
  ],
  'catalog': [
    'GET',
    'MGET',
    'SELECT products',
    'SET',
    'shop.catalog.v1.CatalogService/GetProduct',
    'shop.catalog.v1.CatalogService/GetProducts',
    'shop.catalog.v1.CatalogService/ListFeatured',
  ],
  'checkout': [
    'POST /v1/payments/authorize',
    'calculate totals',
    'shop.cart.v1.CartService/ClearCart',
    'shop.cart.v1.CartService/GetCart',
    'shop.checkout.v1.CheckoutService/PlaceOrder',
    'shop.inventory.v1.InventoryService/ReserveStock',
    'shop.orders.v1.OrderService/CreateOrder',
  ],
  'email-worker': [
    'process orders.placed',
    'render template order-confirmation',
    'shop.notifications.v1.NotificationService/SendEmail',
  ],
  'fraud-check': [
    'GET',
    'extract features',
    'model inference',
    'shop.fraud.v1.FraudService/Score',
  ],
  'inventory': [
    'GET',
    'SELECT stock_levels',
    'UPDATE stock_levels',
    'shop.inventory.v1.InventoryService/CheckAvailability',
    'shop.inventory.v1.InventoryService/GetStock',
    'shop.inventory.v1.InventoryService/ReserveStock',
  ],
  'notifications': [
    'POST /v3/mail/send',
    'shop.notifications.v1.NotificationService/SendEmail',
  ],
  'orders': [
    'GET',
    'GET /internal/reports/sales',
    'INSERT order_items',
    'INSERT orders',
    'SELECT orders',
    'SET',
    'render report',
    'send orders.placed',
    'shop.orders.v1.OrderService/CreateOrder',
    'shop.orders.v1.OrderService/ListOrders',
    'shop.shipping.v1.ShippingService/GetShipmentStatuses',
  ],
  'payments': [
    'INSERT authorizations',
    'POST /v1/payment_intents',
    'POST /v1/payments/authorize',
    'shop.fraud.v1.FraudService/Score',
  ],
  'recommendations': [
    'GET /v1/recommendations/home',
    'GET /v1/recommendations/similar/{product_id}',
    'HGETALL',
    'ZINCRBY',
    'process cart.updated',
    'rank candidates',
    'shop.catalog.v1.CatalogService/GetProduct',
    'shop.catalog.v1.CatalogService/GetProducts',
  ],
  'search': [
    'GET',
    'POST /_bulk',
    'POST /products/_search',
    'POST /v1/index/bulk',
    'POST /v1/search',
    'SETEX',
    'shop.catalog.v1.CatalogService/GetProducts',
  ],
  'shipping': [
    'INSERT shipments',
    'SELECT addresses',
    'SELECT shipments',
    'choose carrier',
    'process orders.placed',
    'shop.shipping.v1.ShippingService/GetShipmentStatuses',
  ],
  'web-frontend': [
    'GET /',
    'GET /api/v1/home',
    'GET /api/v1/products/{id}',
    'GET /api/v1/search',
    'GET /products/{slug}',
    'GET /search',
    'POST /api/v1/cart/items',
    'POST /api/v1/checkout',
    'POST /cart/items',
    'POST /checkout',
    'render cart-drawer',
    'render error-page',
    'render home',
    'render order-confirmation',
    'render product',
    'render search-results',
  ],
};

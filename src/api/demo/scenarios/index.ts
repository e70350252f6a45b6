// One entry point from a decoded demo trace ID to its spans.

import type { RawSpan } from '../../../model/types';
import type { DecodedDemoTraceId, DemoScenario } from '../demo-trace-id';
import { TraceWriter } from '../trace-writer';
import { login, orderHistory, salesReport } from './account';
import { checkout } from './checkout';
import { reindexCatalog } from './reindex-catalog';
import { addToCart, browseProduct, homePage, searchProducts } from './storefront';

type Generator = (w: TraceWriter, startUs: number, spanCount: number) => void;

const GENERATORS: Record<DemoScenario, Generator> = {
  'home-page': homePage,
  'browse-product': browseProduct,
  'search-products': searchProducts,
  'add-to-cart': addToCart,
  checkout,
  'order-history': orderHistory,
  login,
  'sales-report': salesReport,
  'reindex-catalog': reindexCatalog,
};

/** Where each scenario starts: the root span's service and name (for search pre-filtering). */
export const SCENARIO_ROOTS: Record<DemoScenario, { service: string; operation: string }> = {
  'home-page': { service: 'web-frontend', operation: 'GET /' },
  'browse-product': { service: 'web-frontend', operation: 'GET /products/{slug}' },
  'search-products': { service: 'web-frontend', operation: 'GET /search' },
  'add-to-cart': { service: 'web-frontend', operation: 'POST /cart/items' },
  checkout: { service: 'web-frontend', operation: 'POST /checkout' },
  'order-history': { service: 'api-gateway', operation: 'GET /api/v1/orders' },
  login: { service: 'api-gateway', operation: 'POST /api/v1/auth/login' },
  'sales-report': { service: 'api-gateway', operation: 'GET /api/v1/admin/reports/sales' },
  'reindex-catalog': { service: 'batch-jobs', operation: 'reindex-catalog' },
};

/** Services each scenario can touch (a superset; used to skip scenarios during search). */
export const SCENARIO_SERVICES: Record<DemoScenario, readonly string[]> = {
  'home-page': ['api-gateway', 'auth', 'cart', 'catalog', 'recommendations', 'web-frontend'],
  'browse-product': ['api-gateway', 'auth', 'catalog', 'inventory', 'recommendations', 'web-frontend'],
  'search-products': ['api-gateway', 'catalog', 'search', 'web-frontend'],
  'add-to-cart': ['api-gateway', 'auth', 'cart', 'inventory', 'recommendations', 'web-frontend'],
  checkout: ['api-gateway', 'auth', 'cart', 'checkout', 'email-worker', 'fraud-check', 'inventory', 'notifications', 'orders', 'payments', 'shipping', 'web-frontend'],
  'order-history': ['api-gateway', 'auth', 'orders', 'shipping'],
  login: ['api-gateway', 'auth'],
  'sales-report': ['api-gateway', 'auth', 'orders'],
  'reindex-catalog': ['batch-jobs', 'search'],
};

/** Regenerates the spans of a demo trace; the same input always gives the same spans. */
export function generateDemoSpans(traceId: string, decoded: DecodedDemoTraceId): RawSpan[] {
  const writer = new TraceWriter(traceId, decoded.seed);
  GENERATORS[decoded.scenario](writer, decoded.startUs, decoded.spanCount);
  return writer.spans;
}

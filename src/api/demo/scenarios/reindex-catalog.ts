// The large trace: a nightly job that re-indexes the catalog into the search cluster. It has
// exactly the requested number of spans (1k, 10k, 100k, …), wide (pages under partitions,
// documents under pages) and deep (recursive category resolution), with the odd retry.

import type { RawSpan } from '../../../model/types';
import { dbQuery, httpCall, internal, kafkaPublish, redisCall, throwIn } from '../protocol-calls';
import { attr, attrs, endOf, type TraceWriter } from '../trace-writer';

const SERVICE = 'batch-jobs';
/** Spans of one page that are always there: page, SELECT, bulk client, bulk server, ES client. */
const PAGE_OVERHEAD = 5;
const MIN_PAGE = PAGE_OVERHEAD + 1;
/** root + lock + count + completion message. */
const FIXED_SPANS = 4;
const WORKERS = 4;

function partitionCount(spanCount: number): number {
  // ≈ √n / 8, in integers so every engine agrees.
  let root = 0;
  while ((root + 1) * (root + 1) <= spanCount) root++;
  return Math.min(16, Math.max(2, Math.round(root / 8)));
}

/** The search service's bulk endpoint: 3 spans per attempt (client, server, Elasticsearch client). */
function bulkIndex(w: TraceWriter, page: RawSpan, startUs: number, docs: number, throttled: boolean): { endUs: number } {
  const call = httpCall(
    w,
    page,
    startUs,
    { from: SERVICE, to: 'search', method: 'POST', route: '/v1/index/bulk', path: '/v1/index/bulk', timeoutUs: 30_000_000 },
    (server, t) => {
      const es = w.open(server, {
        service: 'search',
        name: 'POST /_bulk',
        kind: 'client',
        instrumentation: 'http',
        startUs: t,
        attributes: [
          attr('db.system', 'elasticsearch'),
          attr('db.operation.name', 'bulk'),
          attr('db.collection.name', 'products-v42'),
          attr('http.request.method', 'POST'),
          attr('url.full', 'http://elasticsearch.search.svc.cluster.local:9200/_bulk'),
          attr('server.address', 'elasticsearch.search.svc.cluster.local'),
          attr('server.port', 9200),
          attr('app.bulk.documents', docs),
        ],
      });
      const end = w.close(es, t + w.rng.latencyUs(throttled ? 4_000 : 9_000 + docs * 350, 0.35));
      es.attributes.push(attr('http.response.status_code', throttled ? 429 : 200));
      if (throttled) {
        es.attributes.push(attr('error.type', '429'));
        w.setError(es, 'es_rejected_execution_exception: rejected execution of coordinating operation');
        return { endUs: end + 150, status: 429, message: 'search cluster is throttling bulk requests' };
      }
      return { endUs: end + w.rng.latencyUs(250) };
    },
  );
  return { endUs: call.endUs };
}

/** One page of products: fetch, transform each document, bulk-index. Emits exactly `size` spans. */
function processPage(w: TraceWriter, partition: RawSpan, startUs: number, size: number, pageNo: number, afterId: number): number {
  let content = size - PAGE_OVERHEAD;
  const page = w.open(partition, {
    service: SERVICE,
    name: 'process page',
    kind: 'internal',
    instrumentation: 'internal',
    startUs,
    attributes: attrs({ 'app.page.number': pageNo, 'app.page.after_id': afterId }),
  });
  const docs = Math.max(1, content);
  const fetch = dbQuery(w, page, startUs + 40, {
    service: SERVICE,
    database: 'catalog',
    operation: 'SELECT',
    collection: 'products',
    statement: 'SELECT id, sku, title, description, brand, price_cents, category_id, attributes FROM products WHERE id > %s ORDER BY id LIMIT %s',
    durationUs: w.rng.latencyUs(7_000, 0.4),
    rows: docs,
  });
  let t = endOf(fetch) + 50;

  // A retried bulk request costs 3 spans, taken from the document budget.
  const throttled = content >= 4 && w.rng.chance(0.03);
  if (throttled) content -= 3;

  // Now and then a deep chain: categories resolved recursively up to the root category.
  if (content >= 12 && w.rng.chance(0.12)) {
    const depth = Math.min(content - 1, w.rng.int(6, 14));
    content -= depth;
    const chain: RawSpan[] = [];
    let parent = page;
    for (let level = 0; level < depth; level++) {
      const span = w.open(parent, {
        service: SERVICE,
        name: 'resolve category',
        kind: 'internal',
        instrumentation: 'internal',
        startUs: t + 15 * level,
        attributes: [attr('app.category.level', depth - level)],
      });
      chain.push(span);
      parent = span;
    }
    // Close innermost first: each level ends a little after the one it called.
    let end = t + 15 * depth + w.rng.latencyUs(300);
    for (let level = depth - 1; level >= 0; level--) end = w.close(chain[level]!, end + w.rng.latencyUs(40, 0.3));
    t = end + 20;
  }

  for (let i = 0; i < content; i++) {
    const doc = internal(w, page, t, SERVICE, 'transform document', w.rng.latencyUs(380, 0.5), { 'app.product.id': afterId + i + 1 });
    if (w.rng.chance(0.0015)) {
      throwIn(w, doc, endOf(doc) - 1, 'pydantic_core.ValidationError', `1 validation error for ProductDocument\nprice_cents\n  Input should be greater than or equal to 0 [input_value=-${w.rng.int(1, 999)}]`, [
        'jobs.reindex.documents.to_document',
        'jobs.reindex.pages.process_page',
      ], false);
      w.event(page, endOf(doc), 'document skipped', [attr('app.product.id', afterId + i + 1)]);
    }
    t = endOf(doc) + 8;
  }

  if (throttled) {
    const first = bulkIndex(w, page, t, docs, true);
    const backoffUs = 500_000 + w.rng.int(0, 250_000);
    w.event(page, first.endUs, 'retry', attrs({ 'retry.attempt': 2, 'retry.backoff_ms': Math.round(backoffUs / 1000), reason: 'HTTP 429' }));
    t = first.endUs + backoffUs;
  }
  const bulk = bulkIndex(w, page, t, docs, false);
  return w.close(page, bulk.endUs + w.rng.latencyUs(120));
}

/** A partition: sequential pages, then single checkpoint spans for a budget too small for a page. */
function processPartition(w: TraceWriter, root: RawSpan, startUs: number, index: number, budget: number, firstId: number): number {
  const partition = w.open(root, {
    service: SERVICE,
    name: 'reindex partition',
    kind: 'internal',
    instrumentation: 'internal',
    startUs,
    attributes: attrs({ 'app.partition.index': index, 'app.partition.first_id': firstId }),
  });
  let remaining = budget - 1;
  let t = startUs + 200;
  let afterId = firstId;
  let pageNo = 0;
  while (remaining >= MIN_PAGE) {
    let size = Math.min(remaining, w.rng.int(20, 60));
    // Never leave a remainder too small for a page but non-zero: fold it into this page.
    if (remaining - size < MIN_PAGE) size = remaining;
    t = processPage(w, partition, t, size, pageNo++, afterId) + w.rng.latencyUs(300);
    afterId += size;
    remaining -= size;
  }
  for (; remaining > 0; remaining--) {
    const q = dbQuery(w, partition, t, {
      service: SERVICE,
      database: 'jobs',
      operation: 'UPDATE',
      collection: 'reindex_progress',
      statement: 'UPDATE reindex_progress SET last_id = %s, updated_at = now() WHERE job_id = %s AND partition = %s',
      durationUs: w.rng.latencyUs(1_100),
    });
    t = endOf(q) + 30;
  }
  return w.close(partition, t + 100);
}

export function reindexCatalog(w: TraceWriter, startUs: number, spanCount: number): void {
  const partitions = partitionCount(spanCount);
  const root = w.open(null, {
    service: SERVICE,
    name: 'reindex-catalog',
    kind: 'internal',
    instrumentation: 'internal',
    startUs,
    attributes: attrs({
      'job.name': 'reindex-catalog',
      'job.schedule': '0 2 * * *',
      'job.run_id': `run-${(w.seed >>> 0).toString(16)}`,
      'app.target_index': 'products-v42',
      'app.partitions': partitions,
    }),
  });
  const lock = redisCall(w, root, startUs + 300, { service: SERVICE, command: 'SET', key: 'lock:reindex-catalog NX PX 3600000' });
  const count = dbQuery(w, root, endOf(lock) + 100, {
    service: SERVICE,
    database: 'catalog',
    operation: 'SELECT',
    collection: 'products',
    statement: 'SELECT count(*) FROM products WHERE deleted_at IS NULL',
    durationUs: w.rng.latencyUs(180_000, 0.3),
    rows: 1,
  });

  const budget = spanCount - FIXED_SPANS - partitions;
  const perPartition = Math.floor(budget / partitions);
  const extra = budget % partitions;
  // A fixed pool of workers takes partitions as they become free.
  const workerFreeAt = Array.from({ length: WORKERS }, (_, i) => endOf(count) + 500 + i * 1_500);
  let firstId = 1;
  let lastEnd = endOf(count);
  for (let p = 0; p < partitions; p++) {
    let worker = 0;
    for (let k = 1; k < WORKERS; k++) if (workerFreeAt[k]! < workerFreeAt[worker]!) worker = k;
    const partitionBudget = 1 + perPartition + (p < extra ? 1 : 0);
    const end = processPartition(w, root, workerFreeAt[worker]!, p, partitionBudget, firstId);
    firstId += partitionBudget * 3;
    workerFreeAt[worker] = end + w.rng.latencyUs(2_000);
    lastEnd = Math.max(lastEnd, end);
  }
  const done = kafkaPublish(w, root, lastEnd + 500, { service: SERVICE, topic: 'catalog.reindexed', key: 'products-v42' });
  w.close(root, endOf(done) + 1_000);
}

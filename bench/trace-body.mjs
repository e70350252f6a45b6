// Deterministic synthetic traces for the benchmark, written as text chunks so that bodies larger than the
// longest string a JavaScript engine can hold (1M spans of Jaeger JSON ≈ 0.9 GB) can still be served.
// Shape: a service-call tree with fan-out, DB and cache leaves, attributes and a few events and errors.

const SERVICES = [
  'api-gateway', 'auth', 'catalog', 'search', 'cart', 'checkout', 'payments', 'inventory',
  'shipping', 'notifications', 'recommendations', 'pricing',
];
const OPS = ['GET /api/items', 'POST /checkout', 'SELECT items', 'redis GET', 'grpc Lookup', 'publish order', 'render'];

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hex16 = (n) => n.toString(16).padStart(16, '0');

/** A 32-hex ID that names the size and variant, so the bench server can regenerate the body. */
export function benchTraceId(spanCount, variant = 0) {
  return `be0c${spanCount.toString(16).padStart(12, '0')}${variant.toString(16).padStart(15, '0')}1`;
}

export function parseBenchTraceId(traceId) {
  const m = /^be0c([0-9a-f]{12})([0-9a-f]{15})1$/.exec(traceId);
  return m ? { spanCount: parseInt(m[1], 16), variant: parseInt(m[2], 16) } : null;
}

/**
 * Spans in DFS order with parent links: each span gets 0–8 children until the count is reached,
 * giving a wide, moderately deep tree like a large batch job.
 */
function* spans(spanCount, variant = 0) {
  const seed = 7 + variant * 1000;
  const rnd = mulberry32(seed + spanCount);
  const startUs = 1_763_700_000_000_000; // a fixed epoch, µs
  const totalUs = 10_000_000 + spanCount * 20;
  // Iterative DFS with an explicit stack of [id, depth, startUs, durationUs, childrenLeft].
  const stack = [];
  let next = 1;
  const root = { id: next++, parent: 0, depth: 0, start: startUs, dur: totalUs };
  yield root;
  stack.push({ ...root, left: spanCount > 1 ? 8 : 0, cursor: startUs });
  while (next <= spanCount && stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.left <= 0 || top.depth > 40) {
      stack.pop();
      if (stack.length === 0 && next <= spanCount) stack.push({ ...root, left: 8, cursor: startUs });
      continue;
    }
    top.left -= 1;
    const share = top.dur / 10;
    const dur = Math.max(1, Math.floor(share * (0.2 + rnd() * 0.8)));
    const start = Math.min(top.start + top.dur - dur, top.cursor + Math.floor(rnd() * share * 0.2));
    top.cursor = start + dur;
    const s = { id: next++, parent: top.id, depth: top.depth + 1, start, dur };
    yield s;
    const kids = rnd() < 0.55 ? Math.floor(rnd() * 9) : 0;
    if (kids > 0) stack.push({ ...s, left: kids, cursor: start });
  }
}

function attrsFor(s) {
  const svc = SERVICES[s.id % SERVICES.length];
  const op = OPS[(s.id * 7) % OPS.length];
  const error = s.id % 97 === 0;
  return { svc, op, error };
}

/** Jaeger query API v1 body `{data:[trace]}` as chunks of text. */
export function* jaegerChunks(spanCount, variant = 0, spansPerChunk = 2000) {
  const traceId = benchTraceId(spanCount, variant);
  yield `{"data":[{"traceID":"${traceId}","spans":[`;
  let buf = [];
  let first = true;
  for (const s of spans(spanCount, variant)) {
    const { svc, op, error } = attrsFor(s);
    const refs = s.parent
      ? `[{"refType":"CHILD_OF","traceID":"${traceId}","spanID":"${hex16(s.parent)}"}]`
      : '[]';
    const logs = s.id % 50 === 0 ? `[{"timestamp":${s.start},"fields":[{"key":"event","type":"string","value":"cache miss"}]}]` : '[]';
    buf.push(
      `${first ? '' : ','}{"traceID":"${traceId}","spanID":"${hex16(s.id)}","operationName":"${op}","references":${refs},` +
        `"startTime":${s.start},"duration":${s.dur},"tags":[{"key":"span.kind","type":"string","value":"server"},` +
        `{"key":"http.status_code","type":"int64","value":${error ? 500 : 200}},{"key":"error","type":"bool","value":${error}},` +
        `{"key":"http.url","type":"string","value":"https://shop.example.com/api/v2/items/${s.id}?include=price,stock,reviews"},` +
        `{"key":"component","type":"string","value":"net/http"},{"key":"peer.service","type":"string","value":"${svc}"},` +
        `{"key":"db.statement","type":"string","value":"SELECT id, name, price, stock FROM items WHERE category_id = $1 AND id > $2 ORDER BY id LIMIT 100"}],` +
        `"logs":${logs},"processID":"p${s.id % SERVICES.length}","warnings":null}`,
    );
    first = false;
    if (buf.length >= spansPerChunk) {
      yield buf.join('');
      buf = [];
    }
  }
  if (buf.length) yield buf.join('');
  const processes = SERVICES.map((name, i) => `"p${i}":{"serviceName":"${name}","tags":[]}`).join(',');
  yield `],"processes":{${processes}},"warnings":null}],"total":0,"limit":0,"offset":0,"errors":null}`;
}

/** OTLP JSON inside Jaeger API v3's `{result:{resourceSpans}}`, one resource per service, as chunks. */
export function* otlpChunks(spanCount, variant = 0, spansPerChunk = 2000) {
  const traceId = benchTraceId(spanCount, variant);
  // OTLP groups spans by resource; we emit one ResourceSpans per span chunk and service to keep streaming.
  yield '{"result":{"resourceSpans":[';
  let firstRs = true;
  let bySvc = new Map();
  let inChunk = 0;
  const flush = function* () {
    for (const [svc, list] of bySvc) {
      yield `${firstRs ? '' : ','}{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"${svc}"}}]},` +
        `"scopeSpans":[{"scope":{"name":"bench"},"spans":[${list.join(',')}]}]}`;
      firstRs = false;
    }
    bySvc = new Map();
    inChunk = 0;
  };
  for (const s of spans(spanCount, variant)) {
    const { svc, op, error } = attrsFor(s);
    const startNs = `${s.start}000`;
    const endNs = `${s.start + s.dur}000`;
    const parent = s.parent ? `"parentSpanId":"${hex16(s.parent)}",` : '';
    const events = s.id % 50 === 0 ? `,"events":[{"timeUnixNano":"${startNs}","name":"cache miss"}]` : '';
    const span =
      `{"traceId":"${traceId}","spanId":"${hex16(s.id)}",${parent}"name":"${op}","kind":2,` +
      `"startTimeUnixNano":"${startNs}","endTimeUnixNano":"${endNs}",` +
      `"attributes":[{"key":"http.response.status_code","value":{"intValue":"${error ? 500 : 200}"}}]` +
      `${events},"status":{"code":${error ? 2 : 0}}}`;
    let list = bySvc.get(svc);
    if (!list) bySvc.set(svc, (list = []));
    list.push(span);
    if (++inChunk >= spansPerChunk) yield* flush();
  }
  yield* flush();
  yield ']}}';
}

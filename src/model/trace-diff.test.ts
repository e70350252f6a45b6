import { describe, expect, it } from 'vitest';
import { buildTrace } from './build-trace';
import { rawSpansFromSpecs, traceFromSpecs, type SpanSpec } from './testing/raw-span';
import { diffTraces, diffTraceSteps, isNodeChanged, nodePath, selfDeltaUs, totalDeltaUs, type DiffNode, type TraceDiff } from './trace-diff';
import type { RawSpan, Trace } from './types';

// Compact spec: [id, parent, start, duration, service, name, error?]
type Row = [string, string | null, number, number, string, string, boolean?];
const specs = (rows: Row[]): SpanSpec[] =>
  rows.map(([id, parent, start, duration, service, name, error]) => ({ id, parent, start, duration, service, name, error: error ?? false }));
const trace = (rows: Row[]): Trace => traceFromSpecs(specs(rows));

/** "service name" → node, failing the test when the path is missing or ambiguous. */
function node(diff: TraceDiff, ...path: string[]): DiffNode {
  const found = diff.nodes.filter((n) => {
    const p = nodePath(diff, n.id).map((s) => `${s.serviceName} ${s.name}`);
    return p.length === path.length && p.every((step, k) => step === path[k]);
  });
  expect(found, `node ${path.join(' > ')}`).toHaveLength(1);
  return found[0]!;
}

/** What a row of the table shows: [status, countA, countB, totalA, totalB, selfA, selfB]. */
function row(n: DiffNode) {
  return [n.status, n.a.count, n.b.count, n.a.totalUs, n.b.totalUs, n.a.selfUs, n.b.selfUs];
}

// The checkout request the cases vary:
//
//   api /checkout        |0======================1000|
//     cart /load         |0==200|
//     payments /charge          |250=====700|
//       db SELECT                  |300=600|
//     mail /send                              |750=900|
const checkout: Row[] = [
  ['r', null, 0, 1000, 'api', '/checkout'],
  ['c', 'r', 0, 200, 'cart', '/load'],
  ['p', 'r', 250, 450, 'payments', '/charge'],
  ['d', 'p', 300, 300, 'db', 'SELECT'],
  ['m', 'r', 750, 150, 'mail', '/send'],
];

const withIds = (rows: Row[], suffix: string): Row[] =>
  rows.map(([id, parent, ...rest]) => [`${id}${suffix}`, parent === null ? null : `${parent}${suffix}`, ...rest] as Row);

interface Case {
  name: string;
  a: Row[];
  b: Row[];
  /** Expected rows by path (see `row`). */
  expect: [string[], ReturnType<typeof row>][];
  nodeCount: number;
  changed: number;
  deltaUs: number;
}

const cases: Case[] = [
  {
    name: 'identical traces: every node matched, zero deltas',
    a: checkout,
    b: withIds(checkout, 'x'),
    nodeCount: 5,
    changed: 0,
    deltaUs: 0,
    expect: [
      [['api /checkout'], ['matched', 1, 1, 1000, 1000, 200, 200]],
      [['api /checkout', 'payments /charge'], ['matched', 1, 1, 450, 450, 150, 150]],
      [['api /checkout', 'payments /charge', 'db SELECT'], ['matched', 1, 1, 300, 300, 300, 300]],
    ],
  },
  {
    name: 'an extra retry in B: two /charge spans form one group, with both db calls under it',
    a: checkout,
    b: [
      ['r', null, 0, 1400, 'api', '/checkout'],
      ['c', 'r', 0, 200, 'cart', '/load'],
      ['p1', 'r', 250, 400, 'payments', '/charge', true],
      ['d1', 'p1', 300, 300, 'db', 'SELECT'],
      ['p2', 'r', 650, 450, 'payments', '/charge'],
      ['d2', 'p2', 700, 300, 'db', 'SELECT'],
      ['m', 'r', 1150, 150, 'mail', '/send'],
    ],
    nodeCount: 5,
    changed: 3, // root (+400 total), /charge (count), SELECT (count)
    deltaUs: 400,
    expect: [
      [['api /checkout'], ['matched', 1, 1, 1000, 1400, 200, 200]],
      [['api /checkout', 'payments /charge'], ['matched', 1, 2, 450, 850, 150, 250]],
      [['api /checkout', 'payments /charge', 'db SELECT'], ['matched', 1, 2, 300, 600, 300, 600]],
      [['api /checkout', 'mail /send'], ['matched', 1, 1, 150, 150, 150, 150]],
    ],
  },
  {
    name: 'a slower DB call: the delta sits in the db node self time',
    a: checkout,
    b: [
      ['r', null, 0, 1500, 'api', '/checkout'],
      ['c', 'r', 0, 200, 'cart', '/load'],
      ['p', 'r', 250, 950, 'payments', '/charge'],
      ['d', 'p', 300, 800, 'db', 'SELECT'],
      ['m', 'r', 1250, 150, 'mail', '/send'],
    ],
    nodeCount: 5,
    changed: 3, // root, /charge (total), SELECT
    deltaUs: 500,
    expect: [
      [['api /checkout', 'payments /charge'], ['matched', 1, 1, 450, 950, 150, 150]],
      [['api /checkout', 'payments /charge', 'db SELECT'], ['matched', 1, 1, 300, 800, 300, 800]],
      [['api /checkout', 'cart /load'], ['matched', 1, 1, 200, 200, 200, 200]],
    ],
  },
  {
    name: 'a reordered fan-out matches by (service, name), not by position',
    a: [
      ['r', null, 0, 100, 'api', '/fan'],
      ['x', 'r', 0, 30, 'inventory', 'get'],
      ['y', 'r', 30, 30, 'pricing', 'get'],
      ['z', 'r', 60, 30, 'reviews', 'get'],
    ],
    b: [
      ['r', null, 0, 100, 'api', '/fan'],
      ['z', 'r', 0, 30, 'reviews', 'get'],
      ['x', 'r', 30, 30, 'inventory', 'get'],
      ['y', 'r', 60, 30, 'pricing', 'get'],
    ],
    nodeCount: 4,
    changed: 0,
    deltaUs: 0,
    expect: [
      [['api /fan', 'inventory get'], ['matched', 1, 1, 30, 30, 30, 30]],
      [['api /fan', 'pricing get'], ['matched', 1, 1, 30, 30, 30, 30]],
      [['api /fan', 'reviews get'], ['matched', 1, 1, 30, 30, 30, 30]],
    ],
  },
  {
    name: 'added and removed subtrees',
    a: [
      ['r', null, 0, 500, 'api', '/product'],
      ['k', 'r', 10, 100, 'cache', 'GET'],
      ['k2', 'k', 20, 50, 'redis', 'GET'],
    ],
    b: [
      ['r', null, 0, 700, 'api', '/product'],
      ['q', 'r', 10, 400, 'catalog', 'load'],
      ['q2', 'q', 20, 300, 'db', 'SELECT'],
      ['q3', 'q', 330, 50, 'db', 'SELECT'],
    ],
    nodeCount: 5,
    changed: 5,
    deltaUs: 200,
    expect: [
      [['api /product'], ['matched', 1, 1, 500, 700, 400, 300]],
      [['api /product', 'cache GET'], ['removed', 1, 0, 100, 0, 50, 0]],
      [['api /product', 'cache GET', 'redis GET'], ['removed', 1, 0, 50, 0, 50, 0]],
      [['api /product', 'catalog load'], ['added', 0, 1, 0, 400, 0, 50]],
      [['api /product', 'catalog load', 'db SELECT'], ['added', 0, 2, 0, 350, 0, 350]],
    ],
  },
  {
    name: 'different services at the root: nothing matches',
    a: [
      ['r', null, 0, 100, 'frontend', 'GET /'],
      ['a1', 'r', 10, 50, 'api', 'list'],
    ],
    b: [
      ['r', null, 0, 120, 'edge', 'GET /'],
      ['b1', 'r', 10, 50, 'api', 'list'],
    ],
    nodeCount: 4,
    changed: 4,
    deltaUs: 20,
    expect: [
      [['frontend GET /'], ['removed', 1, 0, 100, 0, 50, 0]],
      [['frontend GET /', 'api list'], ['removed', 1, 0, 50, 0, 50, 0]],
      [['edge GET /'], ['added', 0, 1, 0, 120, 0, 70]],
      [['edge GET /', 'api list'], ['added', 0, 1, 0, 50, 0, 50]],
    ],
  },
];

describe('diffTraces: matching and deltas', () => {
  it.each(cases)('$name', (c) => {
    const diff = diffTraces(trace(c.a), trace(c.b));
    expect(diff.nodes).toHaveLength(c.nodeCount);
    for (const [path, expected] of c.expect) expect(row(node(diff, ...path)), path.join(' > ')).toEqual(expected);
    expect(diff.summary.deltaUs).toBe(c.deltaUs);
    expect(diff.summary.changedNodeCount).toBe(c.changed);
    expect(diff.nodes.filter((n) => isNodeChanged(n, diff.summary.thresholdUs))).toHaveLength(c.changed);
  });

  it('gives zero deltas everywhere for identical traces', () => {
    const diff = diffTraces(trace(checkout), trace(withIds(checkout, 'x')));
    for (const n of diff.nodes) {
      expect(totalDeltaUs(n)).toBe(0);
      expect(selfDeltaUs(n)).toBe(0);
      expect(n.b.criticalUs - n.a.criticalUs).toBe(0);
    }
    expect(diff.summary.selfTimeContributors).toEqual([]);
    expect(diff.summary.criticalPathChanges).toEqual([]);
    expect(diff.summary.errorChanges).toEqual([]);
  });
});

describe('diffTraces: the union tree', () => {
  it('is in DFS order with contiguous subtrees, depths and parent links', () => {
    const withCatalog: Row[] = [...checkout, ['q', 'r', 220, 20, 'catalog', 'load'], ['q2', 'q', 225, 10, 'db', 'SELECT']];
    const diff = diffTraces(trace(checkout), trace(withCatalog));
    diff.nodes.forEach((n, id) => {
      expect(n.id).toBe(id);
      if (n.parent >= 0) {
        expect(n.parent).toBeLessThan(id);
        expect(n.depth).toBe(diff.nodes[n.parent]!.depth + 1);
        expect(diff.nodes[n.parent]!.subtreeEnd).toBeGreaterThanOrEqual(n.subtreeEnd);
        expect(diff.nodes[n.parent]!.childIds).toContain(id);
      } else {
        expect(diff.rootIds).toContain(id);
      }
      for (let k = id + 1; k < n.subtreeEnd; k++) expect(nodePath(diff, k).length).toBeGreaterThan(n.depth + 1);
    });
    // Root first; children by A's start, B-only children by B's start.
    expect(diff.nodes.map((n) => `${n.serviceName} ${n.name}`)).toEqual([
      'api /checkout',
      'cart /load',
      'catalog load',
      'db SELECT',
      'payments /charge',
      'db SELECT',
      'mail /send',
    ]);
  });

  it('maps every span of both traces to its node', () => {
    const a = trace(checkout);
    const b = trace(cases[1]!.b);
    const diff = diffTraces(a, b);
    a.spans.forEach((s, i) => {
      const n = diff.nodes[diff.nodeOfSpanA[i]!]!;
      expect([n.serviceName, n.name]).toEqual([s.serviceName, s.name]);
    });
    const retries = b.spans.filter((_s, i) => diff.nodes[diff.nodeOfSpanB[i]!]!.name === '/charge');
    expect(retries.map((s) => s.spanId)).toEqual(['p1', 'p2']);
    const charge = node(diff, 'api /checkout', 'payments /charge');
    expect(b.spans[charge.b.firstSpanIndex]!.spanId).toBe('p1');
    expect([charge.b.startUs, charge.b.endUs]).toEqual([250, 1100]);
  });

  it('does not modify either trace', () => {
    const a = trace(checkout);
    const b = trace(cases[2]!.b);
    const before = JSON.stringify([a.spans, b.spans]);
    diffTraces(a, b);
    expect(JSON.stringify([a.spans, b.spans])).toBe(before);
  });
});

describe('diffTraces: summary', () => {
  it('names the node whose self time explains the slowdown, and the critical-path change', () => {
    const diff = diffTraces(trace(checkout), trace(cases[2]!.b));
    const s = diff.summary;
    expect([s.durationAUs, s.durationBUs, s.deltaUs]).toEqual([1000, 1500, 500]);
    expect([s.rootNodeIdA, s.rootNodeIdB, s.rootDurationAUs, s.rootDurationBUs]).toEqual([0, 0, 1000, 1500]);
    expect(s.selfTimeContributors).toHaveLength(1);
    const top = s.selfTimeContributors[0]!;
    expect(diff.nodes[top.nodeId]!.name).toBe('SELECT');
    expect([top.aUs, top.bUs, top.deltaUs]).toEqual([300, 800, 500]);
    const critical = s.criticalPathChanges[0]!;
    expect(diff.nodes[critical.nodeId]!.name).toBe('SELECT');
    expect(critical.deltaUs).toBe(500);
  });

  it('flags a comparison of a trace with itself, and of traces whose roots differ', () => {
    const withTraceId = (rows: Row[], traceId: string) => traceFromSpecs(specs(rows).map((spec) => ({ ...spec, traceId })));
    const a = withTraceId(checkout, 'aaaa');
    const same = diffTraces(a, withTraceId(checkout, 'aaaa')).summary;
    expect(same.sameTraceId).toBe(true);
    expect(same.rootMismatch).toBeNull();
    const related = diffTraces(a, withTraceId(cases[2]!.b, 'bbbb')).summary;
    expect(related.sameTraceId).toBe(false);
    expect(related.rootMismatch).toBeNull();

    const orders: Row[] = [
      ['o', null, 0, 300, 'gateway', 'GET /orders'],
      ['q', 'o', 10, 200, 'db', 'SELECT'],
    ];
    const unrelated = diffTraces(a, withTraceId(orders, 'cccc')).summary;
    expect(unrelated.rootMismatch).toEqual({
      a: { serviceName: 'api', name: '/checkout' },
      b: { serviceName: 'gateway', name: 'GET /orders' },
    });
    // Same operation name in another service is another root too.
    const otherService: Row[] = [['r', null, 0, 1000, 'web', '/checkout']];
    expect(diffTraces(a, withTraceId(otherService, 'dddd')).summary.rootMismatch?.b.serviceName).toBe('web');
    // An empty side has no root to compare.
    expect(diffTraces(a, withTraceId([], 'eeee')).summary.rootMismatch).toBeNull();
  });

  it('counts error changes per node', () => {
    const diff = diffTraces(trace(checkout), trace(cases[1]!.b));
    expect([diff.summary.errorCountA, diff.summary.errorCountB]).toEqual([0, 1]);
    expect(diff.summary.errorChanges).toHaveLength(1);
    const e = diff.summary.errorChanges[0]!;
    expect(diff.nodes[e.nodeId]!.name).toBe('/charge');
    expect([e.aUs, e.bUs, e.deltaUs]).toEqual([0, 1, 1]);
  });

  it('lists only contributors in the direction of the delta, largest first', () => {
    // B: db +500 slower, cart −100 faster, mail +50 slower → +450 overall.
    const b: Row[] = [
      ['r', null, 0, 1450, 'api', '/checkout'],
      ['c', 'r', 0, 100, 'cart', '/load'],
      ['p', 'r', 150, 950, 'payments', '/charge'],
      ['d', 'p', 200, 800, 'db', 'SELECT'],
      ['m', 'r', 1150, 200, 'mail', '/send'],
    ];
    const diff = diffTraces(trace(checkout), trace(b));
    const names = diff.summary.selfTimeContributors.map((c) => diff.nodes[c.nodeId]!.name);
    expect(names).toEqual(['SELECT', '/send']);
    expect(diff.summary.selfTimeContributors.map((c) => c.deltaUs)).toEqual([500, 50]);
  });
});

/** A deterministic random trace: `n` spans, a few services, repeated names, fan-out and depth. */
function generatedTrace(n: number, seed: number, slowdown = 1): Trace {
  let state = seed >>> 0;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const services = ['api', 'cart', 'payments', 'db', 'search', 'mail', 'auth', 'cache'];
  const rows: SpanSpec[] = [{ id: 's0', parent: null, start: 0, duration: 10_000_000, service: 'api', name: '/batch' }];
  for (let i = 1; i < n; i++) {
    const p = Math.floor(random() * Math.min(i, 400)) + Math.max(0, i - 400);
    const parent = rows[p]!;
    const start = parent.start + random() * parent.duration * 0.5;
    const service = services[Math.floor(random() * services.length)]!;
    rows.push({
      id: `s${i}`,
      parent: parent.id,
      start,
      duration: parent.duration * 0.4 * random() * (service === 'db' ? slowdown : 1),
      service,
      name: `op-${Math.floor(random() * 12)}`,
      error: random() < 0.01,
    });
  }
  const raw: RawSpan[] = rawSpansFromSpecs(rows);
  return buildTrace(raw, 'demo');
}

describe('diffTraceSteps', () => {
  it('stops twice (after each side is folded) and ends with what diffTraces gives', () => {
    const a = generatedTrace(2000, 1);
    const b = generatedTrace(2000, 2, 1.5);
    const steps = diffTraceSteps(a, b, { maxContributors: 3 });
    const pauses: boolean[] = [];
    let step = steps.next();
    while (step.done !== true) {
      pauses.push(true);
      step = steps.next();
    }
    expect(pauses).toHaveLength(2);
    expect(step.value).toEqual(diffTraces(a, b, { maxContributors: 3 }));
  });
});

// The comparison's speed is measured by the benchmark (npm run bench: two 10k-span traces, in the
// browser), not by a timed test, which a busy test machine makes flaky.
describe('diffTraces: large traces', () => {
  it('maps every span of two 10k-span traces to a node', () => {
    const a = generatedTrace(10_000, 1);
    const b = generatedTrace(10_000, 2, 1.5);
    const diff = diffTraces(a, b);
    expect(diff.nodeOfSpanA).toHaveLength(10_000);
    expect(diff.nodeOfSpanB).toHaveLength(10_000);
    expect(Array.from(diff.nodeOfSpanA).every((node) => node >= 0 && node < diff.nodes.length)).toBe(true);
    expect(Array.from(diff.nodeOfSpanB).every((node) => node >= 0 && node < diff.nodes.length)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseTraceText, parseTraceValue } from './parse-trace-text';
import { FIXTURES_EXIST, readFixture } from './testing/fixtures-dir';
import { TraceParseError, type ParseResult } from './types';
import { isObject } from './json-guards';

// Fuzz: whatever arrives, a parser returns a ParseResult or throws a TraceParseError (never
// anything else, and never through the last-resort guard), and no span object that survived a
// mutation is lost. Each parser gets 10,000+ cases across the generators below.

type Outcome = { result: ParseResult } | { error: TraceParseError };

function run(parse: () => ParseResult): Outcome {
  try {
    return { result: parse() };
  } catch (e) {
    if (!(e instanceof TraceParseError)) throw new Error(`threw a non-TraceParseError: ${String(e)}`, { cause: e });
    // The guard in parse-trace-text wraps unexpected exceptions; in these tests none may happen.
    const cause = (e as Error & { cause?: unknown }).cause;
    if (cause !== undefined) throw new Error(`an unexpected exception reached the guard: ${String(cause)}`, { cause });
    return { error: e };
  }
}

// ---- independent span counters (what a parser must return for each container shape) ----------

const objectsIn = (list: unknown): number => (Array.isArray(list) ? list.filter(isObject).length : 0);

function countOtlpSpans(doc: unknown): number {
  if (!isObject(doc)) return 0;
  const list = doc.resourceSpans ?? doc.batches ?? (isObject(doc.result) ? doc.result.resourceSpans : undefined);
  let n = 0;
  for (const rs of Array.isArray(list) ? list : []) {
    if (!isObject(rs)) continue;
    for (const key of ['scopeSpans', 'instrumentationLibrarySpans']) {
      for (const ss of Array.isArray(rs[key]) ? (rs[key] as unknown[]) : []) if (isObject(ss)) n += objectsIn(ss.spans);
    }
  }
  return n;
}

function countJaegerSpans(doc: unknown): number {
  if (isObject(doc) && 'data' in doc) {
    return Array.isArray(doc.data) ? doc.data.reduce<number>((n, t) => n + (isObject(t) ? objectsIn(t.spans) : 0), 0) : 0;
  }
  return isObject(doc) ? objectsIn(doc.spans) : 0;
}

function countZipkinSpans(doc: unknown): number {
  if (isObject(doc)) return 1;
  if (!Array.isArray(doc)) return 0;
  return doc.reduce<number>((n, item) => n + (isObject(item) ? 1 : Array.isArray(item) ? objectsIn(item) : 0), 0);
}

/** Tempo search dedupes repeats of a span ID, so count distinct string IDs plus ID-less spans. */
function countTempoSearchSpans(doc: unknown): number {
  if (!isObject(doc)) return 0;
  const sets = [...(Array.isArray(doc.spanSets) ? doc.spanSets : []), doc.spanSet];
  const ids = new Set<string>();
  let withoutId = 0;
  for (const set of sets) {
    if (!isObject(set) || !Array.isArray(set.spans)) continue;
    for (const s of set.spans) {
      if (!isObject(s)) continue;
      // Mirrors what can be an ID: non-empty text or a finite number; anything else is ID-less.
      if (typeof s.spanID === 'string' && s.spanID.trim() !== '') ids.add(s.spanID.trim().toLowerCase().padStart(16, '0'));
      else if (typeof s.spanID === 'number' && Number.isFinite(s.spanID)) ids.add(String(s.spanID).padStart(16, '0'));
      else withoutId++;
    }
  }
  return ids.size + withoutId;
}

// ---- mutations --------------------------------------------------------------------------------

type Path = (string | number)[];

function allPaths(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  const children: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : isObject(value)
      ? Object.entries(value)
      : [];
  for (const [key, child] of children) {
    out.push([...prefix, key]);
    allPaths(child, [...prefix, key], out);
  }
  return out;
}

const RETYPED = [null, 0, -1, 1.5, '', 'x', 'AAAAAAAAAAI=', true, [], {}, [null], { a: 1 }, '99999999999999999999999', 'NaN', -1e308, [[]]];

interface Mutation {
  pick: number;
  op: 'delete' | 'retype' | 'duplicate';
  value: number;
}

const mutationArb = fc.record({
  pick: fc.nat(),
  op: fc.constantFrom<Mutation['op']>('delete', 'retype', 'duplicate'),
  value: fc.nat({ max: RETYPED.length - 1 }),
});

function applyMutation(root: unknown, paths: Path[], m: Mutation): unknown {
  if (paths.length === 0) return root;
  const path = paths[m.pick % paths.length]!;
  let parent: unknown = root;
  for (const step of path.slice(0, -1)) {
    if (!isObject(parent) && !Array.isArray(parent)) return root;
    parent = (parent as Record<string | number, unknown>)[step];
  }
  const key = path[path.length - 1]!;
  const replacement = structuredClone(RETYPED[m.value]);
  if (Array.isArray(parent) && typeof key === 'number' && key < parent.length) {
    if (m.op === 'delete') parent.splice(key, 1);
    else if (m.op === 'retype') parent[key] = replacement;
    else parent.splice(key, 0, structuredClone(parent[key]));
  } else if (isObject(parent) && typeof key === 'string' && key in parent) {
    if (m.op === 'delete') delete parent[key];
    else if (m.op === 'retype') parent[key] = replacement;
    else parent[key] = [structuredClone(parent[key]), structuredClone(parent[key])];
  }
  return root;
}

interface FuzzTarget {
  name: string;
  files: string[];
  /** Shrinks a big fixture so each case stays fast. */
  prepare?: (value: unknown) => unknown;
  formats: string[];
  count: (doc: unknown) => number;
}

const tempoSearchSample = (value: unknown): unknown => {
  const v = structuredClone(value) as { spanSets: { spans: unknown[] }[]; spanSet: { spans: unknown[] } };
  v.spanSets = v.spanSets.map((s) => ({ ...s, spans: s.spans.slice(0, 5) }));
  v.spanSet = { ...v.spanSet, spans: v.spanSet.spans.slice(2, 6) };
  return v;
};

const TARGETS: FuzzTarget[] = [
  {
    name: 'OTLP',
    files: ['jaeger-ui/otlp2jaeger-negative-counts.json', 'opentelemetry-proto/trace.json', 'otel-gui/sample-trace-orphan-span.json', 'jaeger/GetTrace.json', 'tempo/trace.json'],
    formats: ['otlp-json', 'jaeger-api-v3', 'tempo-v1'],
    count: countOtlpSpans,
  },
  {
    name: 'Jaeger JSON',
    files: ['jaeger-ui/testTrace.json', 'jaeger/ui_01.json', 'jaeger-analytics-java/ui-trace.json', 'jaeger-ui/otlp2jaeger-out.json'],
    formats: ['jaeger-trace', 'jaeger-api-v1'],
    count: countJaegerSpans,
  },
  { name: 'Jaeger api_v2 protobuf JSON', files: ['jaeger/domain_01.json'], formats: ['jaeger-api-v2-proto-json'], count: countJaegerSpans },
  {
    name: 'Zipkin v2',
    files: ['zipkin/skew.json', 'zipkin/malformed.json', 'zipkin/zipkin2-chinese.json', 'opentelemetry-collector-contrib/sample3.json'],
    formats: ['zipkin-v2'],
    count: countZipkinSpans,
  },
  {
    name: 'Tempo search',
    files: ['grafana-incremental-trace-viewer/test-trace.json'],
    prepare: tempoSearchSample,
    formats: ['tempo-v1'],
    count: countTempoSearchSpans,
  },
];

const MUTATION_RUNS = 8_500;
const SHAPED_RUNS = 1_500;

describe.skipIf(!FIXTURES_EXIST)('fuzz: mutated real fixtures', () => {
  for (const target of TARGETS) {
    // Read lazily: a skipped describe still runs its body, and the fixtures may be absent.
    let cached: { text: string; paths: Path[] }[] | undefined;
    const loadBases = () =>
      (cached ??= target.files.map((f) => {
        const parsed: unknown = JSON.parse(readFixture(f));
        const value = target.prepare ? target.prepare(parsed) : parsed;
        return { text: JSON.stringify(value), paths: allPaths(value) };
      }));

    it(`${target.name}: deleted, retyped and duplicated fields (${MUTATION_RUNS} cases)`, () => {
      const bases = loadBases();
      fc.assert(
        fc.property(fc.nat({ max: bases.length - 1 }), fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (which, mutations) => {
          const base = bases[which]!;
          let doc: unknown = JSON.parse(base.text);
          for (const m of mutations) doc = applyMutation(doc, base.paths, m);
          const expectedSpans = target.count(doc);
          const outcome = run(() => parseTraceValue(doc));
          if ('result' in outcome && target.formats.includes(outcome.result.format)) {
            expect(outcome.result.spans.length).toBe(expectedSpans);
          }
        }),
        { numRuns: MUTATION_RUNS },
      );
    });

    it(`${target.name}: truncated text and random JSON in its containers (${SHAPED_RUNS} cases)`, () => {
      const bases = loadBases();
      fc.assert(
        fc.property(fc.nat({ max: bases.length - 1 }), fc.nat(), fc.jsonValue({ maxDepth: 3 }), (which, cut, junk) => {
          const base = bases[which]!;
          run(() => parseTraceText(base.text.slice(0, cut % (base.text.length + 1)), 'cut.json'));
          // Random JSON placed where the format's spans live.
          const doc = JSON.parse(base.text) as unknown;
          const paths = allPaths(doc);
          const target0 = paths[cut % Math.max(1, paths.length)];
          if (target0) applyMutation(doc, [target0], { pick: 0, op: 'retype', value: 0 });
          if (target0 && target0.length > 0) {
            let parent: unknown = doc;
            for (const step of target0.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[step];
            if (isObject(parent) || Array.isArray(parent)) (parent as Record<string | number, unknown>)[target0[target0.length - 1]!] = junk;
          }
          run(() => parseTraceValue(doc));
        }),
        { numRuns: SHAPED_RUNS },
      );
    });
  }

  it(`NDJSON: dropped, duplicated, truncated and foreign lines (${MUTATION_RUNS + SHAPED_RUNS} cases)`, () => {
    const lines = readFixture('jaeger-ui/otlp2jaeger-multi-in.json').split('\n').filter((l) => l.trim() !== '');
    const foreign = ['', '{"resourceLogs":[]}', '{"resourceMetrics":[]}', '{broken', '42', '{"services":["a"]}'];
    const lineOp = fc.record({ line: fc.nat(), op: fc.constantFrom('drop', 'dup', 'cut', 'foreign', 'mutate'), n: fc.nat(), m: mutationArb });
    fc.assert(
      fc.property(fc.array(lineOp, { maxLength: 4 }), (ops) => {
        const out = [...lines];
        for (const o of ops) {
          const i = o.line % Math.max(1, out.length);
          const line = out[i] ?? '';
          if (o.op === 'drop') out.splice(i, 1);
          else if (o.op === 'dup') out.splice(i, 0, line);
          else if (o.op === 'cut') out[i] = line.slice(0, o.n % (line.length + 1));
          else if (o.op === 'foreign') out.splice(i, 0, foreign[o.n % foreign.length]!);
          else {
            try {
              const doc: unknown = JSON.parse(line);
              out[i] = JSON.stringify(applyMutation(doc, allPaths(doc), o.m));
            } catch {
              /* a line already broken stays broken */
            }
          }
        }
        let expected = 0;
        for (const l of out) {
          try {
            expected += countOtlpSpans(JSON.parse(l));
          } catch {
            /* broken lines hold no spans */
          }
        }
        const outcome = run(() => parseTraceText(out.join('\n'), 'lines.ndjson'));
        if ('result' in outcome && (outcome.result.format === 'otlp-ndjson' || outcome.result.format === 'otlp-json')) {
          expect(outcome.result.spans.length).toBe(expected);
        }
        if ('error' in outcome) expect(expected).toBe(0);
      }),
      { numRuns: MUTATION_RUNS + SHAPED_RUNS },
    );
  });
});

describe('fuzz: arbitrary input', () => {
  it('random JSON values (5,000 cases)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        run(() => parseTraceValue(value));
      }),
      { numRuns: 5_000 },
    );
  });

  it('random JSON under every known top-level key (5,000 cases)', () => {
    const keys = ['resourceSpans', 'resource_spans', 'batches', 'result', 'trace', 'data', 'spans', 'traces', 'spanSets', 'error', 'summaries'];
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.jsonValue({ maxDepth: 5 }), fc.boolean(), (key, value, withIds) => {
        const doc: Record<string, unknown> = { [key]: value };
        if (withIds) Object.assign(doc, { traceID: 'ab', traceId: 'ab', id: 'cd', processMap: value });
        run(() => parseTraceValue(doc));
        run(() => parseTraceValue([doc, value]));
      }),
      { numRuns: 5_000 },
    );
  });

  it('random text, including JSON-looking lines (3,000 cases)', () => {
    const jsonish = fc.array(fc.oneof(fc.json(), fc.string()), { maxLength: 4 }).map((parts) => parts.join('\n'));
    fc.assert(
      fc.property(fc.oneof(fc.string(), jsonish), (text) => {
        run(() => parseTraceText(text));
      }),
      { numRuns: 3_000 },
    );
  });

  it('does not overflow the stack on deeply nested attribute values', () => {
    let value: unknown = { stringValue: 'leaf' };
    for (let i = 0; i < 20_000; i++) value = { kvlistValue: { values: [{ key: 'k', value }] } };
    const doc = { resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: 'a', spanId: 'b', attributes: [{ key: 'deep', value }] }] }] }] };
    const outcome = run(() => parseTraceValue(doc));
    expect('result' in outcome && outcome.result.spans.length).toBe(1);
  });
});

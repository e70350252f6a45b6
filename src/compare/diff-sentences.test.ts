import { describe, expect, it } from 'vitest';
import { traceFromSpecs, type SpanSpec } from '../model/testing/raw-span';
import { diffTraces } from '../model/trace-diff';
import { sentenceText, summarySentences } from './diff-sentences';

const MS = 1000;
const a: SpanSpec[] = [
  { id: 'r', start: 0, duration: 1000 * MS, service: 'api', name: '/checkout' },
  { id: 'p', parent: 'r', start: 100 * MS, duration: 400 * MS, service: 'payments', name: '/charge' },
  { id: 'd', parent: 'p', start: 150 * MS, duration: 200 * MS, service: 'db', name: 'SELECT' },
];

function sentences(b: SpanSpec[]) {
  return Object.fromEntries(summarySentences(diffTraces(traceFromSpecs(a), traceFromSpecs(b))).map((s) => [s.key, sentenceText(s)]));
}

describe('summary sentences', () => {
  it('explains a slowdown by the self time that grew, with errors and critical path', () => {
    // B: /charge itself spends 640 ms more, db 180 ms more → +820 ms; /charge fails once.
    const b: SpanSpec[] = [
      { id: 'r', start: 0, duration: 1820 * MS, service: 'api', name: '/checkout' },
      { id: 'p', parent: 'r', start: 100 * MS, duration: 1220 * MS, service: 'payments', name: '/charge', error: true },
      { id: 'd', parent: 'p', start: 150 * MS, duration: 380 * MS, service: 'db', name: 'SELECT' },
    ];
    const s = sentences(b);
    expect(s.headline).toBe('B took 1.82 s, 820 ms longer than A (1 s): +820 ms (+82 %).');
    const selfKeys = Object.keys(s).filter((k) => k.startsWith('self-'));
    expect(selfKeys.map((k) => s[k])).toEqual([
      '+640 ms of +820 ms is self time in payments /charge (200 ms → 840 ms).',
      '+180 ms of +820 ms is self time in db SELECT (200 ms → 380 ms).',
    ]);
    expect(s.errors).toBe('Errors: 0 in A, 1 in B (+1); in payments /charge 0 → 1.');
    expect(s.critical).toBe(
      'Critical path: payments /charge 200 ms → 840 ms (+640 ms); db SELECT 200 ms → 380 ms (+180 ms).',
    );
    expect(s.structure).toBe('Structure: the same operations with the same span counts in both traces.');
  });

  it('says when nothing changed', () => {
    const s = sentences(a.map((x) => ({ ...x, id: `${x.id}2`, parent: x.parent ? `${x.parent}2` : null })));
    expect(s.headline).toBe('B took 1 s, about as long as A (1 s): ±0 (±0 %).');
    expect(s['self-none']).toBe("No operation's self time changed by 10 ms or more.");
    expect(s.errors).toBe('No errors in either trace.');
  });

  it('names added and removed operations', () => {
    const b: SpanSpec[] = [
      { id: 'r', start: 0, duration: 600 * MS, service: 'api', name: '/checkout' },
      { id: 'k', parent: 'r', start: 10 * MS, duration: 100 * MS, service: 'cache', name: 'GET' },
    ];
    const s = sentences(b);
    expect(s.headline).toBe('B took 600 ms, 400 ms less than A (1 s): \u2212400 ms (\u221240 %).');
    expect(s.structure).toBe('Structure: 1 operation only in B; 2 only in A.');
  });

  it('groups thousands in its counts', () => {
    const b: SpanSpec[] = [
      { id: 'r', start: 0, duration: 600 * MS, service: 'api', name: '/checkout' },
      ...Array.from({ length: 1200 }, (_, i) => ({ id: `k${i}`, parent: 'r', start: 10 * MS, duration: MS, service: 'cache', name: `GET ${i}` })),
    ];
    expect(sentences(b).structure).toBe('Structure: 1,200 operations only in B; 2 only in A.');
  });
});

describe('root span sentence', () => {
  it('appears when work after the root span changes the trace duration', () => {
    // B: the root span is 100 ms faster, but an async mail span ends 300 ms after it.
    const b: SpanSpec[] = [
      { id: 'r', start: 0, duration: 900 * MS, service: 'api', name: '/checkout' },
      { id: 'p', parent: 'r', start: 100 * MS, duration: 400 * MS, service: 'payments', name: '/charge' },
      { id: 'd', parent: 'p', start: 150 * MS, duration: 200 * MS, service: 'db', name: 'SELECT' },
      { id: 'm', parent: 'r', start: 850 * MS, duration: 350 * MS, service: 'mail', name: 'send' },
    ];
    const s = sentences(b);
    expect(s.headline).toBe('B took 1.2 s, 200 ms longer than A (1 s): +200 ms (+20 %).');
    expect(s.root).toBe(
      'The root span api /checkout took 1 s in A and 900 ms in B (\u2212100 ms); the rest of the difference is in spans outside it (work that continues after the root span ends, or other root spans).',
    );
    expect(sentences(a.map((x) => ({ ...x }))).root).toBeUndefined();
  });
});

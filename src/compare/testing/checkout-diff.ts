// A small comparison shared by the diff graph's tests:
// api /checkout > [cart /load > cache GET, payments /charge > db SELECT, mail /send]
// B: db SELECT is 500 µs slower (so payments and the root are too) and mail /send is gone,
// replaced by queue publish. cart and its cache call are the same in both.
import { traceFromSpecs, type SpanSpec } from '../../model/testing/raw-span';
import { diffTraces, type TraceDiff } from '../../model/trace-diff';

export const checkoutA: SpanSpec[] = [
  { id: 'r', start: 0, duration: 1000, service: 'api', name: '/checkout' },
  { id: 'c', parent: 'r', start: 0, duration: 200, service: 'cart', name: '/load' },
  { id: 'cg', parent: 'c', start: 10, duration: 100, service: 'cache', name: 'GET' },
  { id: 'p', parent: 'r', start: 250, duration: 450, service: 'payments', name: '/charge' },
  { id: 'd', parent: 'p', start: 300, duration: 300, service: 'db', name: 'SELECT' },
  { id: 'm', parent: 'r', start: 750, duration: 150, service: 'mail', name: '/send' },
];

export const checkoutB: SpanSpec[] = [
  ...checkoutA
    .filter((s) => s.id !== 'm')
    .map((s) => (s.id === 'd' ? { ...s, duration: 800 } : s.id === 'p' ? { ...s, duration: 950 } : s.id === 'r' ? { ...s, duration: 1500 } : s)),
  { id: 'q', parent: 'r', start: 1250, duration: 150, service: 'queue', name: 'publish' },
];

export const checkoutDiff: TraceDiff = diffTraces(traceFromSpecs(checkoutA), traceFromSpecs(checkoutB));

/** The node of the operation called `name` (unique in this diff). */
export const checkoutNodeId = (name: string): number => checkoutDiff.nodes.find((n) => n.name === name)!.id;

import { describe, expect, it } from 'vitest';
import { traceFromSpecs, type SpanSpec } from '../model/testing/raw-span';
import { diffTraces } from '../model/trace-diff';
import { comparisonViewFromParam } from './comparison-view-switch';
import { FASTER_COLOURS, NEUTRAL_COLOUR, SLOWER_COLOURS } from './delta-format';
import { formatCount } from '../lib/count-format';
import { biggestSelfChanges, graphDescription } from './diff-graph-description';
import { bucketByFill, labelsShown, labelWidthPx } from './diff-graph-draw';
import { FILL_DRAW_ORDER, graphNodeFill, graphNodeMark, markGlyph } from './diff-graph-style';

// api /checkout > [auth /verify, payments /charge, mail /send]. In B: payments' self time grows
// from 400 to 900 µs, auth's shrinks from 200 to 20 µs, mail is gone and queue publish is new.
const a: SpanSpec[] = [
  { id: 'r', start: 0, duration: 1000, service: 'api', name: '/checkout' },
  { id: 'v', parent: 'r', start: 0, duration: 200, service: 'auth', name: '/verify' },
  { id: 'p', parent: 'r', start: 250, duration: 400, service: 'payments', name: '/charge' },
  { id: 'm', parent: 'r', start: 700, duration: 100, service: 'mail', name: '/send' },
];
const b: SpanSpec[] = [
  { id: 'r', start: 0, duration: 1400, service: 'api', name: '/checkout' },
  { id: 'v', parent: 'r', start: 0, duration: 20, service: 'auth', name: '/verify' },
  { id: 'p', parent: 'r', start: 250, duration: 900, service: 'payments', name: '/charge' },
  { id: 'q', parent: 'r', start: 1200, duration: 100, service: 'queue', name: 'publish' },
];
const diff = diffTraces(traceFromSpecs(a), traceFromSpecs(b));
const node = (name: string) => diff.nodes.find((n) => n.name === name)!;
const { thresholdUs } = diff.summary;

describe('node colour and marks', () => {
  it('colours by self-time change: orange slower, blue faster, grey unchanged', () => {
    // payments: +500 of max 900 µs self = 56 % → third orange step.
    expect(graphNodeFill(node('/charge'), thresholdUs)).toBe(SLOWER_COLOURS[2]);
    // auth: −180 of 200 µs = 90 % → strongest blue.
    expect(graphNodeFill(node('/verify'), thresholdUs)).toBe(FASTER_COLOURS[3]);
    // The root's self time: A 1000 − 200 − 400 − 100 = 300, B 1400 − 20 − 900 − 100 = 380 µs:
    // +80 of 380 = 21 % → second orange step.
    expect(graphNodeFill(node('/checkout'), thresholdUs)).toBe(SLOWER_COLOURS[1]);
    const same = diffTraces(traceFromSpecs(a), traceFromSpecs(a));
    for (const n of same.nodes) expect(graphNodeFill(n, same.summary.thresholdUs)).toBe(NEUTRAL_COLOUR);
  });

  it('marks nodes only in B as added (+) and only in A as removed (−)', () => {
    expect(graphNodeMark(node('publish'))).toBe('added');
    expect(graphNodeMark(node('/send'))).toBe('removed');
    expect(graphNodeMark(node('/charge'))).toBeNull();
    expect(markGlyph('added')).toBe('+');
    expect(markGlyph('removed')).toBe('\u2212');
    expect(markGlyph(null)).toBe('');
    // An added node's self time is all new: full-strength orange.
    expect(graphNodeFill(node('publish'), thresholdUs)).toBe(SLOWER_COLOURS[3]);
    expect(graphNodeFill(node('/send'), thresholdUs)).toBe(FASTER_COLOURS[3]);
  });

  it('draws unchanged nodes first and the strongest changes last', () => {
    const fills = [SLOWER_COLOURS[3], NEUTRAL_COLOUR, FASTER_COLOURS[0], NEUTRAL_COLOUR, '#123456'];
    const buckets = bucketByFill(fills);
    expect(buckets.map((bucket) => bucket.fill)).toEqual([NEUTRAL_COLOUR, FASTER_COLOURS[0], SLOWER_COLOURS[3], '#123456']);
    expect(Array.from(buckets[0]!.indices)).toEqual([1, 3]);
    expect(FILL_DRAW_ORDER[0]).toBe(NEUTRAL_COLOUR);
  });
});

describe('labels by zoom', () => {
  it('are drawn only when rows are far enough apart to read', () => {
    expect(labelsShown(1)).toBe(true);
    expect(labelsShown(0.5)).toBe(true);
    expect(labelsShown(0.4)).toBe(false);
    expect(labelWidthPx(1, 9)).toBeGreaterThan(150);
    expect(labelWidthPx(2, 9)).toBeGreaterThan(2 * labelWidthPx(1, 9) - 10);
  });
});

describe('text description', () => {
  it('names the biggest self-time changes, largest first, and the structure changes', () => {
    const ids = biggestSelfChanges(diff, 3).map((id) => diff.nodes[id]!.name);
    // mail /send (−100, only in A) ties with queue publish (+100) and comes first in the tree.
    expect(ids).toEqual(['/charge', '/verify', '/send']);
    const text = graphDescription(diff, diff.nodes.length);
    expect(text).toContain('Union tree of both traces: 5 operations.');
    expect(text).toContain('Biggest self-time changes: payments: /charge +500 µs; auth: /verify \u2212180 µs; mail: /send \u2212100 µs, only in A.');
    expect(text).toContain('1 operation only in B, 1 operation only in A.');
  });

  it('says how many nodes are shown when branches are folded, and when nothing changed', () => {
    const same = diffTraces(traceFromSpecs(a), traceFromSpecs(a));
    const text = graphDescription(same, 1);
    expect(text).toContain('4 operations; 1 shown, branches without changes are folded.');
    expect(text).toContain("No operation's self time changed by");
    expect(text).not.toContain('only in');
  });
});

describe('counts', () => {
  it('group thousands with commas', () => {
    expect(formatCount(7)).toBe('7');
    expect(formatCount(1234)).toBe('1,234');
    expect(formatCount(19941)).toBe('19,941');
    expect(formatCount(1234567)).toBe('1,234,567');
  });
});

describe('view parameter', () => {
  it('is the graph only for view=graph; anything else is the waterfall', () => {
    expect(comparisonViewFromParam('graph')).toBe('graph');
    expect(comparisonViewFromParam(null)).toBe('waterfall');
    expect(comparisonViewFromParam('flame')).toBe('waterfall');
  });
});

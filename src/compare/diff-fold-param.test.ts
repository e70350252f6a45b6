import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { traceFromSpecs, type SpanSpec } from '../model/testing/raw-span';
import { diffTraces } from '../model/trace-diff';
import { collapseAllNodes } from './diff-rows';
import { decodeDiffFold, encodeDiffFold, MAX_FOLD_NODES } from './diff-fold-param';
import { checkoutDiff, checkoutNodeId } from './testing/checkout-diff';

const { nodes } = checkoutDiff;
const none = () => new Uint8Array(nodes.length);
const folded = (...names: string[]) => {
  const set = none();
  for (const name of names) set[checkoutNodeId(name)] = 1;
  return set;
};

describe('fold= of the merged waterfall', () => {
  it('writes nothing when nothing is folded, the folded nodes, or all but the open ones', () => {
    expect(encodeDiffFold(nodes, none())).toBeNull();
    expect(encodeDiffFold(nodes, folded('/charge'))).toBe(String(checkoutNodeId('/charge')));
    expect(encodeDiffFold(nodes, collapseAllNodes(nodes))).toBe('all');
    // Three nodes have children (/checkout, /load, /charge): two folded of three is written as "all but one".
    const twoOfThree = folded('/checkout', '/load');
    expect(encodeDiffFold(nodes, twoOfThree)).toBe(`all_${checkoutNodeId('/charge')}`);
  });

  it('reads back every collapsed set of foldable nodes', () => {
    const foldable = nodes.filter((n) => n.childIds.length > 0).map((n) => n.id);
    for (let mask = 0; mask < 1 << foldable.length; mask++) {
      const set = none();
      foldable.forEach((id, bit) => {
        if (mask & (1 << bit)) set[id] = 1;
      });
      expect(Array.from(decodeDiffFold(nodes, encodeDiffFold(nodes, set)))).toEqual(Array.from(set));
    }
  });

  it('ignores leaves, unknown indices and junk, and reads no parameter as nothing folded', () => {
    const leaf = checkoutNodeId('SELECT');
    expect(Array.from(decodeDiffFold(nodes, `${leaf}.999.x.-1..${checkoutNodeId('/load')}`))).toEqual(Array.from(folded('/load')));
    expect(Array.from(decodeDiffFold(nodes, null))).toEqual(Array.from(none()));
    expect(Array.from(decodeDiffFold(nodes, 'allx'))).toEqual(Array.from(none()));
    expect(Array.from(decodeDiffFold(nodes, 'all_'))).toEqual(Array.from(collapseAllNodes(nodes)));
  });

  it(`round-trips any collapsed set of a wide diff, and leaves out a state needing more than ${MAX_FOLD_NODES} indices`, () => {
    // A root with 400 children that each have one child: 401 foldable nodes.
    const specs: SpanSpec[] = [{ id: 'r', start: 0, duration: 10_000, service: 'api', name: 'root' }];
    for (let i = 0; i < 400; i++) {
      specs.push({ id: `c${i}`, parent: 'r', start: i, duration: 5, service: 'svc', name: `op${i}` });
      specs.push({ id: `g${i}`, parent: `c${i}`, start: i, duration: 1, service: 'db', name: `q${i}` });
    }
    const wide = diffTraces(traceFromSpecs(specs), traceFromSpecs(specs)).nodes;
    const foldable = wide.filter((n) => n.childIds.length > 0).map((n) => n.id);
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...foldable), { maxLength: foldable.length }), (ids) => {
        const set = new Uint8Array(wide.length);
        for (const id of ids) set[id] = 1;
        const text = encodeDiffFold(wide, set);
        const written = Math.min(ids.length, foldable.length - ids.length);
        if (ids.length === 0 || written > MAX_FOLD_NODES) expect(text).toBeNull();
        else expect(Array.from(decodeDiffFold(wide, text))).toEqual(Array.from(set));
      }),
      { numRuns: 200 },
    );
    const first = (n: number) => {
      const set = new Uint8Array(wide.length);
      for (const id of foldable.slice(0, n)) set[id] = 1;
      return set;
    };
    // 150 folded and 251 open: too long either way.
    expect(encodeDiffFold(wide, first(150))).toBeNull();
    // 350 folded, 51 open: written as all but those 51.
    const mostly = first(350);
    expect(encodeDiffFold(wide, mostly)).toMatch(/^all_(\d+\.){50}\d+$/);
    expect(Array.from(decodeDiffFold(wide, encodeDiffFold(wide, mostly)))).toEqual(Array.from(mostly));
  });
});

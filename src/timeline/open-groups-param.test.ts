import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { traceFromSpecs, type SpanSpec } from '../model/testing/raw-span';
import { MAX_FOLD_EXCEPTIONS } from './collapse-param';
import { decodeOpenGroups, encodeOpenGroups } from './open-groups-param';
import { siblingGroupIndex } from './trace-analyses';

/** A root with `groupCount` runs of 3 look-alike children, each run's first member named `g<k>`. */
function traceWithGroups(groupCount: number, firstId: (k: number) => string = (k) => `g${k}`) {
  const specs: SpanSpec[] = [{ id: 'root', start: 0, duration: 10_000_000 }];
  for (let k = 0; k < groupCount; k++) {
    for (let m = 0; m < 3; m++) {
      specs.push({ id: m === 0 ? firstId(k) : `g${k}m${m}`, parent: 'root', start: 1 + k * 100 + m * 10, duration: 5, name: `op${k}` });
    }
  }
  const trace = traceFromSpecs(specs);
  return { trace, groups: siblingGroupIndex(trace) };
}

describe('open groups in the URL (group=repeats_…)', () => {
  const { trace, groups } = traceWithGroups(4);

  it('names each unfolded group by its first member and reads it back', () => {
    expect(groups.firstIndex.length).toBe(4);
    const expanded = Uint8Array.of(0, 1, 0, 1);
    const list = encodeOpenGroups(groups, trace.spans, expanded);
    expect(list).toBe('g1.g3');
    expect(decodeOpenGroups(groups, trace.spans, list ?? '')).toEqual(expanded);
    expect(encodeOpenGroups(groups, trace.spans, new Uint8Array(4))).toBe('');
    expect(decodeOpenGroups(groups, trace.spans, '')).toEqual(new Uint8Array(4));
  });

  it('ignores unknown IDs, IDs of members that do not start a group, and junk', () => {
    expect(decodeOpenGroups(groups, trace.spans, 'nope.g0m1.root.%%.g2')).toEqual(Uint8Array.of(0, 0, 1, 0));
  });

  it('gives up (null) past the limit, and escapes IDs that are not plain', () => {
    const many = traceWithGroups(MAX_FOLD_EXCEPTIONS + 1);
    const all = new Uint8Array(MAX_FOLD_EXCEPTIONS + 1).fill(1);
    expect(encodeOpenGroups(many.groups, many.trace.spans, all)).toBeNull();
    all[0] = 0;
    expect(encodeOpenGroups(many.groups, many.trace.spans, all)?.split('.')).toHaveLength(MAX_FOLD_EXCEPTIONS);

    const odd = traceWithGroups(2, (k) => (k === 0 ? 'a.b_c d' : 'é/1'));
    const list = encodeOpenGroups(odd.groups, odd.trace.spans, Uint8Array.of(1, 1));
    expect(list).toMatch(/^[0-9A-Za-z*.-]+$/);
    expect(decodeOpenGroups(odd.groups, odd.trace.spans, list ?? '')).toEqual(Uint8Array.of(1, 1));
  });

  it('every unfolded set of up to the limit round-trips', () => {
    const { trace: t, groups: g } = traceWithGroups(12);
    fc.assert(
      fc.property(fc.uint8Array({ min: 0, max: 1, minLength: 12, maxLength: 12 }), (expanded) => {
        const list = encodeOpenGroups(g, t.spans, expanded);
        expect(list).not.toBeNull();
        expect(decodeOpenGroups(g, t.spans, list ?? '')).toEqual(expanded);
      }),
    );
  });
});

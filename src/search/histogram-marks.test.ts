import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { placeMarks, type PlacedMark } from './histogram-marks';

function overlapping(marks: readonly PlacedMark[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (const a of marks) {
    for (const b of marks) {
      if (a.key < b.key && a.row === b.row && a.leftPx < b.rightPx && b.leftPx < a.rightPx) pairs.push([a.label, b.label]);
    }
  }
  return pairs;
}

describe('placeMarks', () => {
  it('keeps distant labels in one row', () => {
    const marks = placeMarks(
      [
        { key: 'p50', x: 100 },
        { key: 'p90', x: 200 },
        { key: 'p99', x: 300 },
      ],
      500,
    );
    expect(marks.map((m) => m.row)).toEqual([0, 0, 0]);
  });

  it('merges marks at the same spot into one label', () => {
    const marks = placeMarks(
      [
        { key: 'p50', x: 100 },
        { key: 'p90', x: 300 },
        { key: 'p99', x: 301 },
      ],
      500,
    );
    expect(marks.map((m) => m.label)).toEqual(['p50', 'p90/p99']);
  });

  it('near the right edge, where p99 flips to the left of its line, p90 and p99 do not print into each other', () => {
    // The old layout kept these in one row: p90 right of its line, p99 left of its own, on top of each other.
    const marks = placeMarks(
      [
        { key: 'p50', x: 200 },
        { key: 'p90', x: 460 },
        { key: 'p99', x: 486 },
      ],
      500,
    );
    expect(marks.find((m) => m.key === 'p99')?.anchor).toBe('end');
    expect(overlapping(marks)).toEqual([]);
  });

  it('three close marks use three rows rather than overlap', () => {
    const marks = placeMarks(
      [
        { key: 'p50', x: 100 },
        { key: 'p90', x: 108 },
        { key: 'p99', x: 116 },
      ],
      500,
    );
    expect(overlapping(marks)).toEqual([]);
    expect(Math.max(...marks.map((m) => m.row))).toBeLessThanOrEqual(2);
  });

  it('never overlaps labels in one row, wherever the marks fall', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 64, max: 486, noNaN: true }), { minLength: 3, maxLength: 3 }), (xs) => {
        const sorted = [...xs].sort((a, b) => a - b);
        const marks = placeMarks(
          ['p50', 'p90', 'p99'].map((key, i) => ({ key, x: sorted[i] as number })),
          486,
        );
        expect(overlapping(marks)).toEqual([]);
        expect(Math.max(...marks.map((m) => m.row))).toBeLessThanOrEqual(2);
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bandOfSpan, minimapRuns, type MinimapBandInput } from './minimap-bands';

/** The same picture the slow way: a grid of (band, column) cells per service, filled span by span. */
function naiveCells(input: MinimapBandInput): Set<string> {
  const cells = new Set<string>();
  const n = input.startUs.length;
  const scaleX = input.widthPx / (input.rangeEndUs - input.rangeStartUs);
  for (let i = 0; i < n; i++) {
    const x = (input.startUs[i]! - input.rangeStartUs) * scaleX;
    const from = Math.min(input.widthPx - 1, Math.max(0, Math.floor(x)));
    const to = Math.min(input.widthPx, Math.max(from + 1, Math.ceil(x + input.durationUs[i]! * scaleX)));
    for (let c = from; c < to; c++) cells.add(`${bandOfSpan(i, n, input.bands)}:${input.service[i]}:${c}`);
  }
  return cells;
}

function cellsOf(input: MinimapBandInput): Set<string> {
  const cells = new Set<string>();
  for (const run of minimapRuns(input)) {
    expect(run.toPx).toBeGreaterThan(run.fromPx);
    for (let c = run.fromPx; c < run.toPx; c++) cells.add(`${run.band}:${run.service}:${c}`);
  }
  return cells;
}

describe('minimapRuns', () => {
  it('merges overlapping bars of one service in a band into one run, per service', () => {
    // 4 spans, 2 bands: spans 0–1 in band 0, 2–3 in band 1. Range 0..100 µs on 10 px.
    const runs = minimapRuns({
      startUs: Float64Array.from([0, 30, 50, 55]),
      durationUs: Float64Array.from([40, 30, 10, 45]),
      service: Uint32Array.from([0, 0, 1, 0]),
      serviceCount: 2,
      rangeStartUs: 0,
      rangeEndUs: 100,
      widthPx: 10,
      bands: 2,
    });
    expect(runs).toEqual([
      { band: 0, service: 0, fromPx: 0, toPx: 6 },
      { band: 1, service: 0, fromPx: 5, toPx: 10 },
      { band: 1, service: 1, fromPx: 5, toPx: 6 },
    ]);
  });

  it('draws a bar of zero length as one column, and clamps bars to the canvas', () => {
    const runs = minimapRuns({
      startUs: Float64Array.from([-20, 100, 50]),
      durationUs: Float64Array.from([30, 50, 0]),
      service: Uint32Array.from([0, 0, 0]),
      serviceCount: 1,
      rangeStartUs: 0,
      rangeEndUs: 100,
      widthPx: 10,
      bands: 3,
    });
    expect(runs.map((r) => [r.band, r.fromPx, r.toPx])).toEqual([
      [0, 0, 1],
      [1, 9, 10],
      [2, 5, 6],
    ]);
  });

  it('covers exactly the cells the spans cover, for random traces', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ start: fc.integer({ min: -50, max: 1100 }), duration: fc.nat({ max: 800 }), service: fc.nat({ max: 4 }) }), { minLength: 1, maxLength: 300 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 40 }),
        (spans, widthPx, bands) => {
          const input: MinimapBandInput = {
            startUs: Float64Array.from(spans.map((s) => s.start)),
            durationUs: Float64Array.from(spans.map((s) => s.duration)),
            service: Uint32Array.from(spans.map((s) => s.service)),
            serviceCount: 5,
            rangeStartUs: 0,
            rangeEndUs: 1000,
            widthPx,
            bands,
          };
          expect(cellsOf(input)).toEqual(naiveCells(input));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('draws nothing for an empty trace or canvas', () => {
    const empty = { startUs: new Float64Array(0), durationUs: new Float64Array(0), service: new Uint32Array(0), serviceCount: 0, rangeStartUs: 0, rangeEndUs: 1, widthPx: 10, bands: 4 };
    expect(minimapRuns(empty)).toEqual([]);
    expect(minimapRuns({ ...empty, startUs: Float64Array.from([0]), durationUs: Float64Array.from([1]), service: Uint32Array.from([0]), serviceCount: 1, widthPx: 0 })).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { barGeometry, clampViewRange, fullViewRange, isFullView, rulerTicks, timeToFraction, zoomAround } from './time-scale';

describe('time scale', () => {
  it('a zero-length trace still has a usable view', () => {
    expect(fullViewRange(0)).toEqual({ startUs: 0, endUs: 1 });
  });

  it('clamps a view into the trace and turns it the right way round', () => {
    expect(clampViewRange({ startUs: 900, endUs: -50 }, 500)).toEqual({ startUs: 0, endUs: 500 });
    expect(clampViewRange({ startUs: 100, endUs: 100 }, 500)).toEqual({ startUs: 99.5, endUs: 100.5 });
    expect(clampViewRange({ startUs: NaN, endUs: 3 }, 500)).toEqual({ startUs: 0, endUs: 500 });
    // Wholly past the end (a zoom= made for a longer trace): the whole trace, not a sliver at its end.
    expect(clampViewRange({ startUs: 500_000_000, endUs: 900_000_000 }, 273_000)).toEqual({ startUs: 0, endUs: 273_000 });
    expect(clampViewRange({ startUs: 500, endUs: 900 }, 500)).toEqual({ startUs: 0, endUs: 500 });
    expect(isFullView({ startUs: 0, endUs: 500 }, 500)).toBe(true);
    expect(isFullView({ startUs: 1, endUs: 500 }, 500)).toBe(false);
  });

  it('places bars as fractions of the view and clips them', () => {
    const view = { startUs: 100, endUs: 300 };
    expect(timeToFraction(200, view)).toBe(0.5);
    expect(barGeometry(150, 50, view)).toEqual({ left: 0.25, width: 0.25, inView: true });
    expect(barGeometry(0, 150, view)).toEqual({ left: 0, width: 0.25, inView: true });
    expect(barGeometry(250, 1000, view)).toEqual({ left: 0.75, width: 0.25, inView: true });
    expect(barGeometry(400, 10, view).inView).toBe(false);
    expect(barGeometry(200, 0, view)).toEqual({ left: 0.5, width: 0, inView: true });
  });

  it('makes round ticks inside the view', () => {
    const ticks = rulerTicks({ startUs: 0, endUs: 1000 }, 900);
    expect(ticks.map((t) => t.timeUs)).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
    expect(ticks[5]?.at).toBe(0.5);
    const zoomed = rulerTicks({ startUs: 1234, endUs: 1300 }, 300);
    expect(zoomed.every((t) => t.timeUs >= 1234 && t.timeUs <= 1300)).toBe(true);
    expect(zoomed.length).toBeGreaterThanOrEqual(2);
  });

  it('zooms around a point and stays inside the trace', () => {
    expect(zoomAround({ startUs: 0, endUs: 1000 }, 0.5, 0.5, 1000)).toEqual({ startUs: 250, endUs: 750 });
    expect(zoomAround({ startUs: 0, endUs: 1000 }, 0.5, 4, 1000)).toEqual({ startUs: 0, endUs: 1000 });
  });
});

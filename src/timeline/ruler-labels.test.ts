import { describe, expect, it } from 'vitest';
import { rulerTickLabels } from './ruler-labels';
import { rulerTicks } from './time-scale';

const labelsOf = (startUs: number, endUs: number, widthPx = 900) => rulerTickLabels(rulerTicks({ startUs, endUs }, widthPx).map((t) => t.timeUs));

describe('rulerTickLabels', () => {
  it('keeps neighbouring ticks apart when zoomed deep into a trace', () => {
    const labels = labelsOf(205_101.151, 206_650.059);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels[0]).toBe('205.2 ms');
    expect(labels).toContain('206.0 ms');
  });

  it('uses one unit per ruler, with no decimals where the step is whole', () => {
    expect(labelsOf(0, 273_000)).toEqual(['0 ms', '20 ms', '40 ms', '60 ms', '80 ms', '100 ms', '120 ms', '140 ms', '160 ms', '180 ms', '200 ms', '220 ms', '240 ms', '260 ms']);
    expect(labelsOf(0, 1_500_000, 700)).toEqual(['0.0 s', '0.2 s', '0.4 s', '0.6 s', '0.8 s', '1.0 s', '1.2 s', '1.4 s']);
    expect(labelsOf(99.5, 100.5, 300)).toEqual(['99.5 µs', '100.0 µs', '100.5 µs']);
  });

  it('keeps minutes for long traces, and seconds with decimals when zoomed into one', () => {
    expect(labelsOf(0, 600_000_000, 500)).toEqual(['0 min', '1 min 40 s', '3 min 20 s', '5 min', '6 min 40 s', '8 min 20 s', '10 min']);
    const deep = labelsOf(3_600_000_000, 3_600_002_000, 300);
    expect(new Set(deep).size).toBe(deep.length);
    expect(deep[0]).toBe('3600.0000 s');
  });

  it('is empty for no ticks', () => {
    expect(rulerTickLabels([])).toEqual([]);
  });
});

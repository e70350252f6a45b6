import { describe, expect, it } from 'vitest';
import { labelCentreXPx, tooltipBox } from './results-scatter-plot';

describe('labelCentreXPx', () => {
  it('centres a label under its tick when it fits', () => {
    expect(labelCentreXPx(200, 50, 358)).toBe(200);
  });

  it('moves a label in from either edge so that none of it is cut off', () => {
    // A 50 px label at 350 px of a 358 px canvas would end at 375.
    expect(labelCentreXPx(350, 50, 358)).toBe(333);
    expect(labelCentreXPx(10, 50, 358)).toBe(25);
  });
});

describe('tooltipBox', () => {
  it('is never wider than what is left of the plot right of it', () => {
    // A 358 px plot (390 px window): the card moves left to 98 px and may be 260 px wide, not 320.
    expect(tooltipBox(350, 100, 358)).toEqual({ left: 98, top: 52, maxWidth: 260 });
    expect(tooltipBox(20, 30, 358)).toEqual({ left: 30, top: 0, maxWidth: 320 });
    // Narrower than the card itself: from the left edge, as wide as the plot.
    expect(tooltipBox(100, 100, 200)).toEqual({ left: 0, top: 52, maxWidth: 200 });
  });
});

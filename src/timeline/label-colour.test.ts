import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../lib/colour-contrast';
import { SERVICE_PALETTE } from '../lib/colour-scale';
import { labelColourOn } from './label-colour';

describe('labelColourOn', () => {
  it('picks black on light and white on dark colours', () => {
    expect(labelColourOn('#ffffff')).toBe('#020617');
    expect(labelColourOn('#000000')).toBe('#ffffff');
    expect(labelColourOn('#FFFF00')).toBe('#020617');
    expect(labelColourOn('#1e3a8a')).toBe('#ffffff');
  });

  it('keeps text on every service colour at 4.3:1 or better (white alone drops to 3.9:1)', () => {
    const worstWhite = Math.min(...SERVICE_PALETTE.map((c) => contrastRatio(c, '#ffffff')));
    expect(worstWhite).toBeLessThan(4);
    for (const colour of SERVICE_PALETTE) expect(contrastRatio(colour, labelColourOn(colour))).toBeGreaterThan(4.3);
  });

  it('falls back to white for colours it cannot read', () => {
    expect(labelColourOn('rebeccapurple')).toBe('#ffffff');
  });
});

import { describe, expect, it } from 'vitest';
import { SERVICE_PALETTE } from '../lib/colour-scale';
import { labelColourOn } from './label-colour';

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('labelColourOn', () => {
  it('picks black on light and white on dark colours', () => {
    expect(labelColourOn('#ffffff')).toBe('#020617');
    expect(labelColourOn('#000000')).toBe('#ffffff');
    expect(labelColourOn('#FFFF00')).toBe('#020617');
    expect(labelColourOn('#1e3a8a')).toBe('#ffffff');
  });

  it('keeps text on every service colour at 4.3:1 or better (white alone drops to 3.9:1)', () => {
    const worstWhite = Math.min(...SERVICE_PALETTE.map((c) => contrast(c, '#ffffff')));
    expect(worstWhite).toBeLessThan(4);
    for (const colour of SERVICE_PALETTE) expect(contrast(colour, labelColourOn(colour))).toBeGreaterThan(4.3);
  });

  it('falls back to white for colours it cannot read', () => {
    expect(labelColourOn('rebeccapurple')).toBe('#ffffff');
  });
});

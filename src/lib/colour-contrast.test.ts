import { describe, expect, it } from 'vitest';
import { contrastRatio, relativeLuminance } from './colour-contrast';

describe('contrastRatio', () => {
  it('matches the WCAG figures', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#777777')).toBe(1);
    // #767676 is the classic lightest grey with 4.5:1 on white.
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it('gives NaN for what is not #rrggbb', () => {
    expect(relativeLuminance('red')).toBeNaN();
    expect(relativeLuminance('#fff')).toBeNaN();
  });
});

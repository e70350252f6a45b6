import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../lib/colour-contrast';
import { HISTOGRAM_COLOURS } from './histogram-colours';

describe('histogram colours', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`every bar colour has 3:1 contrast on the ${theme} page background (WCAG 1.4.11)`, () => {
      const { background, all, errors } = HISTOGRAM_COLOURS[theme];
      expect(contrastRatio(all, background)).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(errors, background)).toBeGreaterThanOrEqual(3);
    });
  }

  it('takes as background the colours the page has (index.css)', () => {
    const css = readFileSync(path.resolve(__dirname, '../index.css'), 'utf8');
    expect(css).toMatch(/body \{\s*@apply bg-white [^;]*dark:bg-slate-950[ ;]/);
    expect(HISTOGRAM_COLOURS.light.background).toBe('#ffffff');
    // Tailwind 4's slate-950, oklch(12.9% 0.042 264.695), in sRGB.
    expect(HISTOGRAM_COLOURS.dark.background).toBe('#020618');
  });
});

import { describe, expect, it } from 'vitest';
import { contrastRatio } from './colour-contrast';
import { SERVICE_PALETTE, serviceColour, serviceColours } from './colour-scale';

describe('service colours', () => {
  it('every palette colour has 3:1 contrast on white and on the dark background', () => {
    for (const colour of SERVICE_PALETTE) {
      expect(contrastRatio(colour, '#ffffff')).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(colour, '#020617')).toBeGreaterThanOrEqual(3); // slate-950
    }
  });

  it('is stable per name and distinct within a trace', () => {
    expect(serviceColour('checkout')).toBe(serviceColour('checkout'));
    const names = Array.from({ length: SERVICE_PALETTE.length }, (_, i) => `service-${i}`);
    const colours = serviceColours(names);
    expect(new Set(colours).size).toBe(SERVICE_PALETTE.length);
    expect(serviceColours(['checkout'])[0]).toBe(serviceColour('checkout'));
    // A small trace gets one colour per hue family.
    const few = serviceColours(['redis-manual', 'frontend', 'route', 'customer', 'mysql', 'driver']);
    expect(new Set(few).size).toBe(6);
    // More services than colours: still one colour each, repeating.
    expect(serviceColours([...names, 'extra']).length).toBe(names.length + 1);
  });
});

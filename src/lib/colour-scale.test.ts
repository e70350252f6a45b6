import { describe, expect, it } from 'vitest';
import { SERVICE_PALETTE, serviceColour, serviceColours } from './colour-scale';

function luminance(hex: string): number {
  const channel = (i: number) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}
const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

describe('service colours', () => {
  it('every palette colour has 3:1 contrast on white and on the dark background', () => {
    const dark = luminance('#020617'); // slate-950
    for (const colour of SERVICE_PALETTE) {
      expect(contrast(luminance(colour), 1)).toBeGreaterThanOrEqual(3);
      expect(contrast(luminance(colour), dark)).toBeGreaterThanOrEqual(3);
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

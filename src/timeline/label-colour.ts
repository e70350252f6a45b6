// Text colour for labels drawn on top of a service colour (flame graph boxes, bar labels that
// have no room beside their bar).

/** WCAG relative luminance of a #rrggbb colour (NaN for anything else). */
function relativeLuminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return Number.NaN;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => {
    const c = parseInt(h ?? '0', 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

/**
 * Near-black or white, whichever contrasts more with the box. The service palette sits at mid
 * lightness, where white text alone falls below 4.5:1 on half of the hues.
 */
export function labelColourOn(boxColour: string): string {
  const l = relativeLuminance(boxColour);
  if (Number.isNaN(l)) return '#ffffff';
  const onWhite = 1.05 / (l + 0.05);
  const onBlack = (l + 0.05) / 0.05;
  return onBlack > onWhite ? '#020617' : '#ffffff';
}

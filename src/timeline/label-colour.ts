// Text colour for labels drawn on top of a service colour (flame graph boxes, bar labels that
// have no room beside their bar).

import { relativeLuminance } from '../lib/colour-contrast';

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

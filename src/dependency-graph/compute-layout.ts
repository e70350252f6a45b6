// One entry point for "lay this graph out this way", used by the worker and by the main-thread
// fallback (no Worker support, or the worker script failed to load).
import { forceLayout } from './force-layout';
import { layeredLayout } from './layered-layout';
import type { GraphLayout, LayoutInput, LayoutKind } from './layout-types';

export function computeLayout(kind: LayoutKind, input: LayoutInput): GraphLayout {
  return kind === 'force' ? forceLayout(input) : layeredLayout(input);
}

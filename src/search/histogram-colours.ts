// The duration histogram's bar colours, with the page background they are drawn on (index.css:
// body bg-white, dark:bg-slate-950; nothing between the page and the chart has a background).
// The bars are what the chart says, so each needs 3:1 against that background (WCAG 1.4.11). They
// are opaque: the former sky-600 at 60% opacity came out at 2.3:1 on white, and sky-400 at 50% at
// 3.0:1 on slate-950. The component reads these values (as CSS variables), and a test checks them.

export interface HistogramColours {
  /** The page background behind the chart. */
  background: string;
  /** Bars of all traces. */
  all: string;
  /** Bars of the traces with errors (drawn over the first ones). */
  errors: string;
}

export const HISTOGRAM_COLOURS: { light: HistogramColours; dark: HistogramColours } = {
  // Tailwind's white, sky-600 (4.0:1) and red-600 (4.8:1).
  light: { background: '#ffffff', all: '#0084d1', errors: '#e7000b' },
  // Tailwind's slate-950, sky-600 (5.0:1) and red-400 (7.0:1).
  dark: { background: '#020618', all: '#0084d1', errors: '#ff6467' },
};

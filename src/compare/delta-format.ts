// How a change of time is written and coloured in the comparison.
//
// Colour is never the only cue: every delta is also written as a signed number. Slower is warm
// (orange), faster is cool (blue); red is left to errors as in the rest of Skein. Each scale has
// four steps of strength, all of mid lightness so they read on light and dark backgrounds.

import { formatDurationUs } from '../lib/duration-format';

const MINUS = '\u2212';

/** `+640 ms`, `−1.2 s`, `±0`. */
export function formatDeltaUs(deltaUs: number): string {
  if (!Number.isFinite(deltaUs)) return '—';
  if (deltaUs === 0) return '±0';
  return `${deltaUs > 0 ? '+' : MINUS}${formatDurationUs(Math.abs(deltaUs))}`;
}

/** `+12 %`, `−40 %`; null when there is no baseline to compare with. */
export function formatDeltaPercent(deltaUs: number, baseUs: number): string | null {
  if (!(baseUs > 0) || !Number.isFinite(deltaUs)) return null;
  const percent = (deltaUs / baseUs) * 100;
  const rounded = Math.abs(percent) >= 10 ? Math.round(percent) : Math.round(percent * 10) / 10;
  if (rounded === 0) return '±0 %';
  return `${rounded > 0 ? '+' : MINUS}${Math.abs(rounded)} %`;
}

/** A signed count change: `+2`, `−1`, `±0`. */
export function formatCountDelta(delta: number): string {
  if (delta === 0) return '±0';
  return `${delta > 0 ? '+' : MINUS}${Math.abs(delta)}`;
}

export const NEUTRAL_COLOUR = '#94a3b8';
export const SLOWER_COLOURS = ['#f0a35e', '#e67e22', '#cf5f13', '#a9460c'] as const;
export const FASTER_COLOURS = ['#7fb2e8', '#4a8fd9', '#2a6fc2', '#1d5299'] as const;

/**
 * The colour of a delta relative to the larger of the two values (`scaleUs`). Changes below
 * `thresholdUs` are neutral; 10 %, 30 % and 60 % of the scale step up the strength.
 */
export function deltaColour(deltaUs: number, scaleUs: number, thresholdUs: number): string {
  if (!Number.isFinite(deltaUs) || Math.abs(deltaUs) < thresholdUs) return NEUTRAL_COLOUR;
  const relative = scaleUs > 0 ? Math.abs(deltaUs) / scaleUs : 1;
  const step = relative >= 0.6 ? 3 : relative >= 0.3 ? 2 : relative >= 0.1 ? 1 : 0;
  return (deltaUs > 0 ? SLOWER_COLOURS : FASTER_COLOURS)[step]!;
}

/** Words for a delta, for screen readers and tooltips: "500 ms slower", "1.2 s faster", "no change". */
export function deltaWords(deltaUs: number, thresholdUs: number): string {
  const words = changeWords(deltaUs, thresholdUs);
  return words === 'about the same' ? `${formatDeltaUs(deltaUs)}, ${words}` : words;
}

/**
 * The same words, for text that shows the delta itself beside them: below the threshold only
 * "about the same" (or "no change"), without repeating the number.
 */
export function changeWords(deltaUs: number, thresholdUs: number): string {
  if (Math.abs(deltaUs) < thresholdUs) return deltaUs === 0 ? 'no change' : 'about the same';
  return `${formatDurationUs(Math.abs(deltaUs))} ${deltaUs > 0 ? 'slower' : 'faster'}`;
}

/** A delta and its words, for text that shows both: "+500 ms (500 ms slower)", "+2 µs (about the same)". */
export function deltaWithWords(deltaUs: number, thresholdUs: number): string {
  return `${formatDeltaUs(deltaUs)} (${changeWords(deltaUs, thresholdUs)})`;
}

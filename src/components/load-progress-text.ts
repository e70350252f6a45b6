// The words and numbers of a load's progress, without React: the LoadProgress bar and the rows
// drawn before React has loaded (src/app/boot-trace-preview.ts) say the same.

import { formatCount } from '../lib/count-format';

export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1e6) return `${(bytes / 1e3).toFixed(0)} kB`;
  if (bytes < 1e9) return `${(bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0)} MB`;
  return `${(bytes / 1e9).toFixed(2)} GB`;
}

/** Percent done (0–100, whole numbers), or null when the total is unknown. */
export function percentDone(bytesLoaded: number, bytesTotal: number | null): number | null {
  if (bytesTotal === null || !(bytesTotal > 0)) return null;
  return Math.max(0, Math.min(100, Math.floor((bytesLoaded / bytesTotal) * 100)));
}

/** The bar's value (percent, or null when the total is unknown) and its text. */
export function loadProgressText(progress: {
  stepLabel?: string | undefined;
  bytesLoaded: number;
  bytesTotal: number | null;
  itemsDone?: number | undefined;
  itemsLabel: string;
}): { percent: number | null; valueText: string } {
  const { stepLabel, bytesLoaded, bytesTotal, itemsDone, itemsLabel } = progress;
  const percent = percentDone(bytesLoaded, bytesTotal);
  const amount = bytesTotal !== null ? `${formatBytes(bytesLoaded)} of ${formatBytes(bytesTotal)}` : formatBytes(bytesLoaded);
  const items = itemsDone !== undefined && itemsDone > 0 ? `${formatCount(itemsDone)} ${itemsLabel}` : null;
  return { percent, valueText: [stepLabel, amount, items].filter(Boolean).join(', ') };
}

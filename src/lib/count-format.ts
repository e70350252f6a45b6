// Whole numbers with thousands separators, as en-US writes them ("12,345").
//
// The same text as Number#toLocaleString('en-US'), without it: the first call of any locale-aware
// formatting loads the engine's locale data, about 20 ms on a slow machine, and the first rows a
// trace link draws before the app has loaded (src/app/boot-trace-preview.ts) cannot wait for it.

/** `count` rounded to a whole number, with a comma every three digits. */
export function formatCount(count: number): string {
  if (!Number.isFinite(count)) return String(count);
  const whole = Math.round(Math.abs(count));
  const digits = whole < 1e21 ? String(whole) : whole.toLocaleString('en-US');
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return count < 0 && whole !== 0 ? `-${grouped}` : grouped;
}

/** "1 span", "12,345 spans": a count with its noun, singular for exactly one. */
export function countOf(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

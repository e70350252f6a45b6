import { formatDurationUs } from '../lib/duration-format';

const UNITS = [
  { unit: 'µs', us: 1, below: 1_000 },
  { unit: 'ms', us: 1_000, below: 1_000_000 },
  { unit: 's', us: 1_000_000, below: Infinity },
] as const;

/**
 * Labels for a ruler's ticks (µs from the trace start), all in one unit and with as many decimals
 * as the step between ticks needs. Formatted one by one to three significant digits, ticks 0.1 ms
 * apart deep in a trace all read "205 ms".
 */
export function rulerTickLabels(ticksUs: readonly number[]): string[] {
  if (ticksUs.length === 0) return [];
  const largestUs = Math.max(...ticksUs.map(Math.abs));
  const stepUs = ticksUs.length > 1 ? Math.abs((ticksUs[1] ?? 0) - (ticksUs[0] ?? 0)) : 0;
  // Minutes and hours read better in the general format, as long as its precision is enough.
  if (largestUs >= 60_000_000 && stepUs >= 1_000_000 && stepUs % 1_000_000 === 0) return ticksUs.map((t) => (t === 0 ? '0 min' : formatDurationUs(t)));
  const { unit, us } = UNITS.find((u) => largestUs < u.below) ?? UNITS[2];
  const step = stepUs / us;
  // Steps are 1, 2 or 5 × 10^k (d3's ticks): 10^k needs -k decimals.
  const decimals = step > 0 ? Math.min(6, Math.max(0, Math.ceil(-Math.log10(step) - 1e-9))) : 0;
  return ticksUs.map((t) => `${(t / us).toFixed(decimals)} ${unit}`);
}

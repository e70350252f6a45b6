// The time window of the dependency page: a lookback (`1h`, `2d`, `4w`, as in Jaeger UI URLs)
// ending now, or an absolute start/end in epoch microseconds. Jaeger UI offers only one week;
// here any lookback works and the picker offers up to 30 days.

const US_PER_MIN = 60_000_000;
const UNIT_US: Record<string, number> = {
  m: US_PER_MIN,
  h: 60 * US_PER_MIN,
  d: 24 * 60 * US_PER_MIN,
  w: 7 * 24 * 60 * US_PER_MIN,
};

export const DEFAULT_LOOKBACK = '1d';

export const LOOKBACK_CHOICES: readonly { value: string; label: string }[] = [
  { value: '15m', label: 'Last 15 minutes' },
  { value: '1h', label: 'Last hour' },
  { value: '6h', label: 'Last 6 hours' },
  { value: '12h', label: 'Last 12 hours' },
  { value: '1d', label: 'Last day' },
  { value: '2d', label: 'Last 2 days' },
  { value: '7d', label: 'Last 7 days' },
  { value: '14d', label: 'Last 14 days' },
  { value: '30d', label: 'Last 30 days' },
];

/** `90m`, `1h`, `24h`, `2d`, `1w` (and Jaeger UI's `1h`-style values) → µs; null when unreadable or zero. */
export function parseLookback(text: string | null | undefined): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([mhdw])\s*$/i.exec(text ?? '');
  if (!match) return null;
  const us = Number(match[1]) * (UNIT_US[(match[2] ?? '').toLowerCase()] ?? 0);
  return us > 0 && Number.isFinite(us) ? Math.round(us) : null;
}

/** The next wider lookback choice, for "nothing here — widen it". null at the widest. */
export function widerLookback(lookbackUs: number): string | null {
  for (const choice of LOOKBACK_CHOICES) {
    if ((parseLookback(choice.value) ?? 0) > lookbackUs) return choice.value;
  }
  return null;
}

export type WindowSpec = { kind: 'lookback'; lookback: string; lookbackUs: number } | { kind: 'absolute'; startUs: number; endUs: number };

function readUs(text: string | null): number | null {
  if (text === null || !/^\d+$/.test(text.trim())) return null;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : null;
}

/** Reads `start`/`end` (epoch µs, both needed, end after start) or else `lookback` (default 1 day). */
export function windowSpecFromParams(params: URLSearchParams): WindowSpec {
  const startUs = readUs(params.get('start'));
  const endUs = readUs(params.get('end'));
  if (startUs !== null && endUs !== null && endUs > startUs) return { kind: 'absolute', startUs, endUs };
  const lookback = params.get('lookback') ?? '';
  const lookbackUs = parseLookback(lookback);
  if (lookbackUs !== null) return { kind: 'lookback', lookback: lookback.trim(), lookbackUs };
  return { kind: 'lookback', lookback: DEFAULT_LOOKBACK, lookbackUs: parseLookback(DEFAULT_LOOKBACK) ?? 0 };
}

export function resolveWindow(spec: WindowSpec, nowUs: number): { startUs: number; endUs: number } {
  return spec.kind === 'absolute' ? { startUs: spec.startUs, endUs: spec.endUs } : { startUs: nowUs - spec.lookbackUs, endUs: nowUs };
}

/** Writes the window into URL parameters (removing the other form). */
export function writeWindowParams(params: URLSearchParams, spec: WindowSpec): void {
  if (spec.kind === 'absolute') {
    params.delete('lookback');
    params.set('start', String(spec.startUs));
    params.set('end', String(spec.endUs));
  } else {
    params.delete('start');
    params.delete('end');
    params.set('lookback', spec.lookback);
  }
}

/** `Last 2 days`, or a plain description of a lookback not in the list. */
export function describeLookback(lookback: string): string {
  const known = LOOKBACK_CHOICES.find((choice) => choice.value === lookback);
  if (known) return known.label;
  const match = /^(\d+(?:\.\d+)?)([mhdw])$/i.exec(lookback);
  if (!match) return lookback;
  const unit = { m: 'minute', h: 'hour', d: 'day', w: 'week' }[(match[2] ?? 'h').toLowerCase()] ?? 'hour';
  return `Last ${match[1]} ${unit}${match[1] === '1' ? '' : 's'}`;
}

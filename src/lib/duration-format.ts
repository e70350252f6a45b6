// Durations for display and for URL/search parameters. Everything in Skein is microseconds.

const US_PER_MS = 1_000;
const US_PER_S = 1_000_000;
const US_PER_MIN = 60 * US_PER_S;
const US_PER_H = 60 * US_PER_MIN;

/** Three significant digits without trailing zeros: 840, 1.23, 12.5, 12. */
function threeDigits(value: number): string {
  const fixed = value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

/** Rounds like `threeDigits` does, to tell when a value would print as 1000 of its unit. */
function roundsToThousand(value: number): boolean {
  return Number(value.toFixed(0)) >= 1000;
}

/**
 * Short human duration: `0 µs`, `500 ns`, `12 µs`, `840 ms`, `1.23 s`, `2 min 3 s`, `1 h 5 min`.
 * Three significant digits below a minute; whole units above. Non-finite input gives an em dash.
 */
export function formatDurationUs(durationUs: number): string {
  if (!Number.isFinite(durationUs)) return '—';
  if (durationUs < 0) return `-${formatDurationUs(-durationUs)}`;
  if (durationUs === 0) return '0 µs';
  if (durationUs < 1) {
    const ns = Math.round(durationUs * 1000);
    if (ns < 1000) return `${Math.max(ns, 1)} ns`;
  }
  if (durationUs < US_PER_MS && !roundsToThousand(durationUs)) return `${threeDigits(Math.max(durationUs, 1))} µs`;
  const ms = durationUs / US_PER_MS;
  if (ms < 1000 && !roundsToThousand(ms)) return `${threeDigits(ms)} ms`;
  const s = durationUs / US_PER_S;
  if (s < 60 && Number(s.toFixed(s >= 10 ? 1 : 2)) < 60) return `${threeDigits(s)} s`;
  if (durationUs < US_PER_H - US_PER_S / 2) {
    const totalS = Math.round(durationUs / US_PER_S);
    const min = Math.floor(totalS / 60);
    const sec = totalS % 60;
    return sec === 0 ? `${min} min` : `${min} min ${sec} s`;
  }
  const totalMin = Math.round(durationUs / US_PER_MIN);
  const h = Math.floor(totalMin / 60);
  const min = totalMin % 60;
  return min === 0 ? `${h} h` : `${h} h ${min} min`;
}

/**
 * How long a request took: whole milliseconds below a second (`840 ms`), then the duration format
 * (`16.1 s`, not `16072 ms`).
 */
export function formatElapsedMs(elapsedMs: number): string {
  if (!Number.isFinite(elapsedMs)) return '—';
  return elapsedMs < 999.5 ? `${Math.round(elapsedMs)} ms` : formatDurationUs(elapsedMs * US_PER_MS);
}

const UNIT_US: Record<string, number> = {
  ns: 0.001,
  us: 1,
  'µs': 1, // micro sign U+00B5
  'μs': 1, // Greek mu U+03BC
  ms: US_PER_MS,
  s: US_PER_S,
  m: US_PER_MIN,
  min: US_PER_MIN,
  h: US_PER_H,
};

// One or more `<number><unit>` parts, as in Go durations (`1m30s`) and Jaeger's URL parameters.
const PART = /(\d+(?:\.\d*)?|\.\d+)\s*(ns|us|µs|μs|ms|min|s|m|h)/gy;

/**
 * Parses `1.2s`, `300ms`, `50us`, `50µs`, `2m`, `1h`, `1m30s` into microseconds.
 * Returns null for anything else: a bare number has no unit and is rejected, as are negatives.
 */
export function parseDuration(text: string): number | null {
  const input = text.trim().toLowerCase();
  if (input === '') return null;
  PART.lastIndex = 0;
  let totalUs = 0;
  let end = 0;
  for (;;) {
    while (input[end] === ' ') end++;
    if (end === input.length) break;
    PART.lastIndex = end;
    const match = PART.exec(input);
    if (match === null) return null;
    totalUs += Number(match[1]) * UNIT_US[match[2]!]!;
    end = PART.lastIndex;
  }
  return Number.isFinite(totalUs) ? totalUs : null;
}

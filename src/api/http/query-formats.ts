// Parameter formats the query APIs expect. Every backend counts time differently
// (API-NOTES §0.7): Jaeger api_v3 RFC 3339, Jaeger v1 epoch µs, Tempo unix seconds, Jaeger
// dependencies epoch ms; durations are Go duration strings everywhere.

/** Epoch µs → RFC 3339 with microsecond precision, UTC ("2026-01-05T10:00:00.000123Z"). */
export function usToRfc3339(epochUs: number): string {
  const us = Math.round(epochUs);
  const ms = Math.floor(us / 1000);
  const subMs = us - ms * 1000;
  const iso = new Date(ms).toISOString(); // …T10:00:00.000Z
  return `${iso.slice(0, -1)}${String(subMs).padStart(3, '0')}Z`;
}

function trimNumber(value: number): string {
  // At most 6 decimals: microsecond inputs never need more, and this avoids 0.30000000000000004.
  return String(Number(value.toFixed(6)));
}

/** µs → a Go duration in the largest unit that keeps it readable: 500us, 1.5ms, 1.2s. */
export function usToGoDuration(durationUs: number): string {
  const us = Math.max(0, durationUs);
  if (us < 1000) return `${trimNumber(us)}us`;
  if (us < 1_000_000) return `${trimNumber(us / 1000)}ms`;
  return `${trimNumber(us / 1_000_000)}s`;
}

/**
 * µs → seconds with an `s` suffix ("0.1s"): readable both by Go's time.ParseDuration and by the
 * protobuf-JSON Duration form, so it is safe for either Jaeger api_v3 gateway.
 */
export function usToSecondsDuration(durationUs: number): string {
  return `${trimNumber(Math.max(0, durationUs) / 1_000_000)}s`;
}

/** Epoch µs → unix seconds, rounded outward so the window still covers the asked range. */
export function usToUnixSecondsWindow(startUs: number, endUs: number): { start: number; end: number } {
  const start = Math.floor(startUs / 1_000_000);
  // Tempo requires end > start.
  const end = Math.max(Math.ceil(endUs / 1_000_000), start + 1);
  return { start, end };
}

/**
 * Decimal epoch-ns string → split µs; exact (the string is cut, never passed through Number).
 * Returns null when the text is not a non-negative integer.
 */
export function nsStringToUs(ns: unknown): number | null {
  if (typeof ns === 'number' && Number.isFinite(ns) && ns >= 0) return Math.floor(ns / 1000);
  if (typeof ns !== 'string' || !/^\d+$/.test(ns)) return null;
  if (ns.length <= 3) return 0;
  return Number(ns.slice(0, -3));
}

/** end − start of two decimal ns strings in µs (fractional), exact via BigInt. */
export function nsSpanToUs(startNs: string, endNs: string): number | null {
  if (!/^\d+$/.test(startNs) || !/^\d+$/.test(endNs)) return null;
  const diff = BigInt(endNs) - BigInt(startNs);
  if (diff < 0n) return 0;
  return Number(diff) / 1000;
}

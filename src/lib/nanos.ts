// Exact handling of epoch-nanosecond timestamps. Epoch nanoseconds (~1.7e18) exceed 2^53, so a
// whole value must never pass through `Number`. We split the decimal string into its microsecond
// part (16 digits, safe) and the sub-microsecond remainder (last 3 digits) instead: no BigInt and
// no regex per span, which matters when a worker parses 100k+ spans.

/** An absolute time split so it stays exact: integer epoch µs plus 0..999 ns. */
export interface EpochTime {
  us: number;
  nsRemainder: number;
}

const CHAR_0 = 48;
const CHAR_9 = 57;

function isDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < CHAR_0 || c > CHAR_9) return false;
  }
  return true;
}

/**
 * Parses epoch nanoseconds given as a decimal string (the OTLP/JSON form) or a number.
 * Returns null for anything that is not a non-negative integer.
 */
export function parseEpochNanos(value: unknown): EpochTime | null {
  if (typeof value === 'string') {
    let text = value;
    if (text.length > 0 && text.charCodeAt(0) === 43 /* + */) text = text.slice(1);
    if (!isDigits(text)) return null;
    if (text.length <= 3) return { us: 0, nsRemainder: Number(text) };
    // Past 2^53 µs (~ year 2255) the µs part would no longer be exact; refuse rather than round.
    if (text.length > 19) {
      const trimmed = text.replace(/^0+/, '');
      if (trimmed.length > 19) return null;
      text = trimmed.length <= 3 ? trimmed.padStart(4, '0') : trimmed;
    }
    const cut = text.length - 3;
    return { us: Number(text.slice(0, cut)), nsRemainder: Number(text.slice(cut)) };
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0 || !Number.isInteger(value)) return null;
    if (Number.isSafeInteger(value)) {
      const nsRemainder = value % 1000;
      return { us: (value - nsRemainder) / 1000, nsRemainder };
    }
    // Already rounded by JSON.parse; split the double's exact integer value without more loss.
    const big = BigInt(value);
    return { us: Number(big / 1000n), nsRemainder: Number(big % 1000n) };
  }
  if (typeof value === 'bigint') {
    if (value < 0n) return null;
    return { us: Number(value / 1000n), nsRemainder: Number(value % 1000n) };
  }
  return null;
}

/** Parses epoch microseconds (Jaeger, Zipkin): a number or a decimal string; fractions become ns. */
export function parseEpochMicros(value: unknown): EpochTime | null {
  let n: number;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string' && value.trim() !== '') n = Number(value);
  else return null;
  if (!Number.isFinite(n) || n < 0) return null;
  const us = Math.floor(n);
  return { us, nsRemainder: Math.min(999, Math.round((n - us) * 1000)) };
}

/**
 * end − start in microseconds (fractional for ns precision). The difference is formed in whole
 * nanoseconds first (exact below ~104 days), so the one division gives the closest double.
 */
export function durationUsBetween(start: EpochTime, end: EpochTime): number {
  return ((end.us - start.us) * 1000 + (end.nsRemainder - start.nsRemainder)) / 1000;
}

/** Absolute time as fractional epoch µs (events): loses sub-µs precision only at ~0.25 µs. */
export function toFractionalUs(time: EpochTime): number {
  return time.us + time.nsRemainder / 1000;
}

/** The exact decimal epoch-nanoseconds string of a split time. */
export function toNanosString(time: EpochTime): string {
  if (time.us === 0) return String(time.nsRemainder);
  return `${time.us}${String(time.nsRemainder).padStart(3, '0')}`;
}

const UNIT_NS: Record<string, number> = {
  ns: 1,
  us: 1e3,
  'µs': 1e3,
  'μs': 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

/**
 * Parses a duration string in Go form ("1.2s", "500us", "1m30s", "5000ns") or protobuf-JSON form
 * ("0.005s"), or a plain number of seconds' JSON form. Returns nanoseconds, or null if unreadable.
 */
export function parseDurationNanos(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  let text = value.trim();
  if (text === '') return null;
  let sign = 1;
  if (text[0] === '-' || text[0] === '+') {
    if (text[0] === '-') sign = -1;
    text = text.slice(1);
  }
  if (text === '0') return 0;
  let total = 0;
  let i = 0;
  let parts = 0;
  while (i < text.length) {
    const numStart = i;
    while (i < text.length && ((text.charCodeAt(i) >= CHAR_0 && text.charCodeAt(i) <= CHAR_9) || text[i] === '.')) i++;
    if (i === numStart) return null;
    const numText = text.slice(numStart, i);
    const unitStart = i;
    while (i < text.length && !(text.charCodeAt(i) >= CHAR_0 && text.charCodeAt(i) <= CHAR_9) && text[i] !== '.') i++;
    const factor = UNIT_NS[text.slice(unitStart, i)];
    const n = Number(numText);
    if (factor === undefined || !Number.isFinite(n)) return null;
    total += n * factor;
    parts++;
  }
  return parts === 0 ? null : sign * Math.round(total);
}

/**
 * Parses an RFC 3339 timestamp with up to nanosecond precision and a `Z` or ±hh:mm offset
 * (Jaeger api_v2 protobuf JSON). Returns null when the text is not of that form.
 */
export function parseRfc3339(value: unknown): EpochTime | null {
  if (typeof value !== 'string') return null;
  const m = RFC3339.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const epochMs = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (!Number.isFinite(epochMs)) return null;
  let offsetMin = 0;
  if (zone !== undefined && zone !== 'Z' && zone !== 'z') {
    const zs = zone[0] === '-' ? -1 : 1;
    offsetMin = zs * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  }
  const fracNs = frac ? Number(frac.slice(0, 9).padEnd(9, '0')) : 0;
  const fracRem = fracNs % 1000;
  const us = (epochMs - offsetMin * 60_000) * 1000 + (fracNs - fracRem) / 1000;
  if (us < 0) return null;
  return { us, nsRemainder: fracRem };
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|z|[+-]\d{2}:\d{2})$/;

// Trace and span ID normalisation (DESIGN.md §2): lower-case hex, left-padded to 16 or 32 chars;
// base64 IDs (Tempo, protobuf JSON) decoded to hex; anything else kept as an opaque string so
// that synthetic IDs such as `trace-123` still link spans together.

export type IdKind = 'trace' | 'span';

const HEX_DIGITS = '0123456789abcdef';

/** Character code → 6-bit value for both base64 alphabets (std `+/` and URL-safe `-_`); -1 otherwise. */
const BASE64_VALUE: Int8Array = (() => {
  const table = new Int8Array(128).fill(-1);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i;
  table['+'.charCodeAt(0)] = 62;
  table['-'.charCodeAt(0)] = 62;
  table['/'.charCodeAt(0)] = 63;
  table['_'.charCodeAt(0)] = 63;
  return table;
})();

function isHexCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

function isHex(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) if (!isHexCode(text.charCodeAt(i))) return false;
  return true;
}

/** Decodes base64 (either alphabet, padded or not) of exactly `byteCount` bytes to lower hex; else null. */
export function base64ToHex(text: string, byteCount: number): string | null {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 61 /* = */) end--;
  const padding = text.length - end;
  const unpaddedLength = Math.ceil((byteCount * 4) / 3);
  if (end !== unpaddedLength) return null;
  if (padding !== 0 && text.length !== Math.ceil(byteCount / 3) * 4) return null;
  let hex = '';
  let buffer = 0;
  let bits = 0;
  let bytes = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? (BASE64_VALUE[c] ?? -1) : -1;
    if (v < 0) return null;
    buffer = (buffer << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      const byte = (buffer >> bits) & 0xff;
      if (bytes < byteCount) hex += HEX_DIGITS[byte >> 4]! + HEX_DIGITS[byte & 15]!;
      bytes++;
    }
  }
  // Leftover bits must be zero in canonical base64; otherwise this is not an ID we produced.
  if ((buffer & ((1 << bits) - 1)) !== 0 || bytes !== byteCount) return null;
  return hex;
}

/**
 * Normalises a trace or span ID. Hex (any case, 1–32 digits) becomes lower case, left-padded to
 * 16 (span; trace IDs of ≤16 digits) or 32 (longer trace IDs); base64 of 16 (trace) / 8 (span)
 * bytes becomes hex; numbers are read as their decimal text; anything else is kept as given.
 * Missing IDs become ''.
 */
export function normaliseId(raw: unknown, kind: IdKind): string {
  let text: string;
  if (typeof raw === 'string') text = raw.trim();
  else if (typeof raw === 'number' && Number.isFinite(raw)) text = String(raw);
  else return '';
  if (text.length === 0) return '';
  if (text.length <= 32 && isHex(text)) {
    const lower = text.toLowerCase();
    if (lower.length <= 16) return lower.padStart(16, '0');
    return kind === 'trace' ? lower.padStart(32, '0') : lower;
  }
  const decoded = base64ToHex(text, kind === 'trace' ? 16 : 8);
  return decoded ?? text;
}

function isAllZeroHex(id: string): boolean {
  for (let i = 0; i < id.length; i++) if (id.charCodeAt(i) !== 48) return false;
  return true;
}

/**
 * Normalises a parent span ID: absent, empty and all-zero parents (hex or base64) mean "root" and
 * become null.
 */
export function normaliseParentId(raw: unknown): string | null {
  const id = normaliseId(raw, 'span');
  if (id === '' || isAllZeroHex(id)) return null;
  return id;
}

/**
 * Normalises a user-typed or backend-returned trace ID for comparison: 32 lower-case hex chars
 * (Tempo search trims leading zeros, 64-bit IDs are 16 chars). Non-ID text is returned trimmed.
 */
export function normaliseTraceIdForLookup(userText: string): string {
  let text = userText.trim();
  if (text.length > 2 && text[0] === '0' && (text[1] === 'x' || text[1] === 'X')) text = text.slice(2);
  if (text.length > 0 && text.length <= 32 && isHex(text)) return text.toLowerCase().padStart(32, '0');
  const decoded = base64ToHex(text, 16) ?? base64ToHex(text, 8);
  if (decoded !== null) return decoded.padStart(32, '0');
  return text;
}

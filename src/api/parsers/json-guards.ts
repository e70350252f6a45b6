// Small type guards for walking untrusted JSON. Every parser reads input through these so that
// any field may have any type without throwing (the fuzz tests rely on it).

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The array itself, or an empty array for anything that is not one. */
export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : EMPTY;
}

const EMPTY: readonly unknown[] = Object.freeze([]);

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A display string for names: strings as-is, numbers and booleans as text, else ''. */
export function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

/** Reads a field that producers spell in lowerCamelCase or snake_case (OTLP, see API-NOTES §2.1). */
export function field(obj: JsonObject, camel: string, snake: string): unknown {
  const v = obj[camel];
  return v === undefined ? obj[snake] : v;
}

/** Reads a non-negative count; negative values are clamped to 0 and reported through `onNegative`. */
export function readCount(value: unknown, onNegative: () => void): number {
  let n: number;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string' && value !== '') n = Number(value);
  else return 0;
  if (!Number.isFinite(n)) return 0;
  if (n < 0) {
    onNegative();
    return 0;
  }
  return Math.floor(n);
}

// A small seeded random source. The demo must be reproducible byte for byte across runs,
// browsers and Node, so we never touch Math.random: everything flows from a 32-bit seed.

/** 32-bit integer mix (murmur3 finaliser): spreads nearby inputs over the whole range. */
export function mix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Combines several 32-bit numbers into one well-mixed unsigned 32-bit hash. */
export function hash32(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    h = mix32(h ^ Math.imul((part | 0) ^ (Math.floor(part / 0x100000000) | 0), 0x27d4eb2f));
    h = (h + 0x632be59b) | 0;
  }
  return mix32(h);
}

/** FNV-1a over UTF-16 code units; stable names → stable numbers. */
export function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const SQRT_3 = 1.7320508075688772;
const LN2 = 0.6931471805599453;

/**
 * e^x from + − × ÷ only. Math.exp is "implementation-approximated" in ECMAScript, so browsers may
 * differ in the last bit, and a rounded latency could then differ: this keeps traces identical
 * across engines. Accurate to ~1e-15 relative for the |x| < 20 we use.
 */
export function exactExp(x: number): number {
  const k = Math.round(x / LN2);
  const r = x - k * LN2;
  let term = 1;
  let sum = 1;
  for (let i = 1; i <= 14; i++) {
    term = (term * r) / i;
    sum += term;
  }
  let scale = 1;
  for (let i = 0; i < Math.abs(k); i++) scale *= 2;
  return k >= 0 ? sum * scale : sum / scale;
}

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /**
   * A latency-like value: log-normal around `medianUs` with spread `sigma` (0.3 = tight,
   * 1 = long tail), rounded to whole microseconds and at least 1.
   */
  latencyUs(medianUs: number, sigma?: number): number;
  /** A fresh 32-bit seed, for deriving independent sub-streams. */
  seed(): number;
}

/** mulberry32: tiny, fast, and good enough for synthetic data. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new RangeError('pick() from an empty list');
      return items[Math.floor(next() * items.length)] as T;
    },
    latencyUs: (medianUs, sigma = 0.45) => {
      // Irwin–Hall: the sum of four uniforms, centred and scaled to unit variance, is close
      // enough to a normal for latencies and needs no Math.log/cos (see exactExp).
      const gaussian = (next() + next() + next() + next() - 2) * SQRT_3;
      return Math.max(1, Math.round(medianUs * exactExp(sigma * gaussian)));
    },
    seed: () => Math.floor(next() * 4294967296) >>> 0,
  };
}

import { describe, expect, it } from 'vitest';
import { API_V3_MEMORY_KEY, API_V3_MEMORY_TTL_MS, storedApiV3Memory, type KeyValueStorage } from './api-v3-memory';

function mapStorage(initial: Record<string, string> = {}): KeyValueStorage & { map: Map<string, string> } {
  const map = new Map(Object.entries(initial));
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
}

describe('storedApiV3Memory', () => {
  it('remembers a server without api_v3 for a day, per base URL', () => {
    const storage = mapStorage();
    let now = 1_000_000;
    const memory = storedApiV3Memory(storage, () => now);
    memory.rememberMissing('http://a/jaeger/');
    expect(memory.knowsMissing('http://a/jaeger/')).toBe(true);
    expect(memory.knowsMissing('http://b/jaeger/')).toBe(false);
    // Another page (a new memory over the same storage) knows it too.
    expect(storedApiV3Memory(storage, () => now).knowsMissing('http://a/jaeger/')).toBe(true);
    now += API_V3_MEMORY_TTL_MS;
    expect(memory.knowsMissing('http://a/jaeger/')).toBe(false);
  });

  it('forgets a server, keeping the others', () => {
    const storage = mapStorage();
    const memory = storedApiV3Memory(storage, () => 5);
    memory.rememberMissing('http://a/');
    memory.rememberMissing('http://b/');
    memory.forget('http://a/');
    expect(memory.knowsMissing('http://a/')).toBe(false);
    expect(memory.knowsMissing('http://b/')).toBe(true);
    expect(JSON.parse(storage.map.get(API_V3_MEMORY_KEY)!)).toEqual({ 'http://b/': 5 });
  });

  it('reads unreadable or foreign values as nothing known, and survives a storage that throws', () => {
    for (const value of ['not json', '[1,2]', 'null', '{"http://a/":"yesterday"}']) {
      expect(storedApiV3Memory(mapStorage({ [API_V3_MEMORY_KEY]: value })).knowsMissing('http://a/')).toBe(false);
    }
    const throwing: KeyValueStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
    };
    const memory = storedApiV3Memory(throwing);
    expect(() => memory.rememberMissing('http://a/')).not.toThrow();
    expect(memory.knowsMissing('http://a/')).toBe(false);
    expect(storedApiV3Memory(null).knowsMissing('http://a/')).toBe(false);
  });
});

// Which Jaeger servers have no api_v3, remembered across page loads. A Jaeger 1.x server answers
// every api_v3 request with a 404, so each page opened on a trace link (a new page, hence a new
// backend instance) paid that round trip before asking /api/traces. Knowing it from an earlier
// page lets the first trace request go to v1 at once.
//
// What is remembered expires after a day, and is forgotten as soon as any api_v3 request is
// answered (the server was upgraded) or v1 turns out to be missing (jaeger-backend.ts).

export interface ApiV3Memory {
  /** Whether the server at this (resolved) base URL was found to have no api_v3, recently. */
  knowsMissing(baseUrl: string): boolean;
  rememberMissing(baseUrl: string): void;
  forget(baseUrl: string): void;
}

/** What is used of localStorage (tests pass a Map-backed one). */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

export const API_V3_MEMORY_KEY = 'skein:jaeger-servers-without-api-v3';
export const API_V3_MEMORY_TTL_MS = 24 * 60 * 60 * 1000;

/** localStorage when the page may use it (it throws in some sandboxed frames), else null. */
function pageStorage(): KeyValueStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** Base URL → when it was found to have no api_v3 (epoch ms). */
type Remembered = Record<string, number>;

export function storedApiV3Memory(storage: KeyValueStorage | null = pageStorage(), nowMs: () => number = Date.now): ApiV3Memory {
  const read = (): Remembered => {
    try {
      const value: unknown = JSON.parse(storage?.getItem(API_V3_MEMORY_KEY) ?? '{}');
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
      const fresh: Remembered = {};
      for (const [url, at] of Object.entries(value)) {
        if (typeof at === 'number' && nowMs() - at < API_V3_MEMORY_TTL_MS) fresh[url] = at;
      }
      return fresh;
    } catch {
      return {}; // unreadable: as if nothing were known
    }
  };
  const write = (remembered: Remembered): void => {
    try {
      storage?.setItem(API_V3_MEMORY_KEY, JSON.stringify(remembered));
    } catch {
      // full or refused: the next page probes api_v3 again, as without this memory
    }
  };
  return {
    knowsMissing: (baseUrl) => baseUrl in read(),
    rememberMissing: (baseUrl) => write({ ...read(), [baseUrl]: nowMs() }),
    forget: (baseUrl) => {
      const remembered = read();
      if (!(baseUrl in remembered)) return;
      delete remembered[baseUrl];
      write(remembered);
    },
  };
}

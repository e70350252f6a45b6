// A streaming scanner for trace JSON that never holds the whole body as one string (a 1M-span
// Jaeger body is ~0.9 GB, past the longest string an engine can hold). It reads text chunks,
// tracks the container/key path, and hands over:
// - the span objects found at the known span paths, as array-body text (`{…},{…}`) in batches,
//   so the caller can JSON.parse many spans per call;
// - everything else (the "skeleton": processes, resources, scopes, envelope fields), as JSON text
//   per context (a Jaeger trace object, an OTLP ResourceSpans or ScopeSpans) when it closes.
// In the skeleton every span array is empty, except that a non-object entry is kept as `null`, so
// the normal parsers still count it as skipped. The scanner does not validate JSON outside what it
// needs; the span batches and the skeleton are validated by JSON.parse.

/** The format of the span objects at a span path. */
export type SpanPathFormat = 'jaeger' | 'otlp';

/** Containers whose skeleton the caller needs: they give spans their trace ID, process, resource or scope. */
export type ContextKind = 'jaeger-trace' | 'otlp-resource' | 'otlp-scope';

export interface ScannerSink {
  contextOpen(kind: ContextKind): void;
  /** `arrayBody` is `{…},{…}`: JSON.parse(`[${arrayBody}]`) gives `count` span objects. */
  spans(format: SpanPathFormat, arrayBody: string, count: number): void;
  /** `json` is the context object's skeleton text. */
  contextClose(kind: ContextKind, json: string): void;
}

// Roles of containers on the path. Only these few paths matter; everything else is OTHER.
const enum Role {
  Other,
  DocObject,
  DocArray,
  OtlpWrapper,
  JaegerTraceList,
  JaegerTrace,
  JaegerSpans,
  OtlpResourceList,
  OtlpResource,
  OtlpScopeList,
  OtlpScope,
  OtlpSpans,
}

const CONTEXT_OF_ROLE: Partial<Record<Role, ContextKind>> = {
  [Role.DocObject]: 'jaeger-trace',
  [Role.JaegerTrace]: 'jaeger-trace',
  [Role.OtlpResource]: 'otlp-resource',
  [Role.OtlpScope]: 'otlp-scope',
};

const RESOURCE_LIST_KEYS = new Set(['resourceSpans', 'resource_spans', 'batches']);
const SCOPE_LIST_KEYS = new Set([
  'scopeSpans',
  'scope_spans',
  'instrumentationLibrarySpans',
  'instrumentation_library_spans',
]);

/** Role of a container that opens as the value of `key` (objects) or an element (key null) in a `parent`. */
function childRole(parent: Role, key: string | null, isArray: boolean): Role {
  switch (parent) {
    case Role.DocObject:
      if (!isArray) return key === 'result' || key === 'trace' ? Role.OtlpWrapper : Role.Other;
      if (key === 'data') return Role.JaegerTraceList;
      if (key === 'spans') return Role.JaegerSpans;
      return key !== null && RESOURCE_LIST_KEYS.has(key) ? Role.OtlpResourceList : Role.Other;
    case Role.DocArray:
    case Role.JaegerTraceList:
      return isArray ? Role.Other : Role.JaegerTrace;
    case Role.OtlpWrapper:
      return isArray && key !== null && RESOURCE_LIST_KEYS.has(key) ? Role.OtlpResourceList : Role.Other;
    case Role.JaegerTrace:
      return isArray && key === 'spans' ? Role.JaegerSpans : Role.Other;
    case Role.OtlpResourceList:
      return isArray ? Role.Other : Role.OtlpResource;
    case Role.OtlpResource:
      return isArray && key !== null && SCOPE_LIST_KEYS.has(key) ? Role.OtlpScopeList : Role.Other;
    case Role.OtlpScopeList:
      return isArray ? Role.Other : Role.OtlpScope;
    case Role.OtlpScope:
      return isArray && key === 'spans' ? Role.OtlpSpans : Role.Other;
    default:
      return Role.Other;
  }
}

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;
const COLON = 58;

function isWhitespace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

export interface ScannerOptions {
  /** Span text gathered before a batch is handed over (chars). Default 1 MB. */
  batchChars?: number;
  /**
   * The first batches are smaller: this many chars (default 64 KB), doubling with every batch up
   * to batchChars. A preview of the first rows then waits for ~100 spans, not for a megabyte.
   */
  firstBatchChars?: number;
  /** Skeleton text beyond which the scanner gives up (the document is not mostly spans). */
  maxSkeletonChars?: number;
}

export class SkeletonTooLargeError extends Error {
  constructor(chars: number) {
    super(`More than ${chars} characters of the document lie outside span lists.`);
    this.name = 'SkeletonTooLargeError';
  }
}

export class JsonSpanScanner {
  private readonly sink: ScannerSink;
  private readonly batchChars: number;
  /** The size the current batch is handed over at: grows from firstBatchChars to batchChars. */
  private batchLimit: number;
  private readonly maxSkeletonChars: number;

  // ---- container path -----------------------------------------------------------------------
  private readonly roles: Role[] = [];
  private readonly isArray: boolean[] = [];
  /** The last key read in each object frame (null in arrays). */
  private readonly keys: (string | null)[] = [];
  /** Skeleton position (part index, offset) where each context frame began. */
  private readonly contextStart: { part: number; offset: number }[] = [];
  /** In an object: the next string is a key. */
  private expectKey = false;
  /** In a span array: an entry has begun since the last comma (to write `null` once per entry). */
  private entryStarted = false;

  // ---- strings ----------------------------------------------------------------------------
  private inString = false;
  private stringIsKey = false;
  private pendingEscape = false;
  private keyParts: string[] = [];

  // ---- capture (span objects) and discard (non-object entries of span arrays) -----------
  /** Nesting level inside the captured value; 0 = not capturing. */
  private captureLevel = 0;
  private captureDiscard = false;
  private captureFormat: SpanPathFormat = 'jaeger';
  /** Span text of the current batch, and where the current chunk's captured run began. */
  private batch: string[] = [];
  private batchLength = 0;
  private batchCount = 0;
  private batchNeedsComma = false;
  private runStart = -1;
  private runEnd = -1;

  // ---- skeleton -----------------------------------------------------------------------------
  private readonly skeleton: string[] = [];
  private skeletonLength = 0;
  private copyFrom = 0;

  /** Top-level values seen (more than one = JSON Lines or garbage). */
  topLevelValues = 0;
  /** Span objects handed over so far. */
  spanCount = 0;
  /** Characters consumed so far. */
  charCount = 0;

  constructor(sink: ScannerSink, options: ScannerOptions = {}) {
    this.sink = sink;
    this.batchChars = options.batchChars ?? 1 << 20;
    this.batchLimit = Math.min(this.batchChars, options.firstBatchChars ?? 64 << 10);
    this.maxSkeletonChars = options.maxSkeletonChars ?? 64 << 20;
  }

  /** True when a value is open (the document is incomplete). */
  get isIncomplete(): boolean {
    return this.roles.length > 0 || this.captureLevel > 0 || this.inString;
  }

  /** The skeleton so far (the whole document minus span objects). */
  skeletonText(): string {
    return this.skeleton.join('');
  }

  push(s: string): void {
    const n = s.length;
    this.charCount += n;
    this.copyFrom = this.copying() ? 0 : -1;
    this.runStart = this.captureLevel > 0 && !this.captureDiscard ? 0 : -1;
    this.runEnd = -1;
    this.keyStartInChunk = 0;
    let i = 0;
    while (i < n) {
      if (this.inString) {
        const end = this.skipString(s, i);
        if (end < 0) {
          i = n;
          break;
        }
        this.endString(s, end);
        i = end + 1;
        continue;
      }
      if (this.captureLevel > 0) {
        i = this.scanCapture(s, i);
        continue;
      }
      i = this.step(s, i);
    }
    this.endChunk(s);
  }

  /** Whether text at the current point is copied to the skeleton. */
  private copying(): boolean {
    if (this.captureLevel > 0) return false;
    const top = this.roles.length - 1;
    return top < 0 || !isSpanArray(this.roles[top]!);
  }

  private endChunk(s: string): void {
    if (this.copyFrom >= 0 && this.copyFrom < s.length) this.appendSkeleton(s.slice(this.copyFrom));
    if (this.runStart >= 0) {
      // A run of captured spans reaches the chunk end; it continues in the next chunk.
      const end = this.captureLevel > 0 ? s.length : this.runEnd;
      if (end > this.runStart) this.addToBatch(s.slice(this.runStart, end));
      this.runStart = -1;
    }
    this.runEnd = -1;
  }

  private appendSkeleton(text: string): void {
    this.skeleton.push(text);
    this.skeletonLength += text.length;
    if (this.skeletonLength > this.maxSkeletonChars) throw new SkeletonTooLargeError(this.maxSkeletonChars);
  }

  private addToBatch(text: string): void {
    this.batch.push(text);
    this.batchLength += text.length;
  }

  /** Hands the gathered spans over (at a size threshold, a span array end, or a context end). */
  private flushBatch(): void {
    if (this.batchCount === 0) return;
    const body = this.batch.length === 1 ? this.batch[0]! : this.batch.join('');
    const count = this.batchCount;
    this.batch = [];
    this.batchLength = 0;
    this.batchCount = 0;
    this.batchNeedsComma = false;
    // (The lone first span does not count as a batch: the next one still gets firstBatchChars.)
    if (this.spanCount > 0) this.batchLimit = Math.min(this.batchChars, this.batchLimit * 2);
    this.spanCount += count;
    this.sink.spans(this.captureFormat, body, count);
  }

  /** Ends the current chunk's run of captured text at `end` and puts it into the batch. */
  private closeRun(s: string): void {
    if (this.runStart >= 0 && this.runEnd > this.runStart) this.addToBatch(s.slice(this.runStart, this.runEnd));
    this.runStart = -1;
    this.runEnd = -1;
  }

  /**
   * Finds the closing quote of a string from `i` (inside the string). Returns its index, or -1
   * when the chunk ends first (with `pendingEscape` set if it ends inside an escape).
   */
  private skipString(s: string, i: number): number {
    const n = s.length;
    if (this.pendingEscape) {
      if (i >= n) return -1;
      this.pendingEscape = false;
      i++;
    }
    for (;;) {
      const q = s.indexOf('"', i);
      if (q < 0) {
        let k = n - 1;
        while (k >= i && s.charCodeAt(k) === BACKSLASH) k--;
        this.pendingEscape = (n - 1 - k) % 2 === 1;
        if (this.stringIsKey && this.captureLevel === 0) this.keyParts.push(s.slice(this.keyStartInChunk, n));
        return -1;
      }
      let k = q - 1;
      while (k >= i && s.charCodeAt(k) === BACKSLASH) k--;
      if ((q - 1 - k) % 2 === 0) return q;
      i = q + 1;
    }
  }

  /** Where the key text of the current chunk starts (its opening quote + 1, or 0 when resumed). */
  private keyStartInChunk = 0;

  private endString(s: string, end: number): void {
    this.inString = false;
    if (this.captureLevel > 0 || !this.stringIsKey) return;
    let raw = s.slice(this.keyStartInChunk, end);
    if (this.keyParts.length > 0) {
      raw = this.keyParts.join('') + raw;
      this.keyParts = [];
    }
    this.keys[this.keys.length - 1] = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
    this.expectKey = false;
  }

  /** Inside a captured (or discarded) value: count nesting, skip strings, stop at its end. */
  private scanCapture(s: string, i: number): number {
    const n = s.length;
    let level = this.captureLevel;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c === QUOTE) {
        this.inString = true;
        this.stringIsKey = false;
        const end = this.skipString(s, i + 1);
        if (end < 0) {
          this.captureLevel = level;
          return n;
        }
        this.inString = false;
        i = end + 1;
        continue;
      }
      if (c === OPEN_BRACE || c === OPEN_BRACKET) level++;
      else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        level--;
        if (level === 0) {
          this.captureLevel = 0;
          this.endCapture(s, i + 1);
          return i + 1;
        }
      }
      i++;
    }
    this.captureLevel = level;
    return n;
  }

  private endCapture(s: string, end: number): void {
    if (this.captureDiscard) {
      this.captureDiscard = false;
      return;
    }
    this.runEnd = end;
    this.batchCount++;
    this.batchNeedsComma = true;
    // The very first span goes alone, so the caller can check the format before much is read.
    if (this.spanCount === 0 || this.batchLength + (end - this.runStart) >= this.batchLimit) {
      this.closeRun(s);
      this.flushBatch();
    }
  }

  /** One step outside captures and strings. Returns the next index. */
  private step(s: string, i: number): number {
    const c = s.charCodeAt(i);
    if (isWhitespace(c)) return i + 1;
    const top = this.roles.length - 1;
    const role = top >= 0 ? this.roles[top]! : Role.Other;
    const inSpanArray = top >= 0 && isSpanArray(role);

    if (inSpanArray) return this.stepInSpanArray(s, i, c, role);

    switch (c) {
      case QUOTE: {
        if (top < 0) this.topLevelValues++;
        const isKey = top >= 0 && !this.isArray[top]! && this.expectKey;
        this.inString = true;
        this.stringIsKey = isKey;
        this.keyStartInChunk = i + 1;
        this.keyParts = [];
        return i + 1;
      }
      case OPEN_BRACE:
      case OPEN_BRACKET:
        this.openContainer(s, i, c === OPEN_BRACKET);
        return i + 1;
      case CLOSE_BRACE:
      case CLOSE_BRACKET:
        this.closeContainer(s, i);
        return i + 1;
      case COMMA:
        if (top >= 0 && !this.isArray[top]!) this.expectKey = true;
        return i + 1;
      case COLON:
        return i + 1;
      default:
        if (top < 0) {
          // A top-level number or literal: count it once, then skip its characters.
          this.topLevelValues++;
          let j = i + 1;
          while (j < s.length && !isWhitespace(s.charCodeAt(j)) && s.charCodeAt(j) !== OPEN_BRACE && s.charCodeAt(j) !== OPEN_BRACKET && s.charCodeAt(j) !== QUOTE) j++;
          return j;
        }
        return i + 1;
    }
  }

  private stepInSpanArray(s: string, i: number, c: number, role: Role): number {
    if (c === COMMA) {
      this.entryStarted = false;
      return i + 1;
    }
    if (c === CLOSE_BRACKET) {
      this.closeRun(s);
      this.flushBatch();
      this.copyFrom = i; // the `]` and what follows go to the skeleton again
      this.closeContainer(s, i);
      return i + 1;
    }
    if (c === OPEN_BRACE && !this.entryStarted) {
      this.entryStarted = true;
      if (this.runStart < 0) {
        this.runStart = i;
        if (this.batchNeedsComma) this.addToBatch(',');
      }
      this.captureLevel = 1;
      this.captureDiscard = false;
      this.captureFormat = role === Role.JaegerSpans ? 'jaeger' : 'otlp';
      return i + 1;
    }
    // Anything else is an entry that is not an object: kept as `null` so parsers count it as skipped.
    if (!this.entryStarted) {
      this.entryStarted = true;
      this.closeRun(s);
      this.appendSkeleton(this.skeletonEntryCount() > 0 ? ',null' : 'null');
      this.nullEntries[this.nullEntries.length - 1]!++;
    }
    if (c === QUOTE) {
      this.inString = true;
      this.stringIsKey = false;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      this.captureLevel = 1;
      this.captureDiscard = true;
    }
    return i + 1;
  }

  /** `null` entries written to the skeleton for each open span array. */
  private readonly nullEntries: number[] = [];
  private skeletonEntryCount(): number {
    return this.nullEntries[this.nullEntries.length - 1] ?? 0;
  }

  private openContainer(s: string, i: number, isArray: boolean): void {
    const top = this.roles.length - 1;
    let role: Role;
    if (top < 0) {
      this.topLevelValues++;
      role = isArray ? Role.DocArray : Role.DocObject;
    } else {
      role = childRole(this.roles[top]!, this.isArray[top]! ? null : this.keys[top]!, isArray);
    }
    this.roles.push(role);
    this.isArray.push(isArray);
    this.keys.push(null);
    this.expectKey = !isArray;
    const context = CONTEXT_OF_ROLE[role];
    if (context !== undefined) {
      this.contextStart.push(this.skeletonPosition(s, i));
      this.sink.contextOpen(context);
    }
    if (isSpanArray(role)) {
      // Copy up to and including `[`, then stop copying until the array closes.
      if (this.copyFrom >= 0) this.appendSkeleton(s.slice(this.copyFrom, i + 1));
      this.copyFrom = -1;
      this.entryStarted = false;
      this.nullEntries.push(0);
      this.batchNeedsComma = false;
    }
  }

  private closeContainer(s: string, i: number): void {
    const top = this.roles.length - 1;
    if (top < 0) return; // stray close: JSON.parse of the skeleton reports it
    const role = this.roles[top]!;
    if (isSpanArray(role)) this.nullEntries.pop();
    const context = CONTEXT_OF_ROLE[role];
    if (context !== undefined) {
      // The context's skeleton ends with this `}`: flush the copy segment through it.
      if (this.copyFrom >= 0) {
        this.appendSkeleton(s.slice(this.copyFrom, i + 1));
        this.copyFrom = i + 1;
      }
      const start = this.contextStart.pop()!;
      this.flushBatch();
      this.sink.contextClose(context, this.skeletonSince(start));
    }
    this.roles.pop();
    this.isArray.pop();
    this.keys.pop();
    // After a value inside an object, a comma comes before the next key.
    this.expectKey = false;
  }

  private skeletonPosition(s: string, i: number): { part: number; offset: number } {
    // Flush the pending copy segment so the context starts at a part boundary.
    if (this.copyFrom >= 0 && i > this.copyFrom) {
      this.appendSkeleton(s.slice(this.copyFrom, i));
      this.copyFrom = i;
    }
    return { part: this.skeleton.length, offset: 0 };
  }

  private skeletonSince(start: { part: number; offset: number }): string {
    if (start.part === 0) return this.skeleton.join('');
    return this.skeleton.slice(start.part).join('');
  }
}

function isSpanArray(role: Role): boolean {
  return role === Role.JaegerSpans || role === Role.OtlpSpans;
}

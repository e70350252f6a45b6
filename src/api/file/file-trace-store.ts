// Traces opened from files live only in memory, in this store, for the lifetime of the page.
// Spans are kept per source file so that a trace spread over several files (e.g. a late root in a
// later export) is merged, and re-opening the same file replaces its spans instead of doubling them.
import type { LoadedTrace } from '../backend';
import type { RawSpan, TraceSummary, WireFormat } from '../../model/types';

export interface FileTraceSource {
  /** Identifies one opened file: re-opening the same file replaces its spans. */
  fileKey: string;
  fileName: string;
  format: WireFormat;
  spans: RawSpan[];
  /** The document as read (parsed JSON, or the text for NDJSON), for the raw view and download. */
  raw: unknown;
}

export interface FileTraceEntry {
  traceId: string;
  loaded: LoadedTrace;
  summary: TraceSummary;
  sources: FileTraceSource[];
  /** When the trace was (last) opened, epoch ms; the files list shows newest first. */
  openedAtMs: number;
}

type Listener = () => void;

export class FileTraceStore {
  private readonly entries = new Map<string, FileTraceEntry>();
  private readonly listeners = new Set<Listener>();
  /** A new array on every change, so React's useSyncExternalStore sees the update. */
  private snapshot: readonly FileTraceEntry[] = [];

  get(traceId: string): FileTraceEntry | undefined {
    return this.entries.get(traceId);
  }

  /** Entries, most recently opened first. Stable identity between changes. */
  list(): readonly FileTraceEntry[] {
    return this.snapshot;
  }

  put(entry: FileTraceEntry): void {
    this.entries.set(entry.traceId, entry);
    this.changed();
  }

  remove(traceId: string): void {
    if (this.entries.delete(traceId)) this.changed();
  }

  clear(): void {
    if (this.entries.size === 0) return;
    this.entries.clear();
    this.changed();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.snapshot = [...this.entries.values()].sort((a, b) => b.openedAtMs - a.openedAtMs);
    for (const listener of this.listeners) listener();
  }
}

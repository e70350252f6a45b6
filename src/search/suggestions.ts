// Autocomplete for the tags field (logfmt) and the TraceQL box: from the text and the caret, decide
// whether a name or a value is being typed, ask the backend (through callbacks the route passes in)
// and return what to insert where. No React here, so it is tested directly. The TraceQL resolver is
// in traceql-suggestions.ts, loaded only for backends that speak TraceQL.
import { formatLogfmtValue, logfmtCaretContext } from '../lib/logfmt';
import type { TraceqlValueType } from '../lib/traceql';

export interface Suggestion {
  label: string;
  /** Text that replaces [from, to). */
  insert: string;
  detail?: string;
}

export interface SuggestionResult {
  items: Suggestion[];
  from: number;
  to: number;
}

export type SuggestionResolver = (text: string, caret: number, signal: AbortSignal) => Promise<SuggestionResult | null>;

/** What the backend can tell us for autocomplete; every loader is optional. */
export interface TagSuggestionSource {
  /** Attribute names usable as logfmt tag keys (`http.status_code`). */
  loadTagNames?: (signal: AbortSignal) => Promise<string[]>;
  loadTagValues?: (tag: string, signal: AbortSignal) => Promise<string[]>;
  /** TraceQL identifiers with their scope (`resource.service.name`, `span.http.status_code`). */
  loadTraceqlNames?: (signal: AbortSignal) => Promise<string[]>;
  loadTraceqlValues?: (identifier: string, signal: AbortSignal) => Promise<{ value: string; type?: TraceqlValueType }[]>;
}

const MAX_ITEMS = 50;

function matches(candidate: string, prefix: string): boolean {
  return prefix === '' || candidate.toLowerCase().includes(prefix.toLowerCase());
}

/** Prefix matches first, then substring matches; alphabetical inside each group. */
export function rank(candidates: readonly string[], prefix: string): string[] {
  const lower = prefix.toLowerCase();
  const hits = candidates.filter((c) => matches(c, prefix));
  hits.sort((a, b) => {
    const pa = a.toLowerCase().startsWith(lower) ? 0 : 1;
    const pb = b.toLowerCase().startsWith(lower) ? 0 : 1;
    return pa - pb || a.localeCompare(b);
  });
  return hits.slice(0, MAX_ITEMS);
}

export function logfmtSuggestionResolver(source: TagSuggestionSource): SuggestionResolver {
  return async (text, caret, signal) => {
    const context = logfmtCaretContext(text, caret);
    if (context.part === 'key') {
      if (!source.loadTagNames) return null;
      const names = rank(await source.loadTagNames(signal), context.prefix);
      // Skip the popup when the only suggestion is what is already typed.
      if (names.length === 0 || (names.length === 1 && names[0] === context.key)) return null;
      return { items: names.map((name) => ({ label: name, insert: `${name}=` })), from: context.from, to: context.to };
    }
    if (!source.loadTagValues || context.key === '') return null;
    const values = rank(await source.loadTagValues(context.key, signal), context.prefix);
    if (values.length === 0) return null;
    return {
      items: values.map((value) => ({ label: value, insert: `${formatLogfmtValue(value)} ` })),
      from: context.from,
      to: context.to,
    };
  };
}

/** Applies a picked suggestion; returns the new text and where the caret goes. */
export function applySuggestion(text: string, result: SuggestionResult, suggestion: Suggestion): { text: string; caret: number } {
  const next = text.slice(0, result.from) + suggestion.insert + text.slice(result.to).replace(/^ /, suggestion.insert.endsWith(' ') ? '' : ' ');
  return { text: next, caret: result.from + suggestion.insert.length };
}

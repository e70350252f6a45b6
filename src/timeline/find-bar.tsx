// Find in trace: the query box, match count, next/previous, highlight vs show-only-matches, and
// jumps to the next/previous error. The box keeps its own text and reports it after a pause that
// grows with the trace (a search of a small trace is cheaper than a keystroke), so typing stays
// fluid on large traces while the URL (find=) still follows.

import { useEffect, useId, useRef, useState, type RefObject } from 'react';

export type FindMode = 'highlight' | 'filter';

interface FindBarProps {
  query: string;
  onQueryChange(query: string): void;
  matchCount: number;
  /** 0-based position of the current match, or -1. */
  currentPosition: number;
  onNext(): void;
  onPrevious(): void;
  mode: FindMode;
  onModeChange(mode: FindMode): void;
  /** Errors the jumps can reach: with "show only matches" on, only those among the shown rows. */
  errorCount: number;
  onNextError(): void;
  onPreviousError(): void;
  inputRef: RefObject<HTMLInputElement | null>;
  /** How long typing must pause before the query is sent, ms (default 150). */
  debounceMs?: number;
  /** The user is about to search (focus, first keystroke): a chance to prepare the search. */
  onPrepare?(): void;
}

const DEFAULT_DEBOUNCE_MS = 150;
const noErrorTitle = 'No error among the rows shown';
const smallButton =
  'rounded border border-slate-300 bg-white px-2 py-0.5 text-xs text-slate-800 hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-50 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700';

export function FindBar(props: FindBarProps) {
  const { query, onQueryChange, onPrepare } = props;
  const debounceMs = props.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const [text, setText] = useState(query);
  const lastSent = useRef(query);
  const inputId = useId();

  // Follow the query when it changes from outside (back button, link), not when we sent it.
  useEffect(() => {
    if (query !== lastSent.current) {
      lastSent.current = query;
      setText(query);
    }
  }, [query]);

  useEffect(() => {
    if (text === lastSent.current) return;
    const timer = window.setTimeout(() => {
      lastSent.current = text;
      onQueryChange(text);
    }, debounceMs);
    return () => window.clearTimeout(timer);
  }, [text, onQueryChange, debounceMs]);

  const hasQuery = query.trim() !== '';
  return (
    <div className="flex flex-wrap items-center gap-1.5" role="group" aria-label="Find in trace">
      <label htmlFor={inputId} className="sr-only">
        Find in trace
      </label>
      <input
        id={inputId}
        ref={props.inputRef}
        type="search"
        value={text}
        placeholder="Find: service, name, key=value, span ID"
        onFocus={onPrepare}
        onChange={(e) => {
          onPrepare?.();
          setText(e.target.value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            // Send a pending edit at once, so Enter never acts on a stale query.
            if (text !== lastSent.current) {
              lastSent.current = text;
              onQueryChange(text);
            } else if (e.shiftKey) props.onPrevious();
            else props.onNext();
          } else if (e.key === 'Escape' && text !== '') {
            e.preventDefault();
            e.stopPropagation();
            setText('');
          }
        }}
        className="w-80 rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 placeholder:text-slate-500 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:placeholder:text-slate-400"
      />
      <span className="min-w-[5.5rem] text-xs text-slate-700 tabular-nums dark:text-slate-300" role="status" aria-live="polite">
        {hasQuery
          ? props.matchCount === 0
            ? 'No matches'
            : `${props.currentPosition >= 0 ? `${props.currentPosition + 1} of ` : ''}${props.matchCount} ${props.matchCount === 1 ? 'match' : 'matches'}`
          : ''}
      </span>
      <button type="button" className={smallButton} onClick={props.onPrevious} disabled={props.matchCount === 0} aria-label="Previous match" title="Previous match (Shift+Enter)">
        ↑
      </button>
      <button type="button" className={smallButton} onClick={props.onNext} disabled={props.matchCount === 0} aria-label="Next match" title="Next match (Enter)">
        ↓
      </button>
      <label className="ml-1 flex items-center gap-1 text-xs text-slate-700 dark:text-slate-300">
        <input
          type="checkbox"
          checked={props.mode === 'filter'}
          onChange={(e) => props.onModeChange(e.target.checked ? 'filter' : 'highlight')}
        />
        Show only matches
      </label>
      <span className="mx-1 h-4 w-px bg-slate-300 dark:bg-slate-600" aria-hidden="true" />
      <button type="button" className={smallButton} onClick={props.onPreviousError} disabled={props.errorCount === 0} title={props.errorCount === 0 ? noErrorTitle : 'Previous error (Shift+E)'}>
        ↑ Previous error
      </button>
      <button type="button" className={smallButton} onClick={props.onNextError} disabled={props.errorCount === 0} title={props.errorCount === 0 ? noErrorTitle : 'Next error (E)'}>
        ↓ Next error
      </button>
    </div>
  );
}

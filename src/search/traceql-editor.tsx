// The TraceQL box: a textarea over a highlighted copy of its text (same font and wrapping), so
// users see attributes, strings and operators apart, and the first mistake underlined as they type.
import { useId, useMemo, useRef, type KeyboardEvent } from 'react';
import { tokenizeTraceql, validateTraceql, type TraceqlTokenKind } from '../lib/traceql';
import { Button } from '../components/button';
import { errorTextClass, hintClass, labelClass } from './field-styles';
import type { SuggestionResolver } from './suggestions';
import { useSuggestField } from './use-suggest-field';

const TOKEN_CLASS: Partial<Record<TraceqlTokenKind, string>> = {
  brace: 'text-slate-500 dark:text-slate-400',
  paren: 'text-slate-500 dark:text-slate-400',
  operator: 'text-fuchsia-700 dark:text-fuchsia-300',
  string: 'text-emerald-700 dark:text-emerald-300',
  number: 'text-amber-700 dark:text-amber-300',
  duration: 'text-amber-700 dark:text-amber-300',
  attribute: 'text-sky-700 dark:text-sky-300',
  intrinsic: 'text-indigo-700 dark:text-indigo-300',
  keyword: 'text-orange-700 dark:text-orange-300',
  function: 'text-teal-700 dark:text-teal-300',
  identifier: 'text-red-700 dark:text-red-300',
  invalid: 'text-red-700 dark:text-red-300',
};

// Identical box metrics for the textarea and the highlight layer, or the caret drifts.
const layerClass = 'col-start-1 row-start-1 m-0 min-h-16 w-full px-2 py-1.5 font-mono text-sm leading-5 break-words whitespace-pre-wrap';

export interface TraceqlEditorProps {
  value: string;
  onChange: (value: string) => void;
  resolver: SuggestionResolver | null;
  /** Writes TraceQL from the simple fields. */
  onBuildFromFields: () => void;
  onSubmit: () => void;
  /** Validation message shown after a submit attempt. */
  error?: string;
}

export function TraceqlEditor({ value, onChange, resolver, onBuildFromFields, onSubmit, error }: TraceqlEditorProps) {
  const id = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const highlightRef = useRef<HTMLPreElement>(null);
  const tokens = useMemo(() => tokenizeTraceql(value), [value]);
  const problem = useMemo(() => (value.trim() === '' ? null : validateTraceql(value)), [value]);
  const field = useSuggestField({
    value,
    onChange,
    resolver,
    controlRef: ref,
    label: 'TraceQL',
    multiline: true,
    // Enter runs the query (queries are one line); Shift+Enter adds a line.
    onKeyDownClosed: (event: KeyboardEvent<HTMLTextAreaElement>) => {
      if (event.key === 'Enter' && !event.shiftKey) {
        event.preventDefault();
        onSubmit();
      }
    },
  });
  const message = error ?? (problem ? `${problem.message} (column ${problem.from + 1})` : undefined);

  return (
    <div className="relative">
      <div className="flex items-baseline justify-between gap-2">
        <label htmlFor={id} className={labelClass}>
          TraceQL
        </label>
        <Button variant="ghost" className="!px-1.5 !py-0.5 text-xs" onClick={onBuildFromFields}>
          Build from fields
        </Button>
      </div>
      <div
        className={
          'mt-1 grid rounded-md border bg-white focus-within:ring-2 focus-within:ring-sky-500/40 dark:bg-slate-900 ' +
          (message ? 'border-red-600 dark:border-red-400' : 'border-slate-300 focus-within:border-sky-600 dark:border-slate-600')
        }
      >
        <pre ref={highlightRef} aria-hidden="true" className={`${layerClass} pointer-events-none overflow-hidden text-slate-900 dark:text-slate-100`}>
          {tokens.map((token) => {
            const isProblem = problem !== null && token.from < Math.max(problem.to, problem.from + 1) && token.to > problem.from;
            return (
              <span
                key={token.from}
                className={`${TOKEN_CLASS[token.kind] ?? ''} ${isProblem ? 'underline decoration-red-600 decoration-wavy dark:decoration-red-400' : ''}`}
              >
                {token.text}
              </span>
            );
          })}
          {/* A trailing newline needs a character after it to take up a line. */}
          {value.endsWith('\n') ? ' ' : null}
        </pre>
        <textarea
          ref={ref}
          id={id}
          name="q"
          rows={2}
          spellCheck={false}
          autoComplete="off"
          className={`${layerClass} resize-none overflow-hidden bg-transparent text-transparent caret-slate-900 outline-none placeholder:text-slate-400 dark:caret-slate-100 dark:placeholder:text-slate-500`}
          placeholder='{ resource.service.name = "frontend" && status = error }'
          value={value}
          aria-invalid={message ? true : undefined}
          aria-describedby={`${id}-hint`}
          onChange={(event) => onChange(event.target.value)}
          onScroll={(event) => {
            if (highlightRef.current) highlightRef.current.scrollTop = event.currentTarget.scrollTop;
          }}
          {...field.controlProps}
        />
      </div>
      {field.popup}
      {message ? (
        <p id={`${id}-hint`} className={errorTextClass}>
          {message}
        </p>
      ) : (
        <p id={`${id}-hint`} className={hintClass}>
          When set, Tempo searches with this query instead of the fields above. Enter runs it, Shift+Enter adds a line.
        </p>
      )}
    </div>
  );
}

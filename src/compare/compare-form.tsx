// "Compare with…": two trace IDs (or pasted links, or Jaeger's `A...B`) and, when there is more
// than one backend, where each trace comes from.

import { useId, useState, type FormEvent } from 'react';
import { Button } from '../components/button';
import { ErrorAlert } from '../components/error-alert';
import { parseComparePair, parseCompareTraceId } from './parse-compare-input';

export interface CompareTarget {
  traceId: string;
  backendId: string;
}

export interface CompareFormProps {
  backends: readonly { id: string; name: string }[];
  initialA: CompareTarget;
  initialB: CompareTarget;
  onCompare(a: CompareTarget, b: CompareTarget): void;
  /** Heading text; the form is also named by it. */
  title?: string;
}

const input =
  'w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 font-mono text-sm dark:border-slate-600 dark:bg-slate-900';

export function CompareForm({ backends, initialA, initialB, onCompare, title = 'Compare with…' }: CompareFormProps) {
  const id = useId();
  const [a, setA] = useState(initialA.traceId);
  const [b, setB] = useState(initialB.traceId);
  const [backendA, setBackendA] = useState(initialA.backendId);
  const [backendB, setBackendB] = useState(initialB.backendId);
  const [message, setMessage] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // One pasted Jaeger comparison fills both sides.
    const pair = b.trim() === '' ? parseComparePair(a) : null;
    if (pair) {
      setMessage(null);
      onCompare({ traceId: pair.a, backendId: backendA }, { traceId: pair.b, backendId: backendB });
      return;
    }
    const first = parseCompareTraceId(a);
    const second = parseCompareTraceId(b);
    if (!first.ok) return setMessage(`Trace A: ${first.message}`);
    if (!second.ok) return setMessage(`Trace B: ${second.message}`);
    setMessage(null);
    onCompare({ traceId: first.traceId, backendId: backendA }, { traceId: second.traceId, backendId: backendB });
  };

  const showBackends = backends.length > 1;
  const side = (label: 'A' | 'B', value: string, set: (v: string) => void, backend: string, setBackend: (v: string) => void) => (
    <div className="min-w-0 flex-1 space-y-1">
      <label className="block text-sm font-medium" htmlFor={`${id}-${label}`}>
        Trace {label}
      </label>
      <input
        id={`${id}-${label}`}
        className={input}
        value={value}
        onChange={(e) => set(e.target.value)}
        name={`traceId${label}`}
        autoComplete="off"
        spellCheck={false}
        placeholder="Trace ID or link"
      />
      {showBackends ? (
        <label className="flex items-center gap-2 text-xs text-slate-700 dark:text-slate-300">
          From
          <select
            value={backend}
            onChange={(e) => setBackend(e.target.value)}
            className="rounded border border-slate-300 bg-white px-1 py-0.5 text-xs dark:border-slate-600 dark:bg-slate-900"
            aria-label={`Backend of trace ${label}`}
          >
            {backends.map((option) => (
              <option key={option.id} value={option.id}>
                {option.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
    </div>
  );

  return (
    <form onSubmit={submit} aria-labelledby={`${id}-title`} noValidate className="space-y-3 rounded-md border border-slate-200 p-3 dark:border-slate-800">
      <h2 id={`${id}-title`} className="text-sm font-semibold">
        {title}
      </h2>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Paste trace IDs or links to traces (a Jaeger comparison link <code>A...B</code> in the first box fills both).
      </p>
      <div className="flex flex-col gap-3 md:flex-row">
        {side('A', a, setA, backendA, setBackendA)}
        {side('B', b, setB, backendB, setBackendB)}
      </div>
      {message ? <ErrorAlert title="Cannot compare yet">{message}</ErrorAlert> : null}
      <Button type="submit" variant="primary">
        Compare
      </Button>
    </form>
  );
}

import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { parseTraceIdInput } from '../lib/parse-trace-id-input';
import { traceHref, useBackendFromUrl } from './use-backend-from-url';

/** "Go to trace": a trace ID opens on the current backend. */
export function TraceIdForm() {
  const navigate = useNavigate();
  const { backendId } = useBackendFromUrl();
  const [text, setText] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const inputId = useId();
  const messageId = useId();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = parseTraceIdInput(text);
    if (!parsed.ok) {
      setMessage(parsed.message);
      return;
    }
    setMessage(null);
    setText('');
    void navigate(traceHref(parsed.traceId, backendId));
  };

  return (
    <form onSubmit={submit} className="relative flex items-center" aria-label="Go to trace" noValidate>
      <label htmlFor={inputId} className="sr-only">
        Trace ID
      </label>
      <input
        id={inputId}
        name="traceId"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          if (message) setMessage(null);
        }}
        placeholder="Trace ID"
        autoComplete="off"
        spellCheck={false}
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? messageId : undefined}
        className={
          'w-44 rounded-l-md border border-slate-300 bg-white px-2 py-1.5 font-mono text-sm ' +
          'placeholder:font-sans placeholder:text-slate-400 focus:border-sky-500 lg:w-64 ' +
          'dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 ' +
          (message ? 'border-red-500 dark:border-red-500' : '')
        }
      />
      <button
        type="submit"
        className="rounded-r-md border border-l-0 border-slate-300 bg-slate-100 px-3 py-1.5 text-sm font-medium hover:bg-slate-200 dark:border-slate-600 dark:bg-slate-800 dark:hover:bg-slate-700"
      >
        Go
      </button>
      {message ? (
        <p
          id={messageId}
          role="alert"
          className="absolute top-full left-0 z-20 mt-1 w-72 rounded-md border border-red-300 bg-red-50 px-2 py-1 text-xs text-red-900 shadow dark:border-red-800 dark:bg-red-950 dark:text-red-100"
        >
          {message}
        </p>
      ) : null}
    </form>
  );
}

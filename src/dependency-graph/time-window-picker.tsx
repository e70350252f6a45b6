// Picks the dependency window: a lookback up to 30 days, or a custom start and end.
import { useId, useState } from 'react';
import { Button } from '../components/button';
import { LOOKBACK_CHOICES, describeLookback, parseLookback, type WindowSpec } from './time-window';

export interface TimeWindowPickerProps {
  spec: WindowSpec;
  /** The window actually queried, for pre-filling the custom range. */
  resolved: { startUs: number; endUs: number };
  onChange: (spec: WindowSpec) => void;
}

const CUSTOM = 'custom';
const fieldClass =
  'rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100';

/** Epoch µs ↔ the local `YYYY-MM-DDTHH:MM` of <input type="datetime-local">. */
function toLocalInput(epochUs: number): string {
  const date = new Date(Math.floor(epochUs / 1000));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function fromLocalInput(text: string): number | null {
  const ms = new Date(text).getTime();
  return Number.isFinite(ms) ? ms * 1000 : null;
}

export function TimeWindowPicker({ spec, resolved, onChange }: TimeWindowPickerProps) {
  const selectId = useId();
  const [custom, setCustom] = useState(spec.kind === 'absolute');
  const [start, setStart] = useState(() => toLocalInput(resolved.startUs));
  const [end, setEnd] = useState(() => toLocalInput(resolved.endUs));
  const [problem, setProblem] = useState<string | null>(null);
  const selected = custom ? CUSTOM : spec.kind === 'lookback' ? spec.lookback : CUSTOM;
  const known = LOOKBACK_CHOICES.some((choice) => choice.value === selected) || selected === CUSTOM;

  const applyCustom = (event: React.FormEvent) => {
    event.preventDefault();
    const startUs = fromLocalInput(start);
    const endUs = fromLocalInput(end);
    if (startUs === null || endUs === null) return setProblem('Enter both a start and an end.');
    if (endUs <= startUs) return setProblem('The end must be after the start.');
    setProblem(null);
    onChange({ kind: 'absolute', startUs, endUs });
  };

  return (
    <div className="flex flex-wrap items-end gap-2">
      <div className="flex flex-col">
        <label htmlFor={selectId} className="text-xs font-medium text-slate-600 dark:text-slate-300">
          Time window
        </label>
        <select
          id={selectId}
          className={fieldClass}
          value={selected}
          onChange={(event) => {
            const value = event.target.value;
            if (value === CUSTOM) {
              setStart(toLocalInput(resolved.startUs));
              setEnd(toLocalInput(resolved.endUs));
              setCustom(true);
              return;
            }
            setCustom(false);
            onChange({ kind: 'lookback', lookback: value, lookbackUs: parseLookback(value) ?? 0 });
          }}
        >
          {known ? null : <option value={selected}>{describeLookback(selected)}</option>}
          {LOOKBACK_CHOICES.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
          <option value={CUSTOM}>Custom range…</option>
        </select>
      </div>
      {custom ? (
        <form className="flex flex-wrap items-end gap-2" onSubmit={applyCustom} aria-label="Custom time window">
          <label className="flex flex-col text-xs font-medium text-slate-600 dark:text-slate-300">
            From
            <input type="datetime-local" className={fieldClass} value={start} onChange={(event) => setStart(event.target.value)} />
          </label>
          <label className="flex flex-col text-xs font-medium text-slate-600 dark:text-slate-300">
            To
            <input type="datetime-local" className={fieldClass} value={end} onChange={(event) => setEnd(event.target.value)} />
          </label>
          <Button type="submit">Apply</Button>
          {problem ? (
            <p role="alert" className="text-sm text-red-700 dark:text-red-300">
              {problem}
            </p>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}

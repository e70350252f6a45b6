// Picks the dependency window: a lookback up to 30 days, or a custom start and end. The custom
// range is typed in the app's time zone (the UTC toggle: UTC or the browser's zone), as on the
// search page, and says which zone that is.
import { useId, useState } from 'react';
import { Button } from '../components/button';
import { dateTimeLocalToEpochUs, epochUsToDateTimeLocal } from '../lib/datetime-local';
import { describeTimeZone, type TimeZonePreference } from '../lib/time-format';
import { usePreferencesStore } from '../state/preferences-store';
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

export function TimeWindowPicker({ spec, resolved, onChange }: TimeWindowPickerProps) {
  const selectId = useId();
  const zoneId = useId();
  const timeZone = usePreferencesStore((state) => state.timeZone);
  const [custom, setCustom] = useState(spec.kind === 'absolute');
  // Kept as instants, so switching the app between UTC and local time re-displays the same range.
  const [startUs, setStartUs] = useState<number | null>(resolved.startUs);
  const [endUs, setEndUs] = useState<number | null>(resolved.endUs);
  const [problem, setProblem] = useState<string | null>(null);
  const selected = custom ? CUSTOM : spec.kind === 'lookback' ? spec.lookback : CUSTOM;
  const known = LOOKBACK_CHOICES.some((choice) => choice.value === selected) || selected === CUSTOM;

  const applyCustom = (event: React.FormEvent) => {
    event.preventDefault();
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
              setStartUs(resolved.startUs);
              setEndUs(resolved.endUs);
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
            <DateTimeInput epochUs={startUs} timeZone={timeZone} describedBy={zoneId} onChange={setStartUs} />
          </label>
          <label className="flex flex-col text-xs font-medium text-slate-600 dark:text-slate-300">
            To
            <DateTimeInput epochUs={endUs} timeZone={timeZone} describedBy={zoneId} onChange={setEndUs} />
          </label>
          <Button type="submit">Apply</Button>
          <p id={zoneId} className="max-w-48 pb-0.5 text-xs text-slate-600 dark:text-slate-300">
            Times are in {describeTimeZone(timeZone, endUs ?? resolved.endUs)}.
          </p>
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

function DateTimeInput(props: {
  epochUs: number | null;
  timeZone: TimeZonePreference;
  describedBy: string;
  onChange: (epochUs: number | null) => void;
}) {
  const { epochUs, timeZone, describedBy, onChange } = props;
  return (
    <input
      type="datetime-local"
      // Seconds, so the prefilled window is the one queried (and a value with seconds is not a step mismatch).
      step={1}
      className={fieldClass}
      aria-describedby={describedBy}
      value={epochUs === null ? '' : epochUsToDateTimeLocal(epochUs, timeZone)}
      onChange={(event) => onChange(dateTimeLocalToEpochUs(event.target.value, timeZone))}
    />
  );
}

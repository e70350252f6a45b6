// The search form (role="search"). Controlled: the route owns the draft, so it can load the
// operations of the service being picked; the form validates and calls onSubmit only when valid.
import { useEffect, useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { Button } from '../components/button';
import { Spinner } from '../components/spinner';
import { parseLogfmt } from '../lib/logfmt';
import { describeTimeZone, formatTimestamp } from '../lib/time-format';
import { usePreferencesStore } from '../state/preferences-store';
import { Combobox } from './combobox';
import { dateTimeLocalToEpochUs, epochUsToDateTimeLocal } from '../lib/datetime-local';
import { errorTextClass, hintClass, inputClass, labelClass } from './field-styles';
import { durationFieldUs, validateSearchForm, type SearchFormErrors, type SearchFormField } from './search-form-validation';
import {
  CUSTOM_LOOKBACK,
  LOOKBACK_PRESETS,
  MAX_LIMIT,
  lookbackLabel,
  lookbackToUs,
  type SearchFormState,
} from './search-url-state';
import type { SuggestionResolver } from './suggestions';
import { TagsInput } from './tags-input';
import type { TraceqlTools } from './lazy-traceql-tools';

export interface OptionList {
  names: readonly string[];
  loading: boolean;
  /** A load failure, written for the user. */
  error: string | null;
}

export interface SearchFormProps {
  value: SearchFormState;
  onChange: (next: SearchFormState) => void;
  onSubmit: (form: SearchFormState) => void;
  backends: readonly { id: string; name: string }[];
  backendId: string;
  onBackendChange: (backendId: string) => void;
  services: OptionList;
  operations: OptionList;
  /** Tempo: the TraceQL box, its checker and builder (loaded lazily); null hides the box. */
  traceql: TraceqlTools | null;
  tagResolver: SuggestionResolver | null;
  traceqlResolver: SuggestionResolver | null;
  searching: boolean;
  /** Stops the search under way; while `searching`, a "Cancel search" button calls it. */
  onCancelSearch?: (() => void) | undefined;
  /** Why the limit shown is not the link's (limitParamNote), shown under the field; null for none. */
  limitNote?: string | null;
}

function Field({ label, htmlFor, error, hint, children }: { label: string; htmlFor: string; error?: string; hint?: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={htmlFor} className={labelClass}>
        {label}
      </label>
      <div className="mt-1">{children}</div>
      {error ? (
        <p id={`${htmlFor}-msg`} className={errorTextClass}>
          {error}
        </p>
      ) : hint ? (
        <p id={`${htmlFor}-msg`} className={hintClass}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** A load failure, shown under the field. */
function optionHint(list: OptionList): string | undefined {
  return list.error ?? undefined;
}

/**
 * The field's placeholder. "Loading …" goes here, inside the field, not under it: a line under the
 * field that goes away when the list arrives would move "Find traces" up under a pointer that is
 * on its way to it, and the click would land below the button.
 */
function optionPlaceholder(list: OptionList, noun: string, ready: string): string {
  return list.loading ? `Loading ${noun}…` : ready;
}

export function SearchForm(props: SearchFormProps) {
  const { value, onChange, onSubmit, backends, backendId, onBackendChange, services, operations, traceql, searching, onCancelSearch } = props;
  const id = useId();
  const timeZone = usePreferencesStore((s) => s.timeZone);
  // Messages appear after the first submit attempt (then follow the typing). Showing them on blur
  // would move the button under a pointer that is on its way to "Find traces" and eat the click.
  // On blur a field only gets its red border (aria-invalid), which does not change the layout.
  const [touched, setTouched] = useState<ReadonlySet<SearchFormField>>(new Set());
  const [submitAttempted, setSubmitAttempted] = useState(false);
  // After a failed submit, move focus to the first field that needs fixing (once it is marked).
  const [focusRequest, setFocusRequest] = useState(0);
  useEffect(() => {
    if (focusRequest === 0) return;
    document.querySelector<HTMLElement>(`[data-search-form="${id}"] [aria-invalid="true"]`)?.focus();
  }, [focusRequest, id]);
  const validateTraceql = traceql?.validateTraceql ?? null;
  const errors: SearchFormErrors = useMemo(() => validateSearchForm(value, { validateTraceql }), [value, validateTraceql]);
  const shown = (field: SearchFormField) => (submitAttempted ? errors[field] : undefined);
  const invalid = (field: SearchFormField) => ((submitAttempted || touched.has(field)) && errors[field] ? true : undefined);
  const touch = (field: SearchFormField) => setTouched((t) => new Set(t).add(field));
  const set = <K extends keyof SearchFormState>(key: K, next: SearchFormState[K]) => onChange({ ...value, [key]: next });

  const submit = () => {
    setSubmitAttempted(true);
    if (Object.keys(errors).length > 0) {
      setFocusRequest((n) => n + 1);
      return;
    }
    onSubmit(value);
  };
  const onFormSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit();
  };

  const buildFromFields = () => {
    if (!traceql) return;
    const minUs = durationFieldUs(value.minDuration);
    const maxUs = durationFieldUs(value.maxDuration);
    onChange({
      ...value,
      traceql: traceql.buildTraceql({
        service: value.service,
        operation: value.operation,
        tags: parseLogfmt(value.tags).pairs,
        minDurationUs: typeof minUs === 'number' ? minUs : undefined,
        maxDurationUs: typeof maxUs === 'number' ? maxUs : undefined,
      }),
    });
  };

  const changeLookback = (lookback: string) => {
    if (lookback === CUSTOM_LOOKBACK && (value.startUs === null || value.endUs === null)) {
      // Start the custom range from the window the preset would have searched.
      const endUs = Date.now() * 1000;
      onChange({ ...value, lookback, startUs: endUs - (lookbackToUs(value.lookback) ?? 3.6e9), endUs });
      return;
    }
    onChange({ ...value, lookback });
  };

  const knownLookback = LOOKBACK_PRESETS.some((p) => p.value === value.lookback) || value.lookback === CUSTOM_LOOKBACK;
  const windowText =
    value.lookback !== CUSTOM_LOOKBACK && value.startUs !== null && value.endUs !== null
      ? `Last search: ${formatTimestamp(value.startUs, timeZone)} – ${formatTimestamp(value.endUs, timeZone)}`
      : undefined;

  return (
    <form
      role="search"
      aria-label="Find traces"
      data-search-form={id}
      noValidate
      onSubmit={onFormSubmit}
      className="space-y-3"
    >
      {backends.length > 1 ? (
        <Field label="Backend" htmlFor={`${id}-backend`}>
          <select id={`${id}-backend`} className={inputClass} value={backendId} onChange={(e) => onBackendChange(e.target.value)}>
            {backends.some((b) => b.id === backendId) ? null : <option value={backendId}>Unknown: {backendId}</option>}
            {backends.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      <Combobox
        label="Service"
        name="service"
        value={value.service}
        onChange={(service) => onChange({ ...value, service, operation: service === value.service ? value.operation : '' })}
        options={services.names}
        placeholder={optionPlaceholder(services, 'services', services.names.length ? `All services (${services.names.length})` : 'All services')}
        hint={optionHint(services)}
      />
      <Combobox
        label="Operation"
        name="operation"
        value={value.operation}
        onChange={(operation) => set('operation', operation)}
        options={operations.names}
        placeholder={value.service ? optionPlaceholder(operations, 'operations', 'All operations') : 'Pick a service first, or type a name'}
        hint={value.service ? optionHint(operations) : undefined}
      />
      <TagsInput
        value={value.tags}
        onChange={(tags) => set('tags', tags)}
        resolver={props.tagResolver}
        error={shown('tags')}
        onBlur={() => touch('tags')}
      />
      <div className="grid grid-cols-2 gap-2">
        <Field label="Min duration" htmlFor={`${id}-min`} error={shown('minDuration')}>
          <input
            id={`${id}-min`}
            name="minDuration"
            className={inputClass}
            placeholder="e.g. 300ms"
            value={value.minDuration}
            aria-invalid={invalid('minDuration')}
            aria-describedby={shown('minDuration') ? `${id}-min-msg` : undefined}
            onChange={(e) => set('minDuration', e.target.value)}
            onBlur={() => touch('minDuration')}
          />
        </Field>
        <Field label="Max duration" htmlFor={`${id}-max`} error={shown('maxDuration')}>
          <input
            id={`${id}-max`}
            name="maxDuration"
            className={inputClass}
            placeholder="e.g. 1.2s"
            value={value.maxDuration}
            aria-invalid={invalid('maxDuration')}
            aria-describedby={shown('maxDuration') ? `${id}-max-msg` : undefined}
            onChange={(e) => set('maxDuration', e.target.value)}
            onBlur={() => touch('maxDuration')}
          />
        </Field>
      </div>
      <Field label="Time range" htmlFor={`${id}-lookback`} hint={windowText}>
        <select id={`${id}-lookback`} name="lookback" className={inputClass} value={value.lookback} onChange={(e) => changeLookback(e.target.value)}>
          {knownLookback ? null : <option value={value.lookback}>{lookbackLabel(value.lookback)}</option>}
          {LOOKBACK_PRESETS.map((preset) => (
            <option key={preset.value} value={preset.value}>
              {preset.label}
            </option>
          ))}
          <option value={CUSTOM_LOOKBACK}>Custom range…</option>
        </select>
      </Field>
      {value.lookback === CUSTOM_LOOKBACK ? (
        <fieldset className="space-y-2">
          <legend className="sr-only">Custom time range</legend>
          <DateTimeField
            id={`${id}-start`}
            label={`From (${timeZone === 'utc' ? 'UTC' : 'local time'})`}
            epochUs={value.startUs}
            timeZone={timeZone}
            invalid={Boolean(shown('range'))}
            describedBy={`${id}-zone`}
            onChange={(startUs) => set('startUs', startUs)}
          />
          <DateTimeField
            id={`${id}-end`}
            label={`To (${timeZone === 'utc' ? 'UTC' : 'local time'})`}
            epochUs={value.endUs}
            timeZone={timeZone}
            invalid={Boolean(shown('range'))}
            describedBy={`${id}-zone`}
            onChange={(endUs) => set('endUs', endUs)}
          />
          {/* "Local time" alone does not say which: the zone by name, as on the dependencies page. */}
          <p id={`${id}-zone`} className="text-xs text-slate-600 dark:text-slate-300">
            Times are in {describeTimeZone(timeZone, value.endUs ?? Date.now() * 1000)}.
          </p>
          {shown('range') ? <p className={errorTextClass}>{shown('range')}</p> : null}
        </fieldset>
      ) : null}
      <Field label="Limit" htmlFor={`${id}-limit`} error={shown('limit')} hint={props.limitNote ?? undefined}>
        <input
          id={`${id}-limit`}
          name="limit"
          type="number"
          min={1}
          max={MAX_LIMIT}
          className={inputClass}
          value={Number.isFinite(value.limit) ? value.limit : ''}
          aria-invalid={invalid('limit')}
          aria-describedby={shown('limit') || props.limitNote ? `${id}-limit-msg` : undefined}
          onChange={(e) => set('limit', e.target.value === '' ? Number.NaN : Math.floor(Number(e.target.value)))}
          onBlur={() => touch('limit')}
        />
      </Field>
      {traceql ? (
        <traceql.TraceqlEditor
          value={value.traceql}
          onChange={(traceql) => set('traceql', traceql)}
          resolver={props.traceqlResolver}
          onBuildFromFields={buildFromFields}
          onSubmit={submit}
          error={shown('traceql')}
        />
      ) : null}
      {/* sky-600 under white text is 4.0:1 in dark mode; sky-700 keeps 4.5:1 (see the report to src/components). */}
      <Button type="submit" variant="primary" className="w-full">
        {searching ? <Spinner /> : null}
        Find traces
      </Button>
      {/* Under the button, not beside it: appearing beside it would narrow "Find traces" under a
          pointer about to click it again, and that click would land on Cancel. */}
      {searching && onCancelSearch ? (
        <Button
          className="w-full"
          onClick={() => {
            onCancelSearch();
            // The Cancel button goes away with the search: keep the focus in the form.
            document.querySelector<HTMLElement>(`[data-search-form="${id}"] button[type="submit"]`)?.focus();
          }}
        >
          Cancel search
        </Button>
      ) : null}
    </form>
  );
}

function DateTimeField(props: {
  id: string;
  label: string;
  epochUs: number | null;
  timeZone: 'utc' | 'local';
  invalid: boolean;
  /** The ID of the text naming the time zone. */
  describedBy: string;
  onChange: (epochUs: number | null) => void;
}) {
  const { id, label, epochUs, timeZone, invalid, describedBy, onChange } = props;
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <input
        id={id}
        type="datetime-local"
        step={1}
        className={`${inputClass} mt-1`}
        value={epochUs === null ? '' : epochUsToDateTimeLocal(epochUs, timeZone)}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(dateTimeLocalToEpochUs(e.target.value, timeZone))}
      />
    </div>
  );
}

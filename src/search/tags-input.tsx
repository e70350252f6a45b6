// The logfmt tags field, with tag-name suggestions before "=" and value suggestions after it.
import { useId, useRef } from 'react';
import { errorTextClass, hintClass, inputClass, labelClass } from './field-styles';
import type { SuggestionResolver } from './suggestions';
import { useSuggestField } from './use-suggest-field';

export interface TagsInputProps {
  value: string;
  onChange: (value: string) => void;
  resolver: SuggestionResolver | null;
  error?: string;
  onBlur?: () => void;
}

export function TagsInput({ value, onChange, resolver, error, onBlur }: TagsInputProps) {
  const id = useId();
  const ref = useRef<HTMLInputElement>(null);
  const field = useSuggestField({ value, onChange, resolver, controlRef: ref, label: 'Tags' });
  return (
    <div className="relative">
      <label htmlFor={id} className={labelClass}>
        Tags
      </label>
      <input
        ref={ref}
        id={id}
        name="tags"
        type="text"
        autoComplete="off"
        spellCheck={false}
        className={`${inputClass} mt-1 font-mono`}
        placeholder='http.status_code=500 error=true'
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint`}
        onChange={(event) => onChange(event.target.value)}
        {...field.controlProps}
        onBlur={() => {
          field.controlProps.onBlur();
          onBlur?.();
        }}
      />
      {field.popup}
      {error ? (
        <p id={`${id}-hint`} className={errorTextClass}>
          {error}
        </p>
      ) : (
        <p id={`${id}-hint`} className={hintClass}>
          logfmt: <code>key=value</code>, quote values with spaces: <code>msg="disk full"</code>
        </p>
      )}
    </div>
  );
}

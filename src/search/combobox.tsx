// A text field with a type-to-filter list (the ARIA 1.2 combobox pattern). Free text is allowed:
// the list only helps, so an operation the backend has not reported yet can still be searched.
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { errorTextClass, hintClass, inputClass, labelClass, listboxClass, optionClass } from './field-styles';

/** Case-insensitive substring match; names that start with the text come first. Capped for speed. */
export function filterOptions(options: readonly string[], text: string, max = 200): string[] {
  const needle = text.trim().toLowerCase();
  if (needle === '') return options.slice(0, max);
  const starts: string[] = [];
  const contains: string[] = [];
  for (const option of options) {
    const lower = option.toLowerCase();
    if (lower.startsWith(needle)) starts.push(option);
    else if (lower.includes(needle)) contains.push(option);
    if (starts.length >= max) break;
  }
  return [...starts, ...contains].slice(0, max);
}

export interface ComboboxProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly string[];
  placeholder?: string;
  /** Shown under the field, e.g. a load failure. */
  hint?: string;
  error?: string;
  disabled?: boolean;
  name?: string;
}

export function Combobox({ label, value, onChange, options, placeholder, hint, error, disabled, name }: ComboboxProps) {
  const id = useId();
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const [open, setOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(-1);
  // Filter by what the user typed since opening; an exact existing value shows the whole list.
  const [filterText, setFilterText] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const filtered = useMemo(() => filterOptions(options, filterText), [options, filterText]);
  const expanded = open && filtered.length > 0;

  const choose = (option: string) => {
    onChange(option);
    setOpen(false);
    setActiveIndex(-1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) {
        setOpen(true);
        setFilterText('');
        setActiveIndex(0);
        return;
      }
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActiveIndex((i) => (filtered.length === 0 ? -1 : (i + step + filtered.length) % filtered.length));
    } else if (event.key === 'Enter' && expanded && activeIndex >= 0) {
      event.preventDefault();
      const option = filtered[activeIndex];
      if (option !== undefined) choose(option);
    } else if (event.key === 'Tab' && expanded && activeIndex >= 0) {
      // Tab accepts the highlighted option (the usual combobox behaviour) and moves on as usual:
      // leaving "pay" in the field after highlighting "payments" would search a service that is not there.
      const option = filtered[activeIndex];
      if (option !== undefined) choose(option);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
    }
  };

  const activeId = expanded && activeIndex >= 0 ? `${id}-opt-${activeIndex}` : undefined;
  const describedBy = [hint || error ? hintId : null].filter(Boolean).join(' ') || undefined;

  return (
    <div className="relative">
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <div className="relative mt-1">
        <input
          ref={inputRef}
          id={id}
          name={name}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-expanded={expanded}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeId}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          className={`${inputClass} pr-7`}
          value={value}
          placeholder={placeholder}
          disabled={disabled}
          onChange={(event) => {
            onChange(event.target.value);
            setFilterText(event.target.value);
            setOpen(true);
            setActiveIndex(-1);
          }}
          onFocus={() => {
            setFilterText('');
          }}
          onClick={() => setOpen((o) => !o)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        {value !== '' && !disabled ? (
          <button
            type="button"
            tabIndex={-1}
            aria-label={`Clear ${label.toLowerCase()}`}
            className="absolute top-1/2 right-1 -translate-y-1/2 rounded px-1 text-slate-500 hover:text-slate-900 dark:hover:text-white"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => {
              onChange('');
              setFilterText('');
              inputRef.current?.focus();
            }}
          >
            ×
          </button>
        ) : null}
      </div>
      <ul id={listId} role="listbox" aria-label={label} hidden={!expanded} className={listboxClass}>
        {expanded
          ? filtered.map((option, index) => (
              <li
                key={option}
                id={`${id}-opt-${index}`}
                role="option"
                aria-selected={option === value}
                className={optionClass(index === activeIndex)}
                onMouseDown={(event) => event.preventDefault()}
                onMouseEnter={() => setActiveIndex(index)}
                onClick={() => choose(option)}
              >
                <span className="truncate">{option}</span>
              </li>
            ))
          : null}
      </ul>
      {error ? (
        <p id={hintId} className={errorTextClass}>
          {error}
        </p>
      ) : hint ? (
        <p id={hintId} className={hintClass}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

// Wires a text input or textarea to a SuggestionResolver: tracks the caret, asks for suggestions
// (debounced, cancelled when the text moves on), and handles the listbox keyboard.
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { listboxClass, optionClass } from './field-styles';
import { applySuggestion, type SuggestionResolver, type SuggestionResult } from './suggestions';

type TextControl = HTMLInputElement | HTMLTextAreaElement;

export interface SuggestFieldOptions<T extends TextControl> {
  value: string;
  onChange: (value: string) => void;
  resolver: SuggestionResolver | null;
  controlRef: RefObject<T | null>;
  /** Extra keyboard handling when the list is closed (e.g. Enter submits the TraceQL box). */
  onKeyDownClosed?: (event: KeyboardEvent<T>) => void;
  label: string;
  /**
   * A textarea may not take the combobox role (ARIA in HTML): it stays a multi-line textbox that
   * points at the list with aria-controls/aria-activedescendant instead.
   */
  multiline?: boolean;
}

export interface SuggestField<T extends TextControl> {
  controlProps: {
    role: 'combobox' | undefined;
    'aria-expanded': boolean | undefined;
    'aria-controls': string;
    'aria-autocomplete': 'list';
    'aria-activedescendant': string | undefined;
    onKeyDown: (event: KeyboardEvent<T>) => void;
    onSelect: () => void;
    onInput: () => void;
    onFocus: () => void;
    onBlur: () => void;
  };
  popup: ReactNode;
}

const DEBOUNCE_MS = 120;

export function useSuggestField<T extends TextControl>(options: SuggestFieldOptions<T>): SuggestField<T> {
  const { value, onChange, resolver, controlRef, onKeyDownClosed, label, multiline = false } = options;
  const id = useId();
  const listId = `${id}-suggestions`;
  const [focused, setFocused] = useState(false);
  const [caret, setCaret] = useState<number | null>(null);
  const [result, setResult] = useState<SuggestionResult | null>(null);
  const [activeIndex, setActiveIndex] = useState(0);
  // Escape hides the list until the text or caret changes again.
  const [dismissedAt, setDismissedAt] = useState<string | null>(null);
  const pendingCaret = useRef<number | null>(null);

  const key = `${caret ?? -1}:${value}`;
  useEffect(() => {
    if (!resolver || !focused || caret === null) {
      setResult(null);
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      resolver(value, caret, controller.signal)
        .then((next) => {
          if (controller.signal.aborted) return;
          setResult(next);
          setActiveIndex(0);
        })
        .catch(() => {
          // Suggestions are a convenience: a failed lookup just shows none.
          if (!controller.signal.aborted) setResult(null);
        });
    }, DEBOUNCE_MS);
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [resolver, focused, caret, value]);

  // After inserting a suggestion, put the caret after it (the DOM value updates on the next render).
  useEffect(() => {
    const control = controlRef.current;
    if (pendingCaret.current !== null && control) {
      control.setSelectionRange(pendingCaret.current, pendingCaret.current);
      setCaret(pendingCaret.current);
      pendingCaret.current = null;
    }
  }, [value, controlRef]);

  const open = focused && result !== null && result.items.length > 0 && dismissedAt !== key;

  const pick = (index: number) => {
    if (!result) return;
    const suggestion = result.items[index];
    if (!suggestion) return;
    const applied = applySuggestion(value, result, suggestion);
    pendingCaret.current = applied.caret;
    setResult(null);
    onChange(applied.text);
  };

  const updateCaret = () => {
    const control = controlRef.current;
    if (control) setCaret(control.selectionStart ?? control.value.length);
  };

  const onKeyDown = (event: KeyboardEvent<T>) => {
    if (open && result) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActiveIndex((i) => (i + step + result.items.length) % result.items.length);
        return;
      }
      if ((event.key === 'Enter' && !event.shiftKey) || event.key === 'Tab') {
        event.preventDefault();
        pick(activeIndex);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        setDismissedAt(key);
        return;
      }
    }
    onKeyDownClosed?.(event);
  };

  const popup = (
    <ul id={listId} role="listbox" aria-label={`${label} suggestions`} hidden={!open} className={listboxClass}>
      {open && result
        ? result.items.map((item, index) => (
            <li
              key={`${item.label}-${index}`}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === activeIndex}
              className={optionClass(index === activeIndex)}
              onMouseDown={(event) => event.preventDefault()}
              onMouseEnter={() => setActiveIndex(index)}
              onClick={() => pick(index)}
            >
              <span className="truncate font-mono text-xs">{item.label}</span>
              {item.detail ? <span className="text-xs text-slate-600 dark:text-slate-300">{item.detail}</span> : null}
            </li>
          ))
        : null}
    </ul>
  );

  return {
    controlProps: {
      role: multiline ? undefined : 'combobox',
      'aria-expanded': multiline ? undefined : open,
      'aria-controls': listId,
      'aria-autocomplete': 'list',
      'aria-activedescendant': open ? `${listId}-${activeIndex}` : undefined,
      onKeyDown,
      onSelect: updateCaret,
      // Typing (and pasting or programmatic input) moves the caret without always firing select.
      onInput: updateCaret,
      onFocus: () => {
        setFocused(true);
        updateCaret();
      },
      onBlur: () => setFocused(false),
    },
    popup,
  };
}

import { useState } from 'react';

/**
 * A value a component keeps itself unless its caller keeps it (the trace page keeps its views'
 * controls in the URL). With `onChange` given, the caller's `value` is shown (`defaultValue` while
 * it is undefined) and every change goes to `onChange`; without it, the component's own state.
 */
export function useControllableState<T>(value: T | undefined, onChange: ((next: T) => void) | undefined, defaultValue: T): [T, (next: T) => void] {
  const [own, setOwn] = useState<T>(defaultValue);
  return onChange ? [value ?? defaultValue, onChange] : [own, setOwn];
}

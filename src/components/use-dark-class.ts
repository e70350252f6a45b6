// Canvas and SVG drawings pick colours in script, so they need to know the theme the shell applied
// (a `dark` class on <html>, see src/app/theme.ts) and redraw when the user switches it.
import { useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  if (typeof MutationObserver === 'undefined') return () => {};
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
  return () => observer.disconnect();
}

function hasDarkClass(): boolean {
  return document.documentElement.classList.contains('dark');
}

export function useDarkClass(): boolean {
  return useSyncExternalStore(subscribe, hasDarkClass, () => false);
}

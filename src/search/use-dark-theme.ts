// Canvas and SVG drawings pick colours in script, so they need to know the theme the shell applied
// (a `dark` class on <html>, see src/app/theme.ts) and redraw when it changes.
import { useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  if (typeof MutationObserver === 'undefined') return () => {};
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
  return () => observer.disconnect();
}

function isDark(): boolean {
  return document.documentElement.classList.contains('dark');
}

export function useDarkTheme(): boolean {
  return useSyncExternalStore(subscribe, isDark, () => false);
}

// The graph paints on a canvas, so it must know the theme (the `dark` class the shell puts on
// <html>) and repaint when it changes. (src/timeline has the same hook; features may not import
// each other — a shared copy in src/components would serve both.)
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

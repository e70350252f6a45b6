// The hint a zoomable canvas shows when a plain wheel over it scrolls the page instead of zooming
// (see zoomGestureAllowed in canvas-zoom.ts): without it, nothing tells the user how to zoom.
import { useEffect, useRef, useState, type ReactNode, type WheelEvent } from 'react';
import { wheelScrollsPage } from './canvas-zoom';

/** How long the hint stays after the last plain wheel over the canvas. */
const WHEEL_HINT_MS = 1500;

/** ⌘ on Apple devices, Ctrl elsewhere: the key that makes the wheel zoom. */
export const ZOOM_MODIFIER = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent) ? '⌘' : 'Ctrl';

/** `onWheel` for the canvas, and the hint to render over it (null while hidden). */
export function useWheelZoomHint(what: string): { onWheel: (event: WheelEvent) => void; hint: ReactNode } {
  const [shown, setShown] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const onWheel = (event: WheelEvent) => {
    if (!wheelScrollsPage(event)) return;
    setShown(true);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setShown(false), WHEEL_HINT_MS);
  };
  const hint = shown ? (
    <p className="pointer-events-none absolute left-1/2 top-2 -translate-x-1/2 rounded-md bg-slate-900/85 px-3 py-1.5 text-sm text-white dark:bg-slate-100/90 dark:text-slate-900">
      Use {ZOOM_MODIFIER} + scroll (or pinch) to zoom {what}
    </p>
  ) : null;
  return { onWheel, hint };
}

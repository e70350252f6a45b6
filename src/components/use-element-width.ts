// The width of an element in whole CSS pixels, kept up to date by a ResizeObserver: 0 until the
// element has been measured. For views that lay out or draw to their container's width.
import { useEffect, useState, type RefObject } from 'react';

export function useElementWidthPx(ref: RefObject<HTMLElement | null>): number {
  const [widthPx, setWidthPx] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    // (React skips the render when the width is unchanged: the same number is the same state.)
    const observer = new ResizeObserver(([entry]) => setWidthPx(Math.floor(entry?.contentRect.width ?? 0)));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return widthPx;
}

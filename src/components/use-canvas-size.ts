// A canvas that fills its wrapper: the backing store follows the wrapper's size in device pixels
// (crisp lines on any screen), and `onResize` redraws. `sizeRef` is for drawing code that runs
// outside React; `size` re-renders what depends on it.
import { useEffect, useRef, useState, type RefObject } from 'react';

export interface CssSize {
  width: number;
  height: number;
}

export function useCanvasSize(
  wrapperRef: RefObject<HTMLElement | null>,
  canvasRef: RefObject<HTMLCanvasElement | null>,
  onResize: () => void,
): { size: CssSize; sizeRef: RefObject<CssSize> } {
  const sizeRef = useRef<CssSize>({ width: 0, height: 0 });
  const [size, setSize] = useState<CssSize>({ width: 0, height: 0 });
  const onResizeRef = useRef(onResize);
  useEffect(() => {
    onResizeRef.current = onResize;
  }, [onResize]);
  useEffect(() => {
    const wrapper = wrapperRef.current;
    const canvas = canvasRef.current;
    if (!wrapper || !canvas) return;
    const observer = new ResizeObserver(() => {
      const width = Math.floor(wrapper.clientWidth);
      const height = Math.floor(wrapper.clientHeight);
      const dpr = window.devicePixelRatio || 1;
      canvas.width = Math.max(1, Math.round(width * dpr));
      canvas.height = Math.max(1, Math.round(height * dpr));
      sizeRef.current = { width, height };
      setSize({ width, height });
      onResizeRef.current();
    });
    observer.observe(wrapper);
    return () => observer.disconnect();
  }, [wrapperRef, canvasRef]);
  return { size, sizeRef };
}

/**
 * Sizes a canvas to `widthPx` × `heightPx` CSS pixels at the screen's pixel ratio and returns a
 * cleared 2D context drawing in CSS pixels, or null when there is nothing to draw on.
 */
export function prepareCanvas(canvas: HTMLCanvasElement | null, widthPx: number, heightPx: number): CanvasRenderingContext2D | null {
  if (!canvas || widthPx <= 0) return null;
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.round(widthPx * ratio);
  canvas.height = Math.round(heightPx * ratio);
  const context = canvas.getContext('2d');
  if (!context) return null;
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.clearRect(0, 0, widthPx, heightPx);
  return context;
}

import { describe, expect, it } from 'vitest';
import { wheelScrollsPage, wheelZoomExponent, ZOOM_STEP, zoomGestureAllowed, zoomKeyAction } from './canvas-zoom';

describe('zoomKeyAction', () => {
  it('maps the zoom, fit and pan keys, and nothing else', () => {
    const calls: string[] = [];
    const controls = {
      zoomBy: (f: number) => calls.push(`zoom ${f}`),
      panBy: (dx: number, dy: number) => calls.push(`pan ${dx} ${dy}`),
      fit: () => calls.push('fit'),
    };
    for (const key of ['+', '=', '-', '0', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown']) zoomKeyAction(key, controls)?.();
    expect(calls).toEqual(['zoom 1.25', 'zoom 1.25', 'zoom 0.8', 'fit', 'pan 60 0', 'pan -60 0', 'pan 0 60', 'pan 0 -60']);
    expect(zoomKeyAction('Escape', controls)).toBeUndefined();
    expect(zoomKeyAction('a', controls)).toBeUndefined();
  });
});

describe('wheel zoom on a canvas inside a scrolling page', () => {
  const wheel = (mods: { ctrlKey?: boolean; metaKey?: boolean } = {}) => ({ type: 'wheel', ctrlKey: false, metaKey: false, ...mods });

  it('zooms with Ctrl or ⌘ held (and a pinch, which arrives with ctrlKey); a plain wheel scrolls the page', () => {
    expect(zoomGestureAllowed(wheel())).toBe(false);
    expect(wheelScrollsPage(wheel())).toBe(true);
    expect(zoomGestureAllowed(wheel({ ctrlKey: true }))).toBe(true);
    expect(zoomGestureAllowed(wheel({ metaKey: true }))).toBe(true);
    expect(wheelScrollsPage(wheel({ ctrlKey: true }))).toBe(false);
  });

  it('pans on a primary-button drag or a touch, not on other buttons or Ctrl+click', () => {
    expect(zoomGestureAllowed({ type: 'mousedown', ctrlKey: false, metaKey: false, button: 0 })).toBe(true);
    expect(zoomGestureAllowed({ type: 'touchstart', ctrlKey: false, metaKey: false })).toBe(true);
    expect(zoomGestureAllowed({ type: 'mousedown', ctrlKey: false, metaKey: false, button: 2 })).toBe(false);
    expect(zoomGestureAllowed({ type: 'mousedown', ctrlKey: true, metaKey: false, button: 0 })).toBe(false);
    expect(wheelScrollsPage({ type: 'mousedown', ctrlKey: false, metaKey: false, button: 0 })).toBe(false);
  });

  it('zooms a mouse notch by at most one button step, and keeps small pinch steps as they are', () => {
    // Ctrl + one 100 px notch: d3's default would be 2^2 = 4×.
    expect(2 ** wheelZoomExponent({ deltaY: -100, deltaMode: 0, ctrlKey: true })).toBeCloseTo(ZOOM_STEP);
    expect(2 ** wheelZoomExponent({ deltaY: 100, deltaMode: 0, ctrlKey: true })).toBeCloseTo(1 / ZOOM_STEP);
    expect(wheelZoomExponent({ deltaY: -3, deltaMode: 0, ctrlKey: true })).toBeCloseTo(0.06);
    expect(wheelZoomExponent({ deltaY: -50, deltaMode: 0, ctrlKey: false })).toBeCloseTo(0.1);
    expect(2 ** wheelZoomExponent({ deltaY: -3, deltaMode: 1, ctrlKey: false })).toBeCloseTo(2 ** 0.15);
  });
});

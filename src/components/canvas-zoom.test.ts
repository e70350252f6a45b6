import { describe, expect, it } from 'vitest';
import { zoomKeyAction } from './canvas-zoom';

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

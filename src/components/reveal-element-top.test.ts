import { afterEach, describe, expect, it, vi } from 'vitest';
import { revealElementTop } from './reveal-element-top';

/** A stand-in element whose top is at `topPx` inside a scrolling parent showing 100–700 px. */
function elementAt(topPx: number) {
  const parent = { parentElement: null, overflowY: 'auto', getBoundingClientRect: () => ({ top: 100, bottom: 700 }) };
  return {
    parentElement: parent,
    getBoundingClientRect: () => ({ top: topPx }),
    scrollIntoView: vi.fn(),
  };
}

function stubWindow(reduceMotion: boolean) {
  vi.stubGlobal('window', { innerHeight: 800, matchMedia: (query: string) => ({ matches: reduceMotion && query.includes('reduce') }) });
  vi.stubGlobal('getComputedStyle', (element: { overflowY?: string }) => ({ overflowY: element.overflowY ?? 'visible' }));
}

describe('revealElementTop', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('leaves an element alone whose top is in sight', () => {
    stubWindow(false);
    const element = elementAt(300);
    expect(revealElementTop(element as unknown as Element)).toBe(false);
    expect(element.scrollIntoView).not.toHaveBeenCalled();
  });

  it('scrolls to an element below the visible part (or only just inside its bottom), smoothly', () => {
    stubWindow(false);
    for (const topPx of [900, 650]) {
      const element = elementAt(topPx);
      expect(revealElementTop(element as unknown as Element)).toBe(true);
      expect(element.scrollIntoView).toHaveBeenCalledWith({ block: 'start', behavior: 'smooth' });
    }
  });

  it('scrolls to an element above the visible part', () => {
    stubWindow(false);
    const element = elementAt(40);
    expect(revealElementTop(element as unknown as Element)).toBe(true);
  });

  it('jumps without animation when reduced motion is asked for', () => {
    stubWindow(true);
    const element = elementAt(900);
    revealElementTop(element as unknown as Element);
    expect(element.scrollIntoView).toHaveBeenCalledWith({ block: 'start', behavior: 'auto' });
  });
});

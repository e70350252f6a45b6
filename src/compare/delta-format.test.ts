import { describe, expect, it } from 'vitest';
import { deltaColour, deltaWithWords, deltaWords, FASTER_COLOURS, formatCountDelta, formatDeltaPercent, formatDeltaUs, NEUTRAL_COLOUR, SLOWER_COLOURS } from './delta-format';

describe('delta formatting', () => {
  it.each([
    [640_000, '+640 ms'],
    [-1_200_000, '\u22121.2 s'],
    [0, '±0'],
    [12.5, '+12.5 µs'],
  ])('formatDeltaUs(%d) = %s', (us, text) => expect(formatDeltaUs(us)).toBe(text));

  it('writes percentages and counts with signs', () => {
    expect(formatDeltaPercent(500, 1000)).toBe('+50 %');
    expect(formatDeltaPercent(-25, 1000)).toBe('\u22122.5 %');
    expect(formatDeltaPercent(10, 0)).toBeNull();
    expect(formatCountDelta(2)).toBe('+2');
    expect(formatCountDelta(-1)).toBe('\u22121');
  });

  it('colours slower warm, faster cool, noise neutral, stronger for bigger changes', () => {
    expect(deltaColour(5, 1000, 10)).toBe(NEUTRAL_COLOUR);
    expect(deltaColour(50, 1000, 10)).toBe(SLOWER_COLOURS[0]);
    expect(deltaColour(700, 1000, 10)).toBe(SLOWER_COLOURS[3]);
    expect(deltaColour(-350, 1000, 10)).toBe(FASTER_COLOURS[2]);
    expect(deltaWords(500_000, 1000)).toBe('500 ms slower');
    expect(deltaWords(-2_000_000, 1000)).toBe('2 s faster');
    expect(deltaWords(0, 1000)).toBe('no change');
  });

  it('shows a delta with its words once: a small change is not repeated as a number in the words', () => {
    expect(deltaWithWords(500_000, 1000)).toBe('+500 ms (500 ms slower)');
    expect(deltaWithWords(-2_000_000, 1000)).toBe('\u22122 s (2 s faster)');
    expect(deltaWithWords(2_910, 5000)).toBe('+2.91 ms (about the same)');
    expect(deltaWithWords(0, 1000)).toBe('±0 (no change)');
  });
});

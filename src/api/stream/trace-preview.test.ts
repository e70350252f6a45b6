import { describe, expect, it } from 'vitest';
import {
  PREVIEW_FILL_INTERVAL_MS,
  PREVIEW_FIRST_ROWS,
  PREVIEW_FIRST_WAIT_MS,
  PREVIEW_INTERVAL_MS,
  PREVIEW_MAX_SPANS,
  PREVIEW_ROWS,
  PreviewSchedule,
} from './trace-preview';

describe('PreviewSchedule', () => {
  it('takes the first preview as soon as a screenful of spans is read', () => {
    const schedule = new PreviewSchedule();
    expect(schedule.take(0, 0)).toBe(false); // nothing read yet
    expect(schedule.take(1, 0)).toBe(false); // the scanner's lone first span: more is coming
    expect(schedule.take(PREVIEW_ROWS + 200, 5)).toBe(true);
    // full: then at most once per interval, while the trace read so far is small
    expect(schedule.take(2400, 5 + PREVIEW_INTERVAL_MS - 1)).toBe(false);
    expect(schedule.take(2400, 5 + PREVIEW_INTERVAL_MS)).toBe(true);
    expect(schedule.take(2400, 5 + 5 * PREVIEW_INTERVAL_MS)).toBe(false); // no new spans
    expect(schedule.take(PREVIEW_MAX_SPANS + 1, 5 + 9 * PREVIEW_INTERVAL_MS)).toBe(false);
  });

  it('takes the first preview at a screenful, then fills it up to PREVIEW_ROWS every interval', () => {
    const schedule = new PreviewSchedule();
    expect(schedule.take(PREVIEW_FIRST_ROWS - 1, 0)).toBe(false);
    expect(schedule.take(PREVIEW_FIRST_ROWS, 1)).toBe(true);
    expect(schedule.take(600, 1 + PREVIEW_FILL_INTERVAL_MS - 1)).toBe(false);
    expect(schedule.take(600, 1 + PREVIEW_FILL_INTERVAL_MS)).toBe(true);
    expect(schedule.take(PREVIEW_ROWS + 5, 1 + 2 * PREVIEW_FILL_INTERVAL_MS)).toBe(true);
    // full: the slower refresh from here on
    expect(schedule.take(PREVIEW_ROWS + 400, 1 + 3 * PREVIEW_FILL_INTERVAL_MS)).toBe(false);
  });

  it('shows a few spans when no screenful comes soon, and fills the preview up quickly', () => {
    const schedule = new PreviewSchedule();
    expect(schedule.take(1, 1000)).toBe(false);
    expect(schedule.take(3, 1000 + PREVIEW_FIRST_WAIT_MS)).toBe(true);
    expect(schedule.take(40, 1000 + PREVIEW_FIRST_WAIT_MS + PREVIEW_FILL_INTERVAL_MS - 1)).toBe(false);
    expect(schedule.take(40, 1000 + PREVIEW_FIRST_WAIT_MS + PREVIEW_FILL_INTERVAL_MS)).toBe(true);
  });

  it('takes a first preview even when the first batch is already large', () => {
    expect(new PreviewSchedule().take(PREVIEW_MAX_SPANS * 3, 0)).toBe(true);
  });
});

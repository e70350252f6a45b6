import { describe, expect, it } from 'vitest';
import { summaryStartUs } from '../../model/trace-summary';
import { summaryFromTempoSearch } from './tempo-search';

describe('summaryFromTempoSearch', () => {
  it('marks a hit without startTimeUnixNano as of unknown start, not as started in 1970', () => {
    const summary = summaryFromTempoSearch({ traceID: 'abc', rootServiceName: 'api', durationMs: 3 });
    expect(summary?.startUnknown).toBe(true);
    expect(summaryStartUs(summary!)).toBeNull();
  });

  it('reads the start when there is one', () => {
    const summary = summaryFromTempoSearch({ traceID: 'abc', startTimeUnixNano: '1767607200123456789', durationMs: 3 });
    expect(summary).not.toHaveProperty('startUnknown');
    expect(summaryStartUs(summary!)).toBe(1767607200123456);
  });
});

import { describe, expect, it } from 'vitest';
import { summaryStartUs } from '../../model/trace-summary';
import { summaryFromJaegerV3 } from './jaeger-summaries';

describe('summaryFromJaegerV3', () => {
  it('marks a summary without minStartTimeUnixNano as of unknown start, not as started in 1970', () => {
    const summary = summaryFromJaegerV3({ traceId: 'abc', rootServiceName: 'api', spanCount: 2 });
    expect(summary?.startUnknown).toBe(true);
    expect(summaryStartUs(summary!)).toBeNull();
  });

  it('reads the start when there is one', () => {
    const summary = summaryFromJaegerV3({ traceId: 'abc', minStartTimeUnixNano: '1767607200123456789', maxEndTimeUnixNano: '1767607200124456789' });
    expect(summary).not.toHaveProperty('startUnknown');
    expect(summaryStartUs(summary!)).toBe(1767607200123456);
  });
});

// Warnings above the comparison's summary: cases where its confident sentences mislead.
import type { DiffSummary } from '../model/trace-diff';

export interface ComparisonNotice {
  key: string;
  title: string;
  body: string;
}

export function comparisonNotices(summary: DiffSummary): ComparisonNotice[] {
  const notices: ComparisonNotice[] = [];
  if (summary.sameTraceId) {
    notices.push({ key: 'same-trace', title: 'A and B are the same trace.', body: 'There is nothing to compare: choose another trace for A or B.' });
  }
  const mismatch = summary.rootMismatch;
  if (mismatch !== null) {
    notices.push({
      key: 'root-mismatch',
      title: `The traces start at different operations (A: ${mismatch.a.serviceName} ${mismatch.a.name}, B: ${mismatch.b.serviceName} ${mismatch.b.name}):`,
      body: 'the comparison matches spans by path and may not be meaningful.',
    });
  }
  return notices;
}

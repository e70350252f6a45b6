// The duration text beside a span's bar, shared by the waterfall (span-row.tsx) and the rows drawn
// before the app has loaded (static-span-rows.ts), so that both say the same about the same span.

import { formatDurationUs } from '../lib/duration-format';
import { spanDurationMissing } from '../model/span-issues';
import { SpanFlag, type Trace } from '../model/types';

/** "1.2 ms", or "no duration" for a span that arrived without one (drawn with zero length). */
export function spanDurationLabel(trace: Trace, index: number): string {
  // A missing duration is drawn as zero; "0 µs" would pass it off as measured. The flag is a
  // cheap first test: only flagged spans need the search of the issue list.
  if (((trace.columns.flags[index] ?? 0) & SpanFlag.MissingTime) !== 0 && spanDurationMissing(trace, index)) return 'no duration';
  return formatDurationUs(trace.columns.durationUs[index] ?? 0);
}

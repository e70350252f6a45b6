// The sentences of the timeline's "Irregular trace." notice: what the model had to repair or fill
// in, counted, so that the user knows before opening spans one by one. Orphans are not here: the
// route's "Incomplete trace" notice covers them on every view.

import { countOf as count } from '../lib/count-format';
import type { TraceIssues } from '../model/types';

export function irregularTraceNotes(issues: TraceIssues): string[] {
  const notes: string[] = [];
  const duplicates = issues.duplicateSpanIds.length;
  if (duplicates > 0) notes.push(`${count(duplicates, 'span ID occurs', 'span IDs occur')} more than once (all copies shown).`);
  const cycles = issues.cycleSpanIndices.length;
  if (cycles > 0) notes.push(`${count(cycles, 'parent link', 'parent links')} formed a cycle and ${cycles === 1 ? 'was' : 'were'} cut.`);
  const noId = issues.missingIdSpanIndices.length;
  if (noId > 0) notes.push(`${count(noId, 'span has', 'spans have')} no span ID (shown as missing-id-…).`);
  const noStart = issues.missingStartSpanIndices.length;
  const noDuration = issues.missingDurationSpanIndices.length;
  if (noStart > 0 || noDuration > 0) {
    const parts: string[] = [];
    if (noStart > 0) parts.push(`${count(noStart, 'span has', 'spans have')} no readable start time (drawn at the parent's start, marked “no start”)`);
    if (noDuration > 0) parts.push(`${count(noDuration, 'span has', 'spans have')} no readable duration (drawn with zero length, marked “no duration”)`);
    notes.push(`${parts.join('; ')}.`);
  }
  return notes;
}

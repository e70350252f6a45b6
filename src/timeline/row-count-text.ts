import { countOf } from '../lib/count-format';

/**
 * The waterfall header's count. Rows and spans are not the same unit: a folded group is one row for
 * many spans, and an unfolded group adds a header row, so "24 of 23 rows" could happen with "of".
 */
export function rowsAndSpansText(rowCount: number, spanCount: number): string {
  return `${countOf(rowCount, 'row')}, ${countOf(spanCount, 'span')}`;
}

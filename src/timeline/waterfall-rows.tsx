// The rows of the waterfall that are in view (plus overscan). The only part of the timeline that
// follows the scroll position: a scroll re-renders this list, and in it only the rows that came
// into view (rows are memoised and keyed by span), never the toolbar, legend, minimap or ruler.
// (Reusing row elements across spans instead, keyed by slot, measured no faster: the browser's
// style and layout work per new row content is the same either way.)

import { memo, useRef, type ReactElement } from 'react';
import type { RowContext } from './row-context';
import { isGroupRow } from './row-list';
import { renderRange } from './row-window';
import { ROW_HEIGHT_PX, SpanRow } from './span-row';
import { useRowWindow } from './use-row-window';

interface WaterfallRowsProps {
  /** Must be rendered as the direct child of the scrolling element (the treegrid's scroll box). */
  rows: Int32Array;
  ctx: RowContext;
  /** Kept mounted even when scrolled away, so aria-activedescendant always names a real row. */
  activeRowIndex: number;
  selectedIndex: number;
  currentMatch: number;
  overscanRows: number;
}

export const WaterfallRows = memo(function WaterfallRows(props: WaterfallRowsProps) {
  const { rows, ctx, activeRowIndex, selectedIndex, currentMatch, overscanRows } = props;
  const groupRef = useRef<HTMLDivElement | null>(null);
  // The scroll box is this row group's parent (see useRowWindow).
  const visible = useRowWindow(groupRef, ROW_HEIGHT_PX);
  const { start, end } = renderRange(visible, rows.length, overscanRows);

  const out: ReactElement[] = [];
  const push = (rowIndex: number) => {
    const row = rows[rowIndex];
    if (row === undefined) return;
    const isSpan = !isGroupRow(row);
    out.push(
      <SpanRow
        key={row}
        ctx={ctx}
        row={row}
        rowIndex={rowIndex}
        selected={isSpan && row === selectedIndex}
        active={rowIndex === activeRowIndex}
        currentMatch={isSpan && row === currentMatch}
      />,
    );
  };
  // The active row outside the window goes where it belongs in document order.
  const activeOutside = activeRowIndex >= 0 && activeRowIndex < rows.length && (activeRowIndex < start || activeRowIndex >= end);
  if (activeOutside && activeRowIndex < start) push(activeRowIndex);
  for (let i = start; i < end; i++) push(i);
  if (activeOutside && activeRowIndex >= end) push(activeRowIndex);

  return (
    <div ref={groupRef} role="rowgroup" className="relative w-full" style={{ height: rows.length * ROW_HEIGHT_PX }}>
      {out}
    </div>
  );
});

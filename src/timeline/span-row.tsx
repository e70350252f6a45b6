// One row of the waterfall: the name cell (indent guides, toggle, service swatch, names, markers)
// and the timeline cell (bar, critical path, event markers, label). Rows are absolutely
// positioned by the virtualizer; only the rows in view exist.

import type { CSSProperties } from 'react';
import { formatDurationUs } from '../lib/duration-format';
import { SpanFlag } from '../model/types';
import { attributeText, spanAttributeValue } from './attribute-text';
import type { RowContext } from './row-context';
import { descendantErrorCount, groupErrorCount, groupIdOfRow, isGroupRow } from './row-list';
import { labelColourOn } from './label-colour';
import { barGeometry, timeToFraction } from './time-scale';

export const INDENT_PX = 14;

interface SpanRowProps {
  ctx: RowContext;
  /** Span index, or a group header value (< 0). */
  row: number;
  rowIndex: number;
  topPx: number;
}

export function SpanRow({ ctx, row, rowIndex, topPx }: SpanRowProps) {
  return isGroupRow(row) ? (
    <GroupRow ctx={ctx} groupId={groupIdOfRow(row)} rowIndex={rowIndex} topPx={topPx} row={row} />
  ) : (
    <SingleSpanRow ctx={ctx} spanIndex={row} rowIndex={rowIndex} topPx={topPx} />
  );
}

function rowDomId(rowIndex: number): string {
  return `skein-row-${rowIndex}`;
}
export { rowDomId };

function rowStyle(ctx: RowContext, topPx: number): CSSProperties {
  return {
    transform: `translateY(${topPx}px)`,
    height: ctx.rowHeightPx,
    gridTemplateColumns: `${ctx.nameColumnPx}px minmax(0, 1fr)`,
  };
}

const rowBase =
  'absolute left-0 top-0 grid w-full cursor-default select-none border-b border-gray-100 text-sm contain-strict dark:border-gray-800/70';

function SingleSpanRow({ ctx, spanIndex, rowIndex, topPx }: { ctx: RowContext; spanIndex: number; rowIndex: number; topPx: number }) {
  const { trace, colours } = ctx;
  const span = trace.spans[spanIndex];
  if (!span) return null;
  const { columns } = trace;
  const flags = columns.flags[spanIndex] ?? 0;
  const depth = columns.depth[spanIndex] ?? 0;
  const hasChildren = (columns.childCount[spanIndex] ?? 0) > 0;
  const collapsed = hasChildren && ctx.collapsed[spanIndex] === 1;
  const selected = ctx.selectedIndex === spanIndex;
  const active = ctx.activeRowIndex === rowIndex;
  const isMatch = ctx.matchMask ? ctx.matchMask[spanIndex] === 1 : false;
  const isCurrentMatch = ctx.currentMatch === spanIndex;
  const colour = colours[columns.service[spanIndex] ?? 0] ?? '#888';
  const isError = (flags & SpanFlag.Error) !== 0;
  const hiddenErrors = collapsed ? descendantErrorCount(columns, ctx.errorPrefix, spanIndex) : 0;
  const skewed = ctx.skewMask ? ctx.skewMask[spanIndex] === 1 : false;
  const shiftUs = ctx.shiftUs ? (ctx.shiftUs[spanIndex] ?? 0) : 0;

  return (
    <div
      role="row"
      id={rowDomId(rowIndex)}
      aria-rowindex={rowIndex + 1}
      aria-level={depth + 1}
      aria-expanded={hasChildren ? !collapsed : undefined}
      aria-selected={selected}
      data-span-id={span.spanId}
      data-row-index={rowIndex}
      className={`${rowBase} ${rowBackground(selected, isCurrentMatch, isMatch)} ${active ? 'outline-2 -outline-offset-2 outline-blue-500' : ''}`}
      style={rowStyle(ctx, topPx)}
      onClick={() => ctx.onClickRow(rowIndex)}
    >
      <div role="gridcell" className="flex min-w-0 items-center gap-1 overflow-hidden border-r border-gray-200 pr-2 dark:border-gray-700">
        <IndentGuides depth={depth} maxPx={ctx.nameColumnPx - 140} />
        <ToggleButton
          hasChildren={hasChildren}
          expanded={!collapsed}
          label={span.name}
          onToggle={() => ctx.onToggleRow(spanIndex)}
        />
        <span aria-hidden="true" className="h-3 w-1.5 shrink-0 rounded-sm" style={{ backgroundColor: colour }} />
        <span className="min-w-0 truncate">
          <span className="font-medium text-gray-600 dark:text-gray-300">{span.serviceName}</span>{' '}
          <span className="text-gray-900 dark:text-gray-50">{span.name}</span>
        </span>
        {isError && <Badge tone="error" label="Error" text="!" />}
        {hiddenErrors > 0 && (
          <Badge tone="error-soft" label={`${hiddenErrors} hidden ${hiddenErrors === 1 ? 'error' : 'errors'} inside`} text={`${hiddenErrors}!`} />
        )}
        {(flags & SpanFlag.Orphan) !== 0 && <Badge tone="warn" label="Parent span missing" text="orphan" />}
        {(flags & SpanFlag.DuplicateId) !== 0 && <Badge tone="warn" label="Duplicate span ID" text="dup" />}
        {(flags & SpanFlag.CycleCut) !== 0 && <Badge tone="warn" label="Parent link cut: it closed a cycle" text="cycle" />}
        {skewed && (
          <Badge
            tone="warn"
            label={shiftUs !== 0 ? `Clock skew adjusted by ${formatDurationUs(shiftUs)}` : 'Clock skew: outside its parent across a process boundary'}
            text={shiftUs !== 0 ? 'skew adj.' : 'skew'}
          />
        )}
      </div>
      <div role="gridcell" className="relative min-w-0 overflow-hidden">
        <SpanBar ctx={ctx} spanIndex={spanIndex} colour={colour} />
      </div>
    </div>
  );
}

function rowBackground(selected: boolean, currentMatch: boolean, match: boolean): string {
  if (selected) return 'bg-blue-100 dark:bg-blue-900/60';
  if (currentMatch) return 'bg-amber-200 dark:bg-amber-700/50';
  if (match) return 'bg-amber-50 dark:bg-amber-900/30';
  return 'hover:bg-gray-50 dark:hover:bg-gray-800/60';
}

function SpanBar({ ctx, spanIndex, colour }: { ctx: RowContext; spanIndex: number; colour: string }) {
  const span = ctx.trace.spans[spanIndex];
  if (!span) return null;
  const startUs = ctx.startUs[spanIndex] ?? span.startUs;
  const geometry = barGeometry(startUs, span.durationUs, ctx.view);
  const label = barLabel(ctx, spanIndex);
  const criticalPairs = ctx.critical?.get(spanIndex);
  const placement = labelPlacement(geometry.left, geometry.width);
  return (
    <>
      {geometry.inView && (
        <div
          data-span-bar=""
          className="absolute top-1/2 h-3 -translate-y-1/2 rounded-[2px]"
          style={{ left: pct(geometry.left), width: `max(${pct(geometry.width)}, 1px)`, backgroundColor: colour }}
        />
      )}
      {criticalPairs && <CriticalPieces pairs={criticalPairs} ctx={ctx} />}
      {geometry.inView &&
        span.events.map((event, eventIndex) => {
          const at = timeToFraction(event.timeUs, ctx.view);
          if (at < 0 || at > 1) return null;
          return (
            <span
              key={eventIndex}
              aria-hidden="true"
              data-event-marker=""
              className="absolute top-1/2 h-4 w-[3px] -translate-x-1/2 -translate-y-1/2 rounded-[1px] border border-white bg-gray-900 dark:border-gray-900 dark:bg-white"
              style={{ left: pct(at) }}
              onMouseEnter={(e) => ctx.onHoverEvent({ spanIndex, eventIndex, clientX: e.clientX, clientY: e.clientY })}
              onMouseLeave={() => ctx.onHoverEvent(null)}
            />
          );
        })}
      <span
        data-bar-label={placement.side}
        className={`pointer-events-none absolute top-1/2 -translate-y-1/2 truncate px-1 whitespace-nowrap tabular-nums ${placement.side === 'inside' ? 'text-[11px] leading-3 font-medium' : 'text-xs text-gray-700 dark:text-gray-300'}`}
        style={placement.side === 'inside' ? { ...placement.style, color: labelColourOn(colour) } : placement.style}
      >
        {label}
      </span>
    </>
  );
}

function CriticalPieces({ pairs, ctx }: { pairs: Float64Array; ctx: RowContext }) {
  const pieces = [];
  for (let k = 0; k + 1 < pairs.length; k += 2) {
    const from = pairs[k] ?? 0;
    const to = pairs[k + 1] ?? 0;
    const g = barGeometry(from, to - from, ctx.view);
    if (!g.inView) continue;
    pieces.push(
      <span
        key={k}
        data-critical-path=""
        className="absolute top-1/2 h-1 -translate-y-1/2 bg-gray-950 dark:bg-white"
        style={{ left: pct(g.left), width: `max(${pct(g.width)}, 1px)` }}
      />,
    );
  }
  return <>{pieces}</>;
}

function barLabel(ctx: RowContext, spanIndex: number): string {
  const span = ctx.trace.spans[spanIndex];
  if (!span) return '';
  if (ctx.labelAttribute) {
    const value = spanAttributeValue(span, ctx.labelAttribute);
    return value === undefined ? '' : attributeText(value);
  }
  return formatDurationUs(span.durationUs);
}

function GroupRow({ ctx, groupId, rowIndex, topPx, row }: { ctx: RowContext; groupId: number; rowIndex: number; topPx: number; row: number }) {
  const groups = ctx.groups;
  if (!groups) return null;
  const first = groups.firstIndex[groupId] ?? 0;
  const last = groups.lastIndex[groupId] ?? first;
  const span = ctx.trace.spans[first];
  if (!span) return null;
  const { columns } = ctx.trace;
  const depth = columns.depth[first] ?? 0;
  const count = groups.memberCount[groupId] ?? 0;
  const totalUs = groups.totalDurationUs[groupId] ?? 0;
  const expanded = ctx.groupExpanded[groupId] === 1;
  const active = ctx.activeRowIndex === rowIndex;
  const colour = ctx.colours[columns.service[first] ?? 0] ?? '#888';
  const errors = groupErrorCount(columns, ctx.errorPrefix, groups, groupId);
  const startUs = ctx.startUs[first] ?? span.startUs;
  const lastSpan = ctx.trace.spans[last];
  const endUs = lastSpan ? (ctx.startUs[last] ?? lastSpan.startUs) + lastSpan.durationUs : startUs;
  const extent = barGeometry(startUs, endUs - startUs, ctx.view);
  const title = `${count} × ${span.name} — total ${formatDurationUs(totalUs)}`;
  // The folded members are drawn faintly, so the label may sit over them when there is no room.
  const groupLabel = labelPlacement(extent.left, extent.width);
  const members: number[] = [];
  if (!expanded) {
    // Folded: draw each member's bar faintly in the one row (members are siblings, contiguous).
    for (let i = first; i <= last && members.length < 400; i = columns.subtreeEnd[i] ?? i + 1) members.push(i);
  }
  return (
    <div
      role="row"
      id={rowDomId(rowIndex)}
      aria-rowindex={rowIndex + 1}
      aria-level={depth + 1}
      aria-expanded={expanded}
      aria-selected={false}
      data-group-row={row}
      data-span-id={span.spanId}
      className={`${rowBase} bg-gray-50 hover:bg-gray-100 dark:bg-gray-900 dark:hover:bg-gray-800 ${active ? 'outline-2 -outline-offset-2 outline-blue-500' : ''}`}
      style={rowStyle(ctx, topPx)}
      onClick={() => ctx.onClickRow(rowIndex)}
    >
      <div role="gridcell" className="flex min-w-0 items-center gap-1 overflow-hidden border-r border-gray-200 pr-2 dark:border-gray-700">
        <IndentGuides depth={depth} maxPx={ctx.nameColumnPx - 140} />
        <ToggleButton hasChildren expanded={expanded} label={title} onToggle={() => ctx.onToggleRow(row)} />
        <span aria-hidden="true" className="h-3 w-1.5 shrink-0 rounded-sm" style={{ backgroundColor: colour }} />
        <span className="min-w-0 truncate italic text-gray-800 dark:text-gray-100">
          <span className="font-semibold not-italic">{count} ×</span> {span.serviceName} {span.name}{' '}
          <span className="text-gray-600 dark:text-gray-300">— total {formatDurationUs(totalUs)}</span>
        </span>
        {errors > 0 && <Badge tone="error-soft" label={`${errors} ${errors === 1 ? 'error' : 'errors'} in group`} text={`${errors}!`} />}
      </div>
      <div role="gridcell" className="relative min-w-0 overflow-hidden">
        {expanded && extent.inView && (
          <div className="absolute top-1/2 h-1 -translate-y-1/2 opacity-50" style={{ left: pct(extent.left), width: `max(${pct(extent.width)}, 1px)`, backgroundColor: colour }} />
        )}
        {members.map((i) => {
          const member = ctx.trace.spans[i];
          if (!member) return null;
          const g = barGeometry(ctx.startUs[i] ?? member.startUs, member.durationUs, ctx.view);
          if (!g.inView) return null;
          return (
            <div
              key={i}
              className="absolute top-1/2 h-3 -translate-y-1/2 rounded-[2px] opacity-80 ring-1 ring-white dark:ring-gray-900"
              style={{ left: pct(g.left), width: `max(${pct(g.width)}, 1px)`, backgroundColor: colour }}
            />
          );
        })}
        <span
          className="pointer-events-none absolute top-1/2 -translate-y-1/2 truncate px-1 text-xs whitespace-nowrap text-gray-700 tabular-nums dark:text-gray-300"
          style={groupLabel.style}
        >
          {formatDurationUs(totalUs)}
        </span>
      </div>
    </div>
  );
}

function IndentGuides({ depth, maxPx }: { depth: number; maxPx: number }) {
  const widthPx = Math.max(0, Math.min(depth * INDENT_PX, maxPx));
  if (widthPx === 0) return <span className="w-1 shrink-0" />;
  return (
    <span
      aria-hidden="true"
      className="h-full shrink-0 self-stretch [--guide:var(--color-gray-300)] dark:[--guide:var(--color-gray-700)]"
      style={{
        width: widthPx + 4,
        backgroundImage: `repeating-linear-gradient(to right, transparent 0 ${INDENT_PX / 2 + 3}px, var(--guide) ${INDENT_PX / 2 + 3}px ${INDENT_PX / 2 + 4}px, transparent ${INDENT_PX / 2 + 4}px ${INDENT_PX}px)`,
        backgroundSize: `${widthPx}px 100%`,
        backgroundRepeat: 'no-repeat',
      }}
    />
  );
}

function ToggleButton({ hasChildren, expanded, label, onToggle }: { hasChildren: boolean; expanded: boolean; label: string; onToggle(): void }) {
  if (!hasChildren) return <span className="w-4 shrink-0" />;
  return (
    <button
      type="button"
      tabIndex={-1}
      aria-label={`${expanded ? 'Collapse' : 'Expand'} ${label}`}
      className="flex h-4 w-4 shrink-0 items-center justify-center rounded text-gray-600 hover:bg-gray-200 dark:text-gray-300 dark:hover:bg-gray-700"
      onClick={(e) => {
        e.stopPropagation();
        onToggle();
      }}
    >
      <svg viewBox="0 0 10 10" className={`h-2.5 w-2.5 transition-transform ${expanded ? 'rotate-90' : ''}`} aria-hidden="true">
        <path d="M3 1.5 L7 5 L3 8.5 Z" fill="currentColor" />
      </svg>
    </button>
  );
}

const badgeTones = {
  error: 'bg-red-600 text-white dark:bg-red-500 dark:text-white',
  'error-soft': 'border border-red-600 text-red-700 dark:border-red-400 dark:text-red-300',
  warn: 'border border-amber-600 text-amber-800 dark:border-amber-400 dark:text-amber-200',
} as const;

function Badge({ tone, label, text }: { tone: keyof typeof badgeTones; label: string; text: string }) {
  return (
    <span title={label} className={`shrink-0 rounded px-1 text-[10px] leading-4 font-semibold ${badgeTones[tone]}`}>
      <span aria-hidden="true">{text}</span>
      <span className="sr-only">{label}</span>
    </span>
  );
}

/** Least room (a fraction of the timeline width) beside a bar for its label to go there. */
const LABEL_ROOM = 0.1;

/**
 * Where a bar's label goes: after the bar, before it when the bar ends late, and inside it when
 * neither side has room (a bar spanning the whole view would otherwise push its label out of the
 * clipped cell).
 */
function labelPlacement(left: number, width: number): { side: 'left' | 'right' | 'inside'; style: CSSProperties } {
  const end = left + width;
  const roomLeft = left;
  const roomRight = 1 - end;
  let side: 'left' | 'right' | 'inside' = end > 0.75 ? 'left' : 'right';
  if (side === 'left' && roomLeft < LABEL_ROOM && roomRight >= LABEL_ROOM) side = 'right';
  if (side === 'right' && roomRight < LABEL_ROOM && roomLeft >= LABEL_ROOM) side = 'left';
  if ((side === 'left' ? roomLeft : roomRight) < LABEL_ROOM) side = 'inside';
  if (side === 'left') return { side, style: { right: pct(1 - left), maxWidth: pct(roomLeft) } };
  if (side === 'right') return { side, style: { left: pct(end), maxWidth: pct(roomRight) } };
  const from = Math.max(0, left);
  return { side, style: { left: pct(from), maxWidth: pct(Math.max(0, Math.min(1, end) - from)) } };
}

function pct(fraction: number): string {
  return `${(fraction * 100).toFixed(4)}%`;
}

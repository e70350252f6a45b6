// One row of the waterfall: the name cell (indent guides, toggle, service swatch, names, markers)
// and the timeline cell (bar, critical path, event markers, label). Rows are absolutely
// positioned; only the rows in view exist.
//
// Cheap to create, because a fast drag replaces every row on screen in each frame: a plain span
// row is 8 elements (indent guides are the name cell's background, the service swatch and the
// toggle's arrow are pseudo-elements, vertical placement uses fixed offsets rather than
// transforms), and the row is memoised, so rows already on screen do not render again while
// the list scrolls.

import { memo, type CSSProperties, type ReactNode } from 'react';
import { formatDurationUs } from '../lib/duration-format';
import { SpanFlag } from '../model/types';
import { spanIdMissing, spanStartMissing } from '../model/span-issues';
import { attributeText, spanAttributeValue } from './attribute-text';
import type { RowContext } from './row-context';
import { descendantErrorCount, groupErrorCount, groupIdOfRow, isGroupRow } from './row-list';
import { labelColourOn } from './label-colour';
import { spanDurationLabel } from './span-duration-label';
import { barGeometry, timeToFraction } from './time-scale';
import {
  badgeBase,
  badgeTones,
  barClass,
  labelBesideClass,
  labelInsideClass,
  labelPlacement,
  nameCellIndent,
  pct,
  rowBase,
  serviceLabelClass,
  serviceNameClass,
  serviceNameItalicText,
  serviceNameText,
  timeCell,
} from './span-row-geometry';

export { INDENT_PX, NAME_COLUMN_VAR, ROW_HEIGHT_PX } from './span-row-geometry';
import { ROW_HEIGHT_PX } from './span-row-geometry';

export interface SpanRowProps {
  ctx: RowContext;
  /** Span index, or a group header value (< 0). */
  row: number;
  rowIndex: number;
  /** The span's details are open. */
  selected: boolean;
  /** The keyboard's active row (aria-activedescendant). */
  active: boolean;
  /** The current find match. */
  currentMatch: boolean;
}

export const SpanRow = memo(function SpanRow(props: SpanRowProps) {
  return isGroupRow(props.row) ? <GroupRow {...props} groupId={groupIdOfRow(props.row)} /> : <SingleSpanRow {...props} spanIndex={props.row} />;
});

function rowDomId(rowIndex: number): string {
  return `skein-row-${rowIndex}`;
}
export { rowDomId };

function rowStyle(rowIndex: number): CSSProperties {
  return { transform: `translateY(${rowIndex * ROW_HEIGHT_PX}px)` };
}

const activeOutline = 'outline-2 -outline-offset-2 outline-blue-500';

function SingleSpanRow({ ctx, spanIndex, rowIndex, selected, active, currentMatch }: SpanRowProps & { spanIndex: number }) {
  const { trace, colours } = ctx;
  const span = trace.spans[spanIndex];
  if (!span) return null;
  const { columns } = trace;
  const flags = columns.flags[spanIndex] ?? 0;
  const depth = columns.depth[spanIndex] ?? 0;
  const hasChildren = (columns.childCount[spanIndex] ?? 0) > 0;
  const collapsed = hasChildren && ctx.collapsed[spanIndex] === 1;
  const isMatch = ctx.matchMask ? ctx.matchMask[spanIndex] === 1 : false;
  const colour = colours[columns.service[spanIndex] ?? 0] ?? '#888';
  const isError = (flags & SpanFlag.Error) !== 0;
  const hiddenErrors = collapsed ? descendantErrorCount(columns, ctx.errorPrefix, spanIndex) : 0;
  const skewed = ctx.skewMask ? ctx.skewMask[spanIndex] === 1 : false;
  const shiftUs = ctx.shiftUs ? (ctx.shiftUs[spanIndex] ?? 0) : 0;
  const indent = nameCellIndent(depth, hasChildren);
  // The issue lists are searched only for the rare spans that have one.
  const idMissing = trace.issues.missingIdSpanIndices.length > 0 && spanIdMissing(trace, spanIndex);
  const startMissing = (flags & SpanFlag.MissingTime) !== 0 && spanStartMissing(trace, spanIndex);

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
      className={`${rowBase} ${rowBackground(selected, currentMatch, isMatch)} ${active ? activeOutline : ''}`}
      style={rowStyle(rowIndex)}
      onClick={() => ctx.onClickRow(rowIndex)}
    >
      <div role="gridcell" className={indent.className} style={indent.style}>
        {hasChildren && <ToggleButton expanded={!collapsed} label={span.name} onToggle={() => ctx.onToggleRow(spanIndex)} />}
        <ServiceName colour={colour}>
          <span className={serviceLabelClass}>{span.serviceName}</span> {span.name}
        </ServiceName>
        {isError && <Badge tone="error" label="Error" text="!" />}
        {hiddenErrors > 0 && (
          <Badge tone="error-soft" label={`${hiddenErrors} hidden ${hiddenErrors === 1 ? 'error' : 'errors'} inside`} text={`${hiddenErrors}!`} />
        )}
        {(flags & SpanFlag.Orphan) !== 0 && <Badge tone="warn" label="Parent span missing" text="orphan" />}
        {(flags & SpanFlag.DuplicateId) !== 0 && <Badge tone="warn" label="Duplicate span ID" text="dup" />}
        {(flags & SpanFlag.CycleCut) !== 0 && <Badge tone="warn" label="Parent link cut: it closed a cycle" text="cycle" />}
        {idMissing && <Badge tone="warn" label="Span ID missing (shown with a stand-in ID)" text="no ID" />}
        {startMissing && <Badge tone="warn" label="Start time missing (drawn at its parent's start)" text="no start" />}
        {skewed && (
          <Badge
            tone="warn"
            label={shiftUs !== 0 ? `Clock skew adjusted by ${formatDurationUs(shiftUs)}` : 'Clock skew: outside its parent across a process boundary'}
            text={shiftUs !== 0 ? 'skew adj.' : 'skew'}
          />
        )}
      </div>
      <div role="gridcell" className={timeCell}>
        <SpanBar ctx={ctx} spanIndex={spanIndex} colour={colour} />
      </div>
    </div>
  );
}

/** The service swatch (a pseudo-element in the service colour) and the truncated name text. */
function ServiceName({ colour, italic, children }: { colour: string; italic?: boolean; children: ReactNode }) {
  return (
    <span
      className={`${serviceNameClass} ${italic ? serviceNameItalicText : serviceNameText}`}
      style={{ '--svc': colour } as CSSProperties}
    >
      {children}
    </span>
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
          className={barClass}
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
              className="absolute top-[5.5px] h-4 w-[3px] -translate-x-1/2 rounded-[1px] border border-white bg-gray-900 dark:border-gray-900 dark:bg-white"
              style={{ left: pct(at) }}
              onMouseEnter={(e) => ctx.onHoverEvent({ spanIndex, eventIndex, clientX: e.clientX, clientY: e.clientY })}
              onMouseLeave={() => ctx.onHoverEvent(null)}
            />
          );
        })}
      <span
        data-bar-label={placement.side}
        className={placement.side === 'inside' ? labelInsideClass : labelBesideClass}
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
        className="absolute top-[11.5px] h-1 bg-gray-950 dark:bg-white"
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
  return spanDurationLabel(ctx.trace, spanIndex);
}

function GroupRow({ ctx, groupId, rowIndex, row, active }: SpanRowProps & { groupId: number }) {
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
  const colour = ctx.colours[columns.service[first] ?? 0] ?? '#888';
  const errors = groupErrorCount(columns, ctx.errorPrefix, groups, groupId);
  const startUs = ctx.startUs[first] ?? span.startUs;
  const lastSpan = ctx.trace.spans[last];
  const endUs = lastSpan ? (ctx.startUs[last] ?? lastSpan.startUs) + lastSpan.durationUs : startUs;
  const extent = barGeometry(startUs, endUs - startUs, ctx.view);
  const title = `${count} × ${span.name} — total ${formatDurationUs(totalUs)}`;
  // The folded members are drawn faintly, so the label may sit over them when there is no room.
  const groupLabel = labelPlacement(extent.left, extent.width);
  const indent = nameCellIndent(depth, true);
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
      className={`${rowBase} bg-gray-50 hover:bg-gray-100 dark:bg-gray-900 dark:hover:bg-gray-800 ${active ? activeOutline : ''}`}
      style={rowStyle(rowIndex)}
      onClick={() => ctx.onClickRow(rowIndex)}
    >
      <div role="gridcell" className={indent.className} style={indent.style}>
        <ToggleButton expanded={expanded} label={title} onToggle={() => ctx.onToggleRow(row)} />
        <ServiceName colour={colour} italic>
          <span className="font-semibold not-italic">{count} ×</span> {span.serviceName} {span.name}{' '}
          <span className="text-gray-600 dark:text-gray-300">— total {formatDurationUs(totalUs)}</span>
        </ServiceName>
        {errors > 0 && <Badge tone="error-soft" label={`${errors} ${errors === 1 ? 'error' : 'errors'} in group`} text={`${errors}!`} />}
      </div>
      <div role="gridcell" className={timeCell}>
        {expanded && extent.inView && (
          <div className="absolute top-[11.5px] h-1 opacity-50" style={{ left: pct(extent.left), width: `max(${pct(extent.width)}, 1px)`, backgroundColor: colour }} />
        )}
        {members.map((i) => {
          const member = ctx.trace.spans[i];
          if (!member) return null;
          const g = barGeometry(ctx.startUs[i] ?? member.startUs, member.durationUs, ctx.view);
          if (!g.inView) return null;
          return (
            <div
              key={i}
              className={`${barClass} opacity-80 ring-1 ring-white dark:ring-gray-900`}
              style={{ left: pct(g.left), width: `max(${pct(g.width)}, 1px)`, backgroundColor: colour }}
            />
          );
        })}
        <span
          className={labelBesideClass}
          style={groupLabel.style}
        >
          {formatDurationUs(totalUs)}
        </span>
      </div>
    </div>
  );
}

/** The expand/collapse button; the arrow is its ::before (a CSS triangle), turned when open. */
function ToggleButton({ expanded, label, onToggle }: { expanded: boolean; label: string; onToggle(): void }) {
  return (
    <button
      type="button"
      tabIndex={-1}
      aria-label={`${expanded ? 'Collapse' : 'Expand'} ${label}`}
      className={`flex h-4 w-4 shrink-0 items-center justify-center rounded text-gray-600 before:border-y-4 before:border-l-[6px] before:border-y-transparent before:border-l-current before:content-[''] hover:bg-gray-200 dark:text-gray-300 dark:hover:bg-gray-700 ${expanded ? 'before:rotate-90' : ''}`}
      onClick={(e) => {
        e.stopPropagation();
        onToggle();
      }}
    />
  );
}

function Badge({ tone, label, text }: { tone: keyof typeof badgeTones; label: string; text: string }) {
  return (
    <span title={label} className={`${badgeBase} ${badgeTones[tone]}`}>
      <span aria-hidden="true">{text}</span>
      <span className="sr-only">{label}</span>
    </span>
  );
}


/**
 * TraceViewSwitch: one trace in the view the URL asks for (`view=`): the waterfall (timeline),
 * the span table (spans), statistics (stats), the flame graph (flame) or the JSON (json).
 *
 * Props: everything TraceTimeline takes, plus `view`, for the JSON view optional `rawText`, and
 * the span table's and the statistics' controls (`spanTableView` + `onSpanTableViewChange`,
 * `statsView` + `onStatsViewChange`: ./table-views.ts), which the trace page keeps in its URL.
 * The span table and the flame graph show the same "Span details" panel beside them when a span
 * is selected, so `span=` means the same thing in every view. Unknown views fall back to the
 * timeline (the route should still normalise the URL).
 */

import { useMemo, type ReactNode } from 'react';
import { selfTimeOf } from '../model/self-time';
import { FlameGraph } from './flame-graph';
import { RawJsonView } from './raw-json-view';
import { SpanDetails } from './span-details';
import { SpanTable } from './span-table';
import { TraceStatistics } from './trace-statistics';
import type { SpanTableView, StatsView } from './table-views';
import { TraceTimeline, type TraceTimelineProps } from './trace-timeline';

export type TraceViewName = 'timeline' | 'spans' | 'stats' | 'flame' | 'json';

export const TRACE_VIEWS: readonly { name: TraceViewName; label: string }[] = [
  { name: 'timeline', label: 'Timeline' },
  { name: 'spans', label: 'Spans' },
  { name: 'stats', label: 'Statistics' },
  { name: 'flame', label: 'Flame graph' },
  { name: 'json', label: 'JSON' },
];

export function isTraceViewName(value: string | null | undefined): value is TraceViewName {
  return TRACE_VIEWS.some((v) => v.name === value);
}

export interface TraceViewSwitchProps extends TraceTimelineProps {
  view: TraceViewName | string | null | undefined;
  rawText?: string;
  spanTableView?: SpanTableView;
  onSpanTableViewChange?(view: SpanTableView): void;
  statsView?: StatsView;
  onStatsViewChange?(view: StatsView): void;
}

export function TraceViewSwitch(props: TraceViewSwitchProps) {
  const { view, rawText, spanTableView, onSpanTableViewChange, statsView, onStatsViewChange, ...timelineProps } = props;
  const { trace, selectedSpanId, onSelectSpan } = props;
  switch (view) {
    case 'spans':
      return (
        <WithDetails {...props}>
          <SpanTable
            trace={trace}
            selectedSpanId={selectedSpanId}
            onSelectSpan={onSelectSpan}
            {...(onSpanTableViewChange ? { view: spanTableView, onViewChange: onSpanTableViewChange } : {})}
          />
        </WithDetails>
      );
    case 'flame':
      return (
        <WithDetails {...props}>
          <FlameGraph trace={trace} selectedSpanId={selectedSpanId} onSelectSpan={onSelectSpan} />
        </WithDetails>
      );
    case 'stats':
      return <TraceStatistics trace={trace} {...(onStatsViewChange ? { view: statsView, onViewChange: onStatsViewChange } : {})} />;
    case 'json':
      return <RawJsonView trace={trace} rawText={rawText} />;
    default:
      return <TraceTimeline {...timelineProps} />;
  }
}

function WithDetails({ trace, selectedSpanId, onSelectSpan, timeZone, traceLinkHref, linkPatterns, children }: TraceViewSwitchProps & { children: ReactNode }) {
  const span = useMemo(() => (selectedSpanId === null ? undefined : trace.spans.find((s) => s.spanId === selectedSpanId)), [trace, selectedSpanId]);
  return (
    <div className="flex h-full min-h-0">
      <div className="min-w-0 flex-1">{children}</div>
      {span && (
        <div className="w-[min(440px,45%)] shrink-0 border-l border-slate-200 dark:border-slate-800">
          <SpanDetails
            trace={trace}
            span={span}
            selfTimeUs={selfTimeOf(trace, span.index)}
            skewShiftUs={0}
            skewed={false}
            onCriticalPath={null}
            timeZone={timeZone}
            onClose={() => onSelectSpan(null)}
            onSelectSpan={(spanId) => onSelectSpan(spanId)}
            traceLinkHref={traceLinkHref}
            linkPatterns={linkPatterns}
          />
        </div>
      )}
    </div>
  );
}

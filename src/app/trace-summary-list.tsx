import type { Trace } from '../model/types';
import { traceDurationUnknown, traceStartUnknown } from '../model/span-issues';
import { formatDurationUs } from '../lib/duration-format';
import { formatTimestamp } from '../lib/time-format';
import { usePreferencesStore } from '../state/preferences-store';

/**
 * The trace summary <dl> (DESIGN.md §5: terms Services, Spans, Depth, Duration, Errors), plus the
 * trace ID and the start time in the chosen zone.
 */
export function TraceSummaryList({ trace, label = 'Trace summary' }: { trace: Trace; label?: string }) {
  const zone = usePreferencesStore((s) => s.timeZone);
  const items: { term: string; value: string; mono?: boolean; danger?: boolean }[] = [
    { term: 'Trace ID', value: trace.traceId, mono: true },
    // With no span start to go by the model's origin is epoch 0: say so rather than show 1970.
    { term: 'Start', value: traceStartUnknown(trace) ? 'unknown (no span has a start time)' : formatTimestamp(trace.startUs, zone) },
    { term: 'Duration', value: traceDurationUnknown(trace) ? 'unknown (no span has a duration)' : formatDurationUs(trace.durationUs) },
    { term: 'Services', value: String(trace.services.length) },
    { term: 'Spans', value: String(trace.spans.length) },
    { term: 'Depth', value: String(trace.depth) },
    { term: 'Errors', value: String(trace.errorCount), danger: trace.errorCount > 0 },
  ];
  return (
    <dl aria-label={label} className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
      {items.map((item) => (
        <div key={item.term} className="flex items-baseline gap-1.5">
          <dt className="text-slate-500 dark:text-slate-400">{item.term}</dt>
          <dd
            className={
              'font-medium ' +
              (item.mono ? 'font-mono text-xs break-all ' : '') +
              (item.danger ? 'text-red-700 dark:text-red-400' : 'text-slate-900 dark:text-slate-100')
            }
          >
            {item.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

// The top of the comparison: the answer in words (which operations explain the delta), then the
// numbers behind it.

import { NoticeBanner } from '../components/notice-banner';
import { formatDurationUs } from '../lib/duration-format';
import type { TraceDiff } from '../model/trace-diff';
import { comparisonNotices } from './comparison-notices';
import { formatCountDelta, formatDeltaPercent, formatDeltaUs } from './delta-format';
import { summarySentences, type SentencePart } from './diff-sentences';
import { deltaTextClass } from './diff-waterfall';

export interface DiffSummaryProps {
  diff: TraceDiff;
  onSelectNode(nodeId: number): void;
}

export function DiffSummary({ diff, onSelectNode }: DiffSummaryProps) {
  const s = diff.summary;
  const sentences = summarySentences(diff);
  const percent = formatDeltaPercent(s.deltaUs, s.durationAUs);
  const items: { term: string; value: string; className?: string }[] = [
    { term: 'Duration A', value: formatDurationUs(s.durationAUs) },
    { term: 'Duration B', value: formatDurationUs(s.durationBUs) },
    {
      term: 'Delta',
      value: `${formatDeltaUs(s.deltaUs)}${percent ? ` (${percent})` : ''}`,
      className: deltaTextClass(s.deltaUs, s.thresholdUs),
    },
    { term: 'Spans A → B', value: `${s.spanCountA} → ${s.spanCountB} (${formatCountDelta(s.spanCountB - s.spanCountA)})` },
    {
      term: 'Errors A → B',
      value: `${s.errorCountA} → ${s.errorCountB} (${formatCountDelta(s.errorCountB - s.errorCountA)})`,
      className: s.errorCountB > s.errorCountA ? 'text-red-700 dark:text-red-400' : undefined,
    },
    { term: 'Operations', value: `${s.matchedNodeCount} in both, ${s.addedNodeCount} only in B, ${s.removedNodeCount} only in A` },
  ];
  return (
    <section aria-label="Comparison summary" className="space-y-3">
      {comparisonNotices(s).map((notice) => (
        <NoticeBanner key={notice.key} title={notice.title}>
          {notice.body}
        </NoticeBanner>
      ))}
      <ul className="space-y-1 text-sm">
        {sentences.map((sentence, k) => (
          <li key={sentence.key} className={k === 0 ? 'text-base font-semibold' : 'text-slate-800 dark:text-slate-200'}>
            {sentence.parts.map((part, p) => (
              <Part key={p} part={part} onSelectNode={onSelectNode} />
            ))}
          </li>
        ))}
      </ul>
      <dl aria-label="Comparison numbers" className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
        {items.map((item) => (
          <div key={item.term} className="flex items-baseline gap-1.5">
            <dt className="text-slate-600 dark:text-slate-400">{item.term}</dt>
            <dd className={`font-medium tabular-nums ${item.className ?? 'text-slate-900 dark:text-slate-100'}`}>{item.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Part({ part, onSelectNode }: { part: SentencePart; onSelectNode(nodeId: number): void }) {
  if (part.kind === 'text') return <>{part.text}</>;
  return (
    <button
      type="button"
      onClick={() => onSelectNode(part.nodeId)}
      className="rounded bg-slate-100 px-1 font-mono text-[0.92em] text-sky-800 hover:underline dark:bg-slate-800 dark:text-sky-300"
      title="Show this operation"
    >
      {part.label}
    </button>
  );
}

/**
 * TraceComparison: why B took longer (or less) than A. Props:
 * - `traceA`, `traceB`: the two loaded traces (A is the baseline). Treated as immutable.
 * - `spanHref?(side, spanId)`: link to a span in its own trace page, used in the details.
 * - `view`, `onViewChange(view)`: the picture of the union tree ('waterfall' or 'graph').
 * - `selectedNodeId`, `onSelectedNodeChange(nodeId)`: the node whose details are open (its index in
 *   the diff's union tree, which the same pair of traces always gives). An index the diff does not
 *   have selects nothing.
 * - `waterfallView`, `onWaterfallViewChange`: the waterfall's find text, "Only changed spans" switch and folded rows.
 * - `tableView`, `onTableViewChange`: the table's sort, "Only changed rows" switch and filter text.
 * The route keeps all of them in the URL.
 *
 * Shows the summary in words and numbers, the union tree as a merged waterfall or a diff graph,
 * the `Trace differences` table and, for the selected node, A's and B's details side by side.
 * The diff is computed once per pair of traces (linear in the number of spans).
 */

import { startTransition, useEffect, useId, useState } from 'react';
import { LoadingState } from '../components/loading-state';
import { diffTraceSteps, type TraceDiff } from '../model/trace-diff';
import type { Trace } from '../model/types';
import { ComparisonViewSwitch, type ComparisonView } from './comparison-view-switch';
import { DiffDetails } from './diff-details';
import { DiffGraph } from './diff-graph';
import { DiffSummary } from './diff-summary';
import { DiffTable } from './diff-table';
import type { DiffTableView } from './diff-table-rows';
import { DiffWaterfall, type DiffWaterfallView } from './diff-waterfall';

export interface TraceComparisonProps {
  traceA: Trace;
  traceB: Trace;
  spanHref?: (side: 'A' | 'B', spanId: string) => string;
  view: ComparisonView;
  onViewChange: (view: ComparisonView) => void;
  selectedNodeId: number | null;
  onSelectedNodeChange: (nodeId: number | null) => void;
  /** The waterfall's find text, "only changed" switch and folded rows. */
  waterfallView: DiffWaterfallView;
  onWaterfallViewChange: (view: DiffWaterfallView) => void;
  tableView: DiffTableView;
  onTableViewChange: (view: DiffTableView) => void;
}

export function TraceComparison(props: TraceComparisonProps) {
  const { traceA, traceB, spanHref, view, onViewChange, onSelectedNodeChange, waterfallView, onWaterfallViewChange, tableView, onTableViewChange } = props;
  const diff = useDiff(traceA, traceB);
  const switchId = useId();
  if (diff === null) return <LoadingState label="Comparing the traces…" />;
  const wanted = props.selectedNodeId;
  const selectedNodeId = wanted !== null && wanted >= 0 && wanted < diff.nodes.length ? wanted : null;
  const select = onSelectedNodeChange;

  return (
    <div className="space-y-4">
      <DiffSummary diff={diff} onSelectNode={select} />
      <div className={`grid gap-4 ${selectedNodeId !== null ? 'xl:grid-cols-[minmax(0,1fr)_28rem]' : ''}`}>
        <div className="min-w-0 space-y-6">
          <ComparisonViewSwitch view={view} onChange={onViewChange} idPrefix={switchId}>
            {view === 'graph' ? (
              <DiffGraph key={`graph-${diffKey(diff)}`} diff={diff} selectedNodeId={selectedNodeId} onSelectNode={select} />
            ) : (
              <DiffWaterfall
                key={diffKey(diff)}
                diff={diff}
                selectedNodeId={selectedNodeId}
                onSelectNode={select}
                view={waterfallView}
                onViewChange={onWaterfallViewChange}
              />
            )}
          </ComparisonViewSwitch>
          <DiffTable
            key={`table-${diffKey(diff)}`}
            diff={diff}
            selectedNodeId={selectedNodeId}
            onSelectNode={select}
            view={tableView}
            onViewChange={onTableViewChange}
          />
        </div>
        {selectedNodeId !== null ? (
          <div className="min-w-0 xl:sticky xl:top-2 xl:max-h-[calc(100vh-1rem)] xl:self-start xl:overflow-auto">
            <DiffDetails
              diff={diff}
              nodeId={selectedNodeId}
              traceA={traceA}
              traceB={traceB}
              onClose={() => select(null)}
              spanHref={spanHref}
            />
          </div>
        ) : null}
      </div>
    </div>
  );
}

/**
 * The diff of two traces, computed in tasks of its own after the traces have been painted (one
 * per step of diffTraceSteps), and drawn as a transition, which React renders in slices: loading,
 * diffing and drawing large traces never add up to one long main-thread task.
 */
function useDiff(traceA: Trace, traceB: Trace): TraceDiff | null {
  const [result, setResult] = useState<{ a: Trace; b: Trace; diff: TraceDiff } | null>(null);
  useEffect(() => {
    // Marks for the benchmark: both traces are here; the table marks when it is drawn.
    performance.mark('skein:compare-traces-ready');
    const steps = diffTraceSteps(traceA, traceB);
    let timer = 0;
    const next = (): void => {
      const step = steps.next();
      if (step.done === true) startTransition(() => setResult({ a: traceA, b: traceB, diff: step.value }));
      else timer = window.setTimeout(next, 0);
    };
    timer = window.setTimeout(next, 0);
    return () => window.clearTimeout(timer);
  }, [traceA, traceB]);
  return result !== null && result.a === traceA && result.b === traceB ? result.diff : null;
}

// Per-diff component state (collapse, sort) is reset by keying on the diff's identity.
const diffIds = new WeakMap<object, number>();
let nextDiffId = 0;
function diffKey(diff: object): number {
  let id = diffIds.get(diff);
  if (id === undefined) {
    id = nextDiffId++;
    diffIds.set(diff, id);
  }
  return id;
}

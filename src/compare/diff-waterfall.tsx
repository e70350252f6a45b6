// The merged waterfall: one row per node of the union tree, with A's bar (neutral, the baseline)
// above B's bar (coloured by the change) on one time axis from each trace's start. Rows are
// virtualized; collapse state is one Uint8Array and the row list is rebuilt only when it, the
// find text or the "only changed" switch changes. All three are the caller's to keep (the
// comparison page keeps them in its URL: `fold=` as in ./diff-fold-param.ts, `find=`, `changed=1`).

import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Button } from '../components/button';
import { serviceColour } from '../lib/colour-scale';
import { formatDurationUs } from '../lib/duration-format';
import { totalDeltaUs, type DiffNode, type DiffSide, type TraceDiff } from '../model/trace-diff';
import { deltaColour, deltaWords, formatDeltaUs } from './delta-format';
import {
  buildDiffRows,
  changedNodes,
  collapseAllNodes,
  expandAncestorsOf,
  intersectMasks,
  matchNodes,
  setNodeCollapsed,
  toggleNode,
  withAncestors,
} from './diff-rows';
import { decodeDiffFold, encodeDiffFold } from './diff-fold-param';
import { nodeLabel } from './diff-sentences';
import { DeltaLegend } from './delta-legend';
import { niceTicks } from './nice-ticks';

const ROW_HEIGHT_PX = 30;
const INDENT_PX = 12;
const GRID_COLUMNS = 'minmax(14rem, 32%) minmax(0, 1fr) 6.5rem';
export const BASELINE_COLOUR = '#8b95a5';

/** The waterfall's filters and folded rows, kept by the caller. */
export interface DiffWaterfallView {
  /** Find text: services and operations to keep (with their ancestors). */
  findText: string;
  /** Only nodes whose time changed beyond the noise threshold (with their ancestors). */
  onlyChanged: boolean;
  /**
   * The folded rows as `fold=` text (./diff-fold-param.ts); null: none. Read when the waterfall
   * opens (the collapsed set is built from it once per diff), reported after each change.
   */
  fold: string | null;
}

export interface DiffWaterfallProps {
  diff: TraceDiff;
  selectedNodeId: number | null;
  onSelectNode(nodeId: number | null): void;
  view: DiffWaterfallView;
  onViewChange(view: DiffWaterfallView): void;
}

export function DiffWaterfall({ diff, selectedNodeId, onSelectNode, view, onViewChange }: DiffWaterfallProps) {
  const { nodes } = diff;
  const [openedWith] = useState(() => decodeDiffFold(nodes, view.fold));
  const [collapsed, setCollapsed] = useState<Uint8Array>(openedWith);
  const { findText, onlyChanged } = view;
  // Each change of the folded rows is reported (not the set the waterfall opened with, so opening
  // a link does not rewrite it). Encoding is O(nodes), once per change.
  const viewRef = useRef(view);
  useLayoutEffect(() => {
    viewRef.current = view;
  });
  useEffect(() => {
    if (collapsed === openedWith) return;
    const fold = encodeDiffFold(nodes, collapsed);
    if (fold !== viewRef.current.fold) onViewChange({ ...viewRef.current, fold });
  }, [collapsed, openedWith, nodes, onViewChange]);
  const [activeNode, setActiveNode] = useState<number | null>(null);
  const findId = useId();

  const matches = useMemo(() => matchNodes(nodes, findText), [nodes, findText]);
  const changed = useMemo(() => (onlyChanged ? changedNodes(diff) : null), [diff, onlyChanged]);
  const visible = useMemo(() => {
    const marked = intersectMasks(matches, changed);
    return marked === null ? null : withAncestors(nodes, marked);
  }, [nodes, matches, changed]);
  const matchCount = useMemo(() => (matches ? matches.reduce((n, m) => n + m, 0) : 0), [matches]);
  const rows = useMemo(() => buildDiffRows(nodes, collapsed, visible), [nodes, collapsed, visible]);
  const rowOf = useCallback((id: number) => rows.indexOf(id), [rows]);

  const axisUs = Math.max(diff.summary.durationAUs, diff.summary.durationBUs, 1);
  const ticks = useMemo(() => niceTicks(axisUs, 6), [axisUs]);

  const scrollRef = useRef<HTMLDivElement | null>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT_PX,
    overscan: 12,
  });

  // A node selected elsewhere (summary, table) is unfolded into view and scrolled to.
  const pendingScroll = useRef<number | null>(null);
  useEffect(() => {
    if (selectedNodeId === null) return;
    pendingScroll.current = selectedNodeId;
    setActiveNode(selectedNodeId);
    setCollapsed((c) => expandAncestorsOf(nodes, c, selectedNodeId));
  }, [selectedNodeId, nodes]);
  useEffect(() => {
    const target = pendingScroll.current;
    if (target === null) return;
    const at = rowOf(target);
    if (at >= 0) {
      pendingScroll.current = null;
      virtualizer.scrollToIndex(at, { align: 'auto' });
    }
  }, [rows, rowOf, virtualizer]);

  const activeRowIndex = activeNode === null ? -1 : rowOf(activeNode);
  const moveTo = (at: number) => {
    if (rows.length === 0) return;
    const clamped = Math.max(0, Math.min(rows.length - 1, at));
    setActiveNode(rows[clamped] ?? null);
    virtualizer.scrollToIndex(clamped, { align: 'auto' });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const at = activeRowIndex;
    const node = activeNode === null ? undefined : nodes[activeNode];
    const hasChildren = node !== undefined && node.childIds.length > 0;
    const open = node !== undefined && collapsed[node.id] !== 1;
    let handled = true;
    switch (e.key) {
      case 'ArrowDown':
        moveTo(at < 0 ? 0 : at + 1);
        break;
      case 'ArrowUp':
        moveTo(at < 0 ? 0 : at - 1);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(rows.length - 1);
        break;
      case 'ArrowRight':
        if (node === undefined) moveTo(0);
        else if (hasChildren && !open) setCollapsed((c) => setNodeCollapsed(c, node.id, false));
        else if (hasChildren) moveTo(at + 1);
        break;
      case 'ArrowLeft':
        if (node === undefined) moveTo(0);
        else if (hasChildren && open) setCollapsed((c) => setNodeCollapsed(c, node.id, true));
        else if (node.parent >= 0) moveTo(rowOf(node.parent));
        break;
      case 'Enter':
      case ' ':
        if (node !== undefined) onSelectNode(node.id);
        break;
      case 'Escape':
        if (selectedNodeId !== null) onSelectNode(null);
        else handled = false;
        break;
      default:
        handled = false;
    }
    if (handled) e.preventDefault();
  };

  const toolbarInput =
    'w-64 rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 placeholder:text-slate-500 ' +
    'dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:placeholder:text-slate-400';

  return (
    <section aria-labelledby={`${findId}-title`} className="flex min-h-0 flex-col rounded-md border border-slate-200 dark:border-slate-800">
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-3 py-2 dark:border-slate-800">
        <h2 id={`${findId}-title`} className="mr-2 text-sm font-semibold">
          Merged timeline
        </h2>
        <label htmlFor={findId} className="sr-only">
          Find in comparison
        </label>
        <input
          id={findId}
          type="search"
          value={findText}
          onChange={(e) => onViewChange({ ...view, findText: e.target.value })}
          placeholder="Find: service or operation"
          className={toolbarInput}
        />
        <span role="status" aria-live="polite" className="min-w-[5.5rem] text-xs text-slate-700 tabular-nums dark:text-slate-300">
          {matches ? (matchCount === 0 ? 'No matches' : `${matchCount} ${matchCount === 1 ? 'match' : 'matches'}`) : ''}
        </span>
        <label className="flex items-center gap-1 text-xs text-slate-700 dark:text-slate-300">
          <input type="checkbox" checked={onlyChanged} onChange={(e) => onViewChange({ ...view, onlyChanged: e.target.checked })} />
          Only changed spans
        </label>
        <Button variant="ghost" className="px-2 py-0.5 text-xs" onClick={() => setCollapsed(new Uint8Array(nodes.length))}>
          Expand all
        </Button>
        <Button variant="ghost" className="px-2 py-0.5 text-xs" onClick={() => setCollapsed(collapseAllNodes(nodes))}>
          Collapse all
        </Button>
        <DeltaLegend className="ml-auto" />
      </div>
      <div
        aria-hidden="true"
        className="grid border-b border-slate-200 text-[11px] text-slate-600 dark:border-slate-800 dark:text-slate-400"
        style={{ gridTemplateColumns: GRID_COLUMNS }}
      >
        <div className="border-r border-slate-200 px-2 py-1 dark:border-slate-700">Operation (count A → B)</div>
        <div className="relative h-6 overflow-hidden">
          {ticks.map((t) => {
            const at = t / axisUs;
            const align = at > 0.95 ? '-translate-x-full' : at < 0.05 ? '' : '-translate-x-1/2';
            return (
              <span key={t} className={`absolute top-1 px-0.5 whitespace-nowrap tabular-nums ${align}`} style={{ left: pct(at) }}>
                {formatDurationUs(t)}
              </span>
            );
          })}
        </div>
        <div className="px-2 py-1 text-right">Δ total (B − A)</div>
      </div>
      <div
        ref={scrollRef}
        role="treegrid"
        aria-label="Comparison timeline"
        aria-rowcount={rows.length}
        aria-activedescendant={activeRowIndex >= 0 ? rowDomId(findId, activeRowIndex) : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        className="relative h-[60vh] min-h-64 overflow-auto focus:outline-2 focus:-outline-offset-2 focus:outline-sky-600"
      >
        <div className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
          <div className="pointer-events-none absolute inset-0 grid" style={{ gridTemplateColumns: GRID_COLUMNS }} aria-hidden="true">
            <div />
            <div className="relative">
              {ticks.map((t) => (
                <span key={t} className="absolute top-0 bottom-0 w-px bg-slate-100 dark:bg-slate-800" style={{ left: pct(t / axisUs) }} />
              ))}
            </div>
          </div>
          {virtualizer.getVirtualItems().map((item) => {
            const node = nodes[rows[item.index] ?? -1];
            if (!node) return null;
            return (
              <DiffRow
                key={node.id}
                domId={rowDomId(findId, item.index)}
                rowIndex={item.index}
                topPx={item.start}
                node={node}
                axisUs={axisUs}
                thresholdUs={diff.summary.thresholdUs}
                collapsed={collapsed[node.id] === 1}
                selected={selectedNodeId === node.id}
                active={activeNode === node.id}
                isMatch={matches !== null && matches[node.id] === 1}
                onToggle={() => {
                  setActiveNode(node.id);
                  setCollapsed((c) => toggleNode(c, node.id));
                }}
                onClick={() => {
                  setActiveNode(node.id);
                  onSelectNode(node.id);
                }}
              />
            );
          })}
        </div>
        {rows.length === 0 ? (
          <p className="absolute inset-x-0 top-8 text-center text-sm text-slate-600 dark:text-slate-300">No operations match.</p>
        ) : null}
      </div>
    </section>
  );
}

function rowDomId(prefix: string, rowIndex: number): string {
  return `${prefix}-row-${rowIndex}`;
}

interface DiffRowProps {
  domId: string;
  rowIndex: number;
  topPx: number;
  node: DiffNode;
  axisUs: number;
  thresholdUs: number;
  collapsed: boolean;
  selected: boolean;
  active: boolean;
  isMatch: boolean;
  onToggle(): void;
  onClick(): void;
}

function DiffRow(props: DiffRowProps) {
  const { node, axisUs, thresholdUs } = props;
  const hasChildren = node.childIds.length > 0;
  const deltaUs = totalDeltaUs(node);
  const colour = deltaColour(deltaUs, Math.max(node.a.totalUs, node.b.totalUs), thresholdUs);
  const label = nodeLabel(node);
  const background = props.selected
    ? 'bg-sky-100 dark:bg-sky-900/60'
    : props.isMatch
      ? 'bg-amber-50 dark:bg-amber-900/30'
      : 'hover:bg-slate-50 dark:hover:bg-slate-800/60';
  return (
    <div
      role="row"
      id={props.domId}
      aria-rowindex={props.rowIndex + 1}
      aria-level={node.depth + 1}
      aria-expanded={hasChildren ? !props.collapsed : undefined}
      aria-selected={props.selected}
      data-node-id={node.id}
      data-status={node.status}
      onClick={props.onClick}
      className={`absolute top-0 left-0 grid w-full cursor-default border-b border-slate-100 text-sm select-none dark:border-slate-800/70 ${background} ${props.active ? 'outline-2 -outline-offset-2 outline-sky-600' : ''}`}
      style={{ transform: `translateY(${props.topPx}px)`, height: ROW_HEIGHT_PX, gridTemplateColumns: GRID_COLUMNS }}
    >
      <div role="gridcell" className="flex min-w-0 items-center gap-1 overflow-hidden border-r border-slate-200 pr-2 dark:border-slate-700">
        <span className="shrink-0" style={{ width: 4 + Math.min(node.depth, 24) * INDENT_PX }} />
        {hasChildren ? (
          <button
            type="button"
            tabIndex={-1}
            aria-label={`${props.collapsed ? 'Expand' : 'Collapse'} ${label}`}
            className="flex h-4 w-4 shrink-0 items-center justify-center rounded text-slate-600 hover:bg-slate-200 dark:text-slate-300 dark:hover:bg-slate-700"
            onClick={(e) => {
              e.stopPropagation();
              props.onToggle();
            }}
          >
            <svg viewBox="0 0 10 10" className={`h-2.5 w-2.5 transition-transform ${props.collapsed ? '' : 'rotate-90'}`} aria-hidden="true">
              <path d="M3 1.5 L7 5 L3 8.5 Z" fill="currentColor" />
            </svg>
          </button>
        ) : (
          <span className="w-4 shrink-0" />
        )}
        <span aria-hidden="true" className="h-3 w-1.5 shrink-0 rounded-sm" style={{ backgroundColor: serviceColour(node.serviceName) }} />
        <span className="min-w-0 truncate" title={label}>
          <span className="font-medium text-slate-600 dark:text-slate-300">{node.serviceName}</span>{' '}
          <span className="text-slate-900 dark:text-slate-50">{node.name}</span>
        </span>
        {node.status === 'added' ? <StatusBadge text="added" label="Only in B" tone="added" /> : null}
        {node.status === 'removed' ? <StatusBadge text="removed" label="Only in A" tone="removed" /> : null}
        {node.status === 'matched' && node.a.count !== node.b.count ? (
          <StatusBadge text={`×${node.a.count}→${node.b.count}`} label={`${node.a.count} spans in A, ${node.b.count} in B`} tone="count" />
        ) : node.status === 'matched' && node.a.count > 1 ? (
          <span className="shrink-0 text-xs text-slate-600 dark:text-slate-400" title={`${node.a.count} spans in each trace`}>
            ×{node.a.count}
          </span>
        ) : null}
        {node.a.errorCount + node.b.errorCount > 0 ? (
          <StatusBadge
            text={`! ${node.a.errorCount}→${node.b.errorCount}`}
            label={`Errors: ${node.a.errorCount} in A, ${node.b.errorCount} in B`}
            tone="error"
          />
        ) : null}
      </div>
      <div role="gridcell" className="relative min-w-0 overflow-hidden">
        <span className="sr-only">
          A {sideText(node.a)}; B {sideText(node.b)}
        </span>
        <Bar side={node.a} axisUs={axisUs} colour={BASELINE_COLOUR} topPx={7} hatched={node.status === 'removed'} />
        <Bar side={node.b} axisUs={axisUs} colour={colour} topPx={16} hatched={false} />
      </div>
      <div
        role="gridcell"
        className={`flex items-center justify-end px-2 text-xs font-medium tabular-nums ${deltaTextClass(deltaUs, thresholdUs)}`}
        title={deltaWords(deltaUs, thresholdUs)}
      >
        {formatDeltaUs(deltaUs)}
      </div>
    </div>
  );
}

function sideText(side: DiffSide): string {
  if (side.count === 0) return 'absent';
  return `${side.count === 1 ? '1 span' : `${side.count} spans`}, ${formatDurationUs(side.totalUs)}`;
}

function Bar({ side, axisUs, colour, topPx, hatched }: { side: DiffSide; axisUs: number; colour: string; topPx: number; hatched: boolean }) {
  if (side.count === 0) return null;
  const left = Math.max(0, side.startUs / axisUs);
  const width = Math.max(0, (side.endUs - side.startUs) / axisUs);
  return (
    <span
      aria-hidden="true"
      className="absolute h-[7px] rounded-[2px]"
      style={{
        top: topPx,
        left: pct(left),
        width: `max(${pct(width)}, 2px)`,
        backgroundColor: colour,
        backgroundImage: hatched ? 'repeating-linear-gradient(135deg, transparent 0 3px, rgba(255,255,255,0.55) 3px 5px)' : undefined,
      }}
    />
  );
}

export function deltaTextClass(deltaUs: number, thresholdUs: number): string {
  if (Math.abs(deltaUs) < thresholdUs) return 'text-slate-600 dark:text-slate-400';
  return deltaUs > 0 ? 'text-orange-800 dark:text-orange-300' : 'text-blue-800 dark:text-blue-300';
}

const badgeTones = {
  added: 'border border-emerald-700 text-emerald-800 dark:border-emerald-400 dark:text-emerald-300',
  removed: 'border border-slate-500 text-slate-700 line-through dark:border-slate-400 dark:text-slate-300',
  count: 'border border-orange-700 text-orange-800 dark:border-orange-400 dark:text-orange-300',
  error: 'border border-red-600 text-red-700 dark:border-red-400 dark:text-red-300',
} as const;

function StatusBadge({ text, label, tone }: { text: string; label: string; tone: keyof typeof badgeTones }) {
  return (
    <span title={label} className={`shrink-0 rounded px-1 text-[10px] leading-4 font-semibold ${badgeTones[tone]}`}>
      <span aria-hidden="true">{text}</span>
      <span className="sr-only">{label}</span>
    </span>
  );
}

function pct(fraction: number): string {
  return `${(fraction * 100).toFixed(4)}%`;
}

// Details of one node of the comparison, A and B side by side (role="region", name "Span
// details"): the group's numbers in both traces and the attributes of the group's first span in
// each. Trace data is rendered as text only.

import { useId } from 'react';
import { formatDurationUs } from '../lib/duration-format';
import { nodePath, type DiffNode, type DiffSide, type TraceDiff } from '../model/trace-diff';
import type { AttrValue, Span, Trace } from '../model/types';
import { formatCountDelta, formatDeltaUs } from './delta-format';
import { nodeLabel } from './diff-sentences';
import { deltaTextClass } from './diff-waterfall';

export interface DiffDetailsProps {
  diff: TraceDiff;
  nodeId: number;
  traceA: Trace;
  traceB: Trace;
  onClose(): void;
  /** Link to a span in its own trace page; without it the span IDs are plain text. */
  spanHref?: (side: 'A' | 'B', spanId: string) => string;
}

function valueText(value: AttrValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** First value per key (span attributes, then resource attributes), in first-seen order. */
function attributeMap(span: Span | undefined): Map<string, string> {
  const map = new Map<string, string>();
  if (!span) return map;
  for (const a of span.attributes) if (!map.has(a.key)) map.set(a.key, valueText(a.value));
  for (const a of span.resourceAttributes) if (!map.has(a.key)) map.set(a.key, valueText(a.value));
  return map;
}

export function DiffDetails({ diff, nodeId, traceA, traceB, onClose, spanHref }: DiffDetailsProps) {
  const titleId = useId();
  const node = diff.nodes[nodeId];
  if (!node) return null;
  const spanA = node.a.firstSpanIndex >= 0 ? traceA.spans[node.a.firstSpanIndex] : undefined;
  const spanB = node.b.firstSpanIndex >= 0 ? traceB.spans[node.b.firstSpanIndex] : undefined;
  const attrsA = attributeMap(spanA);
  const attrsB = attributeMap(spanB);
  const keys = [...new Set([...attrsA.keys(), ...attrsB.keys()])];
  const path = nodePath(diff, nodeId);
  const { thresholdUs } = diff.summary;

  return (
    <section
      role="region"
      aria-label="Span details"
      className="rounded-md border border-slate-200 bg-white text-sm dark:border-slate-800 dark:bg-slate-950"
    >
      <header className="flex items-start gap-2 border-b border-slate-200 px-3 py-2 dark:border-slate-800">
        <div className="min-w-0 flex-1">
          <h2 id={titleId} className="truncate text-base font-semibold" title={nodeLabel(node)}>
            <span className="text-slate-600 dark:text-slate-300">{node.serviceName}</span> {node.name}
          </h2>
          <p className="truncate text-xs text-slate-600 dark:text-slate-400" title={path.map(nodeLabel).join(' › ')}>
            {path.length > 1 ? `in ${path.slice(0, -1).map(nodeLabel).join(' › ')}` : 'root operation'}
            {node.status === 'added' ? ' · only in B' : node.status === 'removed' ? ' · only in A' : ''}
          </p>
        </div>
        <button
          type="button"
          onClick={onClose}
          aria-label="Close span details"
          className="rounded px-2 py-1 text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
        >
          ✕
        </button>
      </header>
      <div className="grid gap-4 p-3">
        <table className="w-full text-left text-sm" aria-label="Numbers in A and B">
          <thead className="text-xs text-slate-600 dark:text-slate-400">
            <tr>
              <th scope="col" className="py-1 pr-2 font-semibold">
                <span className="sr-only">Measure</span>
              </th>
              <th scope="col" className="px-2 py-1 text-right font-semibold">A</th>
              <th scope="col" className="px-2 py-1 text-right font-semibold">B</th>
              <th scope="col" className="px-2 py-1 text-right font-semibold">Δ</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 tabular-nums dark:divide-slate-800">
            <CountRow label="Spans" a={node.a.count} b={node.b.count} />
            <TimeRow label="Total time" pick={(s) => s.totalUs} node={node} thresholdUs={thresholdUs} />
            <TimeRow label="Self time" pick={(s) => s.selfUs} node={node} thresholdUs={thresholdUs} />
            <TimeRow label="On critical path" pick={(s) => s.criticalUs} node={node} thresholdUs={thresholdUs} />
            <CountRow label="Errors" a={node.a.errorCount} b={node.b.errorCount} />
            <tr>
              <th scope="row" className="py-1 pr-2 font-normal text-slate-600 dark:text-slate-400">
                First span
              </th>
              <td className="px-2 py-1 text-right">
                <SpanRef span={spanA} side="A" spanHref={spanHref} />
              </td>
              <td className="px-2 py-1 text-right">
                <SpanRef span={spanB} side="B" spanHref={spanHref} />
              </td>
              <td />
            </tr>
            <tr>
              <th scope="row" className="py-1 pr-2 font-normal text-slate-600 dark:text-slate-400">
                First span status
              </th>
              <td className="px-2 py-1 text-right">{spanA ? statusText(spanA) : '—'}</td>
              <td className="px-2 py-1 text-right">{spanB ? statusText(spanB) : '—'}</td>
              <td />
            </tr>
          </tbody>
        </table>
        <div className="min-w-0">
          <h3 className="mb-1 text-xs font-semibold text-slate-600 dark:text-slate-400">Attributes of the first span</h3>
          {keys.length === 0 ? (
            <p className="text-slate-600 dark:text-slate-400">No attributes.</p>
          ) : (
            // Focusable, so that keyboard users can scroll a long list (it scrolls on its own).
            <div
              role="region"
              aria-label="Attributes of the first span"
              tabIndex={0}
              className="max-h-80 overflow-auto focus-visible:outline-2 focus-visible:outline-sky-600"
            >
              <table className="w-full table-fixed text-left text-xs" aria-label="Attributes in A and B">
                <thead className="sticky top-0 bg-white text-slate-600 dark:bg-slate-950 dark:text-slate-400">
                  <tr>
                    <th scope="col" className="w-[34%] py-1 pr-2 font-semibold">Key</th>
                    <th scope="col" className="px-2 py-1 font-semibold">A</th>
                    <th scope="col" className="px-2 py-1 font-semibold">B</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                  {keys.map((key) => {
                    const a = attrsA.get(key);
                    const b = attrsB.get(key);
                    const differs = a !== b;
                    return (
                      <tr key={key} className={differs ? 'bg-amber-50 dark:bg-amber-950/40' : ''}>
                        <th scope="row" className="py-1 pr-2 align-top font-mono font-normal [overflow-wrap:anywhere] text-slate-700 dark:text-slate-300">
                          {key}
                          {differs ? <span className="sr-only"> (differs)</span> : null}
                        </th>
                        <td className="px-2 py-1 align-top font-mono [overflow-wrap:anywhere]">{a ?? '—'}</td>
                        <td className="px-2 py-1 align-top font-mono [overflow-wrap:anywhere]">{b ?? '—'}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </div>
      </div>
    </section>
  );
}

function statusText(span: Span): string {
  return span.statusMessage ? `${span.status}: ${span.statusMessage}` : span.status;
}

function SpanRef({ span, side, spanHref }: { span: Span | undefined; side: 'A' | 'B'; spanHref: DiffDetailsProps['spanHref'] }) {
  if (!span) return <span>—</span>;
  const label = `${formatDurationUs(span.durationUs)} · ${span.spanId.slice(0, 8) || '(no ID)'}`;
  if (!spanHref || span.spanId === '') return <span className="font-mono text-xs">{label}</span>;
  return (
    <a
      href={spanHref(side, span.spanId)}
      className="font-mono text-xs text-sky-800 underline dark:text-sky-300"
      aria-label={`Open span ${span.spanId} in trace ${side}`}
    >
      {label}
    </a>
  );
}

function CountRow({ label, a, b }: { label: string; a: number; b: number }) {
  return (
    <tr>
      <th scope="row" className="py-1 pr-2 font-normal text-slate-600 dark:text-slate-400">
        {label}
      </th>
      <td className="px-2 py-1 text-right">{a}</td>
      <td className="px-2 py-1 text-right">{b}</td>
      <td className={`px-2 py-1 text-right ${a === b ? 'text-slate-600 dark:text-slate-400' : 'font-medium'}`}>{formatCountDelta(b - a)}</td>
    </tr>
  );
}

function TimeRow({ label, pick, node, thresholdUs }: { label: string; pick(s: DiffSide): number; node: DiffNode; thresholdUs: number }) {
  const a = pick(node.a);
  const b = pick(node.b);
  return (
    <tr>
      <th scope="row" className="py-1 pr-2 font-normal text-slate-600 dark:text-slate-400">
        {label}
      </th>
      <td className="px-2 py-1 text-right">{node.a.count > 0 ? formatDurationUs(a) : '—'}</td>
      <td className="px-2 py-1 text-right">{node.b.count > 0 ? formatDurationUs(b) : '—'}</td>
      <td className={`px-2 py-1 text-right font-medium ${deltaTextClass(b - a, thresholdUs)}`}>{formatDeltaUs(b - a)}</td>
    </tr>
  );
}

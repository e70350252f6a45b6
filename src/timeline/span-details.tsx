// The details panel of the selected span (role="region", name "Span details"). Every value from
// the trace is rendered as a text node; nothing here builds HTML from data.

import { linksForSpan, type LinkPattern } from '../lib/link-patterns';
import { useId, useMemo, useState } from 'react';
import { formatDurationUs } from '../lib/duration-format';
import { formatTimestamp, type TimeZonePreference } from '../lib/time-format';
import { SpanFlag, type Attribute, type Span, type SpanReference, type Trace } from '../model/types';
import { spanDurationMissing, spanIdMissing, spanStartMissing } from '../model/span-issues';
import { attributeText } from './attribute-text';

export interface SpanDetailsProps {
  trace: Trace;
  span: Span;
  /** Self time of the span, µs (null when not computed). */
  selfTimeUs: number | null;
  /** How far the clock-skew adjustment moved this span, µs (0 when not adjusted). */
  skewShiftUs: number;
  /** True when the span lies outside its parent across a process boundary. */
  skewed: boolean;
  /** Whether the span is on the critical path (null when not computed). */
  onCriticalPath: boolean | null;
  timeZone: TimeZonePreference;
  onClose(): void;
  onSelectSpan(spanId: string): void;
  /** href of another trace (and span in it); without it, references to other traces are plain text. */
  traceLinkHref?: (traceId: string, spanId: string) => string;
  /** config.json's link patterns: links from this span to other tools (logs, dashboards). */
  linkPatterns?: readonly LinkPattern[];
}

const sectionTitle = 'mt-4 mb-1 text-xs font-semibold tracking-wide text-gray-600 uppercase dark:text-gray-400';

export function SpanDetails(props: SpanDetailsProps) {
  const { trace, span, selfTimeUs, timeZone, onClose } = props;
  const titleId = useId();
  const parent = span.parentIndex >= 0 ? trace.spans[span.parentIndex] : undefined;
  const flags = trace.columns.flags[span.index] ?? 0;
  const warnings = useMemo(() => spanWarnings(span, flags, props.skewed, props.skewShiftUs), [span, flags, props.skewed, props.skewShiftUs]);
  const absoluteStartUs = trace.startUs + span.startUs;
  const startMissing = spanStartMissing(trace, span.index);
  const durationMissing = spanDurationMissing(trace, span.index);
  const idMissing = spanIdMissing(trace, span.index);
  // A stand-in ID means nothing to other tools: their links get an empty span ID, as the input had.
  const linkSpan = useMemo(() => (idMissing ? { ...span, spanId: '' } : span), [span, idMissing]);

  return (
    <section
      role="region"
      aria-label="Span details"
      className="flex h-full min-h-0 flex-col overflow-hidden bg-white text-sm text-gray-900 dark:bg-gray-950 dark:text-gray-100"
    >
      <header className="flex items-start gap-2 border-b border-gray-200 px-3 py-2 dark:border-gray-800">
        <div className="min-w-0 flex-1">
          <h2 id={titleId} className="truncate text-base font-semibold" title={span.name}>
            {span.name}
          </h2>
          <p className="truncate text-gray-600 dark:text-gray-400">{span.serviceName}</p>
        </div>
        <button
          type="button"
          onClick={onClose}
          aria-label="Close span details"
          className="rounded px-2 py-1 text-gray-600 hover:bg-gray-100 focus-visible:outline-2 focus-visible:outline-blue-500 dark:text-gray-300 dark:hover:bg-gray-800"
        >
          ✕
        </button>
      </header>
      <div className="min-h-0 flex-1 overflow-auto px-3 pb-4">
        <dl className="mt-2 grid grid-cols-[max-content_minmax(0,1fr)] gap-x-3 gap-y-1">
          <Term label="Service" value={span.serviceName} />
          <Term label="Name" value={span.name} />
          <Term label="Kind" value={span.kind} />
          <dt className="text-gray-600 dark:text-gray-400">Status</dt>
          <dd className="break-words">
            <span className={span.isError ? 'font-semibold text-red-700 dark:text-red-400' : ''}>{span.status}</span>
            {span.statusMessage && <span className="text-gray-700 dark:text-gray-300"> — {span.statusMessage}</span>}
          </dd>
          {startMissing ? (
            <Term label="Start" value={`unknown (drawn at +${formatDurationUs(span.startUs)}, its parent's start)`} />
          ) : (
            <>
              <Term label="Start" value={`+${formatDurationUs(span.startUs)} from trace start`} />
              <Term label="Start (absolute)" value={formatTimestamp(absoluteStartUs, timeZone)} />
            </>
          )}
          <Term label="Duration" value={durationMissing ? 'unknown (drawn with zero length)' : formatDurationUs(span.durationUs)} />
          {selfTimeUs !== null && <Term label="Self time" value={`${formatDurationUs(selfTimeUs)} (${percent(selfTimeUs, span.durationUs)})`} />}
          {props.onCriticalPath !== null && <Term label="Critical path" value={props.onCriticalPath ? 'yes' : 'no'} />}
          <Term label="Span ID" value={idMissing ? `none (stand-in: ${span.spanId})` : span.spanId || '(none)'} mono />
          <dt className="text-gray-600 dark:text-gray-400">Parent ID</dt>
          <dd className="font-mono break-all">
            {span.parentSpanId === null ? (
              '(root)'
            ) : parent ? (
              <LinkButton onClick={() => props.onSelectSpan(parent.spanId)}>{span.parentSpanId}</LinkButton>
            ) : (
              <>
                {span.parentSpanId} <span className="font-sans text-amber-700 dark:text-amber-300">(not in this trace)</span>
              </>
            )}
          </dd>
          {span.scope && <Term label="Scope" value={`${span.scope.name}${span.scope.version ? ` ${span.scope.version}` : ''}`} />}
        </dl>

        {warnings.length > 0 && (
          <>
            <h3 className={sectionTitle}>Warnings</h3>
            <ul className="list-disc space-y-0.5 pl-5 text-amber-800 dark:text-amber-200">
              {warnings.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          </>
        )}

        <SpanLinks span={linkSpan} patterns={props.linkPatterns} />

        <AttributeTable title="Attributes" attributes={span.attributes} />
        <AttributeTable title="Resource attributes" attributes={span.resourceAttributes} />

        {span.events.length > 0 && (
          <>
            <h3 className={sectionTitle}>Events ({span.events.length})</h3>
            <ol className="space-y-2">
              {span.events.map((event, i) => (
                <li key={i} className="rounded border border-gray-200 p-2 dark:border-gray-800">
                  <div className="flex gap-2">
                    <span className="font-mono text-xs text-gray-600 tabular-nums dark:text-gray-400">
                      +{formatDurationUs(event.timeUs - span.startUs)}
                    </span>
                    <span className="font-medium break-words">{event.name || '(unnamed event)'}</span>
                  </div>
                  {event.attributes.length > 0 && <KeyValueList attributes={event.attributes} />}
                </li>
              ))}
            </ol>
          </>
        )}

        {span.references.length > 0 && (
          <>
            <h3 className={sectionTitle}>References ({span.references.length})</h3>
            <ul className="space-y-1">
              {span.references.map((reference, i) => (
                <li key={i}>
                  <ReferenceItem reference={reference} trace={trace} onSelectSpan={props.onSelectSpan} traceLinkHref={props.traceLinkHref} />
                </li>
              ))}
            </ul>
          </>
        )}
        {(span.dropped.attributes > 0 || span.dropped.events > 0 || span.dropped.links > 0) && (
          <p className="mt-3 text-xs text-gray-600 dark:text-gray-400">
            Dropped by the producer: {span.dropped.attributes} attributes, {span.dropped.events} events, {span.dropped.links} links.
          </p>
        )}
      </div>
    </section>
  );
}

function Term({ label, value, mono }: { label: string; value: string; mono?: boolean }) {
  return (
    <>
      <dt className="text-gray-600 dark:text-gray-400">{label}</dt>
      <dd className={`break-words ${mono ? 'font-mono break-all' : ''}`}>{value}</dd>
    </>
  );
}

function LinkButton({ onClick, children }: { onClick(): void; children: React.ReactNode }) {
  return (
    <button type="button" onClick={onClick} className="text-left text-blue-700 underline hover:text-blue-900 dark:text-blue-300 dark:hover:text-blue-100">
      {children}
    </button>
  );
}

function ReferenceItem({
  reference,
  trace,
  onSelectSpan,
  traceLinkHref,
}: {
  reference: SpanReference;
  trace: Trace;
  onSelectSpan(spanId: string): void;
  traceLinkHref?: (traceId: string, spanId: string) => string;
}) {
  const sameTrace = reference.traceId === '' || reference.traceId === trace.traceId;
  const target = sameTrace ? trace.spans.find((s) => s.spanId === reference.spanId) : undefined;
  const label = `${reference.spanId}${sameTrace ? '' : ` in trace ${reference.traceId}`}`;
  return (
    <div>
      <span className="mr-1 rounded bg-gray-100 px-1 text-xs dark:bg-gray-800">{reference.type}</span>
      {target ? (
        <LinkButton onClick={() => onSelectSpan(target.spanId)}>
          <span className="font-mono">{reference.spanId}</span> ({target.serviceName} {target.name})
        </LinkButton>
      ) : !sameTrace && traceLinkHref ? (
        <a className="font-mono break-all text-blue-700 underline dark:text-blue-300" href={traceLinkHref(reference.traceId, reference.spanId)}>
          {label}
        </a>
      ) : (
        <span className="font-mono break-all">
          {label}
          {sameTrace && <span className="font-sans text-amber-700 dark:text-amber-300"> (not in this trace)</span>}
        </span>
      )}
      {reference.attributes.length > 0 && <KeyValueList attributes={reference.attributes} />}
    </div>
  );
}

function KeyValueList({ attributes }: { attributes: readonly Attribute[] }) {
  return (
    <dl className="mt-1 grid grid-cols-[max-content_minmax(0,1fr)] gap-x-3 text-xs">
      {attributes.map((a, i) => (
        <div key={i} className="contents">
          <dt className="font-mono text-gray-600 dark:text-gray-400">{a.key}</dt>
          <dd className="font-mono break-all whitespace-pre-wrap">{attributeText(a.value)}</dd>
        </div>
      ))}
    </dl>
  );
}

function AttributeTable({ title, attributes }: { title: string; attributes: readonly Attribute[] }) {
  const [filter, setFilter] = useState('');
  const filterId = useId();
  const needle = filter.trim().toLowerCase();
  const shown = needle
    ? attributes.filter((a) => a.key.toLowerCase().includes(needle) || attributeText(a.value).toLowerCase().includes(needle))
    : attributes;
  if (attributes.length === 0) {
    return (
      <>
        <h3 className={sectionTitle}>{title}</h3>
        <p className="text-gray-600 dark:text-gray-400">None.</p>
      </>
    );
  }
  return (
    <>
      <div className="mt-4 mb-1 flex items-center gap-2">
        <h3 className={`${sectionTitle} m-0 flex-1`} style={{ margin: 0 }}>
          {title} ({attributes.length})
        </h3>
        <label htmlFor={filterId} className="sr-only">
          Filter {title.toLowerCase()}
        </label>
        <input
          id={filterId}
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          placeholder="Filter"
          className="w-28 rounded border border-gray-300 bg-white px-1.5 py-0.5 text-xs dark:border-gray-700 dark:bg-gray-900"
        />
        <CopyButton label={`Copy ${title.toLowerCase()} as JSON`} text={() => JSON.stringify(attributesToObject(attributes), null, 2)}>
          JSON
        </CopyButton>
      </div>
      <table className="w-full table-fixed border-collapse text-xs" aria-label={title}>
        {/* The header row is visually hidden (out of the layout), so the widths live here. */}
        <colgroup>
          <col className="w-[38%]" />
          <col />
          <col className="w-11" />
        </colgroup>
        <thead className="sr-only">
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Value</th>
            <th scope="col">Copy</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((a, i) => (
            <tr key={i} className="group border-t border-gray-100 align-top dark:border-gray-800">
              <th scope="row" className="py-0.5 pr-2 text-left font-mono font-normal break-all text-gray-700 dark:text-gray-300">
                {a.key}
              </th>
              <td className="py-0.5 font-mono break-all whitespace-pre-wrap">{attributeText(a.value)}</td>
              <td className="py-0.5 text-right">
                <CopyButton label={`Copy value of ${a.key}`} text={() => attributeText(a.value)}>
                  copy
                </CopyButton>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown.length === 0 && <p className="text-xs text-gray-600 dark:text-gray-400">No attribute matches “{filter}”.</p>}
    </>
  );
}

function CopyButton({ label, text, children }: { label: string; text: () => string; children: React.ReactNode }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      className="rounded px-1 text-[11px] text-blue-700 hover:bg-blue-50 dark:text-blue-300 dark:hover:bg-blue-950"
      onClick={() => {
        void navigator.clipboard?.writeText(text()).then(
          () => {
            setCopied(true);
            window.setTimeout(() => setCopied(false), 1200);
          },
          () => setCopied(false),
        );
      }}
    >
      {copied ? 'copied' : children}
    </button>
  );
}

function attributesToObject(attributes: readonly Attribute[]): Record<string, unknown> {
  // Repeated keys are kept: a key seen more than once maps to the list of all its values.
  const values = new Map<string, unknown[]>();
  for (const a of attributes) {
    const list = values.get(a.key);
    if (list) list.push(a.value);
    else values.set(a.key, [a.value]);
  }
  const out: Record<string, unknown> = {};
  for (const [key, list] of values) out[key] = list.length === 1 ? list[0] : list;
  return out;
}

function percent(part: number, whole: number): string {
  if (!(whole > 0)) return '100%';
  return `${Math.round((part / whole) * 1000) / 10}%`;
}

/**
 * The model already explains orphans, duplicate IDs, cut cycles, missing times and applied skew
 * shifts in `span.warnings` (one line each); only what the view knows is added here, so nothing
 * is said twice.
 */
function spanWarnings(span: Span, flags: number, skewed: boolean, skewShiftUs: number): string[] {
  const out: string[] = [...span.warnings];
  const mentions = (word: string) => out.some((w) => w.toLowerCase().includes(word));
  if (flags & SpanFlag.Orphan && !mentions('not in this trace')) out.push(`Parent span ${span.parentSpanId ?? ''} is not in this trace; shown as a root.`);
  if (flags & SpanFlag.DuplicateId && !mentions(span.spanId.toLowerCase())) out.push(`Span ID ${span.spanId} occurs more than once in this trace.`);
  if (flags & SpanFlag.CycleCut && !mentions('cycle')) out.push('The parent link would close a cycle; it was cut and the span shown as a root.');
  if (flags & SpanFlag.MissingTime && !mentions('no start time') && !mentions('no duration')) out.push('Start time or duration was missing; it was filled in for display.');
  if (skewed && !mentions('clock skew')) {
    out.push(
      skewShiftUs !== 0
        ? `Clock skew: shown shifted by ${formatDurationUs(skewShiftUs)} to fit inside its parent (adjustment is on).`
        : 'Clock skew: the span lies outside its parent across a process boundary (times shown as recorded; switch on “Adjust clock skew” to fit it in).',
    );
  }
  return out;
}

/** Links to other tools from config.json's link patterns; only http(s) and relative URLs get through. */
function SpanLinks({ span, patterns }: { span: Span; patterns: readonly LinkPattern[] | undefined }) {
  const links = useMemo(() => (patterns && patterns.length > 0 ? linksForSpan(patterns, span, document.baseURI) : []), [patterns, span]);
  if (links.length === 0) return null;
  return (
    <>
      <h3 className={sectionTitle}>Links</h3>
      <ul className="space-y-1">
        {links.map((link, i) => (
          <li key={i}>
            <a href={link.url} target="_blank" rel="noopener noreferrer" className="break-all text-blue-700 underline dark:text-blue-300">
              {link.text}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

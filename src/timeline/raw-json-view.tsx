/**
 * RawJsonView: the trace as JSON (view=json), with a download button.
 *
 * Props: `trace`; optional `rawText` (the payload as it arrived, when the route has it: then that
 * is shown and downloaded instead of the model); optional `fileName` for the download.
 * Big documents are shown truncated (the browser cannot lay out 50 MB of text), but the download
 * is always complete.
 */

import { useEffect, useMemo, useState } from 'react';
import type { Trace } from '../model/types';

const SHOWN_CHARS = 400_000;

interface RawJsonViewProps {
  trace: Trace;
  rawText?: string;
  fileName?: string;
}

/**
 * The payload as it arrived, indented for reading: a parsed document (`raw`), or the body's text
 * (`rawText`, parsed only here, when the view is opened); text that is not one JSON document is
 * shown as it came. Undefined when the route has neither (the view then shows the model).
 */
export function payloadJson(raw: unknown, rawText: string | undefined): string | undefined {
  if (raw !== undefined) return JSON.stringify(raw, null, 2);
  if (rawText === undefined) return undefined;
  try {
    return JSON.stringify(JSON.parse(rawText), null, 2);
  } catch {
    return rawText;
  }
}

/** The model as plain JSON: spans without the derived tree fields and columns. */
export function traceModelJson(trace: Trace): string {
  return JSON.stringify(
    {
      traceId: trace.traceId,
      startNs: trace.startNs,
      durationUs: trace.durationUs,
      format: trace.format,
      issues: trace.issues,
      spans: trace.spans.map((span) => {
        const { index: _index, childIndices: _children, depth: _depth, parentIndex: _parent, ...rest } = span;
        return rest;
      }),
    },
    null,
    2,
  );
}

export function RawJsonView({ trace, rawText, fileName }: RawJsonViewProps) {
  const text = useMemo(() => rawText ?? traceModelJson(trace), [trace, rawText]);
  const [href, setHref] = useState<string | null>(null);
  useEffect(() => {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    setHref(url);
    return () => URL.revokeObjectURL(url);
  }, [text]);
  const truncated = text.length > SHOWN_CHARS;
  return (
    <div className="flex h-full min-h-0 flex-col bg-white text-sm text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <div className="flex items-center gap-3 border-b border-slate-200 px-3 py-2 dark:border-slate-800">
        {href && (
          <a
            href={href}
            download={fileName ?? `trace-${trace.traceId || 'unknown'}.json`}
            className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm font-medium text-slate-800 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700"
          >
            Download JSON
          </a>
        )}
        <span className="text-xs text-slate-600 dark:text-slate-400">
          {rawText !== undefined ? 'As received' : 'Skein model (normalised)'} · {(text.length / 1024).toFixed(0)} KiB
          {truncated && ` · showing the first ${(SHOWN_CHARS / 1024).toFixed(0)} KiB; download for all of it`}
        </span>
      </div>
      <pre aria-label="Trace JSON" tabIndex={0} className="min-h-0 flex-1 overflow-auto p-3 font-mono text-xs whitespace-pre">
        {truncated ? `${text.slice(0, SHOWN_CHARS)}\n…` : text}
      </pre>
    </div>
  );
}

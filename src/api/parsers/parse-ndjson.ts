import type { RawSpan } from '../../model/types';
import { isObject } from './json-guards';
import { TraceParseError, type ParseResult } from './types';

// JSON Lines: one document per line (OTel collector file exporter, Jaeger v3 streamed responses).
// Lines of logs or metrics are skipped and counted; a broken line is skipped with a warning
// unless no line yields spans at all.

function isLogsOrMetrics(value: unknown): boolean {
  return (
    isObject(value) &&
    (value.resourceLogs !== undefined ||
      value.resourceMetrics !== undefined ||
      value.resource_logs !== undefined ||
      value.resource_metrics !== undefined)
  );
}

export function parseNdjson(text: string, sourceName: string, parseValue: (value: unknown) => ParseResult): ParseResult {
  const spans: RawSpan[] = [];
  const warnings: string[] = [];
  const backendErrors: string[] = [];
  let skippedLines = 0;
  let firstBrokenLine: { line: number; message: string } | null = null;
  let nonTraceLines = 0;

  let lineStart = 0;
  let lineNo = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    lineNo++;
    const line = text.slice(lineStart, lineEnd).trim();
    lineStart = lineEnd + 1;
    if (line === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      skippedLines++;
      const message = e instanceof Error ? e.message : String(e);
      firstBrokenLine ??= { line: lineNo, message };
      warnings.push(`Line ${lineNo} is not valid JSON and was skipped (${message}).`);
      continue;
    }
    if (isLogsOrMetrics(value)) {
      skippedLines++;
      nonTraceLines++;
      continue;
    }
    try {
      const result = parseValue(value);
      for (const s of result.spans) spans.push(s);
      for (const w of result.warnings) warnings.push(`Line ${lineNo}: ${w}`);
      for (const b of result.backendErrors) backendErrors.push(b);
      skippedLines += result.skippedLines;
    } catch (e) {
      if (!(e instanceof TraceParseError)) throw e;
      skippedLines++;
      nonTraceLines++;
      warnings.push(`Line ${lineNo} was skipped: ${e.message}`);
    }
  }

  if (spans.length === 0) {
    if (firstBrokenLine !== null) {
      throw new TraceParseError(
        'not-json',
        `${sourceName} is not valid JSON: line ${firstBrokenLine.line} could not be read (${firstBrokenLine.message}).`,
      );
    }
    if (nonTraceLines > 0 && backendErrors.length === 0) {
      throw new TraceParseError('unknown-format', `${sourceName} holds no spans: its ${nonTraceLines} lines are logs, metrics or other non-trace data.`);
    }
  }
  return { format: 'otlp-ndjson', spans, skippedLines, warnings, backendErrors };
}

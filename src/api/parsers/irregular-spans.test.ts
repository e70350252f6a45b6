import { describe, expect, it } from 'vitest';
import { buildTrace } from '../../model/build-trace';
import { SpanFlag } from '../../model/types';
import { parseTraceText } from './parse-trace-text';
import { FIXTURES_EXIST, readFixture } from './testing/fixtures-dir';

// A real Jaeger file damaged the way exported files get damaged: one span lost its spanID and
// another's startTime is not a number. Nothing may be lost that did arrive, and every span must
// stay nameable (the app selects, links and collapses spans by ID).

describe.skipIf(!FIXTURES_EXIST)('spansAmongEachOther.json with a missing spanID and an unreadable startTime', () => {
  const doc = JSON.parse(readFixture('jaeger-ui/spansAmongEachOther.json')) as { spans: Record<string, unknown>[] };
  const noId = doc.spans.find((s) => s.spanID === 'a68c6983a6d81a2')!;
  delete noId.spanID;
  const badStart = doc.spans.find((s) => s.spanID === '4308efcfd216cbb0')!;
  badStart.startTime = 'not a number';
  const parsed = parseTraceText(JSON.stringify(doc));
  const trace = buildTrace(parsed.spans, parsed.format);

  it('keeps all 12 spans, each with a distinct non-empty ID', () => {
    expect(trace.spans).toHaveLength(12);
    const ids = trace.spans.map((s) => s.spanId);
    expect(ids.every((id) => id !== '')).toBe(true);
    expect(new Set(ids).size).toBe(12);
  });

  it('gives the span without an ID a stand-in ID, a warning and a trace-level count', () => {
    expect(trace.issues.missingIdSpanIndices).toHaveLength(1);
    const span = trace.spans[trace.issues.missingIdSpanIndices[0]!]!;
    expect(span.spanId).toBe('missing-id-1');
    expect(span.name).toBe('HikariProxyPreparedStatement.executeQuery');
    expect(span.durationUs).toBe(19);
    expect(span.warnings.some((w) => w.includes('No span ID'))).toBe(true);
    // Still under its parent: its own missing ID does not detach it.
    expect(trace.spans[span.parentIndex]!.spanId).toBe('6f9bbe751e5fd944');
  });

  it('keeps the valid duration of the span whose start is unreadable, and flags only the start', () => {
    const i = trace.spans.findIndex((s) => s.spanId === '4308efcfd216cbb0');
    const span = trace.spans[i]!;
    expect(span.durationUs).toBe(15);
    expect(trace.columns.durationUs[i]).toBe(15);
    expect((trace.columns.flags[i]! & SpanFlag.MissingTime) !== 0).toBe(true);
    expect(trace.issues.missingStartSpanIndices).toEqual([i]);
    expect(trace.issues.missingDurationSpanIndices).toEqual([]);
    // Drawn at its parent's start, since its own is unknown.
    expect(span.startUs).toBe(trace.spans[span.parentIndex]!.startUs);
  });
});

describe.skipIf(!FIXTURES_EXIST)('spans without times in real files', () => {
  it('smartthings-oauth-authorization.json (Zipkin): the 19 spans without a duration are listed as such', () => {
    const parsed = parseTraceText(readFixture('zipkin/smartthings-oauth-authorization.json'));
    const trace = buildTrace(parsed.spans, parsed.format);
    expect(trace.issues.missingDurationSpanIndices).toHaveLength(19);
    expect(trace.issues.missingStartSpanIndices).toEqual([]);
  });

  it('jaeger/GetTrace.json: its one span has neither start nor duration, so neither is known for the trace', () => {
    const parsed = parseTraceText(readFixture('jaeger/GetTrace.json'));
    const trace = buildTrace(parsed.spans, parsed.format);
    expect(trace.issues.missingStartSpanIndices).toEqual([0]);
    expect(trace.issues.missingDurationSpanIndices).toEqual([0]);
  });
});

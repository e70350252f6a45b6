// The waterfall row's markup: the accessibility contract (DESIGN.md §5) and the hooks the
// end-to-end tests use (data-span-bar with style.left, data-bar-label), with the slimmer DOM.
import { readFileSync } from 'node:fs';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SpanFlag } from '../model/types';
import { buildTrace } from '../model/build-trace';
import { indexOf, rawSpan, TEST_EPOCH_US, traceFromSpecs } from '../model/testing/raw-span';
import type { RowContext } from './row-context';
import { buildRowList, errorPrefixSums, expandAll, toggleCollapsed } from './row-list';
import { SpanRow } from './span-row';
import { WaterfallRows } from './waterfall-rows';

//  root ─┬─ a ─── a1 (error)
//        └─ b
const trace = traceFromSpecs([
  { id: 'root', start: 0, duration: 1000, service: 'frontend', name: 'GET /' },
  { id: 'a', parent: 'root', start: 100, duration: 400, service: 'api', name: 'load' },
  { id: 'a1', parent: 'a', start: 150, duration: 50, service: 'db', name: 'SELECT <b>x</b>', error: true },
  { id: 'b', parent: 'root', start: 600, duration: 300, service: 'api', name: 'save' },
]);

function context(overrides: Partial<RowContext> = {}): RowContext {
  return {
    trace,
    colours: ['#111111', '#222222', '#333333'],
    view: { startUs: 0, endUs: 1000 },
    startUs: trace.columns.startUs,
    shiftUs: null,
    collapsed: expandAll(trace.columns),
    groups: null,
    groupExpanded: new Uint8Array(0),
    errorPrefix: errorPrefixSums(trace.columns, SpanFlag.Error),
    matchMask: null,
    critical: null,
    skewMask: null,
    labelAttribute: null,
    onToggleRow: () => {},
    onClickRow: () => {},
    onHoverEvent: () => {},
    ...overrides,
  };
}

function rowHtml(spanId: string, rowIndex: number, ctx = context(), flags = { selected: false, active: false, currentMatch: false }): string {
  return renderToStaticMarkup(<SpanRow ctx={ctx} row={indexOf(trace, spanId)} rowIndex={rowIndex} {...flags} />);
}

function elementCount(html: string): number {
  return (html.match(/<[a-z]/g) ?? []).length;
}

describe('SpanRow', () => {
  it('carries the treegrid row contract', () => {
    const html = rowHtml('a', 1, context(), { selected: true, active: true, currentMatch: false });
    expect(html).toMatch(/^<div role="row" id="skein-row-1" aria-rowindex="2" aria-level="2" aria-expanded="true" aria-selected="true" data-span-id="a"/);
    expect(html.match(/role="gridcell"/g)).toHaveLength(2);
    expect(html).toContain('aria-label="Collapse load"');
    expect(html).toContain('outline-blue-500'); // active
    expect(html).toContain('translateY(28px)');
  });

  it('places the bar by style.left/width in percent of the view and labels it with the duration', () => {
    const html = rowHtml('a', 1);
    expect(html).toContain('data-span-bar=""');
    expect(html).toMatch(/data-span-bar="" class="[^"]*" style="left:10\.0000%;width:max\(40\.0000%, 1px\);background-color:#222222"/);
    expect(html).toMatch(/data-bar-label="right"[^>]*>400 µs<\/span>/);
    // A bar across the whole view keeps its label inside.
    expect(rowHtml('root', 0)).toMatch(/data-bar-label="inside"/);
  });

  it('marks a missing start, a missing duration and a missing ID instead of passing the stand-ins off as real', () => {
    const damaged = buildTrace(
      [
        rawSpan({ spanId: 'root', startUs: TEST_EPOCH_US, durationUs: 1000 }),
        rawSpan({ spanId: 'noDur', parentSpanId: 'root', startUs: TEST_EPOCH_US + 100, durationUs: null }),
        rawSpan({ spanId: 'noStart', parentSpanId: 'root', startUs: null, durationUs: 15 }),
        rawSpan({ spanId: '', parentSpanId: 'root', startUs: TEST_EPOCH_US + 200, durationUs: 5 }),
      ],
      'zipkin-v2',
    );
    const ctx = context({ trace: damaged, startUs: damaged.columns.startUs, collapsed: expandAll(damaged.columns), errorPrefix: errorPrefixSums(damaged.columns, SpanFlag.Error) });
    const html = (id: string) =>
      renderToStaticMarkup(<SpanRow ctx={ctx} row={indexOf(damaged, id)} rowIndex={0} selected={false} active={false} currentMatch={false} />);
    expect(html('noDur')).toMatch(/data-bar-label="[a-z]+"[^>]*>no duration<\/span>/);
    expect(html('noStart')).toMatch(/data-bar-label="[a-z]+"[^>]*>15 µs<\/span>/);
    expect(html('noStart')).toContain('Start time missing');
    expect(html('noDur')).not.toContain('Start time missing');
    expect(html('missing-id-1')).toContain('Span ID missing');
    expect(html('root')).not.toMatch(/missing/i);
  });

  it('leaves have no toggle and no aria-expanded; a collapsed parent says how many errors it hides', () => {
    const leaf = rowHtml('b', 3);
    expect(leaf).not.toContain('aria-expanded');
    expect(leaf).not.toContain('<button');
    const collapsed = toggleCollapsed(expandAll(trace.columns), indexOf(trace, 'a'));
    const html = rowHtml('a', 1, context({ collapsed }));
    expect(html).toContain('aria-expanded="false"');
    expect(html).toContain('aria-label="Expand load"');
    expect(html).toContain('1 hidden error inside');
  });

  it('escapes span text and marks errors', () => {
    const html = rowHtml('a1', 2);
    expect(html).toContain('SELECT &lt;b&gt;x&lt;/b&gt;');
    expect(html).not.toContain('<b>');
    expect(html).toContain('<span class="sr-only">Error</span>');
    expect(html).toContain('aria-level="3"');
  });

  it('stays small: at most 8 elements for a plain parent row, 7 for a leaf', () => {
    expect(elementCount(rowHtml('a', 1))).toBeLessThanOrEqual(8);
    expect(elementCount(rowHtml('b', 3))).toBeLessThanOrEqual(7);
  });

  it('uses only class names written out in its source, so that Tailwind generates them', () => {
    const source = ['./span-row.tsx', './span-row-geometry.ts'].map((file) => readFileSync(new URL(file, import.meta.url), 'utf8')).join('\n');
    const collapsed = toggleCollapsed(expandAll(trace.columns), indexOf(trace, 'a'));
    const html = [rowHtml('root', 0, context(), { selected: true, active: true, currentMatch: true }), rowHtml('a', 1, context({ collapsed })), rowHtml('a1', 2)].join('');
    const classes = new Set([...html.matchAll(/class="([^"]*)"/g)].flatMap((m) => (m[1] ?? '').split(/\s+/)).filter(Boolean).map((c) => c.replaceAll('&#x27;', "'")));
    expect(classes.size).toBeGreaterThan(20);
    const missing = [...classes].filter((c) => !source.includes(c));
    expect(missing).toEqual([]);
  });

  it('indents with the name column variable, not per-level elements', () => {
    const html = rowHtml('a1', 2);
    expect(html).toContain('min(28px, var(--name-col) - 140px)');
    expect(html).toContain('repeating-linear-gradient');
  });
});

describe('WaterfallRows', () => {
  it('renders the rowgroup at full height and keeps the active row mounted when it is out of the window', () => {
    const rows = buildRowList(trace.columns, { collapsed: expandAll(trace.columns) });
    // Without a scroll box or window (server render) the window is empty: only the active row is drawn.
    const html = renderToStaticMarkup(
      <WaterfallRows rows={rows} ctx={context()} activeRowIndex={3} selectedIndex={-1} currentMatch={-1} overscanRows={0} />,
    );
    expect(html).toMatch(/^<div role="rowgroup"[^>]*style="height:112px"/);
    expect(html.match(/role="row"/g)).toHaveLength(1);
    expect(html).toContain('id="skein-row-3"');
  });
});

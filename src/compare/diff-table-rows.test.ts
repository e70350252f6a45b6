import { describe, expect, it } from 'vitest';
import { traceFromSpecs, type SpanSpec } from '../model/testing/raw-span';
import { diffTraces } from '../model/trace-diff';
import { defaultDiffSort, diffTableRows, emptyTableMessage, formatDiffSortParam, parseDiffSortParam, type DiffSort } from './diff-table-rows';

const a: SpanSpec[] = [
  { id: 'r', start: 0, duration: 1000, service: 'api', name: '/checkout' },
  { id: 'c', parent: 'r', start: 0, duration: 300, service: 'cart', name: '/load' },
  { id: 'p', parent: 'r', start: 350, duration: 400, service: 'payments', name: '/charge' },
  { id: 'm', parent: 'r', start: 800, duration: 100, service: 'mail', name: '/send' },
];
const b: SpanSpec[] = [
  { id: 'r', start: 0, duration: 1200, service: 'api', name: '/checkout' },
  { id: 'c', parent: 'r', start: 0, duration: 100, service: 'cart', name: '/load' },
  { id: 'p', parent: 'r', start: 150, duration: 800, service: 'payments', name: '/charge' },
  { id: 'm', parent: 'r', start: 1000, duration: 100, service: 'mail', name: '/send' },
];
const diff = diffTraces(traceFromSpecs(a), traceFromSpecs(b));
const names = (ids: number[]) => ids.map((id) => diff.nodes[id]!.name);

describe('Trace differences rows', () => {
  it('sorts by delta, slowdowns first when B is slower', () => {
    const sort = defaultDiffSort(diff);
    expect(sort).toEqual({ key: 'delta', direction: 'descending' });
    expect(names(diffTableRows(diff, sort, { onlyChanged: false, text: '' }))).toEqual(['/charge', '/checkout', '/send', '/load']);
    expect(names(diffTableRows(diff, { key: 'delta', direction: 'ascending' }, { onlyChanged: false, text: '' }))).toEqual([
      '/load',
      '/send',
      '/checkout',
      '/charge',
    ]);
  });

  it('sorts text columns and filters to changed rows and by text', () => {
    expect(names(diffTableRows(diff, { key: 'service', direction: 'ascending' }, { onlyChanged: false, text: '' }))).toEqual([
      '/checkout',
      '/load',
      '/send',
      '/charge',
    ]);
    expect(names(diffTableRows(diff, { key: 'timeB', direction: 'descending' }, { onlyChanged: true, text: '' }))).toEqual([
      '/checkout',
      '/charge',
      '/load',
    ]);
    expect(names(diffTableRows(diff, { key: 'delta', direction: 'descending' }, { onlyChanged: false, text: 'PAY' }))).toEqual(['/charge']);
  });
});

describe('the sort= parameter', () => {
  it('round-trips every column in both directions', () => {
    for (const key of ['service', 'operation', 'countA', 'countB', 'timeA', 'timeB', 'delta', 'selfDelta'] as const) {
      for (const direction of ['ascending', 'descending'] as const) {
        const sort: DiffSort = { key, direction };
        expect(parseDiffSortParam(formatDiffSortParam(sort))).toEqual(sort);
      }
    }
    expect(formatDiffSortParam({ key: 'timeB', direction: 'descending' })).toBe('-timeB');
    expect(formatDiffSortParam({ key: 'service', direction: 'ascending' })).toBe('service');
  });

  it('reads no parameter, an empty one or an unknown column as the default sort (null)', () => {
    expect(formatDiffSortParam(null)).toBeNull();
    for (const value of [null, '', '-', '--delta', 'Delta', 'self', 'delta,desc', '+delta', 'constructor', '-toString']) {
      expect(parseDiffSortParam(value)).toBeNull();
    }
  });
});

describe('the empty table message', () => {
  it('blames the filter when it matches no operation, even with "Only changed rows" on', () => {
    expect(emptyTableMessage(diff, { onlyChanged: true, text: 'nothing-like-this' })).toBe(
      'No operations match the filter “nothing-like-this”. Change or clear the filter.',
    );
    expect(emptyTableMessage(diff, { onlyChanged: false, text: 'nothing-like-this' })).toMatch(/^No operations match the filter/);
  });

  it('blames the switch when the filter matches only unchanged operations, or there is no filter', () => {
    // mail /send takes 100 µs in both traces: unchanged.
    expect(diffTableRows(diff, defaultDiffSort(diff), { onlyChanged: true, text: 'mail' })).toEqual([]);
    expect(emptyTableMessage(diff, { onlyChanged: true, text: 'mail' })).toBe(
      'No changed rows match the filter “mail”. Clear "Only changed rows" to see the unchanged ones that match.',
    );
    expect(emptyTableMessage(diff, { onlyChanged: true, text: '' })).toMatch(/^No changed rows\. Clear "Only changed rows"/);
  });
});

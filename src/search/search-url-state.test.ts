import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_VIEW,
  EMPTY_FORM,
  formatPlotBrush,
  lookbackLabel,
  limitParamNote,
  lookbackToUs,
  missingTraceIds,
  parseLimitParam,
  parsePlotBrush,
  parseSearchParams,
  searchStateToParams,
  splitTraceIds,
  withSubmitWindow,
  type SearchUrlState,
} from './search-url-state';

const parse = (query: string) => parseSearchParams(new URLSearchParams(query));

describe('parseSearchParams', () => {
  it('gives an empty, unsubmitted form for a bare /search', () => {
    expect(parse('')).toEqual({ backend: null, form: EMPTY_FORM, view: DEFAULT_VIEW, submitted: false });
    expect(parse('backend=demo').submitted).toBe(false);
  });

  it("reads a Jaeger UI search URL (JSON tags, µs window, empty durations)", () => {
    const state = parse(
      'end=1719999999999000&limit=20&lookback=1h&maxDuration&minDuration&service=frontend&operation=HTTP%20GET%20%2Fdispatch' +
        '&start=1719996399999000&tags=%7B%22http.status_code%22%3A%22500%22%2C%22error%22%3A%22true%22%7D',
    );
    expect(state.submitted).toBe(true);
    expect(state.form).toEqual({
      service: 'frontend',
      operation: 'HTTP GET /dispatch',
      tags: 'http.status_code=500 error=true',
      traceql: '',
      minDuration: '',
      maxDuration: '',
      lookback: '1h',
      startUs: 1719996399999000,
      endUs: 1719999999999000,
      limit: 20,
    });
  });

  it('turns JSON tag values with spaces into quoted logfmt', () => {
    expect(parse('tags=' + encodeURIComponent('{"msg":"disk full","n":5}')).form.tags).toBe('msg="disk full" n=5');
  });

  it('accepts logfmt tags, repeated tags and legacy tag=k:v', () => {
    expect(parse('tags=' + encodeURIComponent('a=1 b="x y"')).form.tags).toBe('a=1 b="x y"');
    expect(parse('tags=a%3D1&tags=%7B%22b%22%3A%222%22%7D&tag=c:3').form.tags).toBe('a=1 b=2 c=3');
  });

  it('keeps broken logfmt as typed so the form can explain it', () => {
    expect(parse('tags=' + encodeURIComponent('a="open')).form.tags).toBe('a="open');
  });

  it("reads Jaeger's lookback=custom with start/end", () => {
    const state = parse('service=a&lookback=custom&start=1000000&end=2000000');
    expect(state.form).toMatchObject({ lookback: 'custom', startUs: 1_000_000, endUs: 2_000_000 });
  });

  it('falls back to the default lookback when custom has no window, or the window is reversed', () => {
    expect(parse('lookback=custom').form).toMatchObject({ lookback: '1h', startUs: null, endUs: null });
    expect(parse('lookback=2h&start=5&end=3').form).toMatchObject({ lookback: '2h', startUs: null, endUs: null });
  });

  it('treats a window without a known lookback as a custom range', () => {
    expect(parse('start=1000&end=2000').form.lookback).toBe('custom');
    expect(parse('lookback=soon&start=1000&end=2000').form.lookback).toBe('custom');
  });

  it('accepts lookbacks Jaeger UI writes without a preset here', () => {
    expect(parse('lookback=3d').form.lookback).toBe('3d');
    expect(lookbackLabel('3d')).toBe('Last 3 days');
    expect(lookbackLabel('1w')).toBe('Last 1 week');
  });

  it('clamps the limit and ignores junk', () => {
    expect(parse('limit=5000').form.limit).toBe(1500);
    expect(parse('limit=0').form.limit).toBe(20);
    expect(parse('limit=abc').form.limit).toBe(20);
    expect(parse('limit=100').form.limit).toBe(100);
  });

  it('says when the limit of the link was changed, and keeps the value as written for the note', () => {
    expect(parseLimitParam('100000')).toEqual({ limit: 1500, issue: 'too-high' });
    expect(parseLimitParam('1501')).toEqual({ limit: 1500, issue: 'too-high' });
    expect(parseLimitParam('0')).toEqual({ limit: 20, issue: 'too-low' });
    expect(parseLimitParam('-5')).toEqual({ limit: 20, issue: 'too-low' });
    expect(parseLimitParam('abc')).toEqual({ limit: 20, issue: 'not-a-number' });
    expect(parseLimitParam('2.5')).toEqual({ limit: 20, issue: 'not-a-number' });
    // In range, absent or empty: used as is (or the default), nothing to say.
    expect(parseLimitParam(' 1500 ')).toEqual({ limit: 1500, issue: null });
    expect(parseLimitParam('1')).toEqual({ limit: 1, issue: null });
    expect(parseLimitParam(null)).toEqual({ limit: 20, issue: null });
    expect(parseLimitParam('')).toEqual({ limit: 20, issue: null });

    expect(parse('service=a&limit=100000').limitInLink).toBe('100000');
    expect(parse('service=a&limit=-5').limitInLink).toBe('-5');
    expect(parse('service=a&limit=300')).not.toHaveProperty('limitInLink');
    expect(parse('service=a')).not.toHaveProperty('limitInLink');
  });

  it('writes a note about a limit it could not use', () => {
    expect(limitParamNote('100000')).toBe('The link asked for 100,000 traces; the limit is 1,500.');
    expect(limitParamNote('1'.repeat(40))).toBe('The link asked for more than 1,500 traces; the limit is 1,500.');
    expect(limitParamNote('0')).toBe('The link asked for 0 traces; at least 1 is needed, so the default of 20 is used.');
    expect(limitParamNote('-5')).toBe('The link asked for -5 traces; at least 1 is needed, so the default of 20 is used.');
    expect(limitParamNote('abc')).toBe('The link\'s limit "abc" is not a whole number, so the default of 20 is used.');
    expect(limitParamNote('x'.repeat(100))).toBe(`The link's limit "${'x'.repeat(24)}…" is not a whole number, so the default of 20 is used.`);
    expect(limitParamNote('200')).toBeNull();
  });

  it('keeps a limit it could not use in the URL it writes (a sort change keeps the note), not a valid one', () => {
    const state = parse('service=a&limit=100000&start=10&end=20&lookback=custom');
    const params = searchStateToParams({ ...state, view: { ...state.view, sort: 'longest' } });
    expect(params.get('limit')).toBe('100000');
    expect(parseSearchParams(params).form.limit).toBe(1500);
    const { limitInLink: _dropped, ...fromForm } = state;
    expect(searchStateToParams(fromForm).get('limit')).toBe('1500');
  });

  it('reads TraceQL, backend and the view parameters', () => {
    const state = parse('backend=tempo&q=' + encodeURIComponent('{ status = error }') + '&sort=longest&errors=1&slower=p90');
    expect(state.backend).toBe('tempo');
    expect(state.form.traceql).toBe('{ status = error }');
    expect(state.view).toEqual({ sort: 'longest', errorsOnly: true, slowerThan: 'p90', brush: null });
    expect(state.submitted).toBe(true);
  });

  it('ignores unknown view values', () => {
    expect(parse('sort=random&slower=p42').view).toEqual(DEFAULT_VIEW);
  });
});

describe('searchStateToParams', () => {
  it('writes canonical parameters', () => {
    const state: SearchUrlState = {
      backend: 'jaeger',
      form: { ...EMPTY_FORM, service: 'frontend', tags: 'error=true', minDuration: '1.2s', startUs: 10, endUs: 20 },
      view: { sort: 'longest', errorsOnly: false, slowerThan: 'p90', brush: { startUsMin: 12, startUsMax: 18, durationUsMin: 0, durationUsMax: 500 } },
      submitted: true,
    };
    expect(searchStateToParams(state).toString()).toBe(
      'backend=jaeger&service=frontend&tags=error%3Dtrue&minDuration=1.2s&lookback=1h&start=10&end=20&limit=20&sort=longest&slower=p90' +
        '&brush=12_18_0_500',
    );
  });

  it('round-trips any state', () => {
    const text = fc.string({ maxLength: 12 }).map((s) => s.trim());
    const tagPair = fc.record({
      key: fc.stringMatching(/^[a-z][a-z._]{0,8}$/),
      value: fc.string({ maxLength: 8 }),
    });
    const state = fc.record({
      backend: fc.option(fc.constantFrom('demo', 'jaeger', 'tempo'), { nil: null }),
      service: text,
      operation: text,
      tags: fc.array(tagPair, { maxLength: 3 }),
      traceql: fc.constantFrom('', '{ status = error }', '{ .a = "x y" }'),
      minDuration: fc.constantFrom('', '1.2s', '300ms'),
      maxDuration: fc.constantFrom('', '5s'),
      lookback: fc.constantFrom('1h', '2d', '15m', 'custom'),
      window: fc.option(fc.tuple(fc.integer({ min: 0, max: 1e15 }), fc.integer({ min: 1, max: 1e9 })), { nil: null }),
      limit: fc.integer({ min: 1, max: 1500 }),
      sort: fc.constantFrom('recent', 'longest', 'shortest', 'most-spans', 'most-errors' as const),
      errorsOnly: fc.boolean(),
      slowerThan: fc.constantFrom(null, 'p50', 'p99' as const),
      brush: fc.option(
        fc.tuple(fc.integer({ min: 0, max: 2e15 }), fc.nat(1e10), fc.nat(1e8), fc.nat(1e8)).map(([start, width, lo, height]) => ({
          startUsMin: start,
          startUsMax: start + width,
          durationUsMin: lo,
          durationUsMax: lo + height,
        })),
        { nil: null },
      ),
    });
    fc.assert(
      fc.property(state, (s) => {
        // Keys must be unique for a lossless round trip (duplicates are a form error anyway).
        const seen = new Set<string>();
        const tags = s.tags.filter((t) => !seen.has(t.key) && seen.add(t.key));
        const tagText = tags
          .map((t) => `${t.key}=${/^[^\s"=\\]+$/.test(t.value) ? t.value : JSON.stringify(t.value)}`)
          .join(' ');
        const lookback = s.lookback === 'custom' && !s.window ? '1h' : s.lookback;
        const original: SearchUrlState = {
          backend: s.backend,
          form: {
            service: s.service,
            operation: s.operation,
            tags: tagText,
            traceql: s.traceql,
            minDuration: s.minDuration,
            maxDuration: s.maxDuration,
            lookback,
            startUs: s.window ? s.window[0] : null,
            endUs: s.window ? s.window[0] + s.window[1] : null,
            limit: s.limit,
          },
          view: { sort: s.sort, errorsOnly: s.errorsOnly, slowerThan: s.slowerThan as SearchUrlState['view']['slowerThan'], brush: s.brush },
          submitted: true,
        };
        const again = parseSearchParams(new URLSearchParams(searchStateToParams(original).toString()));
        expect(again.form).toEqual({ ...original.form, tags: parseSearchParams(new URLSearchParams({ tags: tagText })).form.tags });
        expect(again.view).toEqual(original.view);
        expect(again.backend).toBe(original.backend);
        expect(again.submitted).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips a Jaeger UI URL into our canonical form', () => {
    const jaeger = parse('end=2000000&limit=50&lookback=2h&maxDuration=&minDuration=100ms&service=api&start=1000000&tags=%7B%22a%22%3A%221%22%7D');
    const ours = searchStateToParams(jaeger);
    expect(ours.get('tags')).toBe('a=1');
    expect(parseSearchParams(ours)).toEqual(jaeger);
  });
});

describe('the plot brush in the URL', () => {
  const brush = { startUsMin: 1_719_996_400_000_000, startUsMax: 1_719_996_460_250_000, durationUsMin: 120_000, durationUsMax: 2_500_000 };

  it('is four integers in µs: start min, start max, duration min, duration max', () => {
    expect(formatPlotBrush(brush)).toBe('1719996400000000_1719996460250000_120000_2500000');
    expect(parse('service=a&brush=1719996400000000_1719996460250000_120000_2500000').view.brush).toEqual(brush);
  });

  it('also reads commas, encoded or not (hand-written links)', () => {
    const small = { startUsMin: 1, startUsMax: 2, durationUsMin: 3, durationUsMax: 4 };
    expect(parse('brush=1,2,3,4').view.brush).toEqual(small);
    expect(parse('brush=1%2C2%2C3%2C4').view.brush).toEqual(small);
  });

  it('round-trips through the URL, next to the other view parameters', () => {
    const state: SearchUrlState = { backend: null, form: EMPTY_FORM, view: { ...DEFAULT_VIEW, sort: 'longest', brush }, submitted: false };
    const params = searchStateToParams(state);
    expect(params.toString()).toBe('sort=longest&brush=1719996400000000_1719996460250000_120000_2500000');
    expect(parseSearchParams(new URLSearchParams(params.toString())).view).toEqual(state.view);
  });

  it('rounds a dragged (fractional) rectangle outwards, so the traces inside stay inside', () => {
    const dragged = { startUsMin: 1000.7, startUsMax: 2000.2, durationUsMin: 10.9, durationUsMax: 99.1 };
    expect(formatPlotBrush(dragged)).toBe('1000_2001_10_100');
    expect(parsePlotBrush(formatPlotBrush(dragged))).toEqual({ startUsMin: 1000, startUsMax: 2001, durationUsMin: 10, durationUsMax: 100 });
  });

  it('is absent without the parameter, and leaves no parameter without a brush', () => {
    expect(parse('service=a&sort=longest').view.brush).toBeNull();
    expect(parsePlotBrush(null)).toBeNull();
    expect(searchStateToParams({ backend: null, form: EMPTY_FORM, view: DEFAULT_VIEW, submitted: true }).has('brush')).toBe(false);
  });

  it('ignores malformed values (no brush, the rest of the URL still read)', () => {
    const malformed = [
      ...['', ' _ _ _ ', '1_2_3', '1_2_3_4_5', '1_2__4', 'a_b_c_d', '1;2;3;4', '1 2 3 4'], // not four numbers
      ...['1.5_2_3_4', '-1_2_3_4', '1_2_3_4e3', '1_2_3_0x10', '1_2_3_99999999999999999999'], // not whole, safe µs
      ...['2_1_3_4', '1_2_4_3'], // reversed
    ];
    for (const bad of malformed) {
      const state = parse(`service=a&sort=longest&brush=${encodeURIComponent(bad)}`);
      expect(state.view.brush, bad).toBeNull();
      expect(state.view.sort).toBe('longest');
      expect(state.form.service).toBe('a');
    }
  });

  it('does not write a brush that would not read back', () => {
    expect(formatPlotBrush({ ...brush, durationUsMax: Number.NaN })).toBeNull();
    expect(formatPlotBrush({ ...brush, startUsMax: Infinity })).toBeNull();
    expect(formatPlotBrush({ ...brush, durationUsMin: 10, durationUsMax: -5 })).toBeNull();
    const view = { ...DEFAULT_VIEW, brush: { ...brush, startUsMin: Number.NaN } };
    expect(searchStateToParams({ backend: null, form: EMPTY_FORM, view, submitted: true }).has('brush')).toBe(false);
  });

  it('reads a zero-height or zero-width rectangle (a drag along one axis)', () => {
    expect(parsePlotBrush('5_5_7_7')).toEqual({ startUsMin: 5, startUsMax: 5, durationUsMin: 7, durationUsMax: 7 });
  });
});

describe('withSubmitWindow', () => {
  it('turns a lookback into a window ending now', () => {
    const now = 1_700_000_000_000_000;
    expect(withSubmitWindow({ ...EMPTY_FORM, lookback: '2h' }, now)).toMatchObject({ startUs: now - 7_200_000_000, endUs: now });
  });
  it('moves an old window forward when resubmitted', () => {
    const now = 5e15;
    expect(withSubmitWindow({ ...EMPTY_FORM, lookback: '1h', startUs: 1, endUs: 2 }, now)).toMatchObject({ startUs: now - 3.6e9, endUs: now });
  });
  it('keeps a custom range', () => {
    expect(withSubmitWindow({ ...EMPTY_FORM, lookback: 'custom', startUs: 1, endUs: 2 }, 9e15)).toMatchObject({ startUs: 1, endUs: 2 });
  });
  it('falls back to the last hour for a custom range without a window', () => {
    expect(withSubmitWindow({ ...EMPTY_FORM, lookback: 'custom' }, 1e10)).toMatchObject({ lookback: '1h', startUs: 1e10 - 3.6e9, endUs: 1e10 });
  });
});

describe('lookbackToUs', () => {
  it('knows minutes, hours, days and weeks', () => {
    expect(lookbackToUs('5m')).toBe(300e6);
    expect(lookbackToUs('1h')).toBe(3600e6);
    expect(lookbackToUs('2d')).toBe(2 * 86_400e6);
    expect(lookbackToUs('1w')).toBe(7 * 86_400e6);
    expect(lookbackToUs('custom')).toBeNull();
    expect(lookbackToUs('0h')).toBeNull();
  });
});

describe('traceID lists (Jaeger UI)', () => {
  it('are read as written and written back, so a view change keeps them', () => {
    const state = parse('traceID=ab&traceID=%20CD%20&traceID=&traceID=xyz&sort=longest');
    expect(state.traceIds).toEqual(['ab', 'CD', 'xyz']);
    expect(searchStateToParams(state).toString()).toBe('sort=longest&traceID=ab&traceID=CD&traceID=xyz');
    expect(parse('service=a').traceIds).toBeUndefined();
  });

  it('split into IDs to fetch and values that are no trace ID', () => {
    expect(splitTraceIds(['AB', 'ab', 'xyz', '0123456789abcdef0123456789abcdef0'])).toEqual({
      ids: ['ab'],
      invalid: ['xyz', '0123456789abcdef0123456789abcdef0'],
    });
  });

  it('name the requested IDs that were not found, padding aside', () => {
    expect(missingTraceIds(['abc', 'deadbeef', '00ff'], ['0000000000000abc', 'ff'])).toEqual(['deadbeef']);
    expect(missingTraceIds(['0'], ['0000000000000000'])).toEqual([]);
  });
});

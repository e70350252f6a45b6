import { describe, expect, it } from 'vitest';
import { DEFAULT_TIMELINE_OPTIONS, parseTimelineOptions, timelineOptionsParams, type TimelineOptions } from './timeline-options';
import { withParams } from '../lib/with-params';

const roundTrip = (options: TimelineOptions) => parseTimelineOptions(withParams(new URLSearchParams('span=ab&find=db'), timelineOptionsParams(options)));

describe('timeline options in the URL', () => {
  it('no parameters: the defaults, and the defaults write no parameter', () => {
    expect(parseTimelineOptions(new URLSearchParams(''))).toEqual(DEFAULT_TIMELINE_OPTIONS);
    const written = withParams(new URLSearchParams('span=ab'), timelineOptionsParams(DEFAULT_TIMELINE_OPTIONS));
    expect(written.toString()).toBe('span=ab');
  });

  it('every switch survives a round trip, alone and together, and other parameters stay', () => {
    const all: TimelineOptions = {
      criticalPath: true,
      groupRepeats: true,
      openGroups: '',
      adjustSkew: true,
      labelAttribute: 'http.route',
      findMode: 'filter',
    };
    expect(roundTrip(all)).toEqual(all);
    for (const patch of [{ criticalPath: true }, { groupRepeats: true }, { adjustSkew: true }, { labelAttribute: 'a b&c=d' }, { findMode: 'filter' as const }]) {
      const options = { ...DEFAULT_TIMELINE_OPTIONS, ...patch };
      expect(roundTrip(options)).toEqual(options);
    }
    const params = withParams(new URLSearchParams('span=ab&find=db'), timelineOptionsParams(all));
    expect(params.get('span')).toBe('ab');
    expect(params.get('find')).toBe('db');
    expect(params.toString()).toBe('span=ab&find=db&critical=1&group=repeats&skew=1&label=http.route&findmode=filter');
  });

  it('switching back to a default removes its parameter', () => {
    const on = withParams(new URLSearchParams(''), timelineOptionsParams({ ...DEFAULT_TIMELINE_OPTIONS, criticalPath: true, labelAttribute: 'x' }));
    const off = withParams(on, timelineOptionsParams(DEFAULT_TIMELINE_OPTIONS));
    expect(off.toString()).toBe('');
  });

  it('unknown or malformed values read as the defaults', () => {
    const options = parseTimelineOptions(new URLSearchParams('critical=yes&group=1&skew=true&label=&findmode=hide'));
    expect(options).toEqual(DEFAULT_TIMELINE_OPTIONS);
    expect(parseTimelineOptions(new URLSearchParams('group=repeatsX_a1'))).toEqual(DEFAULT_TIMELINE_OPTIONS);
  });

  it('the unfolded groups follow group=repeats_ and go with the switch', () => {
    const open = { ...DEFAULT_TIMELINE_OPTIONS, groupRepeats: true, openGroups: 'a1b2.c3d4' };
    const params = withParams(new URLSearchParams('span=ab'), timelineOptionsParams(open));
    expect(params.toString()).toBe('span=ab&group=repeats_a1b2.c3d4');
    expect(parseTimelineOptions(params)).toEqual(open);
    // A list without the switch is not written; a bare "repeats_" reads as no group open.
    expect(timelineOptionsParams({ ...open, groupRepeats: false })).toContainEqual(['group', null]);
    expect(parseTimelineOptions(new URLSearchParams('group=repeats_'))).toEqual({ ...DEFAULT_TIMELINE_OPTIONS, groupRepeats: true });
  });
});

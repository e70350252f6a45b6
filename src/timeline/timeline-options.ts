// The waterfall's view options, as the trace page keeps them in its URL (DESIGN.md §3: every view
// is a link). A link that says "look at the critical path" or "only the spans matching db" must
// open with that switch on, not with the defaults:
//
//   critical=1          Critical path shown
//   group=repeats       Group repeats: runs of like siblings folded into one row
//   skew=1              Adjust clock skew
//   label=http.route    Bar label: this attribute instead of the duration
//   findmode=filter     Show only matches (of find=)
//
// Defaults are left out of the URL. Unknown values read as the default, so a hand-edited or old
// link still opens.
import type { FindMode } from './find-bar';

export interface TimelineOptions {
  criticalPath: boolean;
  groupRepeats: boolean;
  adjustSkew: boolean;
  /** The attribute shown as the bar label; null = the duration. */
  labelAttribute: string | null;
  findMode: FindMode;
}

export const DEFAULT_TIMELINE_OPTIONS: TimelineOptions = Object.freeze({
  criticalPath: false,
  groupRepeats: false,
  adjustSkew: false,
  labelAttribute: null,
  findMode: 'highlight',
});

export function parseTimelineOptions(params: URLSearchParams): TimelineOptions {
  const label = params.get('label');
  return {
    criticalPath: params.get('critical') === '1',
    groupRepeats: params.get('group') === 'repeats',
    adjustSkew: params.get('skew') === '1',
    labelAttribute: label === null || label === '' ? null : label,
    findMode: params.get('findmode') === 'filter' ? 'filter' : 'highlight',
  };
}

/** The parameters for `options`: null removes one (its default). */
export function timelineOptionsParams(options: TimelineOptions): [string, string | null][] {
  return [
    ['critical', options.criticalPath ? '1' : null],
    ['group', options.groupRepeats ? 'repeats' : null],
    ['skew', options.adjustSkew ? '1' : null],
    ['label', options.labelAttribute],
    ['findmode', options.findMode === 'filter' ? 'filter' : null],
  ];
}

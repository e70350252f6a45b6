// The waterfall's view options, as the trace page keeps them in its URL (DESIGN.md §3: every view
// is a link). A link that says "look at the critical path" or "only the spans matching db" must
// open with that switch on, not with the defaults:
//
//   critical=1          Critical path shown
//   group=repeats       Group repeats: runs of like siblings folded into one row
//   group=repeats_<ids> …with these groups unfolded (first members' span IDs: ./open-groups-param.ts)
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
  /**
   * The unfolded groups while groupRepeats is on, as written after `group=repeats_` ("" = none).
   * Text, not a set: it names spans, so the timeline reads it against each trace it draws.
   */
  openGroups: string;
  adjustSkew: boolean;
  /** The attribute shown as the bar label; null = the duration. */
  labelAttribute: string | null;
  findMode: FindMode;
}

export const DEFAULT_TIMELINE_OPTIONS: TimelineOptions = Object.freeze({
  criticalPath: false,
  groupRepeats: false,
  openGroups: '',
  adjustSkew: false,
  labelAttribute: null,
  findMode: 'highlight',
});

const GROUP_REPEATS = 'repeats';
const OPEN_GROUPS_MARK = '_';

export function parseTimelineOptions(params: URLSearchParams): TimelineOptions {
  const label = params.get('label');
  const group = params.get('group') ?? '';
  const groupRepeats = group === GROUP_REPEATS || group.startsWith(`${GROUP_REPEATS}${OPEN_GROUPS_MARK}`);
  return {
    criticalPath: params.get('critical') === '1',
    groupRepeats,
    openGroups: groupRepeats ? group.slice(GROUP_REPEATS.length + OPEN_GROUPS_MARK.length) : '',
    adjustSkew: params.get('skew') === '1',
    labelAttribute: label === null || label === '' ? null : label,
    findMode: params.get('findmode') === 'filter' ? 'filter' : 'highlight',
  };
}

/** The parameters for `options`: null removes one (its default). */
export function timelineOptionsParams(options: TimelineOptions): [string, string | null][] {
  return [
    ['critical', options.criticalPath ? '1' : null],
    ['group', options.groupRepeats ? `${GROUP_REPEATS}${options.openGroups === '' ? '' : OPEN_GROUPS_MARK + options.openGroups}` : null],
    ['skew', options.adjustSkew ? '1' : null],
    ['label', options.labelAttribute],
    ['findmode', options.findMode === 'filter' ? 'filter' : null],
  ];
}

// Which folded runs of repeated siblings ("Group repeats") are unfolded, as the tail of the URL's
// `group=` parameter (DESIGN.md §3: every view is a link):
//
//   group=repeats                                   grouped, every group folded
//   group=repeats_a1b2c3d4e5f6a7b8.0011223344556677 …but these two groups unfolded
//
// A group is named by the span ID of its first member: group numbers come from an analysis of
// the whole trace and would name other groups once the trace has gained spans; span IDs do not.
// IDs are escaped as in `fold=` (./collapse-param.ts), and the list has the same limit: a state
// needing more than MAX_FOLD_EXCEPTIONS IDs is not written (null), so a reload shows the groups
// folded rather than the URL growing to kilobytes. Unknown IDs, and IDs of spans that no longer
// start a group, are ignored.
//
// Both directions are O(groups), once per change of the unfolded set or per trace, never per frame.

import { canBeNamed, escapeId, ID_SEPARATOR, MAX_FOLD_EXCEPTIONS, parseIds, type SpanIdList } from './collapse-param';
import type { SiblingGroupIndex } from './row-list';

/** The list for these unfolded groups ("" = none), or null when it would be too long to write. */
export function encodeOpenGroups(groups: SiblingGroupIndex, spans: SpanIdList, expanded: Uint8Array): string | null {
  const ids: string[] = [];
  const listed = new Set<string>();
  for (let g = 0; g < groups.firstIndex.length; g++) {
    if (expanded[g] !== 1) continue;
    const id = spans[groups.firstIndex[g] ?? -1]?.spanId ?? '';
    if (!canBeNamed(id)) return null;
    if (listed.has(id)) continue; // (duplicate span IDs in a broken trace: one entry opens all of them)
    listed.add(id);
    if (listed.size > MAX_FOLD_EXCEPTIONS) return null;
    ids.push(escapeId(id));
  }
  return ids.join(ID_SEPARATOR);
}

/** Per group, 1 when its first member's span ID is in the list. */
export function decodeOpenGroups(groups: SiblingGroupIndex, spans: SpanIdList, list: string): Uint8Array {
  const expanded = new Uint8Array(groups.firstIndex.length);
  if (list === '') return expanded;
  const ids = parseIds(list);
  for (let g = 0; g < expanded.length; g++) {
    if (ids.has(spans[groups.firstIndex[g] ?? -1]?.spanId ?? '')) expanded[g] = 1;
  }
  return expanded;
}

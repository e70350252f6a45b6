// The dependency graph feature, as routes use it.
export { DependencyGraphView, type DependencyGraphViewProps, type FocusState } from './dependency-graph-view';
export { edgeSearchLabel, type EdgeSearch } from './edge-search';
export type { FocusDirection } from './focus-filter';
export type { LayoutKind } from './layout-types';
export { TimeWindowPicker } from './time-window-picker';
export {
  DEFAULT_LOOKBACK,
  describeLookback,
  parseLookback,
  resolveWindow,
  widerLookback,
  windowSpecFromParams,
  writeWindowParams,
  type WindowSpec,
} from './time-window';
export { canonicalFocusParams, focusFromParams, layoutFromParams, writeFocusParams } from './url-state';
export { formatEdgeSort, parseEdgeSort, type SortState as EdgeSortState } from './sort-edges';

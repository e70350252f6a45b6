/**
 * TraceTimeline: the span waterfall of one trace (DESIGN.md §5: role="treegrid" "Trace timeline").
 *
 * Props
 * - `trace: Trace`: the model to draw. Treated as immutable; a new object means a new trace
 *   (collapse state, find position and zoom-independent UI state are reset).
 * - `selectedSpanId: string | null`: the span whose details are open (URL `span=`).
 * - `onSelectSpan(spanId: string | null)`: the user opened (row click, Enter, reference link) or
 *   closed (close button, Escape) the details.
 * - `timeZone: 'utc' | 'local'`: zone of absolute times in the details panel.
 * - `findQuery?: string` + `onFindQueryChange?(query: string)`: the find box (URL `find=`).
 *   Leave both out to keep the query inside the component.
 * - `viewRange?: ViewRange | null` + `onViewRangeChange?(range: ViewRange | null)`: the zoom
 *   window, µs from trace start; null = the whole trace (URL zoom). Leave both out to keep the
 *   zoom inside the component.
 * - `foldParam?: string | null` + `onFoldParamChange?(param: string | null)`: the collapse state as
 *   the URL's `fold=` (format in ./collapse-param.ts). `foldParam` is read when a trace arrives
 *   (the collapsed set is built from it once per trace, not followed afterwards); after each change
 *   of the collapsed set the component reports the new parameter, null meaning "leave it out"
 *   (nothing collapsed, or too long to write). Leave both out to keep the state inside.
 * - `options?: TimelineOptions` + `onOptionsChange?(options: TimelineOptions)`: the view switches
 *   (critical path, group repeats, clock skew, bar label, show only matches), kept in the URL by
 *   the trace page (./timeline-options.ts), and which repeat groups are unfolded (`openGroups`:
 *   read when a trace arrives, reported after each change, as `foldParam` is). Leave both out to
 *   keep them inside the component.
 * - `traceLinkHref?(traceId: string, spanId: string): string`: href of a span in another trace,
 *   so that links/references to other traces can be followed. Without it they are plain text.
 * - `linkPatterns?: LinkPattern[]`: config.json's link patterns, shown as links in the span details.
 *
 * Performance: nothing is stored per span in React state. The collapsed set is one Uint8Array
 * (replaced, never mutated), the row list is an Int32Array rebuilt only when the trace, the
 * collapsed set, the find filter or the sibling grouping changes, and only rows in view (plus
 * overscan) are in the DOM. The scroll position is followed by WaterfallRows alone, so scrolling
 * never re-renders this component; the row context is memoised on its real inputs, so rows
 * already on screen do not re-render either.
 */

import type { LinkPattern } from '../lib/link-patterns';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type PointerEvent as ReactPointerEvent,
} from 'react';
import { Button } from '../components/button';
import { useControllableState } from '../components/use-controllable-state';
import { NoticeBanner } from '../components/notice-banner';
import { serviceColours } from '../lib/colour-scale';
import { formatDurationUs } from '../lib/duration-format';
import type { TimeZonePreference } from '../lib/time-format';
import { selfTimeOf } from '../model/self-time';
import { SpanFlag, type Trace } from '../model/types';
import { commonAttributeKeys } from './attribute-text';
import { decodeCollapseParam, encodeCollapseParam } from './collapse-param';
import { decodeOpenGroups, encodeOpenGroups } from './open-groups-param';
import { FindBar } from './find-bar';
import { Minimap } from './minimap';
import type { HoveredEvent, RowContext } from './row-context';
import {
  buildRowList,
  collapseAll,
  collapseOneLevel,
  errorPrefixSums,
  expandAll,
  expandAncestors,
  expandOneLevel,
  groupIdOfRow,
  isGroupRow,
  rowIndexOfGroup,
  rowIndexOfSpan,
  spanOfRow,
  toggleCollapsed,
  type SiblingGroupIndex,
} from './row-list';
import { ServiceLegend } from './service-legend';
import { ShortcutsDialog } from './shortcuts-dialog';
import { SpanDetails } from './span-details';
import { scrollTopToShowRow } from './row-window';
import { NAME_COLUMN_VAR, ROW_HEIGHT_PX, rowDomId } from './span-row';
import { DEFAULT_NAME_COLUMN_PX } from './span-row-geometry';
import { TickGridLines, TimeRuler } from './time-ruler';
import { DEFAULT_TIMELINE_OPTIONS, type TimelineOptions } from './timeline-options';
import { clampViewRange, fullViewRange, isFullView, type ViewRange } from './time-scale';
import { criticalSegmentsBySpan, errorSpanIndices, nextInSorted } from './trace-analyses';
import { irregularTraceNotes } from './irregular-trace-note';
import { findDebounceMs, prepareFind, useFindMatches, useSiblingGroups, useClockSkew } from './use-trace-features';
import { WaterfallRows } from './waterfall-rows';
import { useElementWidthPx } from '../components/use-element-width';
import { sortedIndexOf } from '../lib/sorted-index';
import { rowsAndSpansText } from './row-count-text';

export type { ViewRange } from './time-scale';

export interface TraceTimelineProps {
  trace: Trace;
  selectedSpanId: string | null;
  onSelectSpan(spanId: string | null): void;
  timeZone: TimeZonePreference;
  findQuery?: string;
  onFindQueryChange?(query: string): void;
  viewRange?: ViewRange | null;
  onViewRangeChange?(range: ViewRange | null): void;
  foldParam?: string | null;
  onFoldParamChange?(param: string | null): void;
  options?: TimelineOptions;
  onOptionsChange?(options: TimelineOptions): void;
  traceLinkHref?(traceId: string, spanId: string): string;
  linkPatterns?: readonly LinkPattern[];
}

const OVERSCAN_ROWS = 6;

/** UI state that belongs to one trace and resets when another trace arrives. */
interface PerTraceState {
  trace: Trace;
  collapsed: Uint8Array;
  /** The collapsed set the trace opened with (from `foldParam`): no change to report while it stays. */
  openedWith: Uint8Array;
  /** Unfolded repeat groups, once changed here; null = as the trace opened with (`openGroupsList`). */
  groupExpanded: Uint8Array | null;
  /** The unfolded groups the trace opened with (options.openGroups then), read once groups exist. */
  openGroupsList: string;
  /** Active (keyboard) row: a span index or a group row value; null = none yet. */
  activeRow: number | null;
  /** Span index of the current find match, or -1. */
  currentMatch: number;
}

function initialState(trace: Trace, foldParam: string | null | undefined, openGroupsList: string): PerTraceState {
  const collapsed = decodeCollapseParam(trace.columns, trace.spans, foldParam);
  return { trace, collapsed, openedWith: collapsed, groupExpanded: null, openGroupsList, activeRow: null, currentMatch: -1 };
}

export function TraceTimeline(props: TraceTimelineProps) {
  const { trace, selectedSpanId, onSelectSpan, timeZone } = props;
  const { columns } = trace;

  // ---- per-trace state (reset during render when the trace changes: no stale frame) ----------
  // (Only the controlled options come from a link; the component's own start with no group open.)
  const openGroupsList = props.onOptionsChange ? (props.options?.openGroups ?? '') : '';
  const [state, setState] = useState(() => initialState(trace, props.foldParam, openGroupsList));
  let current = state;
  if (state.trace !== trace) {
    current = initialState(trace, props.foldParam, openGroupsList);
    setState(current);
  }
  const { collapsed, activeRow, currentMatch } = current;
  // A patch that changes nothing keeps the state object, so React skips the render.
  const update = useCallback(
    (patch: (s: PerTraceState) => Partial<PerTraceState>) =>
      setState((s) => {
        const next = patch(s);
        for (const key of Object.keys(next) as (keyof PerTraceState)[]) if (next[key] !== s[key]) return { ...s, ...next };
        return s;
      }),
    [],
  );

  // ---- collapse state → URL (`fold=`): reported after each change, and the route debounces the
  // write. The set a trace opened with is not reported, so opening a link rewrites it only when the
  // set changes (a click, or revealing the selected span inside a collapsed subtree).
  // Encoding is O(spans), once per change of the collapsed set, never per render.
  const { onFoldParamChange } = props;
  const { openedWith } = current;
  useEffect(() => {
    if (!onFoldParamChange || collapsed === openedWith) return;
    onFoldParamChange(encodeCollapseParam(columns, trace.spans, collapsed));
  }, [collapsed, openedWith, columns, trace, onFoldParamChange]);

  // ---- view options: controlled when onOptionsChange is given ---------------------------------
  const [options, setOptions] = useControllableState(props.options, props.onOptionsChange, DEFAULT_TIMELINE_OPTIONS);
  const { criticalPath: showCritical, adjustSkew, groupRepeats, findMode } = options;
  const setOption = <K extends keyof TimelineOptions>(key: K, value: TimelineOptions[K]): void => setOptions({ ...options, [key]: value });
  // Grouping switched on or off starts with every group folded (and no list in the URL).
  const setGroupRepeats = (on: boolean): void => {
    update(() => ({ groupExpanded: null, openGroupsList: '' }));
    setOptions({ ...options, groupRepeats: on, openGroups: '' });
  };
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [chosenNameColumnPx, setNameColumnPx] = useState(DEFAULT_NAME_COLUMN_PX);
  // The waterfall pane's width: in a narrow window (or beside the span details) the name column
  // gives way, so that the bars keep at least half of the pane.
  const paneRef = useRef<HTMLDivElement | null>(null);
  const paneWidthPx = useElementWidthPx(paneRef);
  const nameColumnPx = paneWidthPx === 0 ? chosenNameColumnPx : Math.min(chosenNameColumnPx, Math.max(MIN_NAME_COLUMN_PX, Math.floor(paneWidthPx / 2)));
  const rulerBoxRef = useRef<HTMLDivElement | null>(null);
  const rulerWidthPx = useElementWidthPx(rulerBoxRef);
  const timelineWidthPx = rulerWidthPx === 0 ? 600 : Math.max(100, rulerWidthPx);
  const [hoveredEvent, setHoveredEvent] = useState<HoveredEvent | null>(null);
  const [selectedHint, setSelectedHint] = useState(-1);

  // Clock skew: `shown` is the trace as drawn; the adjustment keeps span order, so every index
  // (collapse state, selection, matches) stays valid when it is switched on or off.
  const skew = useClockSkew(trace, adjustSkew);
  const shown = skew.displayTrace;
  // An adjustment can push a child past the old trace end, or move the span that started first (the
  // axis then starts later), so the zoomable range is `shown`'s.
  const viewDurationUs = shown.durationUs;

  // ---- zoom: controlled when onViewRangeChange is given ---------------------------------------
  const [requestedView, setRequestedView] = useControllableState<ViewRange | null>(props.viewRange, props.onViewRangeChange, null);
  const view = useMemo(
    () => (requestedView ? clampViewRange(requestedView, viewDurationUs) : fullViewRange(viewDurationUs)),
    [requestedView, viewDurationUs],
  );
  const setView = useCallback(
    (range: ViewRange | null) => setRequestedView(range && !isFullView(range, viewDurationUs) ? range : null),
    [setRequestedView, viewDurationUs],
  );

  // ---- find: controlled when onFindQueryChange is given ---------------------------------------
  const [findQuery, onFindQueryChange] = useControllableState(props.findQuery, props.onFindQueryChange, '');

  // ---- per-trace derived data (once per trace) -------------------------------------------------
  const colours = useMemo(() => serviceColours(trace.services.map((s) => s.name)), [trace]);
  const errorPrefix = useMemo(() => errorPrefixSums(columns, SpanFlag.Error), [columns]);
  const errorIndices = useMemo(() => errorSpanIndices(trace, SpanFlag.Error), [trace]);
  const critical = useMemo(() => (showCritical ? criticalSegmentsBySpan(shown) : null), [shown, showCritical]);
  const attributeKeys = useMemo(() => commonAttributeKeys(trace.spans), [trace]);
  // A label from a link that this trace's spans do not share (or not yet, in a preview) shows the
  // duration; the link keeps it.
  const labelAttribute = options.labelAttribute !== null && attributeKeys.includes(options.labelAttribute) ? options.labelAttribute : null;
  // Same element objects on every render, so React skips them while the list scrolls.
  const attributeOptions = useMemo(
    () =>
      attributeKeys.map((key) => (
        <option key={key} value={key}>
          {key}
        </option>
      )),
    [attributeKeys],
  );
  const groups = useSiblingGroups(trace, groupRepeats);
  const groupExpanded = useMemo(
    () => (groups ? (current.groupExpanded ?? decodeOpenGroups(groups, trace.spans, current.openGroupsList)) : new Uint8Array(0)),
    [groups, current.groupExpanded, current.openGroupsList, trace],
  );
  // ---- unfolded groups → URL (`group=repeats_…`): after each change made here (a click, or
  // revealing a span inside a folded group), not for the set the trace opened with. O(groups).
  const optionsRef = useRef(options);
  useLayoutEffect(() => {
    optionsRef.current = options;
  });
  const changedGroups = current.groupExpanded;
  useEffect(() => {
    if (changedGroups === null || groups === null) return;
    const latest = optionsRef.current;
    const openGroups = encodeOpenGroups(groups, trace.spans, changedGroups) ?? '';
    if (latest.groupRepeats && openGroups !== latest.openGroups) setOptions({ ...latest, openGroups });
  }, [changedGroups, groups, trace, setOptions]);
  const find = useFindMatches(trace, findQuery);
  const filterVisible = findMode === 'filter' && find.query !== '' ? find.visible : null;
  // Next/previous error move among the errors the view can show, as next/previous match move among
  // the matches: with "show only matches" on, an error that the filter hides cannot be revealed
  // (expanding its ancestors does not bring it back), so it is not a target, and with none left
  // the buttons are disabled rather than doing nothing. O(errors) per filter change.
  const shownErrorIndices = useMemo(
    () => (filterVisible ? errorIndices.filter((i) => filterVisible[i] === 1) : errorIndices),
    [errorIndices, filterVisible],
  );

  // ---- the row list: once per (trace, collapsed, filter, groups) --------------------------------
  const rows = useMemo(
    () => buildRowList(columns, { collapsed, visible: filterVisible, groups, groupExpanded }),
    [columns, collapsed, filterVisible, groups, groupExpanded],
  );
  const activeRowIndex = useMemo(() => {
    if (activeRow === null) return -1;
    if (isGroupRow(activeRow)) return groups ? rowIndexOfGroup(rows, groupIdOfRow(activeRow), groups) : -1;
    return rowIndexOfSpan(rows, activeRow, groups);
  }, [activeRow, rows, groups]);

  const selectedIndex = useMemo(() => {
    if (selectedSpanId === null) return -1;
    if (trace.spans[selectedHint]?.spanId === selectedSpanId) return selectedHint; // duplicate IDs: keep the clicked copy
    // A scan, not a map by ID: a selection from the URL is looked up once, and building a map of
    // every span ID would cost ~300 ms at 500k spans on the first render.
    return trace.spans.findIndex((s) => s.spanId === selectedSpanId);
  }, [selectedSpanId, selectedHint, trace]);

  // ---- scrolling: rows have one fixed height, so positions are arithmetic ------------------------
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const scrollToRow = useCallback((rowIndex: number) => {
    const el = scrollRef.current;
    if (!el) return;
    const top = scrollTopToShowRow(rowIndex, ROW_HEIGHT_PX, el.scrollTop, el.clientHeight);
    if (top !== el.scrollTop) el.scrollTop = top;
  }, []);

  // ---- revealing a span: open its ancestors, unfold its group, scroll to it -------------------
  const pendingReveal = useRef<{ span: number; select: boolean } | null>(null);
  const [revealTick, setRevealTick] = useState(0);
  const reveal = useCallback(
    (spanIndex: number) => {
      if (spanIndex < 0) return;
      pendingReveal.current = { span: spanIndex, select: false };
      update((s) => ({
        collapsed: expandAncestors(columns, s.collapsed, spanIndex),
        groupExpanded: groups ? unfoldGroupsAround(groups, columns.parent, spanIndex, s.groupExpanded ?? groupExpanded) : s.groupExpanded,
        activeRow: spanIndex,
      }));
      setRevealTick((t) => t + 1);
    },
    [columns, groups, groupExpanded, update],
  );
  useEffect(() => {
    const pending = pendingReveal.current;
    if (!pending) return;
    const at = rowIndexOfSpan(rows, pending.span, groups);
    if (at >= 0) {
      pendingReveal.current = null;
      scrollToRow(at);
    }
  }, [revealTick, rows, groups, scrollToRow]);

  // A selection from outside (URL, reference link) is revealed once per change.
  const lastRevealedSelection = useRef<number>(-1);
  useEffect(() => {
    if (selectedIndex >= 0 && selectedIndex !== lastRevealedSelection.current) {
      lastRevealedSelection.current = selectedIndex;
      reveal(selectedIndex);
    } else if (selectedIndex < 0) lastRevealedSelection.current = -1;
  }, [selectedIndex, reveal]);

  // ---- actions --------------------------------------------------------------------------------
  const selectSpan = useCallback(
    (spanIndex: number) => {
      const span = trace.spans[spanIndex];
      if (!span) return;
      setSelectedHint(spanIndex);
      lastRevealedSelection.current = spanIndex;
      onSelectSpan(span.spanId);
    },
    [trace, onSelectSpan],
  );
  const toggleRow = useCallback(
    (row: number) => {
      if (isGroupRow(row)) {
        const id = groupIdOfRow(row);
        update((s) => {
          const next = (s.groupExpanded ?? groupExpanded).slice();
          next[id] = next[id] ? 0 : 1;
          return { groupExpanded: next, activeRow: row };
        });
      } else update((s) => ({ collapsed: toggleCollapsed(s.collapsed, row), activeRow: row }));
    },
    [update, groupExpanded],
  );
  const moveTo = useCallback(
    (rowIndex: number) => {
      if (rows.length === 0) return;
      const at = Math.max(0, Math.min(rows.length - 1, rowIndex));
      const row = rows[at];
      if (row === undefined) return;
      update(() => ({ activeRow: row }));
      scrollToRow(at);
    },
    [rows, update, scrollToRow],
  );
  const onClickRow = useCallback(
    (rowIndex: number) => {
      const row = rows[rowIndex];
      if (row === undefined) return;
      update(() => ({ activeRow: row }));
      if (!isGroupRow(row)) selectSpan(row);
    },
    [rows, update, selectSpan],
  );

  const goToMatch = useCallback(
    (direction: 1 | -1) => {
      const from = currentMatch >= 0 ? currentMatch : direction === 1 ? -1 : trace.spans.length;
      const target = nextInSorted(find.matches, from, direction);
      if (target < 0) return;
      update(() => ({ currentMatch: target }));
      reveal(target);
    },
    [currentMatch, find.matches, trace.spans.length, update, reveal],
  );
  const goToError = useCallback(
    (direction: 1 | -1) => {
      const fromRow = activeRowIndex >= 0 ? rows[activeRowIndex] : undefined;
      const from = fromRow === undefined ? (direction === 1 ? -1 : trace.spans.length) : spanOfRow(fromRow, groups);
      const target = nextInSorted(shownErrorIndices, from, direction);
      if (target >= 0) reveal(target);
    },
    [activeRowIndex, rows, groups, shownErrorIndices, trace.spans.length, reveal],
  );
  // A new query starts again from the top.
  useEffect(() => {
    update(() => ({ currentMatch: -1 }));
  }, [find.query, update]);

  const findInputRef = useRef<HTMLInputElement | null>(null);
  const onPrepareFind = useCallback(() => prepareFind(trace), [trace]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const at = activeRowIndex;
    const row = at >= 0 ? rows[at] : undefined;
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT_PX) - 1);
    let handled = true;
    switch (e.key) {
      case 'ArrowDown':
        moveTo(at < 0 ? 0 : at + 1);
        break;
      case 'ArrowUp':
        moveTo(at < 0 ? 0 : at - 1);
        break;
      case 'PageDown':
        moveTo(at + pageRows);
        break;
      case 'PageUp':
        moveTo(at - pageRows);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(rows.length - 1);
        break;
      case 'ArrowRight':
        if (row === undefined) moveTo(0);
        else if (isExpandable(row) && !isOpen(row)) toggleRow(row);
        else if (isExpandable(row)) moveTo(at + 1);
        break;
      case 'ArrowLeft':
        if (row === undefined) moveTo(0);
        else if (isExpandable(row) && isOpen(row)) toggleRow(row);
        else {
          const parentAt = parentRowIndex(row);
          if (parentAt >= 0) moveTo(parentAt);
        }
        break;
      case 'Enter':
      case ' ':
        if (row === undefined) break;
        if (isGroupRow(row)) toggleRow(row);
        else selectSpan(row);
        break;
      case 'Escape':
        if (selectedSpanId !== null) onSelectSpan(null);
        else handled = false;
        break;
      case '?':
        setShortcutsOpen(true);
        break;
      case '/':
        findInputRef.current?.focus();
        break;
      case 'n':
        goToMatch(1);
        break;
      case 'N':
        goToMatch(-1);
        break;
      case 'e':
        goToError(1);
        break;
      case 'E':
        goToError(-1);
        break;
      case '+':
        update((s) => ({ collapsed: expandOneLevel(columns, s.collapsed, rows) }));
        break;
      case '-':
        update((s) => ({ collapsed: collapseOneLevel(columns, s.collapsed, rows) }));
        break;
      case '0':
        setView(null);
        break;
      default:
        handled = false;
    }
    if (handled) e.preventDefault();
  };

  // `?` and `/` work from anywhere on the page, not only from the waterfall (which is many Tab presses
  // away): the keys list and the find box are what a user pressing them is looking for.
  useEffect(() => {
    const onPageKey = (e: globalThis.KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || (e.key !== '?' && e.key !== '/')) return;
      if (isTextEntry(e.target)) return;
      if (e.key === '?') setShortcutsOpen(true);
      else findInputRef.current?.focus();
      e.preventDefault();
    };
    document.addEventListener('keydown', onPageKey);
    return () => document.removeEventListener('keydown', onPageKey);
  }, []);

  function isExpandable(row: number): boolean {
    return isGroupRow(row) || (columns.childCount[row] ?? 0) > 0;
  }
  function isOpen(row: number): boolean {
    return isGroupRow(row) ? groupExpanded[groupIdOfRow(row)] === 1 : collapsed[row] !== 1;
  }
  function parentRowIndex(row: number): number {
    if (isGroupRow(row)) {
      const parent = columns.parent[spanOfRow(row, groups)] ?? -1;
      return parent >= 0 ? rowIndexOfSpan(rows, parent, groups) : -1;
    }
    // A member of an unfolded group goes to its group header first.
    if (groups) {
      const groupId = memberGroupOf(groups, columns.parent, row);
      if (groupId >= 0) {
        const headerAt = rowIndexOfGroup(rows, groupId, groups);
        if (headerAt >= 0) return headerAt;
      }
    }
    const parent = columns.parent[row] ?? -1;
    return parent >= 0 ? rowIndexOfSpan(rows, parent, groups) : -1;
  }

  const onResizeStart = (e: ReactPointerEvent<HTMLDivElement>) => {
    const startX = e.clientX;
    const startWidth = nameColumnPx;
    const target = e.currentTarget;
    target.setPointerCapture(e.pointerId);
    const onMove = (ev: PointerEvent) => setNameColumnPx(Math.max(MIN_NAME_COLUMN_PX, Math.min(900, startWidth + ev.clientX - startX)));
    const onUp = () => {
      target.removeEventListener('pointermove', onMove);
      target.removeEventListener('pointerup', onUp);
    };
    target.addEventListener('pointermove', onMove);
    target.addEventListener('pointerup', onUp);
  };

  // ---- render -----------------------------------------------------------------------------------
  const startUs = shown.columns.startUs;
  const matchMask = find.query !== '' ? find.mask : null;
  const skewShiftUs = skew.shiftUs;
  const skewMask = skew.mask;
  // Rows call these through refs, so the context need not change when their closures do.
  const rowHandlers = useRef({ toggleRow, onClickRow });
  useLayoutEffect(() => {
    rowHandlers.current = { toggleRow, onClickRow };
  });
  const onToggleRowStable = useCallback((row: number) => rowHandlers.current.toggleRow(row), []);
  const onClickRowStable = useCallback((rowIndex: number) => rowHandlers.current.onClickRow(rowIndex), []);
  const ctx = useMemo<RowContext>(
    () => ({
      trace: shown,
      colours,
      view,
      startUs,
      shiftUs: skewShiftUs,
      collapsed,
      groups,
      groupExpanded,
      errorPrefix,
      matchMask,
      critical,
      skewMask,
      labelAttribute,
      onToggleRow: onToggleRowStable,
      onClickRow: onClickRowStable,
      onHoverEvent: setHoveredEvent,
    }),
    [shown, colours, view, startUs, skewShiftUs, collapsed, groups, groupExpanded, errorPrefix, matchMask, critical, skewMask, labelAttribute, onToggleRowStable, onClickRowStable],
  );
  const selectedSpan = selectedIndex >= 0 ? shown.spans[selectedIndex] : undefined;
  const zoomed = !isFullView(view, viewDurationUs);
  const matchPosition = currentMatch >= 0 ? sortedIndexOf(find.matches, currentMatch) : -1;
  const irregularNotes = useMemo(() => irregularTraceNotes(trace.issues), [trace.issues]);
  const gridStyle = useMemo(() => ({ [NAME_COLUMN_VAR]: `${nameColumnPx}px` }) as CSSProperties, [nameColumnPx]);

  return (
    <div className="flex h-full min-h-0 flex-col bg-white text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <div className="flex flex-col gap-2 border-b border-slate-200 px-3 py-2 dark:border-slate-800">
        <div className="flex flex-wrap items-center gap-1.5" role="group" aria-label="Timeline options">
          <Button variant="secondary" className="!px-2 !py-0.5 !text-xs" onClick={() => update(() => ({ collapsed: collapseAll(columns) }))}>
            Collapse all
          </Button>
          <Button variant="secondary" className="!px-2 !py-0.5 !text-xs" onClick={() => update(() => ({ collapsed: expandAll(columns) }))}>
            Expand all
          </Button>
          <Button
            variant="secondary"
            className="!px-2 !py-0.5 !text-xs"
            title="Expand one more level (+)"
            onClick={() => update((s) => ({ collapsed: expandOneLevel(columns, s.collapsed, rows) }))}
          >
            + level
          </Button>
          <Button
            variant="secondary"
            className="!px-2 !py-0.5 !text-xs"
            title="Collapse one level (-)"
            onClick={() => update((s) => ({ collapsed: collapseOneLevel(columns, s.collapsed, rows) }))}
          >
            − level
          </Button>
          <span className="mx-1 h-4 w-px bg-slate-300 dark:bg-slate-600" aria-hidden="true" />
          <Toggle label="Critical path" checked={showCritical} onChange={(on) => setOption('criticalPath', on)} />
          <Toggle label="Group repeats" checked={groupRepeats} onChange={setGroupRepeats} />
          <Toggle
            label={skew.skewedCount > 0 ? `Adjust clock skew (${skew.skewedCount})` : 'Adjust clock skew'}
            checked={adjustSkew}
            onChange={(on) => setOption('adjustSkew', on)}
            disabled={skew.skewedCount === 0}
          />
          <label className="flex items-center gap-1 text-xs text-slate-700 dark:text-slate-300">
            Bar label
            <select
              value={labelAttribute ?? ''}
              onChange={(e) => setOption('labelAttribute', e.target.value === '' ? null : e.target.value)}
              className="max-w-48 rounded border border-slate-300 bg-white px-1 py-0.5 text-xs dark:border-slate-600 dark:bg-slate-900"
            >
              <option value="">Duration</option>
              {attributeOptions}
            </select>
          </label>
          <span className="flex-1" />
          {zoomed && (
            <Button variant="secondary" className="!px-2 !py-0.5 !text-xs" onClick={() => setView(null)}>
              Reset zoom ({formatDurationUs(view.startUs)} – {formatDurationUs(view.endUs)})
            </Button>
          )}
          <Button variant="ghost" className="!px-2 !py-0.5 !text-xs" onClick={() => setShortcutsOpen(true)} aria-label="Keyboard shortcuts">
            ? Keys
          </Button>
        </div>
        <FindBar
          query={findQuery}
          onQueryChange={onFindQueryChange}
          matchCount={find.matches.length}
          currentPosition={matchPosition}
          onNext={() => goToMatch(1)}
          onPrevious={() => goToMatch(-1)}
          mode={findMode}
          onModeChange={(mode) => setOption('findMode', mode)}
          errorCount={shownErrorIndices.length}
          onNextError={() => goToError(1)}
          onPreviousError={() => goToError(-1)}
          inputRef={findInputRef}
          debounceMs={findDebounceMs(trace.spans.length)}
          onPrepare={onPrepareFind}
        />
        <ServiceLegend services={trace.services} colours={colours} />
        {/* Orphans get their "incomplete trace" note from the route, above the summary. */}
        {irregularNotes.length > 0 && <NoticeBanner title="Irregular trace.">{irregularNotes.join(' ')}</NoticeBanner>}
      </div>

      <div className="flex min-h-0 flex-1">
        <div ref={paneRef} className="relative flex min-w-0 flex-1 flex-col">
          {/* Column headers: names on the left, minimap and ruler over the bars. */}
          <div className="grid border-b border-slate-200 dark:border-slate-800" style={{ gridTemplateColumns: `${nameColumnPx}px minmax(0, 1fr)` }}>
            <div className="relative flex items-end justify-between border-r border-slate-200 px-2 pb-1 text-xs font-semibold text-slate-700 dark:border-slate-700 dark:text-slate-300">
              <span>
                Service &amp; operation <span className="font-normal text-slate-600 dark:text-slate-400">({rowsAndSpansText(rows.length, trace.spans.length)})</span>
              </span>
              <div
                role="separator"
                aria-orientation="vertical"
                aria-label="Resize name column"
                className="absolute top-0 -right-1 bottom-0 z-10 w-2 cursor-col-resize hover:bg-sky-500/30"
                onPointerDown={onResizeStart}
              />
            </div>
            <div ref={rulerBoxRef} className="min-w-0 px-0 pt-1">
              <Minimap trace={shown} colours={colours} startUs={startUs} view={view} onViewChange={setView} />
              <TimeRuler view={view} widthPx={timelineWidthPx} />
            </div>
          </div>

          <div
            ref={scrollRef}
            role="treegrid"
            aria-label="Trace timeline"
            aria-rowcount={rows.length}
            aria-colcount={2}
            aria-multiselectable={false}
            aria-activedescendant={activeRowIndex >= 0 ? rowDomId(activeRowIndex) : undefined}
            tabIndex={0}
            onKeyDown={onKeyDown}
            onFocus={() => {
              if (activeRowIndex < 0 && rows.length > 0) {
                const first = Math.min(rows.length - 1, Math.floor((scrollRef.current?.scrollTop ?? 0) / ROW_HEIGHT_PX));
                update(() => ({ activeRow: rows[Math.max(0, first)] ?? null }));
              }
            }}
            className="relative min-h-0 flex-1 overflow-auto focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 focus-visible:ring-inset"
            style={gridStyle}
          >
            <div className="pointer-events-none absolute inset-y-0 right-0" style={{ left: nameColumnPx, height: rows.length * ROW_HEIGHT_PX }}>
              <TickGridLines view={view} widthPx={timelineWidthPx} />
            </div>
            <WaterfallRows
              rows={rows}
              ctx={ctx}
              activeRowIndex={activeRowIndex}
              selectedIndex={selectedIndex}
              currentMatch={currentMatch}
              overscanRows={OVERSCAN_ROWS}
            />
          </div>
          {rows.length === 0 && (
            // Outside the treegrid: a treegrid may only own rows.
            <p role="status" className="absolute inset-x-0 p-6 text-center text-sm text-slate-600 dark:text-slate-400" style={{ top: '50%' }}>
              {trace.spans.length === 0 ? 'This trace has no spans.' : 'No spans match the find query.'}
            </p>
          )}
        </div>

        {selectedSpan && (
          <div className="w-[min(440px,45%)] shrink-0 border-l border-slate-200 dark:border-slate-800">
            <SpanDetails
              trace={shown}
              span={selectedSpan}
              selfTimeUs={selfTimeOf(shown, selectedSpan.index)}
              skewShiftUs={skew.shiftUs ? (skew.shiftUs[selectedSpan.index] ?? 0) : 0}
              skewed={skew.mask ? skew.mask[selectedSpan.index] === 1 : false}
              onCriticalPath={critical ? critical.has(selectedSpan.index) : null}
              timeZone={timeZone}
              onClose={() => onSelectSpan(null)}
              onSelectSpan={(spanId) => onSelectSpan(spanId)}
              traceLinkHref={props.traceLinkHref}
              linkPatterns={props.linkPatterns}
            />
          </div>
        )}
      </div>

      {hoveredEvent && <EventTooltip trace={shown} hovered={hoveredEvent} />}
      <ShortcutsDialog open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
    </div>
  );
}

function Toggle({ label, checked, onChange, disabled }: { label: string; checked: boolean; onChange(value: boolean): void; disabled?: boolean }) {
  return (
    <label className={`flex items-center gap-1 text-xs text-slate-700 dark:text-slate-300 ${disabled ? 'opacity-60' : ''}`}>
      <input type="checkbox" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}

function EventTooltip({ trace, hovered }: { trace: Trace; hovered: HoveredEvent }) {
  const span = trace.spans[hovered.spanIndex];
  const event = span?.events[hovered.eventIndex];
  if (!span || !event) return null;
  return (
    <div
      role="tooltip"
      className="pointer-events-none fixed z-50 max-w-sm rounded border border-slate-300 bg-white px-2 py-1 text-xs text-slate-900 shadow-lg dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
      style={{ left: Math.min(hovered.clientX + 12, window.innerWidth - 320), top: hovered.clientY + 14 }}
    >
      <div className="font-semibold break-words">{event.name || '(unnamed event)'}</div>
      <div className="text-slate-600 tabular-nums dark:text-slate-300">+{formatDurationUs(event.timeUs - span.startUs)} into the span</div>
      {event.attributes.slice(0, 8).map((a, i) => (
        <div key={i} className="truncate font-mono">
          {a.key}={typeof a.value === 'string' ? a.value : JSON.stringify(a.value)}
        </div>
      ))}
      {event.attributes.length > 8 && <div>… {event.attributes.length - 8} more</div>}
    </div>
  );
}

/** The narrowest the name column gets, by dragging or in a narrow pane. */
const MIN_NAME_COLUMN_PX = 160;

/** A field where `?` and `/` are text to type, not shortcuts. */
function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
}

/** The group a span is a direct member of, or -1. Members are consecutive siblings. */
function memberGroupOf(groups: SiblingGroupIndex, parent: Int32Array, spanIndex: number): number {
  return spanIndex < parent.length ? (groups.memberOf[spanIndex] ?? -1) : -1;
}

/** Unfold every group that contains the span or one of its ancestors. */
function unfoldGroupsAround(
  groups: SiblingGroupIndex,
  parent: Int32Array,
  spanIndex: number,
  expanded: Uint8Array,
): Uint8Array {
  let next = expanded;
  let s = spanIndex;
  let guard = parent.length + 1;
  while (s >= 0 && guard-- > 0) {
    const g = groups.memberOf[s] ?? -1;
    if (g >= 0 && !next[g]) {
      if (next === expanded) next = expanded.slice();
      next[g] = 1;
    }
    s = parent[s] ?? -1;
  }
  return next;
}

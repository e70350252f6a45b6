// The dependency graph page body: find/focus controls, the canvas graph (laid out in a worker),
// the legend, the edge panel and the table. It gets links and URL state from the route and
// reports user intent back through callbacks; it never fetches and never builds URLs itself.
import { useId, useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { DependencyLink } from '../model/types';
import { Button } from '../components/button';
import { NoticeBanner } from '../components/notice-banner';
import { formatDurationUs } from '../lib/duration-format';
import { DependencyTable } from './dependency-table';
import type { EdgeSearch } from './edge-search';
import { focusNodeSet, type FocusDirection } from './focus-filter';
import { GraphCanvas, type CenterRequest } from './graph-canvas';
import { buildServiceGraph, edgeErrorRate, edgeTraceCountText, inducedSubgraph } from './graph-model';
import { buildScene } from './graph-scene';
import { DARK_PALETTE, edgeColourLegend, LIGHT_PALETTE, nodeRadii, toLayoutInput, type EdgeColourLegend } from './graph-style';
import type { LayoutKind } from './layout-types';
import type { SortState } from './sort-edges';
import { useGraphLayout } from './use-graph-layout';
import { describeDepth, depthChoices } from './url-state';

export interface FocusState {
  service: string | null;
  /** Hops from the focus; 0 = unlimited. */
  depth: number;
  direction: FocusDirection;
}

export interface DependencyGraphViewProps {
  links: readonly DependencyLink[];
  focus: FocusState;
  layout: LayoutKind;
  onFocusChange: (focus: FocusState) => void;
  onLayoutChange: (layout: LayoutKind) => void;
  serviceSearchHref: (service: string) => string;
  /** Where "search these calls" goes, and what it honestly finds (see EdgeSearch). */
  edgeSearch: (parent: string, child: string) => EdgeSearch;
  traceHref: (traceId: string) => string;
  /** A node was clicked: search that service's traces. */
  onOpenService: (service: string) => void;
  /** An edge without trace IDs was clicked: search the traces of those calls. */
  onOpenEdge: (parent: string, child: string) => void;
  /** The table's order (URL `sort=`); without `onTableSortChange` the table keeps its own. */
  tableSort?: SortState;
  onTableSortChange?: (sort: SortState) => void;
}

/** Above this many services, suggest focusing (the whole graph is still drawn). */
const LARGE_GRAPH_NODES = 300;

const numberFormat = new Intl.NumberFormat('en-US');

const MAX_SUGGESTIONS = 50;

export function DependencyGraphView(props: DependencyGraphViewProps) {
  const { links, focus, layout: layoutKind } = props;
  const summaryId = useId();
  const findId = useId();
  const listId = useId();

  const fullGraph = useMemo(() => buildServiceGraph(links), [links]);
  const focusIndex = focus.service === null ? -1 : (fullGraph.indexByName.get(focus.service) ?? -1);
  const graph = useMemo(() => {
    if (focusIndex < 0) return fullGraph;
    return inducedSubgraph(fullGraph, focusNodeSet(fullGraph, { focus: focusIndex, depth: focus.depth, direction: focus.direction }));
  }, [fullGraph, focusIndex, focus.depth, focus.direction]);
  const radii = useMemo(() => nodeRadii(graph), [graph]);
  const layoutInput = useMemo(() => toLayoutInput(graph, radii), [graph, radii]);
  const { layout, computing, error } = useGraphLayout(layoutInput, layoutKind);
  const scene = useMemo(() => (layout ? buildScene(graph, layout, radii) : null), [graph, layout, radii]);

  // Starts empty even when focused: a find match fades everything else, which a focus view should not.
  const [findText, setFindText] = useState('');
  // Without a focus, Depth and Direction wait for the Focus button; with one, they show the URL's
  // focus and a change applies at once (a select that disagreed with the graph until Focus was
  // pressed again read as broken).
  const [pendingDepth, setPendingDepth] = useState(focus.depth);
  const [pendingDirection, setPendingDirection] = useState<FocusDirection>(focus.direction);
  const focused = focus.service !== null;
  const depth = focused ? focus.depth : pendingDepth;
  const direction = focused ? focus.direction : pendingDirection;
  const changeDepth = (next: number) => {
    if (focus.service !== null) props.onFocusChange({ ...focus, depth: next });
    else setPendingDepth(next);
  };
  const changeDirection = (next: FocusDirection) => {
    if (focus.service !== null) props.onFocusChange({ ...focus, direction: next });
    else setPendingDirection(next);
  };
  const [centerRequest, setCenterRequest] = useState<CenterRequest | null>(null);
  // The selected edge is remembered with the graph it belongs to, so a new graph clears it.
  const [selected, setSelected] = useState<{ graph: typeof graph; edge: number } | null>(null);
  const selectedEdge = selected?.graph === graph ? selected.edge : -1;

  const matches = useMemo(() => {
    const text = findText.trim().toLowerCase();
    if (text === '') return null;
    const found = new Set<number>();
    graph.nodes.forEach((node) => {
      if (node.name.toLowerCase().includes(text)) found.add(node.index);
    });
    return found;
  }, [findText, graph]);

  // A bounded suggestion list: 1,200 <option>s would cost a long render for nothing.
  const suggestions = useMemo(() => {
    const text = findText.trim().toLowerCase();
    const names: string[] = [];
    for (const node of fullGraph.nodes) {
      if (text === '' || node.name.toLowerCase().includes(text)) names.push(node.name);
      if (names.length >= MAX_SUGGESTIONS) break;
    }
    return names;
  }, [findText, fullGraph]);

  const ringNodes = useMemo(() => {
    const ring = new Set<number>(matches ?? []);
    const focused = focus.service === null ? undefined : graph.indexByName.get(focus.service);
    if (focused !== undefined) ring.add(focused);
    return ring;
  }, [matches, graph, focus.service]);

  /** The service the find box names: an exact match, else the only match; with an empty box, the focus. */
  const foundService = (): string | null => {
    const text = findText.trim();
    if (text === '') return focus.service !== null && fullGraph.indexByName.has(focus.service) ? focus.service : null;
    if (fullGraph.indexByName.has(text)) return text;
    const lower = text.toLowerCase();
    const candidates = fullGraph.nodes.filter((node) => node.name.toLowerCase().includes(lower));
    return candidates.length === 1 ? (candidates[0]?.name ?? null) : null;
  };

  const onFind = (event: React.FormEvent) => {
    event.preventDefault();
    const name = foundService();
    const index = name === null ? undefined : graph.indexByName.get(name);
    if (index !== undefined) setCenterRequest({ node: index, nonce: Date.now() });
  };

  const applyFocus = () => {
    const name = foundService();
    if (name !== null) props.onFocusChange({ service: name, depth, direction });
  };

  const selectedLink = graph.edges[selectedEdge]?.link;
  const focusMissing = focus.service !== null && focusIndex < 0;
  const findProblem = findText.trim() !== '' && matches?.size === 0 ? `No service matches “${findText.trim()}”.` : null;

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end gap-x-4 gap-y-2">
        <form className="flex flex-wrap items-end gap-2" onSubmit={onFind}>
          <div className="flex flex-col">
            <label htmlFor={findId} className="text-xs font-medium text-slate-600 dark:text-slate-300">
              Find a service
            </label>
            <input
              id={findId}
              type="search"
              list={listId}
              value={findText}
              onChange={(event) => setFindText(event.target.value)}
              placeholder="e.g. checkout"
              className="w-64 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900"
            />
            <datalist id={listId}>
              {suggestions.map((name) => (
                <option key={name} value={name} />
              ))}
            </datalist>
          </div>
          <Button type="submit">Find</Button>
          <label className="flex flex-col text-xs font-medium text-slate-600 dark:text-slate-300">
            Depth
            <select
              value={depth}
              onChange={(event) => changeDepth(Number(event.target.value))}
              className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
            >
              {depthChoices(depth).map((d) => (
                <option key={d} value={d}>
                  {describeDepth(d)}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col text-xs font-medium text-slate-600 dark:text-slate-300">
            Direction
            <select
              value={direction}
              onChange={(event) => changeDirection(event.target.value as FocusDirection)}
              className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
            >
              <option value="both">Callers and callees</option>
              <option value="upstream">Upstream (callers)</option>
              <option value="downstream">Downstream (callees)</option>
            </select>
          </label>
          <Button variant="primary" onClick={applyFocus} disabled={foundService() === null}>
            Focus
          </Button>
          {focus.service !== null ? (
            <Button
              variant="ghost"
              onClick={() => {
                setFindText('');
                props.onFocusChange({ service: null, depth, direction });
              }}
            >
              Show all services
            </Button>
          ) : null}
        </form>
        <fieldset className="flex items-center gap-3 text-sm">
          <legend className="sr-only">Layout</legend>
          {(['layered', 'force'] as const).map((kind) => (
            <label key={kind} className="flex items-center gap-1">
              <input type="radio" name="graph-layout" value={kind} checked={layoutKind === kind} onChange={() => props.onLayoutChange(kind)} />
              {kind === 'layered' ? 'Layered' : 'Force'}
            </label>
          ))}
        </fieldset>
      </div>

      {findProblem ? <p className="text-sm text-slate-600 dark:text-slate-400">{findProblem}</p> : null}
      {focusMissing ? (
        <NoticeBanner title={`${focus.service} has no dependencies in this window.`}>Showing all services instead.</NoticeBanner>
      ) : null}
      {focusIndex < 0 && fullGraph.nodes.length > LARGE_GRAPH_NODES ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {numberFormat.format(fullGraph.nodes.length)} services: find one and press Focus to see its neighbourhood.
        </p>
      ) : null}

      <p id={summaryId} className="text-sm text-slate-700 dark:text-slate-300" aria-live="polite">
        {focusIndex >= 0
          ? `${numberFormat.format(graph.nodes.length)} of ${numberFormat.format(fullGraph.nodes.length)} services and ${numberFormat.format(graph.edges.length)} dependencies within ${focus.depth === 0 ? 'any number of' : focus.depth} ${focus.depth === 1 ? 'hop' : 'hops'} ${focus.direction === 'both' ? 'of' : focus.direction === 'upstream' ? 'upstream of' : 'downstream of'} ${focus.service}.`
          : `${numberFormat.format(graph.nodes.length)} services and ${numberFormat.format(graph.edges.length)} dependencies.`}
        {computing ? ' Laying out…' : ''}
      </p>

      <div className="relative h-[65vh] min-h-80 overflow-hidden rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950">
        {scene ? (
          <GraphCanvas
            scene={scene}
            ringNodes={ringNodes}
            matchNodes={matches}
            selectedEdge={selectedEdge}
            centerRequest={centerRequest}
            describedBy={summaryId}
            onNodeClick={(node) => {
              const name = graph.nodes[node]?.name;
              if (name !== undefined) props.onOpenService(name);
            }}
            edgeClickHint={(edge) => {
              const link = graph.edges[edge]?.link;
              if (!link) return '';
              if ((link.traceIds?.length ?? 0) > 0) return 'Click to list its traces';
              const label = props.edgeSearch(link.parent, link.child).label;
              return `Click to ${label.charAt(0).toLowerCase()}${label.slice(1)}`;
            }}
            onEdgeClick={(edge) => {
              const link = graph.edges[edge]?.link;
              if (!link) return;
              if ((link.traceIds?.length ?? 0) > 0) setSelected({ graph, edge });
              else props.onOpenEdge(link.parent, link.child);
            }}
          />
        ) : (
          <div role="img" aria-label="Service dependency graph" aria-describedby={summaryId} className="flex h-full items-center justify-center text-sm text-slate-500">
            {error ? `The layout failed: ${error}` : 'Laying out the graph…'}
          </div>
        )}
      </div>
      <Legend colours={edgeColourLegend(fullGraph.edges)} />

      {selectedLink ? (
        <EdgePanel
          link={selectedLink}
          edgeSearch={props.edgeSearch}
          traceHref={props.traceHref}
          onClose={() => setSelected(null)}
        />
      ) : null}

      <DependencyTable
        edges={graph.edges}
        serviceSearchHref={props.serviceSearchHref}
        edgeSearch={props.edgeSearch}
        onShowEdgeTraces={(edge) => setSelected({ graph, edge })}
        selectedEdge={selectedEdge}
        pageSize={50}
        {...(props.onTableSortChange ? { sort: props.tableSort, onSortChange: props.onTableSortChange } : {})}
      />
    </div>
  );
}

function Legend({ colours }: { colours: EdgeColourLegend }) {
  const swatch = (light: string, dark: string) => (
    <>
      <span aria-hidden="true" className="inline-block h-1 w-6 rounded dark:hidden" style={{ background: light }} />
      <span aria-hidden="true" className="hidden h-1 w-6 rounded dark:inline-block" style={{ background: dark }} />
    </>
  );
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
      <span>Node size: calls · Edge width: calls · {colours.title}</span>
      {colours.bands.map(({ band, label }) => (
        <span key={label} className="flex items-center gap-1">
          {swatch(LIGHT_PALETTE.edgeBand[band] ?? '', DARK_PALETTE.edgeBand[band] ?? '')}
          {label}
        </span>
      ))}
      <span className="flex items-center gap-1">
        <span aria-hidden="true" className="inline-block w-6 border-t-2 border-dashed border-slate-400" />
        call against the flow (closes a cycle)
      </span>
      <span>Drag to pan; Ctrl (⌘ on a Mac) + scroll, pinch or +/− to zoom; 0 to fit.</span>
    </div>
  );
}

interface EdgePanelProps {
  link: DependencyLink;
  edgeSearch: (parent: string, child: string) => EdgeSearch;
  traceHref: (traceId: string) => string;
  onClose: () => void;
}

function EdgePanel({ link, edgeSearch, traceHref, onClose }: EdgePanelProps) {
  const search = edgeSearch(link.parent, link.child);
  const rate = edgeErrorRate(link);
  const traceIds = link.traceIds ?? [];
  return (
    <section
      aria-label={`Calls from ${link.parent} to ${link.child}`}
      className="rounded-lg border border-slate-200 p-3 text-sm dark:border-slate-800"
    >
      <div className="flex items-start justify-between gap-2">
        <div>
          <h2 className="font-semibold">
            {link.parent} → {link.child}
          </h2>
          <p className="text-slate-600 dark:text-slate-400">
            {numberFormat.format(link.callCount)} calls
            {rate !== null ? ` · ${numberFormat.format(link.errorCount ?? 0)} errors` : ''}
            {link.p50Us !== undefined ? ` · p50 ${formatDurationUs(link.p50Us)}` : ''}
            {link.p95Us !== undefined ? ` · p95 ${formatDurationUs(link.p95Us)}` : ''}
          </p>
        </div>
        <Button variant="ghost" onClick={onClose}>
          Close
        </Button>
      </div>
      <p className="mt-2">
        <Link className="text-sky-800 hover:underline dark:text-sky-300" to={search.href}>
          {search.label}
        </Link>
      </p>
      {traceIds.length > 0 ? (
        <>
          <h3 className="mt-3 font-medium">
            {traceIds.length === 1 && !link.traceIdsTruncated
              ? '1 trace contains this call'
              : `${edgeTraceCountText(link)} contain this call`}
          </h3>
          {link.traceIdsTruncated ? (
            <p className="text-slate-600 dark:text-slate-400">
              Showing the first {numberFormat.format(traceIds.length)}.
            </p>
          ) : null}
          <ul className="mt-1 max-h-48 overflow-auto font-mono text-xs">
            {traceIds.map((traceId) => (
              <li key={traceId}>
                <Link className="text-sky-800 hover:underline dark:text-sky-300" to={traceHref(traceId)}>
                  {traceId}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

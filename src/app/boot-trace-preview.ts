// A trace link's first rows before React has loaded. src/main.ts starts the trace's load as soon as
// config.json names the backend; when the worker posts its first preview (the first rows of a
// large body still streaming) and the app's own trace page has not drawn any rows yet, this draws
// them with plain DOM calls over the page: the progress bar, a "Preview" notice and the first
// screen of rows, all real spans of this trace.
//
// It goes away as soon as the app's page shows rows, the trace's view tabs or an alert of its
// own, when the load fails, or when the user has moved to another page. While it is up, the app
// underneath is inert (it cannot be clicked or focused behind it).

import { formatCount } from '../lib/count-format';
import { htmlElement } from '../lib/dom-element';
import type { LoadedTrace } from '../api/backend';
import { getBackend } from '../api/backend-registry';
import {
  getTraceLoadPreview,
  getTraceLoadProgress,
  subscribeTraceLoadProgress,
  TRACE_LOAD_STEP_LABELS,
} from '../api/trace-load-progress';
import { loadProgressText } from '../components/load-progress-text';
import { loadProgressClasses, noticeBannerClass } from '../components/status-classes';
import type { Trace } from '../model/types';
import { ROW_HEIGHT_PX } from '../timeline/span-row-geometry';
import { staticSpanRows } from '../timeline/static-span-rows';

export interface BootTracePreviewOptions {
  /** The load's key in trace-load-progress (backend and trace ID). */
  loadKey: string;
  traceId: string;
  backendId: string;
  /** The whole trace once loaded (undefined when the load failed): its rows, if none were shown yet. */
  settled: Promise<LoadedTrace | undefined>;
  /** The element React renders into: inert while the preview covers it. */
  appRoot: HTMLElement;
  /** Embedded in another tool (`embed=1`): no header, as the app's page has none. */
  embedded?: boolean;
  doc?: Document;
}

export interface BootTracePreview {
  /** Removes the preview (if shown) and stops listening. Safe to call more than once. */
  dismiss(): void;
  /** Whether the preview is on screen now. */
  readonly shown: boolean;
  /** Resolves when rows were first drawn, or the preview was dismissed or is not needed. */
  readonly firstRows: Promise<void>;
}

/** What the rows are drawn from: a preview of the spans read so far, or the whole trace. */
interface RowSource {
  trace: Trace;
  spansRead: number;
  whole: boolean;
}

/**
 * Whether the app's page makes the first view unneeded: it shows rows, the trace or an alert of
 * its own, or (while the first view is not on screen) its trace page is up with its own progress
 * bar, and draws the rows itself when they come.
 */
function appTakesOver(appRoot: HTMLElement, firstViewShown: boolean): boolean {
  const own = firstViewShown
    ? '[role="row"][data-span-id], [role="alert"], nav[aria-label="Trace views"]'
    : '[role="row"][data-span-id], [role="alert"], nav[aria-label="Trace views"], [role="progressbar"]';
  return appRoot.querySelector(own) !== null;
}

/** Starts watching the load; the preview appears when there are rows to show before the app has. */
export function startBootTracePreview(options: BootTracePreviewOptions): BootTracePreview {
  const { loadKey, traceId, backendId, appRoot } = options;
  const doc = options.doc ?? document;
  const backendName = getBackend(backendId)?.name ?? backendId;
  const label = `Loading trace ${traceId} from ${backendName}`;
  let overlay: HTMLElement | null = null;
  let bar: HTMLElement | null = null;
  let progressBar: HTMLElement | null = null;
  let progressText: HTMLElement | null = null;
  let notice: HTMLElement | null = null;
  let grid: HTMLElement | null = null;
  let drawn: Trace | undefined;
  let whole: RowSource | null = null;
  let done = false;
  let rowsDrawn: () => void = () => undefined;
  const firstRows = new Promise<void>((resolve) => {
    rowsDrawn = resolve;
  });
  let unsubscribe: () => void = () => undefined;
  let observer: MutationObserver | null = null;

  const dismiss = (): void => {
    if (done) return;
    done = true;
    unsubscribe();
    observer?.disconnect();
    overlay?.remove();
    overlay = null;
    appRoot.inert = false;
    rowsDrawn();
  };

  const build = (): void => {
    overlay = htmlElement(doc, 'div', 'fixed inset-0 z-50 flex flex-col overflow-hidden bg-white text-slate-900 dark:bg-slate-950 dark:text-slate-100');
    overlay.dataset.bootPreview = '';
    overlay.setAttribute('aria-busy', 'true');
    const header = htmlElement(doc, 'header', 'border-b border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900');
    const brand = htmlElement(doc, 'p', 'flex items-center gap-2 px-4 py-2 text-lg leading-[34px] font-bold tracking-tight text-slate-900 dark:text-white');
    const logo = htmlElement(doc, 'img', 'size-6');
    logo.src = 'favicon.svg';
    logo.alt = '';
    brand.append(logo, 'Skein');
    header.append(brand);
    const main = htmlElement(doc, 'main', 'flex min-h-0 flex-1 flex-col');
    main.setAttribute('aria-label', `Trace ${traceId}, loading`);
    const overview = htmlElement(doc, 'section', 'border-b border-slate-200 dark:border-slate-800');
    overview.setAttribute('aria-label', 'Trace overview');
    const progressBox = htmlElement(doc, 'div', `${loadProgressClasses.box} !py-3`);
    progressBar = htmlElement(doc, 'div', loadProgressClasses.track);
    progressBar.setAttribute('role', 'progressbar');
    progressBar.setAttribute('aria-label', label);
    progressBar.setAttribute('aria-valuemin', '0');
    progressBar.setAttribute('aria-valuemax', '100');
    bar = htmlElement(doc, 'div', loadProgressClasses.fill);
    progressBar.append(bar);
    progressText = htmlElement(doc, 'p', loadProgressClasses.value);
    progressBox.append(htmlElement(doc, 'p', 'font-medium', label), progressBar, progressText);
    const noticeBox = htmlElement(doc, 'div', 'px-4 pb-3');
    notice = htmlElement(doc, 'div', noticeBannerClass);
    notice.setAttribute('role', 'status');
    noticeBox.append(notice);
    overview.append(progressBox, noticeBox);
    const columnsHead = htmlElement(doc, 'p', 'border-b border-slate-200 px-2 py-1 text-xs font-semibold text-slate-700 dark:border-slate-800 dark:text-slate-200', 'Service & operation');
    main.append(overview, columnsHead);
    if (options.embedded === true) overlay.append(main);
    else overlay.append(header, main);
    appRoot.inert = true;
    doc.body.append(overlay);
  };

  const drawProgress = (source: RowSource): void => {
    const progress = getTraceLoadProgress(loadKey);
    const { percent, valueText } = loadProgressText({
      stepLabel: TRACE_LOAD_STEP_LABELS[progress?.phase ?? 'transferring'],
      bytesLoaded: progress?.bytesLoaded ?? 0,
      bytesTotal: progress?.bytesTotal ?? null,
      itemsDone: progress?.spansParsed ?? source.spansRead,
      itemsLabel: 'spans',
    });
    const shownPercent = source.whole ? 100 : percent;
    if (shownPercent !== null) progressBar?.setAttribute('aria-valuenow', String(shownPercent));
    progressBar?.setAttribute('aria-valuetext', source.whole ? 'Preparing the view' : valueText);
    if (bar) {
      // An unknown total: the same pulsing third of a bar as LoadProgress.
      bar.className = shownPercent === null ? `${loadProgressClasses.fill} ${loadProgressClasses.fillUnknown}` : loadProgressClasses.fill;
      bar.style.width = shownPercent === null ? '' : `${shownPercent}%`;
    }
    if (progressText) {
      progressText.textContent = source.whole ? 'Loaded; preparing the view' : `${valueText}${percent !== null ? ` (${percent}%)` : ''}`;
    }
  };

  const drawRows = (source: RowSource): void => {
    if (source.trace === drawn) return;
    drawn = source.trace;
    const rows = formatCount(source.trace.spans.length);
    if (notice) {
      notice.replaceChildren(
        htmlElement(doc, 'span', 'font-semibold', 'Preview:'),
        source.whole
          ? ` the first rows of ${rows} spans, while Skein starts. The full view replaces this one in a moment.`
          : ` the first ${rows} rows, built from the first ${formatCount(source.spansRead)} spans read, while Skein starts. Spans whose parent has not arrived yet show as top-level spans, and services read later show as “…”. The whole trace replaces this view when loading ends.`,
      );
    }
    // One screen of rows: they are replaced within moments, and a screen is all that shows.
    const screenRows = Math.ceil((doc.defaultView?.innerHeight ?? 1000) / ROW_HEIGHT_PX);
    const next = staticSpanRows(doc, source.trace, screenRows, 'Trace preview');
    if (grid) grid.replaceWith(next);
    else overlay?.querySelector('main')?.append(next);
    grid = next;
    rowsDrawn();
  };

  const update = (): void => {
    if (done) return;
    const preview = getTraceLoadPreview(loadKey);
    const source: RowSource | null = whole ?? (preview ? { trace: preview.trace, spansRead: preview.spansRead, whole: false } : null);
    if (source === null) return;
    if (overlay === null) {
      if (appTakesOver(appRoot, false)) return dismiss();
      build();
    }
    drawProgress(source);
    drawRows(source);
  };

  void options.settled.then((loaded) => {
    if (loaded === undefined) {
      // Failed: the app's page explains why; rows of a preview would contradict it.
      dismiss();
      return;
    }
    whole = { trace: loaded.trace, spansRead: loaded.trace.spans.length, whole: true };
    update();
  });
  unsubscribe = subscribeTraceLoadProgress(update);
  // React's page replaces the preview once it draws rows, the trace or an alert: watch for them.
  if (typeof MutationObserver === 'function') {
    // (Also while nothing is shown yet: once the app's page is up, this stops watching its commits.)
    observer = new MutationObserver(() => {
      if (appTakesOver(appRoot, overlay !== null)) dismiss();
    });
    observer.observe(appRoot, { childList: true, subtree: true });
  }
  update();
  return {
    dismiss,
    get shown() {
      return overlay !== null;
    },
    firstRows,
  };
}

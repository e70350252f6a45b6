import { sampleWorkerHeaps } from './worker-heap.mjs';

// Measurements taken inside headless Chromium for bench/run.mjs. Times are ms from navigation start
// (performance.now() of the new document) unless said otherwise.

/** Records every long task (> 50 ms) of the page from the very start of the document. */
export const LONG_TASKS_SCRIPT = () => {
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // longtask timing unsupported
  }
};

/**
 * Records the moment the first span row is painted (a preview's rows count: they are real spans)
 * and the moment the whole trace is on screen (rows, and no load progress bar left).
 */
const FIRST_ROW_SCRIPT = () => {
  const painted = (name) => requestAnimationFrame(() => requestAnimationFrame(() => (window[name] = performance.now())));
  const check = () => {
    if (!window.__firstRowSeen && document.querySelector('[role="row"][data-span-id]')) {
      window.__firstRowSeen = performance.now();
      painted('__firstRowMs');
    }
    if (window.__firstRowSeen && !window.__allRowsSeen && !document.querySelector('[role="progressbar"]')) {
      window.__allRowsSeen = performance.now();
      painted('__allRowsMs');
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
};

/** A page that only fetches and JSON.parses the body: the floor no viewer that parses everything can beat. */
export async function measureFloor(context, floorPageUrl, bodyUrl) {
  const page = await context.newPage();
  try {
    await page.goto(floorPageUrl);
    // Start from a fresh navigation so that the clock matches the app's: navigation → parsed.
    const ms = await page.evaluate(async (u) => {
      const t0 = performance.now();
      const text = await (await fetch(u, { cache: 'no-store' })).text();
      JSON.parse(text);
      return performance.now() - t0;
    }, bodyUrl);
    // Add what a navigation to a small page costs before its first fetch (measured on the floor page).
    const navMs = await page.evaluate(() => performance.getEntriesByType('navigation')[0]?.responseEnd ?? 0);
    return ms + navMs;
  } catch {
    return null; // e.g. a body longer than the longest string the engine can hold
  } finally {
    await page.close();
  }
}

/** The page with no app (bench/run.mjs): navigation → its one streamed row painted. */
export async function measureNoAppRow(context, pageUrl) {
  const page = await context.newPage();
  try {
    await page.goto(pageUrl, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__noAppRowMs !== undefined, null, { timeout: 60_000, polling: 20 });
    return await page.evaluate(() => window.__noAppRowMs);
  } catch {
    return null;
  } finally {
    await page.close();
  }
}

async function scrollContainer(page) {
  return page.evaluateHandle(() => {
    const grid = document.querySelector('[role="treegrid"]');
    const candidates = [];
    for (let el = grid; el; el = el.parentElement) candidates.push(el);
    if (grid) candidates.push(...grid.querySelectorAll('*'));
    return (
      candidates.find((el) => {
        const s = getComputedStyle(el);
        return el.scrollHeight > el.clientHeight + 10 && /(auto|scroll)/.test(s.overflowY);
      }) ?? null
    );
  });
}

async function dragScrollbar(page, handle) {
  return page.evaluate(async (el) => {
    if (!el) return null;
    const frames = [];
    let blank = 0;
    const max = el.scrollHeight - el.clientHeight;
    const rect = el.getBoundingClientRect();
    const t0 = performance.now();
    let last = t0;
    await new Promise((done) => {
      const step = (now) => {
        frames.push(now - last);
        last = now;
        const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
        if (!hit?.closest('[role="row"]')) blank++;
        const f = Math.min(1, (now - t0) / 3000);
        el.scrollTop = f * max;
        if (f < 1) requestAnimationFrame(step);
        else done();
      };
      requestAnimationFrame(step);
    });
    frames.shift();
    frames.sort((a, b) => a - b);
    return { p95: frames[Math.floor(frames.length * 0.95)] ?? null, blank };
  }, handle);
}

async function steadyScroll(page, handle) {
  const box = await handle.evaluate((el) => {
    if (!el) return null;
    el.scrollTop = 0;
    const r = el.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  if (!box) return null;
  await page.mouse.move(box.x, box.y);
  await page.evaluate(() => {
    window.__frames = [];
    let last = performance.now();
    const loop = (now) => {
      window.__frames.push(now - last);
      last = now;
      if (!window.__stopFrames) requestAnimationFrame(loop);
    };
    window.__stopFrames = false;
    requestAnimationFrame(loop);
  });
  for (let i = 0; i < 40; i++) {
    await page.mouse.wheel(0, 120);
    await page.waitForTimeout(50);
  }
  return page.evaluate(() => {
    window.__stopFrames = true;
    const f = window.__frames.slice(1);
    return f.length ? Math.max(...f) : null;
  });
}

/** Clicks a control and waits until the tree grid's aria-rowcount changes and a frame is painted. */
async function timeRowcountChange(page, nameRe) {
  const button = page.getByRole('button', { name: nameRe }).first();
  if ((await button.count()) === 0) return null;
  const handle = await button.elementHandle();
  return page.evaluate(async (btn) => {
    const grid = document.querySelector('[role="treegrid"]');
    if (!grid) return null;
    const before = grid.getAttribute('aria-rowcount');
    const t0 = performance.now();
    const changed = new Promise((resolve) => {
      const mo = new MutationObserver(() => {
        if (grid.getAttribute('aria-rowcount') !== before) {
          mo.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - t0));
        }
      });
      mo.observe(grid, { attributes: true });
      setTimeout(() => resolve(null), 10_000);
    });
    btn.click();
    return changed;
  }, handle);
}

/**
 * Types a query into the find box and times until the match count (the find bar's role="status")
 * shows the result: what the user waits for after typing, including the box's typing pause.
 */
async function timeFind(page, query) {
  const box = page.getByRole('searchbox', { name: /find/i }).or(page.getByRole('textbox', { name: /find/i })).first();
  if ((await box.count()) === 0) return null;
  const handle = await box.elementHandle();
  // As a user does: focus the box, then type (the query arrives as one input event). Focus starts
  // preparing the search text in the background; 300 ms is a quick move from click to typing.
  await box.focus();
  await page.waitForTimeout(300);
  const ms = await page.evaluate(
    async ([input, q]) => {
      const group = input.closest('[role="group"]') ?? document.body;
      const status = group.querySelector('[role="status"]');
      if (!status) return null;
      const before = status.textContent;
      const t0 = performance.now();
      const done = new Promise((resolve) => {
        const mo = new MutationObserver(() => {
          if (status.textContent !== before && /match/i.test(status.textContent ?? '')) {
            mo.disconnect();
            requestAnimationFrame(() => resolve(performance.now() - t0));
          }
        });
        mo.observe(status, { subtree: true, childList: true, characterData: true });
        setTimeout(() => resolve(null), 10_000);
      });
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
      setter.call(input, q);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      return done;
    },
    [handle, query],
  );
  return ms;
}

export async function measureOpen(context, url, spanCount) {
  const page = await context.newPage();
  await page.addInitScript(LONG_TASKS_SCRIPT);
  await page.addInitScript(FIRST_ROW_SCRIPT);
  const cdp = await context.newCDPSession(page);
  const workerHeaps = await sampleWorkerHeaps(cdp);
  try {
    await page.goto(url, { waitUntil: 'commit' });
    const timeout = Math.max(60_000, spanCount / 2);
    await page.waitForFunction(() => window.__firstRowMs !== undefined, null, { timeout, polling: 50 });
    const firstRowMs = await page.evaluate(() => window.__firstRowMs);
    // Loading is over when the page shows the whole trace (rows and no progress bar) or an error; then let it settle.
    await page
      .waitForFunction(() => document.querySelector('[role="alert"]') || window.__allRowsMs !== undefined, null, { timeout, polling: 100 })
      .catch(() => {});
    const allRowsMs = await page.evaluate(() => window.__allRowsMs ?? null);
    await page.waitForTimeout(500);
    const longestTaskMs = await page.evaluate(() => Math.max(0, ...window.__longTasks.map((t) => t.duration)));
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const workers = await workerHeaps.stop();
    const handle = await scrollContainer(page);
    const drag = await dragScrollbar(page, handle);
    const scrollWorstMs = await steadyScroll(page, handle);
    const collapseAllMs = await timeRowcountChange(page, /collapse all/i);
    const expandAllMs = await timeRowcountChange(page, /expand all/i);
    const findMs = await timeFind(page, 'SELECT');
    return {
      firstRowMs,
      allRowsMs,
      longestTaskMs,
      heapMb: usedSize / 1e6,
      workerPeakHeapMb: workers.peakBytes / 1e6,
      workerHeapMb: workers.afterBytes / 1e6,
      dragP95Ms: drag?.p95 ?? null,
      dragBlankFrames: drag?.blank ?? null,
      scrollWorstMs,
      collapseAllMs,
      expandAllMs,
      findMs,
    };
  } finally {
    await page.close();
  }
}

/** The JavaScript the first screen (search) loads, as URLs, to be sized from dist/. */
export async function firstScreenScripts(context, url) {
  const page = await context.newPage();
  const scripts = [];
  page.on('response', (r) => {
    if (/\.m?js(\?|$)/.test(r.url())) scripts.push(new URL(r.url()).pathname);
  });
  try {
    await page.goto(url);
    await page.getByRole('search').waitFor({ timeout: 30_000 });
    await page.waitForTimeout(300);
    return scripts;
  } finally {
    await page.close();
  }
}

// Browser measurements of the search, compare and dependency pages for bench/run.mjs.
// Each returns { readyMs, longestTaskMs } where readyMs counts from the moment named in `what`.
import { LONG_TASKS_SCRIPT as LONG_TASKS } from './page-metrics.mjs';

async function longestTaskAfter(page, fromMs) {
  return page.evaluate(
    (from) => Math.max(0, ...window.__longTasks.filter((t) => t.start + t.duration >= from).map((t) => t.duration)),
    fromMs,
  );
}

/**
 * Search: from the moment the search response has fully arrived to the list (with its count) and
 * the plot being painted, both moments taken in the page.
 */
export async function measureSearch(context, url, expectedCount) {
  const page = await context.newPage();
  await page.addInitScript(LONG_TASKS);
  await page.addInitScript(SHOWN_SCRIPT, {
    selectors: ['section[aria-label="Results"] [role="listitem"]', '[role="img"][aria-label="Trace durations over time"]'],
    text: { selector: 'section[aria-label="Results"] strong', includes: `${expectedCount} traces` },
  });
  try {
    await page.goto(url);
    const countText = new RegExp(`\\b${expectedCount.toLocaleString('en-US').replace(',', ',?')} traces\\b`);
    await page.getByText(countText).first().waitFor({ timeout: 60_000 });
    await page.getByRole('img', { name: 'Trace durations over time' }).first().waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => window.__shownMs !== undefined, null, { timeout: 10_000, polling: 50 });
    const shownMs = await page.evaluate(() => window.__shownMs);
    const responseEnd = await page.evaluate(
      () => performance.getEntriesByType('resource').filter((e) => /trace-summaries|api\/traces\?/.test(e.name)).at(-1)?.responseEnd ?? null,
    );
    if (responseEnd === null) return { readyMs: null, longestTaskMs: null };
    return { readyMs: shownMs - responseEnd, longestTaskMs: await longestTaskAfter(page, responseEnd) };
  } finally {
    await page.close();
  }
}

/**
 * Records, inside the page, the moment the elements named by `selectors` (all of them, and the
 * `text` check if given) are first painted (two frames after they are all in the DOM), as
 * window.__shownMs. Timed in the page, like the trace's first row: asking from the harness once
 * Playwright has seen the element would add the protocol's round trips (40 to 350 ms on a busy
 * 2-core machine) to the figure.
 */
const SHOWN_SCRIPT = ({ selectors, text }) => {
  const check = () => {
    if (window.__shownSeen || !selectors.every((selector) => document.querySelector(selector))) return;
    // (Digits compared without thousands separators: "1,500" and "1500" both count.)
    if (text && !(document.querySelector(text.selector)?.textContent ?? '').replace(/,/g, '').includes(text.includes)) return;
    window.__shownSeen = performance.now();
    requestAnimationFrame(() => requestAnimationFrame(() => (window.__shownMs = performance.now())));
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
};

/** Compare: from navigation to the `Trace differences` table with rows. */
export async function measureCompare(context, url) {
  const page = await context.newPage();
  await page.addInitScript(LONG_TASKS);
  await page.addInitScript(SHOWN_SCRIPT, { selectors: ['table[aria-label="Trace differences"] tbody tr'] });
  try {
    await page.goto(url);
    const table = page.getByRole('table', { name: 'Trace differences' });
    await table.getByRole('row').nth(1).waitFor({ timeout: 120_000 });
    await page.waitForFunction(() => window.__shownMs !== undefined, null, { timeout: 10_000, polling: 50 });
    const readyMs = await page.evaluate(() => window.__shownMs);
    // The comparison itself: from both traces in memory to the table on screen.
    const tracesReadyMs = await page.evaluate(() => performance.getEntriesByName('skein:compare-traces-ready').at(-1)?.startTime ?? null);
    return {
      readyMs,
      diffMs: tracesReadyMs === null ? null : readyMs - tracesReadyMs,
      longestTaskMs: await longestTaskAfter(page, 0),
    };
  } finally {
    await page.close();
  }
}

/** Dependencies: from navigation to the graph drawn on its canvas. */
export async function measureGraph(context, url) {
  const page = await context.newPage();
  await page.addInitScript(LONG_TASKS);
  try {
    await page.goto(url);
    await page.locator('canvas[role="img"][aria-label="Service dependency graph"]').waitFor({ timeout: 120_000 });
    // The graph is drawn when the canvas holds ink (edges and nodes are drawn in separate frames).
    await page.waitForFunction(
      () => {
        const c = document.querySelector('canvas[role="img"]');
        const ctx = c?.getContext('2d');
        if (!c || !ctx || c.width === 0) return false;
        const { data } = ctx.getImageData(0, 0, c.width, c.height);
        let ink = 0;
        for (let i = 0; i < data.length; i += 4 * 64) if (data[i] !== data[0] || data[i + 1] !== data[1]) ink++;
        return ink > 200;
      },
      null,
      { timeout: 120_000, polling: 'raf' },
    );
    const readyMs = await page.evaluate(() => performance.now());
    return { readyMs, longestTaskMs: await longestTaskAfter(page, 0) };
  } finally {
    await page.close();
  }
}

// The search page on the built-in demo backend: search → sort → brush → open → Back.
import { demoTraceId } from '../src/api/demo/demo-trace-id';
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { brushLeftHalf } from './plot-brush';
import { BACKENDS_URL } from './servers';

/** `15.2 s`, `840 ms`, `12 µs`, `2 min 3 s` → µs (enough of formatDurationUs to compare rows). */
function durationTextToUs(text: string): number {
  const units: Record<string, number> = { ns: 0.001, 'µs': 1, ms: 1e3, s: 1e6, min: 60e6, h: 3600e6 };
  let total = 0;
  for (const match of text.matchAll(/([\d.]+)\s*(ns|µs|ms|s|min|h)\b/g)) total += Number(match[1]) * (units[match[2] as string] ?? NaN);
  return total;
}

function isDescending(values: number[]): boolean {
  return values.every((value, i) => i === 0 || value <= (values[i - 1] as number));
}

function resultsList(page: Page): Locator {
  return page.getByRole('list', { name: 'Search results' });
}

/** The trace rows (each row also holds a small list of its services). */
function traceRows(list: Locator): Locator {
  return list.locator(':scope > [role="listitem"]');
}

async function countLine(page: Page): Promise<number> {
  const text = (await page.getByText(/^\d+ traces?$/).first().textContent()) ?? '';
  return Number(/^(\d+)/.exec(text)?.[1]);
}

async function rowDurationsUs(list: Locator, rows: number): Promise<number[]> {
  const items = traceRows(list);
  const out: number[] = [];
  for (let i = 0; i < rows; i++) {
    const text = (await items.nth(i).locator('span.tabular-nums').first().textContent()) ?? '';
    out.push(durationTextToUs(text));
  }
  return out;
}

test('search, sort, brush the plot, open a trace and come back to the same results', async ({ page }) => {
  await page.goto('./search');
  const form = page.getByRole('search');
  await form.getByLabel('Time range').selectOption('2h');
  await form.getByLabel('Limit').fill('200');
  await form.getByRole('button', { name: 'Find traces' }).click();

  // N traces, with the query time.
  await expect(page.getByText(/^\d+ traces$/)).toBeVisible();
  const total = await countLine(page);
  expect(total).toBeGreaterThan(20);
  await expect(page.getByText(/traces in \d+ ms/)).toBeVisible();
  await expect(page).toHaveURL(/lookback=2h/);
  await expect(page).toHaveURL(/start=\d+&end=\d+/);
  await expect(page).toHaveURL(/limit=200/);

  const list = resultsList(page);
  await expect(traceRows(list).first()).toBeVisible();
  await expect(traceRows(list).first()).toHaveAttribute('aria-setsize', String(total));

  // Sort by longest: the first rows are in descending duration, and the URL keeps the sort.
  await page.getByLabel('Sort').selectOption('longest');
  await expect(page).toHaveURL(/sort=longest/);
  await expect(page.getByLabel('Sort')).toHaveValue('longest');
  // The URL changes a moment before the list re-renders: poll until the rows are in order.
  await expect.poll(async () => isDescending(await rowDurationsUs(list, 4))).toBe(true);
  expect((await rowDurationsUs(list, 4)).every((d) => d > 0)).toBe(true);

  // Brush the left half of the plot: the list shrinks to the traces inside the rectangle.
  const plot = page.getByRole('img', { name: 'Trace durations over time' });
  await expect(plot).toBeVisible();
  await brushLeftHalf(page, 66);
  await expect(page.getByText(/, showing \d+/)).toBeVisible();
  const shownText = (await page.getByText(/, showing \d+/).textContent()) ?? '';
  const shown = Number(/showing (\d+)/.exec(shownText)?.[1]);
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThan(total);
  await expect(traceRows(list).first()).toHaveAttribute('aria-setsize', String(shown));
  const searchUrl = page.url();

  // Open the first (longest) trace in the selection.
  const firstLink = traceRows(list).first().getByRole('link').first();
  const href = await firstLink.getAttribute('href');
  expect(href).toMatch(/\/trace\/[0-9a-f]+\?backend=/);
  await firstLink.click();
  await expect(page).toHaveURL(/\/trace\/[0-9a-f]+\?backend=/);
  await expect(page.getByRole('treegrid', { name: 'Trace timeline' })).toBeVisible();

  // Back: the same URL, the same result set, still sorted by longest.
  await page.goBack();
  await expect(page).toHaveURL(searchUrl);
  await expect(page.getByText(/^\d+ traces$/)).toBeVisible();
  expect(await countLine(page)).toBe(total);
  await expect(page.getByLabel('Sort')).toHaveValue('longest');
  await expect.poll(async () => isDescending(await rowDurationsUs(resultsList(page), 3))).toBe(true);
});

test("accepts a Jaeger UI search URL (JSON tags, µs window) and keeps it across a reload", async ({ page }) => {
  const endUs = Date.now() * 1000;
  const startUs = endUs - 3_600_000_000;
  const tags = encodeURIComponent(JSON.stringify({ 'http.request.method': 'GET' }));
  await page.goto(`./search?end=${endUs}&limit=20&lookback=1h&maxDuration&minDuration&service=web-frontend&start=${startUs}&tags=${tags}`);
  const form = page.getByRole('search');
  await expect(form.getByRole('combobox', { name: 'Service' })).toHaveValue('web-frontend');
  await expect(form.getByRole('combobox', { name: 'Tags' })).toHaveValue('http.request.method=GET');
  await expect(page.getByText(/^\d+ traces?$/).or(page.getByText('No traces matched this search'))).toBeVisible();
  await page.reload();
  await expect(form.getByRole('combobox', { name: 'Service' })).toHaveValue('web-frontend');
  await expect(page).toHaveURL(new RegExp(`[?&]start=${startUs}(&|$)`));
  await expect(page).toHaveURL(new RegExp(`[?&]end=${endUs}(&|$)`));
});

test('a link whose limit is out of range says what was used instead of changing it silently', async ({ page }) => {
  // No window in the link: the page writes one in place, and the note must survive that rewrite.
  await page.goto('./search?service=web-frontend&limit=100000');
  await expect(page).toHaveURL(/start=\d+&end=\d+/);
  const form = page.getByRole('search');
  const limit = form.getByRole('spinbutton', { name: 'Limit' });
  await expect(limit).toHaveValue('1500');
  const note = 'The link asked for 100,000 traces; the limit is 1,500.';
  await expect(form.getByText(note)).toBeVisible();
  await expect(limit).toHaveAccessibleDescription(note);
  await expect(page.getByText(/^\d+ traces?$/).or(page.getByText('No traces matched this search'))).toBeVisible();

  // A search from the form uses the limit it shows, and the note has nothing left to explain.
  await limit.fill('30');
  await form.getByRole('button', { name: 'Find traces' }).click();
  await expect(page).toHaveURL(/[?&]limit=30(&|$)/);
  await expect(form.getByText(note)).toBeHidden();

  await page.goto('./search?service=web-frontend&limit=abc');
  await expect(limit).toHaveValue('20');
  await expect(form.getByText('The link\'s limit "abc" is not a whole number, so the default of 20 is used.')).toBeVisible();
});

/** What scrolls sideways on the page: the page itself, or any element that scrolls (the results list, the main area). */
async function sidewaysScrolling(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const root = document.scrollingElement as Element;
    if (root.scrollWidth > root.clientWidth) found.push(`the page: ${root.scrollWidth} > ${root.clientWidth} px`);
    for (const element of document.querySelectorAll('body *')) {
      const { overflowX } = getComputedStyle(element);
      if ((overflowX === 'auto' || overflowX === 'scroll') && element.scrollWidth > element.clientWidth) {
        found.push(`${element.tagName.toLowerCase()}.${String(element.className).slice(0, 40)}: ${element.scrollWidth} > ${element.clientWidth} px`);
      }
    }
    return found;
  });
}

test('on a 390 px wide window the search page does not scroll sideways, and each row shows its whole start time', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./search');
  await page.getByRole('search').getByRole('button', { name: 'Find traces' }).click();
  await expect(page.getByText(/^\d+ traces$/)).toBeVisible();
  const rows = traceRows(resultsList(page));
  await expect(rows.first()).toBeVisible();
  expect(await sidewaysScrolling(page)).toEqual([]);

  for (const row of (await rows.all()).slice(0, 3)) {
    const start = row.getByTitle(/^\d{4}-\d\d-\d\d \d\d:\d\d/);
    const fits = await start.evaluate((element) => {
      const box = element.getBoundingClientRect();
      const rowBox = (element.closest('[role="listitem"]') as Element).getBoundingClientRect();
      return { inRow: box.right <= rowBox.right, whole: element.scrollWidth <= element.clientWidth };
    });
    expect(fits).toEqual({ inRow: true, whole: true });
  }

  // The plot's card for the last trace (by the right edge) stays inside the page too.
  await page.getByRole('img', { name: 'Trace durations over time' }).focus();
  await page.keyboard.press('End');
  expect(await sidewaysScrolling(page)).toEqual([]);
});

test('on an 800 × 700 window Find traces brings the results into view; a search a link runs does not move the page', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 700 });
  // Scrolls are instant then, so that "did not scroll" is not read in the middle of a smooth one.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('./search?lookback=1h&service=web-frontend');
  const countLine = page.getByText(/^\d+ traces$/);
  await expect(countLine).toBeAttached();
  // Under the form, and left there: the page opened at the top stays at the top.
  await expect(countLine).not.toBeInViewport();
  expect(await page.locator('main').evaluate((main) => main.scrollTop)).toBe(0);

  await page.getByRole('search').getByRole('button', { name: 'Find traces' }).click();
  await expect(countLine).toBeInViewport();
  await expect(traceRows(resultsList(page)).first()).toBeInViewport();
});

test('explains a bad duration instead of searching', async ({ page }) => {
  await page.goto('./search');
  const form = page.getByRole('search');
  await form.getByLabel('Min duration').fill('300');
  await form.getByRole('button', { name: 'Find traces' }).click();
  await expect(form.getByText('Write a duration with a unit, e.g. 1.2s, 300ms or 50us.')).toBeVisible();
  await expect(form.getByLabel('Min duration')).toBeFocused();
  await expect(page).not.toHaveURL(/minDuration/);
});

test('lists and plots 1,500 results (their speed is measured by npm run bench)', async ({ page }) => {
  await page.goto('./search?lookback=7d&limit=1500');
  await expect(page.getByText('1500 traces', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('img', { name: 'Trace durations over time' })).toBeVisible();
  // The route marks the response; the results mark the first frame after rendering them.
  const gapMs = await page.evaluate(async () => {
    const rendered = () => performance.getEntriesByName('skein:search-rendered');
    for (let i = 0; i < 50 && rendered().length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    const response = performance.getEntriesByName('skein:search-response').at(-1);
    const done = rendered().at(-1);
    return response && done ? done.startTime - response.startTime : Number.NaN;
  });
  // Both marks exist and are in order; the 300 ms goal is shown by `npm run bench`, not asserted here.
  expect(gapMs).toBeGreaterThan(0);
  await expect(page.getByRole('list', { name: 'Search results' }).locator(':scope > [role="listitem"]').first()).toHaveAttribute(
    'aria-setsize',
    '1500',
  );
});

test("Jaeger UI's /search?traceID=…&traceID=… lists exactly those traces", async ({ page }) => {
  const a = demoTraceId({ scenario: 'checkout', seed: 11 });
  const b = demoTraceId({ scenario: 'checkout', seed: 12 });
  await page.goto(`./search?traceID=${a}&traceID=${b}&traceID=ffffffffffffffffffffffffffffffff`);
  await expect(page.getByText('2 traces', { exact: true })).toBeVisible();
  const results = page.getByRole('list', { name: 'Search results' });
  await expect(results.locator(`a[href*="${a}"]`).first()).toBeVisible();
  await expect(results.locator(`a[href*="${b}"]`).first()).toBeVisible();
});

test('a traceID= list says it is a list by ID and names the IDs that were not found or are no IDs; a view change keeps the list', async ({ page }) => {
  const a = demoTraceId({ scenario: 'checkout', seed: 11 });
  const b = demoTraceId({ scenario: 'checkout', seed: 12 });
  await page.goto(`./search?traceID=${a}&traceID=${b}&traceID=deadbeef&traceID=not-an-id`);
  await expect(page.getByText('2 traces', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Traces by ID' })).toBeVisible();
  await expect(page.getByText(/not a search over a time range/)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '1 of 3 trace IDs not found: deadbeef' })).toBeVisible();
  await expect(page.getByText(/Not a trace ID .*left out: not-an-id/)).toBeVisible();

  // Sorting rewrites the URL: the list by ID stays.
  await page.getByLabel('Sort').selectOption('longest');
  await expect(page).toHaveURL(/sort=longest/);
  await expect(page).toHaveURL(new RegExp(`traceID=${a}`));
  await expect(page.getByText('2 traces', { exact: true })).toBeVisible();

  // A search from the form replaces the list.
  await page.getByRole('search').getByRole('button', { name: 'Find traces' }).click();
  await expect(page).toHaveURL(/start=\d+/);
  expect(page.url()).not.toContain('traceID');
  await expect(page.getByRole('heading', { name: 'Traces by ID' })).toHaveCount(0);
});

// The same flow on msw-served Jaeger and Tempo (e2e/config/backends.json, same origin through the test server).
for (const backend of ['jaeger', 'tempo']) {
  test(`on ${backend}: search, sort by longest, brush, open a trace and come back`, async ({ page }) => {
    await page.goto(`${BACKENDS_URL}search?backend=${backend}`);
    await page.getByRole('search').getByRole('button', { name: 'Find traces' }).click();
    await expect(page.getByText(/^\d+ traces$/)).toBeVisible();
    const total = await countLine(page);
    expect(total).toBeGreaterThanOrEqual(3);
    const list = resultsList(page);
    await page.getByLabel('Sort').selectOption('longest');
    await expect(page).toHaveURL(/sort=longest/);
    await expect.poll(async () => isDescending(await rowDurationsUs(list, 3))).toBe(true);

    // Brush the left half, full height: the earliest trace is in, the latest is out.
    await brushLeftHalf(page);
    const showing = page.getByText(/, showing \d+/);
    await expect(showing).toBeVisible();
    const shown = Number(/showing (\d+)/.exec((await showing.textContent()) ?? '')?.[1]);
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(total);
    const searchUrl = page.url();

    // Open a result that exists (Tempo's mock search also lists one trace that has since vanished).
    const link = traceRows(list).getByRole('link').filter({ hasNotText: /deadbeef/ }).first();
    await link.click();
    await expect(page.getByRole('treegrid', { name: 'Trace timeline' })).toBeVisible();
    await page.goBack();
    await expect(page).toHaveURL(searchUrl);
    expect(await countLine(page)).toBe(total);
  });
}

test('on jaeger: a slow search can be cancelled: the request is aborted, the page says so, and a new search works', async ({ page }) => {
  // The first search gets no answer (a slow backend); the ones after it go through.
  let held = 0;
  await page.route(/\/api\/jaeger\/api\/v3\/trace-summaries/, async (route) => {
    if (held++ === 0) return;
    await route.continue();
  });
  await page.goto(`${BACKENDS_URL}search?backend=jaeger`);
  const form = page.getByRole('search');
  const searching = page.getByRole('status').filter({ hasText: /^Searching / });
  const aborted = page.waitForEvent('requestfailed', (request) => request.url().includes('/trace-summaries'));
  await form.getByRole('button', { name: 'Find traces' }).click();
  await expect(searching).toBeVisible();
  await form.getByRole('button', { name: 'Cancel search' }).click();

  expect((await aborted).failure()?.errorText).toMatch(/ERR_ABORTED/);
  await expect(page.getByRole('status').filter({ hasText: 'Search cancelled.' })).toBeVisible();
  await expect(searching).toBeHidden();
  await expect(form.getByRole('button', { name: 'Cancel search' })).toBeHidden();
  await expect(form.getByRole('button', { name: 'Find traces' })).toBeFocused();
  // A cancellation is no failure, and the search does not start again on its own (react-query
  // refetches a query with no data when the browser comes back online).
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.context().setOffline(true);
  await page.context().setOffline(false);
  await page.waitForTimeout(300);
  expect(held).toBe(1);

  await form.getByRole('button', { name: 'Find traces' }).click();
  await expect(page.getByText(/^\d+ traces$/)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Search cancelled.' })).toBeHidden();
  expect(held).toBe(2);
});

test('on jaeger: a search from a link can be cancelled, and Find traces on the same custom range runs it again', async ({ page }) => {
  let held = 0;
  await page.route(/\/api\/jaeger\/api\/v3\/trace-summaries/, async (route) => {
    if (held++ === 0) return;
    await route.continue();
  });
  const endUs = Date.now() * 1000;
  const url = `${BACKENDS_URL}search?backend=jaeger&lookback=custom&start=${endUs - 7_200_000_000}&end=${endUs}&limit=20`;
  await page.goto(url);
  const form = page.getByRole('search');
  await form.getByRole('button', { name: 'Cancel search' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Search cancelled.' })).toBeVisible();
  // The same URL, so the same query: Find traces asks the backend again rather than stay cancelled.
  await form.getByRole('button', { name: 'Find traces' }).click();
  await expect(page.getByText(/^\d+ traces$/)).toBeVisible();
  await expect(page).toHaveURL(url);
  await expect(page.getByRole('status').filter({ hasText: 'Search cancelled.' })).toBeHidden();
  expect(held).toBe(2);
});

/** The trace links listed, in order. */
async function listedTraceHrefs(page: Page): Promise<(string | null)[]> {
  return resultsList(page)
    .getByRole('link')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
}

test('on jaeger: the plot brush is in the URL, so a reload and Back keep it; Clear and a new search drop it', async ({ page }) => {
  await page.goto(`${BACKENDS_URL}search?backend=jaeger`);
  const form = page.getByRole('search');
  await form.getByRole('button', { name: 'Find traces' }).click();
  await expect(page.getByText(/^\d+ traces$/)).toBeVisible();
  const total = await countLine(page);
  await expect(page).not.toHaveURL(/[?&]brush=/);
  const historyLength = await page.evaluate(() => history.length);

  await brushLeftHalf(page);
  const showing = page.getByText(/, showing \d+/);
  const selection = page.getByText(/^Plot selection: .+ – .+/);
  await expect(showing).toBeVisible();
  await expect(selection).toBeVisible();
  // Written in place (replace): the brush is not a step of its own in the history.
  await expect(page).toHaveURL(/[?&]brush=\d+_\d+_\d+_\d+(&|$)/);
  expect(await page.evaluate(() => history.length)).toBe(historyLength);
  const brushedUrl = page.url();
  const showingText = /showing \d+/.exec((await showing.textContent()) ?? '')?.[0] ?? 'showing ?';
  const selectionText = await selection.textContent();
  const listed = await listedTraceHrefs(page);
  expect(listed.length).toBeGreaterThan(0);
  expect(listed.length).toBeLessThan(total);

  // A reload shows the same selection: same count, same traces listed, same "Plot selection" line.
  await page.reload();
  await expect(page).toHaveURL(brushedUrl);
  await expect(showing).toContainText(showingText);
  await expect(selection).toHaveText(selectionText ?? '');
  expect(await countLine(page)).toBe(total);
  await expect.poll(() => listedTraceHrefs(page)).toEqual(listed);

  // Open a trace and come back: still selected.
  await resultsList(page).getByRole('link').first().click();
  await expect(page.getByRole('treegrid', { name: 'Trace timeline' })).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(brushedUrl);
  await expect(showing).toContainText(showingText);
  await expect(selection).toHaveText(selectionText ?? '');
  await expect.poll(() => listedTraceHrefs(page)).toEqual(listed);

  // Clear: the parameter goes, every trace is listed again.
  await page.getByRole('button', { name: 'Clear selection' }).click();
  await expect(page).not.toHaveURL(/[?&]brush=/);
  await expect(selection).toBeHidden();
  await expect(showing).toBeHidden();
  expect(await countLine(page)).toBe(total);

  // A new search starts without a brush; Back returns to the brushed results.
  await brushLeftHalf(page);
  await expect(page).toHaveURL(/[?&]brush=/);
  const rebrushedUrl = page.url();
  await form.getByLabel('Limit').fill('19');
  await form.getByRole('button', { name: 'Find traces' }).click();
  await expect(page).toHaveURL(/[?&]limit=19(&|$)/);
  await expect(page).not.toHaveURL(/[?&]brush=/);
  await expect(page.getByText(/^\d+ traces$/)).toBeVisible();
  await expect(selection).toBeHidden();
  await page.goBack();
  await expect(page).toHaveURL(rebrushedUrl);
  await expect(selection).toBeVisible();
});

test('on jaeger: "Find traces" again on an unchanged custom range drops the brush and asks the backend again', async ({ page }) => {
  // A custom range does not move when the form is submitted: only the brush changes in the URL.
  await page.goto(`${BACKENDS_URL}search?backend=jaeger`);
  const form = page.getByRole('search');
  await form.getByRole('button', { name: 'Find traces' }).click();
  await expect(page.getByText(/^\d+ traces$/)).toBeVisible();
  await page.goto(page.url().replace(/([?&]lookback=)[^&]+/, '$1custom'));
  await expect(page.getByText(/^\d+ traces$/)).toBeVisible();
  const searches: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/v3/trace-summaries')) searches.push(request.url());
  });
  await brushLeftHalf(page);
  await expect(page).toHaveURL(/[?&]brush=/);
  const windowBefore = /start=\d+&end=\d+/.exec(page.url())?.[0];
  expect(windowBefore).toBeDefined();

  await form.getByRole('button', { name: 'Find traces' }).click();
  await expect(page).not.toHaveURL(/[?&]brush=/);
  expect(/start=\d+&end=\d+/.exec(page.url())?.[0]).toBe(windowBefore);
  await expect.poll(() => searches.length).toBe(1);
  await expect(page.getByText(/^Plot selection/)).toBeHidden();
});

test('a link with a lookback but no window gets its window in place: Back leaves the search', async ({ page }) => {
  await page.goto('./files');
  await page.goto('./search?lookback=2d&service=cart');
  await expect(page).toHaveURL(/lookback=2d.*start=\d+&end=\d+/);
  await expect(page.getByText(/^\d+ traces$/)).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/\/files$/);
});

test('embedded (embed=1 or uiEmbed=v0), the search page keeps embed mode when it rewrites its URL, so a reload stays embedded', async ({ page }) => {
  await page.goto('./search?embed=1&service=checkout&lookback=1h');
  // The page fixes the window in place (start/end): that rewrite must keep embed=1.
  await expect(page).toHaveURL(/start=\d+&end=\d+/);
  await expect(page.getByText(/^\d+ traces?$/)).toBeVisible();
  await expect(page).toHaveURL(/embed=1/);
  // A view change and a new search rewrite it again.
  await page.getByLabel('Sort').selectOption('longest');
  await expect(page).toHaveURL(/sort=longest/);
  await page.getByRole('search').getByRole('button', { name: 'Find traces' }).click();
  await expect(page).toHaveURL(/sort=longest/);
  await expect(page).toHaveURL(/embed=1/);
  await page.reload();
  await expect(page.getByRole('search')).toBeVisible();
  await expect(page.getByRole('link', { name: /open in full view/i })).toBeVisible();
  await expect(page.getByRole('banner')).toHaveCount(0);
  // The header's navigation is gone; the one left is the bar with the way out to the full view.
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await expect(page.getByRole('navigation')).toHaveCount(1);
  await expect(page.getByRole('navigation', { name: 'Skein' }).getByRole('link', { name: /open in full view/i })).toBeVisible();

  // Jaeger UI's spelling is written back as embed=1.
  await page.goto('./search?uiEmbed=v0&lookback=1h');
  await expect(page).toHaveURL(/start=\d+&end=\d+/);
  await expect(page).toHaveURL(/embed=1/);
  expect(page.url()).not.toContain('uiEmbed');
  await page.reload();
  await expect(page.getByRole('link', { name: /open in full view/i })).toBeVisible();
  await expect(page.getByRole('banner')).toHaveCount(0);
});

test('"Download list (JSON)" saves the traces shown (filters applied) as a summary list, and opening it says what it is', async ({ page }) => {
  // 200 results: the demo fails about one trace in twenty, so 40 had none at times (the test failed).
  await page.goto('./search?lookback=1h&limit=200&errors=1');
  const shownText = (await page.getByText(/, showing \d+/).textContent()) ?? '';
  const shown = Number(/showing (\d+)/.exec(shownText)?.[1]);
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThan(200);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download list (JSON)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^skein-search-list-.*\.json$/);
  const path = await download.path();
  const text = readFileSync(path, 'utf8');
  const file = JSON.parse(text) as { format: string; traces: { traceId: string; errorCount: number }[] };
  expect(file.format).toBe('skein-search-list');
  expect(file.traces).toHaveLength(shown);
  expect(file.traces.every((t) => t.errorCount > 0)).toBe(true);

  // Opened again: a clear message, not "holds no spans" alone.
  await page.locator('input[type="file"]').first().setInputFiles({ name: 'list.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('list.json');
  await expect(alert).toContainText(`list of ${shown} trace summaries from a Skein search`);
  await expect(alert).toContainText('Open the traces by ID');
});

test('the plot draws exactly the listed traces in colour: a quick filter together with a brush dims everything outside the list', async ({ page }) => {
  await page.goto('./search?lookback=1h&limit=200');
  const plot = page.getByRole('img', { name: 'Trace durations over time' });
  await expect(plot).toBeVisible();
  await brushLeftHalf(page, 66);
  await expect(page.getByText(/, showing \d+/)).toBeVisible();
  const shownCount = async () => Number(/showing (\d+)/.exec((await page.getByText(/, showing \d+/).textContent()) ?? '')?.[1]);
  const brushed = await shownCount();
  // Slower than p90 of all 200 leaves at most about 20 of them: the list shrinks below the brushed
  // count. (The URL changes a moment before the list re-renders, so wait for the list itself.)
  expect(brushed).toBeGreaterThan(25);
  await page.getByRole('group', { name: 'Quick filters' }).getByLabel('Slower than').selectOption('p90');
  await expect(page).toHaveURL(/slower=p90/);
  await expect.poll(shownCount).toBeLessThan(brushed);
  const shown = await shownCount();
  // The plot's description says how many dots are in colour: the same number as the list.
  await expect(plot).toHaveAccessibleDescription(new RegExp(`, ${shown} of them in the list below; the others are drawn faint`));
});

test('service picker: Tab accepts the option highlighted with the arrow keys and moves on', async ({ page }) => {
  await page.goto('./search');
  const service = page.getByRole('search').getByRole('combobox', { name: 'Service' });
  await service.click();
  await service.pressSequentially('pay');
  await expect(page.getByRole('option', { name: 'payments' })).toBeVisible();
  await service.press('ArrowDown');
  const activeId = await service.getAttribute('aria-activedescendant');
  await expect(page.locator(`[id="${activeId}"]`)).toHaveText('payments');
  await service.press('Tab');
  await expect(service).toHaveValue('payments');
  await expect(service).not.toBeFocused();
  // Without a highlighted option, Tab keeps what was typed (free text is allowed).
  await service.fill('no-such-serv');
  await service.press('Tab');
  await expect(service).toHaveValue('no-such-serv');
});

test('a third trace ticked for comparison unticks the first and says so', async ({ page }) => {
  await page.goto('./search');
  await page.getByRole('search').getByRole('button', { name: 'Find traces' }).click();
  const rows = traceRows(resultsList(page));
  await expect(rows.nth(2)).toBeVisible();
  const tick = (i: number) => rows.nth(i).getByRole('checkbox', { name: /for comparison/ });
  await tick(0).check();
  await tick(1).check();
  await expect(page.getByRole('button', { name: 'Compare (2/2)' })).toBeEnabled();
  await expect(page.getByRole('status').filter({ hasText: 'Unticked' })).toHaveCount(0);
  const firstId = /\(([0-9a-f]+)\) for comparison/.exec((await tick(0).getAttribute('aria-label')) ?? '')?.[1];
  expect(firstId).toBeTruthy();

  await tick(2).check();
  await expect(tick(0)).not.toBeChecked();
  await expect(tick(1)).toBeChecked();
  await expect(page.getByRole('status').filter({ hasText: `Unticked ${firstId}: a comparison takes two traces.` })).toBeVisible();
  // Unticking one clears the note.
  await tick(1).uncheck();
  await expect(page.getByRole('status').filter({ hasText: 'Unticked' })).toHaveCount(0);
});

test.describe('the custom range in another time zone', () => {
  test.use({ timezoneId: 'Asia/Tokyo' });

  test('names its time zone (the browser zone, or UTC with the UTC toggle)', async ({ page }) => {
    await page.goto('./search');
    await page.getByRole('search').getByLabel('Time range').selectOption('custom');
    const from = page.getByLabel('From (local time)');
    await expect(page.getByText('Times are in Asia/Tokyo (UTC+09:00).')).toBeVisible();
    await expect(from).toHaveAccessibleDescription('Times are in Asia/Tokyo (UTC+09:00).');
    await page.getByRole('button', { name: 'UTC' }).click();
    await expect(page.getByLabel('From (UTC)')).toHaveAccessibleDescription('Times are in UTC.');
  });
});

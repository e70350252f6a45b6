// A trace link draws its first rows before the app's own code has loaded (src/app/boot-trace-preview.ts):
// real spans of the trace, a progress bar and a "Preview" notice, over a page that cannot be used
// yet. The app's trace page replaces them as soon as it draws rows (or an alert) of its own.
//
// To see that first view at all, these tests hold back the app's code (the start-app chunk) until
// they let it go; a real page shows it for a few hundred milliseconds at most.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { MOCK_BROKEN_LARGE_TRACE_ID, MOCK_SLOW_LARGE_SPAN_COUNT, MOCK_SLOW_LARGE_TRACE_ID, MOCK_STALLED_LARGE_TRACE_ID } from '../src/api/mocks/mock-slow-large-trace';
import { MOCK_JAEGER_TRACE_IDS } from '../src/api/mocks/mock-traces';
import { APP_CODE, holdBack } from './hold-back';
import { BACKENDS_URL } from './servers';

test.use({ baseURL: BACKENDS_URL });

/** Holds the app's code back until the returned function is called. */
const holdAppCode = (page: Page): Promise<() => void> => holdBack(page, APP_CODE);

const firstView = (page: Page) => page.getByRole('treegrid', { name: 'Trace preview' });
const appTimeline = (page: Page) => page.getByRole('treegrid', { name: 'Trace timeline', exact: true });

test('a trace link shows real rows before the app has loaded, then the app replaces them', async ({ page }) => {
  const release = await holdAppCode(page);
  await page.goto(`trace/${MOCK_SLOW_LARGE_TRACE_ID}?backend=jaeger-legacy`);

  await expect(firstView(page)).toBeVisible();
  await expect(firstView(page).getByRole('row', { name: /GET \/batch/ })).toBeVisible();
  await expect(firstView(page).getByRole('row').nth(1)).toContainText('handle item 0');
  await expect(page.getByRole('progressbar', { name: `Loading trace ${MOCK_SLOW_LARGE_TRACE_ID} from Jaeger 1.x (mock)` })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^Preview:.*while Skein starts/ })).toBeVisible();
  // One screen of rows, of a preview that holds fewer spans than the trace.
  const rows = await firstView(page).getByRole('row').count();
  expect(rows).toBeGreaterThan(10);
  expect(rows).toBeLessThanOrEqual(40);
  expect(Number(await firstView(page).getAttribute('aria-rowcount'))).toBeLessThan(MOCK_SLOW_LARGE_SPAN_COUNT);

  release();
  // The app's page takes over with its own preview, then the whole trace; the first view is gone.
  await expect(appTimeline(page)).toBeVisible();
  await expect(firstView(page)).toHaveCount(0);
  await page.getByRole('row', { name: /handle item 0\b/ }).click();
  await expect(page).toHaveURL(/[?&]span=51[0-9a-f]{14}/);
  await expect(appTimeline(page)).toHaveAttribute('aria-rowcount', String(MOCK_SLOW_LARGE_SPAN_COUNT), { timeout: 20_000 });
  // The page underneath is usable again (it was inert while covered).
  await page.getByRole('link', { name: 'Search', exact: true }).click();
  await expect(page).toHaveURL(/\/search/);
});

for (const theme of ['light', 'dark'] as const) {
  test(`the first view has no serious axe violations (${theme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    const release = await holdAppCode(page);
    await page.goto(`trace/${MOCK_STALLED_LARGE_TRACE_ID}?backend=jaeger-legacy`);
    await expect(firstView(page).getByRole('row', { name: /GET \/batch/ })).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    await expect(firstView(page)).toBeVisible();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
    release();
  });
}

test('a load that fails after the first rows leaves them for the app page alert', async ({ page }) => {
  const release = await holdAppCode(page);
  await page.goto(`trace/${MOCK_BROKEN_LARGE_TRACE_ID}?backend=jaeger-legacy`);
  await expect(firstView(page).getByRole('row', { name: /GET \/batch/ })).toBeVisible();
  // The body breaks: rows of a trace that could not be read must not stay on screen.
  await expect(firstView(page)).toHaveCount(0, { timeout: 20_000 });
  release();
  await expect(page.getByRole('alert')).toContainText('the data may be cut off');
  await expect(page.getByRole('row')).toHaveCount(0);
});

test('when the app code cannot be loaded, the page says so instead of staying blank', async ({ page }) => {
  await page.route(/\/assets\/start-app-[^/]+\.js$/, (route) => route.abort());
  await page.goto(`trace/${MOCK_SLOW_LARGE_TRACE_ID}?backend=jaeger-legacy`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Skein could not load its code');
  await expect(alert).toContainText('reload the page');
  await expect(firstView(page)).toHaveCount(0);
});

test('a small trace link shows its first rows from the loaded trace, then the app page', async ({ page }) => {
  const release = await holdAppCode(page);
  await page.goto(`trace/${MOCK_JAEGER_TRACE_IDS.checkout}?backend=jaeger`);
  await expect(firstView(page).getByRole('row').first()).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^Preview: the first rows of \d+ spans, while Skein starts/ })).toBeVisible();
  release();
  await expect(appTimeline(page).getByRole('row').first()).toBeVisible();
  await expect(firstView(page)).toHaveCount(0);
});

test('the first view waits for the stylesheet (browsers other than Chromium do not block on it)', async ({ page }) => {
  const releaseStyles = await holdBack(page, /\/assets\/index-[^/]+\.css$/);
  const releaseApp = await holdAppCode(page);
  await page.goto(`trace/${MOCK_SLOW_LARGE_TRACE_ID}?backend=jaeger-legacy`, { waitUntil: 'commit' });
  // The trace's first preview has arrived: without the wait, its rows would be in the page now.
  await page.waitForFunction(() => performance.getEntriesByName('skein:trace-load-preview').length > 0, null, { polling: 50 });
  await page.waitForTimeout(200);
  await expect(page.locator('[data-boot-preview]')).toHaveCount(0);
  releaseStyles();
  await expect(firstView(page).getByRole('row', { name: /GET \/batch/ })).toBeVisible();
  releaseApp();
  await expect(appTimeline(page)).toBeVisible();
});

test('other pages never show a first view', async ({ page }) => {
  await page.goto('search?backend=jaeger');
  await expect(page.getByRole('search')).toBeVisible();
  await expect(firstView(page)).toHaveCount(0);
});

test('a link to another view of the trace gets no waterfall rows before the app', async ({ page }) => {
  const release = await holdAppCode(page);
  await page.goto(`trace/${MOCK_JAEGER_TRACE_IDS.checkout}?backend=jaeger&view=spans`);
  await expect(page.getByText('Loading Skein…')).toBeVisible();
  await expect(firstView(page)).toHaveCount(0);
  release();
  await expect(page.getByRole('table', { name: 'Spans', exact: true })).toBeVisible();
  await expect(firstView(page)).toHaveCount(0);
});

test('a broken config.json is explained, and so is app code that then cannot load', async ({ page }) => {
  await page.route('**/config.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"backends": 3}' }));
  await page.goto(`trace/${MOCK_JAEGER_TRACE_IDS.checkout}?backend=jaeger`);
  await expect(page.getByRole('heading', { name: 'Skein cannot start' })).toBeVisible();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('backends: Invalid input: expected array, received number');
  // Where to read about the format: the README users have (not DESIGN.md, which is not shipped).
  await expect(alert).toContainText("step 3 of the Deploy section of Skein's README");
  await expect(alert).not.toContainText('DESIGN.md');
  await expect(firstView(page)).toHaveCount(0);

  await page.route(/\/assets\/start-app-[^/]+\.js$/, (route) => route.abort());
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('Skein could not load its code');
});

test('embedded (embed=1), the first view has no header, as the app page has none', async ({ page }) => {
  const release = await holdAppCode(page);
  await page.goto(`trace/${MOCK_JAEGER_TRACE_IDS.checkout}?backend=jaeger&embed=1`);
  await expect(firstView(page).getByRole('row').first()).toBeVisible();
  await expect(page.getByRole('banner')).toHaveCount(0);
  release();
  await expect(appTimeline(page).getByRole('row').first()).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
});

test('moving to another page before the app has started takes the first view away when it starts', async ({ page }) => {
  const release = await holdAppCode(page);
  await page.goto(`trace/${MOCK_STALLED_LARGE_TRACE_ID}?backend=jaeger-legacy`);
  await expect(firstView(page).getByRole('row', { name: /GET \/batch/ })).toBeVisible();
  // History moves on while the app's code is still loading: its router starts on the new page.
  await page.evaluate(() => history.pushState(null, '', 'search?backend=jaeger'));
  release();
  await expect(page.getByRole('search')).toBeVisible();
  await expect(firstView(page)).toHaveCount(0);
  await page.getByRole('search').getByRole('button', { name: 'Find traces' }).click();
  await expect(page.getByText(/^\d+ traces$/)).toBeVisible();
});

test('moving to another page takes the first view away, even before the trace page has drawn', async ({ page }) => {
  // The app starts, but the trace page's own code is held back: only the first view shows rows.
  const release = await holdBack(page, /\/assets\/trace-route-[^/]+\.js$/);
  await page.goto(`trace/${MOCK_STALLED_LARGE_TRACE_ID}?backend=jaeger-legacy`);
  await expect(firstView(page).getByRole('row', { name: /GET \/batch/ })).toBeVisible();
  // Back/forward (here: a history entry the router is told about) leaves the trace link.
  await page.evaluate(() => {
    history.pushState(null, '', 'search?backend=jaeger');
    dispatchEvent(new PopStateEvent('popstate'));
  });
  await expect(page.getByRole('search')).toBeVisible();
  await expect(firstView(page)).toHaveCount(0);
  await page.getByRole('search').getByRole('button', { name: 'Find traces' }).click();
  await expect(page.getByText(/^\d+ traces$/)).toBeVisible();
  release();
});

// index.html's script asks for the app's files once <base> is set (vite.config.ts, bootFilesMeta):
// on a trace link, also the code that loads the trace and draws its first rows, while the entry
// is still on its way. Static tags would first be fetched at URLs relative to the page.
test.describe('the files a page asks for before its entry has run', () => {
  const ENTRY = /\/assets\/index-[^/]+\.js$/;
  const LOAD_CODE = ['trace-decoding', 'jaeger-backend', 'tempo-backend'];
  const FIRST_VIEW_CODE = 'boot-trace-preview';

  /** Every URL the page requests, and whether one was a given chunk (its name, then Vite's 8-character hash). */
  const watchRequests = (page: Page) => {
    const urls: string[] = [];
    page.on('request', (request) => urls.push(request.url()));
    const asked = (chunk: string) => urls.some((url) => new RegExp(`/assets/${chunk}-[\\w-]{8}\\.js$`).test(url));
    return { urls, asked, askedAll: (chunks: string[]) => chunks.every(asked) };
  };

  test('a trace link: the load and first-view code come beside the entry, and nothing at a wrong URL', async ({ page }) => {
    const release = await holdBack(page, ENTRY);
    const requests = watchRequests(page);
    await page.goto(`trace/${MOCK_JAEGER_TRACE_IDS.checkout}?backend=jaeger`, { waitUntil: 'commit' });
    await expect.poll(() => requests.askedAll([...LOAD_CODE, FIRST_VIEW_CODE])).toBe(true);
    expect(requests.asked('start-app')).toBe(false);
    release();
    await expect(appTimeline(page).getByRole('row').first()).toBeVisible();
    const wrong = requests.urls.filter((url) => new URL(url).pathname.startsWith('/trace/') && !new URL(url).pathname.startsWith(`/trace/${MOCK_JAEGER_TRACE_IDS.checkout}`));
    expect(wrong).toEqual([]);
  });

  test('another view of a trace gets the load code but not the first view', async ({ page }) => {
    const release = await holdBack(page, ENTRY);
    const requests = watchRequests(page);
    await page.goto(`trace/${MOCK_JAEGER_TRACE_IDS.checkout}?backend=jaeger&view=spans`, { waitUntil: 'commit' });
    await expect.poll(() => requests.askedAll(LOAD_CODE)).toBe(true);
    release();
    await expect(page.getByRole('table', { name: 'Spans', exact: true })).toBeVisible();
    expect(requests.asked(FIRST_VIEW_CODE)).toBe(false);
  });

  test('the search page asks for none of it before its entry has run', async ({ page }) => {
    const release = await holdBack(page, ENTRY);
    const requests = watchRequests(page);
    await page.goto('search?backend=jaeger', { waitUntil: 'commit' });
    await expect.poll(() => requests.urls.some((url) => ENTRY.test(url))).toBe(true);
    // The stylesheet is asked for in the same script, just before the entry.
    await expect.poll(() => requests.urls.some((url) => /\/assets\/index-[^/]+\.css$/.test(url))).toBe(true);
    expect(requests.urls.filter((url) => /\/assets\/.*\.js$/.test(url) && !ENTRY.test(url))).toEqual([]);
    release();
    await expect(page.getByRole('search')).toBeVisible();
  });
});

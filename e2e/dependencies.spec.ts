import { expect, test, type Page } from '@playwright/test';
import { generateDependencyLinks } from '../src/dependency-graph/testing/generate-links';

// The /dependencies page: the demo graph, a Jaeger graph served by page.route (two services, then
// 1,200 services / 4,000 edges), failures with Retry, and the empty window.

const JAEGER_CONFIG = {
  backends: [{ id: 'jaeger', type: 'jaeger', name: 'Jaeger (mock)', url: 'api/jaeger' }],
  defaultBackend: 'jaeger',
};

type Answer = { status: number; body: unknown };

/** Serves config.json with one Jaeger backend and answers its /api/dependencies with `answer()`. */
async function mockJaeger(page: Page, answer: () => Answer): Promise<{ requests: URL[] }> {
  const requests: URL[] = [];
  await page.route('**/config.json', (route) => route.fulfill({ json: JAEGER_CONFIG }));
  await page.route('**/api/jaeger/api/dependencies**', (route) => {
    requests.push(new URL(route.request().url()));
    const { status, body } = answer();
    return route.fulfill({ status, json: body });
  });
  // Anything else the shell may ask the mock Jaeger for (service lists): nothing.
  await page.route(/\/api\/jaeger\/api\/(?!dependencies)/, (route) => route.fulfill({ json: { data: [] } }));
  return { requests };
}

const graph = (page: Page) => page.getByRole('img', { name: 'Service dependency graph' });
const table = (page: Page) => page.getByRole('table', { name: /Service dependencies/ });

test.describe('dependency graph on the demo backend', () => {
  test('draws the graph, lists the edges in a sortable table and says where the graph comes from', async ({ page }) => {
    await page.goto('./dependencies');
    await expect(page.locator('canvas[role="img"][aria-label="Service dependency graph"]')).toBeVisible();
    await expect(page.getByText(/Source: derived from \d+ demo traces/)).toBeVisible();
    const rows = table(page).locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(5);

    const parentHeader = table(page).getByRole('columnheader', { name: 'Parent' });
    await expect(parentHeader).toHaveAttribute('aria-sort', 'none');
    await parentHeader.getByRole('button').click();
    await expect(parentHeader).toHaveAttribute('aria-sort', 'ascending');
    const parents = await rows.locator('td:first-child').allTextContents();
    expect(parents).toEqual([...parents].sort((a, b) => a.localeCompare(b)));

    // The order is in the URL (sort=parent), replacing the history entry; a reload keeps it.
    await expect(page).toHaveURL(/[?&]sort=parent(&|$)/);
    const historyLength = await page.evaluate(() => history.length);
    await page.reload();
    await expect(parentHeader).toHaveAttribute('aria-sort', 'ascending');
    expect(await rows.locator('td:first-child').allTextContents()).toEqual(parents);
    // Back to the default (most calls first): the parameter goes.
    await table(page).getByRole('columnheader', { name: 'Calls' }).getByRole('button').click();
    await expect(table(page).getByRole('columnheader', { name: 'Calls' })).toHaveAttribute('aria-sort', 'descending');
    await expect(page).not.toHaveURL(/[?&]sort=/);
    expect(await page.evaluate(() => history.length)).toBe(historyLength);
  });

  test('focus on a service puts service and depth in the URL and shrinks the graph', async ({ page }) => {
    await page.goto('./dependencies');
    await expect(graph(page)).toBeVisible();
    const before = await table(page).locator('tbody tr').count();
    const service = (await table(page).locator('tbody tr td:nth-child(2)').first().textContent()) ?? '';
    await page.getByLabel('Find a service').fill(service);
    await page.getByLabel('Depth').selectOption('1');
    await page.getByRole('button', { name: 'Focus' }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]service=${encodeURIComponent(service)}(&|$)`));
    await expect(page).toHaveURL(/[?&]depth=1(&|$)/);
    await expect(page.getByText(new RegExp(`services and \\d+ dependencies within 1 hop of ${service}`))).toBeVisible();
    const after = await table(page).locator('tbody tr').count();
    expect(after).toBeLessThan(before);
    // Every edge left touches a service within one hop: the focused one is in each row or a neighbour's.
    await page.getByRole('button', { name: 'Show all services' }).click();
    await expect(page).not.toHaveURL(/[?&]service=/);
  });

  test('with a focus, Depth and Direction apply at once, and the Depth select shows the depth in use', async ({ page }) => {
    await page.goto('./dependencies?service=checkout');
    await expect(graph(page)).toBeVisible();
    await expect(page.getByText(/dependencies within 2 hops of checkout\./)).toBeVisible();
    await expect(page.getByLabel('Depth')).toHaveValue('2');

    await page.getByLabel('Depth').selectOption('1');
    await expect(page).toHaveURL(/[?&]depth=1(&|$)/);
    await expect(page.getByText(/dependencies within 1 hop of checkout\./)).toBeVisible();
    await page.getByLabel('Direction').selectOption('upstream');
    await expect(page).toHaveURL(/[?&]direction=upstream(&|$)/);
    await expect(page.getByText(/dependencies within 1 hop upstream of checkout\./)).toBeVisible();

    // A depth that is not one of the choices is shown as what it is, not as the first option.
    await page.goto('./dependencies?service=checkout&depth=7');
    await expect(page.getByText(/dependencies within 7 hops of checkout\./)).toBeVisible();
    await expect(page.getByLabel('Depth')).toHaveValue('7');
    await expect(page.getByLabel('Depth').locator('option:checked')).toHaveText('7 hops');
    await page.goto('./dependencies?service=checkout&depth=99');
    await expect(page.getByText(/dependencies within 50 hops of checkout\./)).toBeVisible();
    await expect(page.getByLabel('Depth').locator('option:checked')).toHaveText('50 hops');
    // …and the URL says so too, in place of the 99 (replaced: Back goes to the page before).
    await expect(page).toHaveURL(/[?&]service=checkout&depth=50(&|$)/);
    await page.goBack();
    await expect(page).toHaveURL(/[?&]depth=7(&|$)/);
    await expect(page.getByText(/dependencies within 7 hops of checkout\./)).toBeVisible();
  });
});

test.describe('dependency graph on the demo backend: wheel zoom', () => {
  test('Ctrl + wheel zooms the graph; a plain wheel scrolls the page and says how to zoom; the buttons still zoom', async ({ page }) => {
    await page.goto('./dependencies');
    const canvas = page.locator('canvas[role="img"]');
    await expect(canvas).toBeVisible();
    const zoomLevel = page.getByRole('status', { name: 'Zoom level' });
    await expect(zoomLevel).toHaveText(/^\d+ %$/);
    const level = async () => Number((await zoomLevel.textContent())?.replace(' %', ''));
    const fitted = await level();
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);

    // A plain wheel over the graph scrolls the page down to the table, and leaves the zoom alone.
    const scrollTop = () => page.getByRole('main').evaluate((main) => main.scrollTop);
    expect(await scrollTop()).toBe(0);
    await page.mouse.wheel(0, 200);
    await expect(page.getByText(/\+ scroll \(or pinch\) to zoom the graph/)).toBeVisible();
    await expect.poll(scrollTop).toBeGreaterThan(0);
    expect(await level()).toBe(fitted);

    // Ctrl + wheel (a trackpad pinch sends the same) zooms in by one step per notch.
    await page.mouse.move(box.x + box.width / 2, (await canvas.boundingBox())!.y + box.height / 2);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -100);
    await page.keyboard.up('Control');
    // (The label is rounded: 1.25 × the rounded level can be 1 % off.)
    await expect.poll(level).toBeGreaterThanOrEqual(Math.round(fitted * 1.25) - 1);
    expect(await level()).toBeLessThanOrEqual(Math.round(fitted * 1.25) + 1);

    await page.getByRole('button', { name: 'Zoom out' }).click();
    await expect(zoomLevel).toHaveText(`${fitted} %`);
  });
});

test.describe('dependency graph on the demo backend: custom time window', () => {
  test.use({ timezoneId: 'Asia/Tokyo' });

  test('the custom range names its time zone and is read in it (the browser zone, or UTC with the UTC toggle)', async ({ page }) => {
    await page.goto('./dependencies');
    await page.getByLabel('Time window').selectOption('custom');
    const range = page.getByRole('form', { name: 'Custom time window' });
    await expect(range.getByText('Times are in Asia/Tokyo (UTC+09:00).')).toBeVisible();
    await expect(range.getByLabel('From')).toHaveAccessibleDescription('Times are in Asia/Tokyo (UTC+09:00).');

    await range.getByLabel('From').fill('2024-05-01T09:00:00');
    await range.getByLabel('To').fill('2024-05-01T10:30:00');
    await range.getByRole('button', { name: 'Apply' }).click();
    // 09:00 in Tokyo is 00:00 UTC.
    await expect(page).toHaveURL(new RegExp(`[?&]start=${Date.UTC(2024, 4, 1, 0, 0) * 1000}(&|$)`));
    await expect(page).toHaveURL(new RegExp(`[?&]end=${Date.UTC(2024, 4, 1, 1, 30) * 1000}(&|$)`));

    // With the app in UTC, the same range is shown (and typed) in UTC, and the label says so.
    await page.getByRole('button', { name: 'UTC' }).click();
    await expect(range.getByText('Times are in UTC.')).toBeVisible();
    await expect(range.getByLabel('From')).toHaveValue('2024-05-01T00:00');
    await range.getByLabel('To').fill('2024-05-01T02:00:00');
    await range.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]end=${Date.UTC(2024, 4, 1, 2, 0) * 1000}(&|$)`));
  });
});

test.describe('dependency graph on the demo backend: trace lists', () => {
  test('a capped list of trace IDs is shown as a cap: "100+ traces", "showing the first 100"', async ({ page }) => {
    await page.goto('./dependencies');
    const row = table(page).getByRole('row').filter({ has: page.getByRole('link', { name: 'recommendations', exact: true }) }).filter({
      has: page.getByRole('link', { name: 'catalog', exact: true }),
    });
    const button = row.getByRole('button', { name: /traces?$/ });
    await expect(button).toHaveText('100+ traces');
    await button.click();
    const panel = page.getByRole('region', { name: 'Calls from recommendations to catalog' });
    await expect(panel.getByRole('heading', { name: '100+ traces contain this call' })).toBeVisible();
    await expect(panel.getByText('Showing the first 100.')).toBeVisible();
    await expect(panel.getByRole('listitem')).toHaveCount(100);
  });
});

test.describe('dependency graph on the demo backend: edge search', () => {
  test('the edge search link says it searches the child service, since the demo search cannot express the call', async ({ page }) => {
    await page.goto('./dependencies');
    const row = table(page).getByRole('row').filter({ has: page.getByRole('link', { name: 'recommendations', exact: true }) }).filter({
      has: page.getByRole('link', { name: 'catalog', exact: true }),
    });
    const search = row.getByRole('link', { name: 'Search traces of catalog' });
    await expect(search).toHaveAttribute('href', /\/search\?.*service=catalog/);
    await expect(page.getByRole('link', { name: /Search traces where recommendations calls catalog/ })).toHaveCount(0);
    await row.getByRole('button', { name: /traces$/ }).click();
    const panel = page.getByRole('region', { name: 'Calls from recommendations to catalog' });
    await expect(panel.getByRole('link', { name: 'Search traces of catalog' })).toBeVisible();
  });
});

test.describe('dependency graph on a Jaeger backend', () => {
  test('asks Jaeger for the chosen window and links a clicked node and edge to search', async ({ page }) => {
    const { requests } = await mockJaeger(page, () => ({
      status: 200,
      body: { data: [{ parent: 'frontend', child: 'checkout', callCount: 42 }] },
    }));
    await page.goto('./dependencies?lookback=2d');
    const canvas = page.locator('canvas[role="img"]');
    await expect(canvas).toBeVisible();
    await expect(page.getByText('Source: Jaeger /api/dependencies')).toBeVisible();
    // Jaeger's dependencies carry no error counts: the grey edges are not "no errors".
    await expect(page.getByText(/Edge colour: none \(this source has no error data\)/)).toBeVisible();
    await expect(page.getByText('no errors', { exact: true })).toHaveCount(0);
    const last = requests.at(-1);
    expect(Number(last?.searchParams.get('lookback'))).toBe(2 * 24 * 3600 * 1000);
    expect(Math.abs(Number(last?.searchParams.get('endTs')) - Date.now())).toBeLessThan(60_000);

    // Two nodes, one layer apart (220 px), fitted at the 1.5 zoom cap and centred: the parent sits
    // 165 px left of the centre, and the edge runs through the centre.
    const box = (await canvas.boundingBox())!;
    await canvas.click({ position: { x: box.width / 2, y: box.height / 2 } });
    await expect(page).toHaveURL(/\/search\?.*service=checkout/);
    await expect(page).toHaveURL(/backend=jaeger/);
    await page.goBack();
    await expect(canvas).toBeVisible();
    await canvas.click({ position: { x: box.width / 2 - 165, y: box.height / 2 } });
    await expect(page).toHaveURL(/\/search\?.*service=frontend/);
    await expect(page).toHaveURL(/lookback=2d/);
  });

  test('a failure names the backend and Retry loads the graph', async ({ page }) => {
    let fail = true;
    await mockJaeger(page, () =>
      fail
        ? { status: 503, body: { data: null, errors: [{ code: 503, msg: 'storage unavailable' }] } }
        : { status: 200, body: { data: [{ parent: 'a', child: 'b', callCount: 1 }] } },
    );
    await page.goto('./dependencies');
    const alert = page.getByRole('alert').filter({ hasText: 'Jaeger (mock)' });
    await expect(alert).toBeVisible({ timeout: 30_000 });
    fail = false;
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(graph(page)).toBeVisible();
    await expect(table(page).locator('tbody tr')).toHaveCount(1);
  });

  test('an empty window says so and widens it', async ({ page }) => {
    await mockJaeger(page, () => ({ status: 200, body: { data: [] } }));
    await page.goto('./dependencies?lookback=1h');
    await expect(page.getByText('No dependencies in this window — widen it')).toBeVisible();
    await page.getByRole('button', { name: /Show last 6 hours/i }).click();
    await expect(page).toHaveURL(/lookback=6h/);
  });

  test('1,200 services and 4,000 edges render, pan and zoom (times are in npm run bench)', async ({ page }) => {
    const links = generateDependencyLinks({ services: 1200, edges: 4000, seed: 42 });
    await mockJaeger(page, () => ({ status: 200, body: { data: links.map(({ parent, child, callCount }) => ({ parent, child, callCount })) } }));
    await page.addInitScript(() => {
      const w = window as unknown as { __longTasks: { startMs: number; durationMs: number }[] };
      w.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.__longTasks.push({ startMs: entry.startTime, durationMs: entry.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    // Load the app first, so the measurement covers the dependency page, not the first download.
    await page.goto('./search');
    await expect(page.getByRole('search')).toBeVisible();
    await page.waitForLoadState('networkidle');
    const started = await page.evaluate(() => performance.now());
    await page.getByRole('link', { name: 'Dependencies' }).click();
    await expect(page.locator('canvas[role="img"][aria-label="Service dependency graph"]')).toBeVisible({ timeout: 20_000 });
    // Two frames after the canvas exists, the first drawing is on screen.
    const drawnMs = await page.evaluate(
      (t0) => new Promise<number>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t0)))),
      started,
    );
    await expect(page.getByText(/1,1\d\d services and 4,000 dependencies/)).toBeVisible();

    // Pan and zoom: d3-zoom on the canvas, redrawn per animation frame.
    const canvas = page.locator('canvas[role="img"]');
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.keyboard.down('Control');
    for (let i = 0; i < 5; i++) await page.mouse.wheel(0, -240);
    await page.keyboard.up('Control');
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 200, box.y + box.height / 2 + 80, { steps: 10 });
    await page.mouse.up();

    const longTasks = (
      await page.evaluate(() => (window as unknown as { __longTasks: { startMs: number; durationMs: number }[] }).__longTasks)
    ).filter((task) => task.startMs + task.durationMs > started);
    console.log(
      `large dependency graph: drawn after ${Math.round(drawnMs)} ms; long tasks (ms after the click: duration) ${longTasks
        .map((task) => `${Math.round(task.startMs - started)}: ${Math.round(task.durationMs)}`)
        .join(', ')}`,
    );
    // Speed goals are shown by `npm run bench`, not asserted here: this checks that the graph is really drawn.
    const inkPixels = await canvas.evaluate((c: HTMLCanvasElement) => {
      const ctx = c.getContext('2d');
      if (!ctx) return 0;
      const { data } = ctx.getImageData(0, 0, c.width, c.height);
      const [r0, g0, b0] = [data[0], data[1], data[2]];
      let differing = 0;
      for (let i = 0; i < data.length; i += 4 * 16) {
        if (data[i] !== r0 || data[i + 1] !== g0 || data[i + 2] !== b0) differing++;
      }
      return differing;
    });
    expect(inkPixels).toBeGreaterThan(1000);
    await page.screenshot({ path: test.info().outputPath('large-dependency-graph.png') });
  });
});

import { expect, test } from '@playwright/test';
import { demoTraceId } from '../src/api/demo/demo-trace-id';
import { FASTER_COLOURS, NEUTRAL_COLOUR, SLOWER_COLOURS } from '../src/compare/delta-format';

// Two demo traces of the same root operation (web-frontend POST /checkout); the demo backend
// regenerates any trace from its ID, so these open without a search.
const traceA = demoTraceId({ scenario: 'checkout', seed: 1 });
const traceB = demoTraceId({ scenario: 'checkout', seed: 2 });

test.describe('trace comparison', () => {
  test('explains the delta, lists differences and opens a row in both traces', async ({ page }) => {
    await page.goto(`./compare/${traceA}/${traceB}?backend=demo`);

    const summary = page.getByRole('region', { name: 'Comparison summary' });
    // The headline names both durations and a signed delta, e.g. "B took 356 ms, 82.9 ms longer than A (273 ms): +82.9 ms (+30 %)."
    await expect(summary).toContainText(/B took .+ than A \(.+\): [+\u2212][\d.]+ (µs|ms|s)/);
    await expect(summary).toContainText(/is self time in /);

    const table = page.getByRole('table', { name: 'Trace differences' });
    await expect(table).toBeVisible();
    const headers = table.getByRole('columnheader');
    await expect(headers).toContainText(['Service', 'Operation', 'Count A', 'Count B', 'Time A', 'Time B', 'Delta']);
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);

    // The merged waterfall shows the union tree.
    const grid = page.getByRole('treegrid', { name: 'Comparison timeline' });
    await expect(grid).toBeVisible();
    expect(Number(await grid.getAttribute('aria-rowcount'))).toBeGreaterThan(1);

    // Sorting by a column reports it to assistive technology.
    await headers.filter({ hasText: 'Count B' }).getByRole('button').click();
    await expect(headers.filter({ hasText: 'Count B' })).toHaveAttribute('aria-sort', 'descending');

    // Opening a row shows A's and B's details side by side.
    const first = rows.first();
    const operation = (await first.locator('td').nth(1).getByRole('button').textContent())?.trim() ?? '';
    await first.locator('td').nth(1).getByRole('button').click();
    const details = page.getByRole('region', { name: 'Span details' });
    await expect(details).toBeVisible();
    await expect(details.getByRole('heading', { level: 2 })).toContainText(operation);
    const numbers = details.getByRole('table', { name: 'Numbers in A and B' });
    await expect(numbers.getByRole('columnheader', { name: 'A', exact: true })).toBeVisible();
    await expect(numbers.getByRole('columnheader', { name: 'B', exact: true })).toBeVisible();
    await expect(numbers.getByRole('row', { name: /Total time/ })).toBeVisible();
    await details.getByRole('button', { name: 'Close span details' }).click();
    await expect(details).toHaveCount(0);

    // The waterfall works from the keyboard: arrows move, Left collapses, Enter opens details.
    await grid.focus();
    await page.keyboard.press('Home');
    const rowCount = Number(await grid.getAttribute('aria-rowcount'));
    await page.keyboard.press('ArrowLeft');
    await expect(grid).toHaveAttribute('aria-rowcount', '1');
    await page.keyboard.press('ArrowRight');
    await expect(grid).toHaveAttribute('aria-rowcount', String(rowCount));
    await page.keyboard.press('Enter');
    await expect(details.getByRole('heading', { level: 2 })).toContainText('POST /checkout');
  });

  test('the open details are in the URL (node=), so a reload or a shared link shows them; closing removes it', async ({ page }) => {
    await page.goto(`./compare/${traceA}/${traceB}?backend=demo`);
    const table = page.getByRole('table', { name: 'Trace differences' });
    const row = table.locator('tbody tr').nth(2);
    const operation = (await row.locator('td').nth(1).getByRole('button').textContent())?.trim() ?? '';
    await row.locator('td').nth(1).getByRole('button').click();
    const details = page.getByRole('region', { name: 'Span details' });
    await expect(details.getByRole('heading', { level: 2 })).toContainText(operation);
    await expect(page).toHaveURL(/[?&]node=\d+(&|$)/);
    const historyLength = await page.evaluate(() => history.length);

    await page.reload();
    await expect(details.getByRole('heading', { level: 2 })).toContainText(operation);
    // The graph shows the same node selected; the table marks its row.
    await page.getByRole('tab', { name: 'Graph' }).click();
    await expect(page).toHaveURL(/[?&]node=\d+/);
    await expect(details.getByRole('heading', { level: 2 })).toContainText(operation);
    await expect(table.locator('tbody tr[data-selected]')).toHaveCount(1);

    await details.getByRole('button', { name: 'Close span details' }).click();
    await expect(details).toHaveCount(0);
    await expect(page).not.toHaveURL(/[?&]node=/);
    // Selecting replaced the URL rather than adding history entries.
    expect(await page.evaluate(() => history.length)).toBe(historyLength);

    // A node the comparison does not have selects nothing.
    await page.goto(`./compare/${traceA}/${traceB}?backend=demo&node=999999`);
    await expect(table).toBeVisible();
    await expect(details).toHaveCount(0);
  });

  test("the waterfall's find text and Only changed spans are in the URL (find=, changed=1), so a reload or a shared link keeps them", async ({ page }) => {
    await page.goto(`./compare/${traceA}/${traceB}?backend=demo`);
    const grid = page.getByRole('treegrid', { name: 'Comparison timeline' });
    await expect(grid).toBeVisible();
    const allRows = Number(await grid.getAttribute('aria-rowcount'));
    const historyLength = await page.evaluate(() => history.length);
    // A service of the comparison, from the differences table.
    const service = (await page.getByRole('table', { name: 'Trace differences' }).locator('tbody tr').nth(1).locator('td').first().textContent())?.trim() ?? '';
    expect(service).not.toBe('');

    const find = page.getByRole('searchbox', { name: 'Find in comparison' });
    await find.fill(service);
    await expect(page.getByRole('status').filter({ hasText: /\d+ match/ })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`[?&]find=${encodeURIComponent(service).replace(/%20/g, '(\\+|%20)')}(&|$)`));
    const onlyChanged = page.getByRole('checkbox', { name: 'Only changed spans' });
    await onlyChanged.check();
    await expect(page).toHaveURL(/[?&]changed=1(&|$)/);
    const filteredRows = await grid.getAttribute('aria-rowcount');
    expect(Number(filteredRows)).toBeLessThan(allRows);

    await page.reload();
    await expect(find).toHaveValue(service);
    await expect(onlyChanged).toBeChecked();
    await expect(grid).toHaveAttribute('aria-rowcount', filteredRows ?? '');

    await onlyChanged.uncheck();
    await expect(page).not.toHaveURL(/[?&]changed=/);
    await find.fill('');
    await expect(page).not.toHaveURL(/[?&]find=/);
    await expect(grid).toHaveAttribute('aria-rowcount', String(allRows));
    // The filters replaced the URL rather than adding history entries.
    expect(await page.evaluate(() => history.length)).toBe(historyLength);
  });

  test("the waterfall's folded rows are in the URL (fold=): a reload, or the graph and back, keeps them", async ({ page }) => {
    await page.goto(`./compare/${traceA}/${traceB}?backend=demo`);
    const grid = page.getByRole('treegrid', { name: 'Comparison timeline' });
    await expect(grid).toBeVisible();
    const allRows = (await grid.getAttribute('aria-rowcount'))!;
    const historyLength = await page.evaluate(() => history.length);
    // Opening a link writes nothing.
    expect(new URL(page.url()).searchParams.get('fold')).toBeNull();

    await page.getByRole('button', { name: 'Collapse all' }).click();
    await expect(grid).toHaveAttribute('aria-rowcount', '1');
    await expect(page).toHaveURL(/[?&]fold=all(&|$)/);
    // Unfold the root (node 0): its children show, still folded.
    await grid.getByRole('button', { name: /^Expand / }).first().click();
    await expect(page).toHaveURL(/[?&]fold=all_0(&|$)/);
    const rootOpen = (await grid.getAttribute('aria-rowcount'))!;
    expect(Number(rootOpen)).toBeGreaterThan(1);
    expect(Number(rootOpen)).toBeLessThan(Number(allRows));
    const rowNames = () => grid.getByRole('row').evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? r.textContent));
    const shown = await rowNames();

    await page.reload();
    await expect(grid).toHaveAttribute('aria-rowcount', rootOpen);
    expect(await rowNames()).toEqual(shown);
    await page.getByRole('tab', { name: 'Graph' }).click();
    await expect(page.getByRole('img', { name: 'Trace difference graph' })).toBeVisible();
    await page.getByRole('tab', { name: 'Waterfall' }).click();
    await expect(grid).toHaveAttribute('aria-rowcount', rootOpen);

    await page.getByRole('button', { name: 'Expand all' }).click();
    await expect(grid).toHaveAttribute('aria-rowcount', allRows);
    await expect(page).not.toHaveURL(/[?&]fold=/);
    expect(await page.evaluate(() => history.length)).toBe(historyLength);
  });

  test("the table's sort, Only changed rows and filter are in the URL too (sort=, rows=all, filter=), with the waterfall's find", async ({ page }) => {
    await page.goto(`./compare/${traceA}/${traceB}?backend=demo`);
    const table = page.getByRole('table', { name: 'Trace differences' });
    await expect(table.locator('tbody tr').first()).toBeVisible();
    const historyLength = await page.evaluate(() => history.length);
    const rowCount = page.getByRole('status').filter({ hasText: /^\d+ rows?\b/ });
    const changedOnly = (await rowCount.textContent()) ?? '';

    // Sort by Time B, largest first (a number column's first click), then show every row.
    await table.getByRole('button', { name: 'Time B' }).click();
    await expect(table.getByRole('columnheader', { name: 'Time B' })).toHaveAttribute('aria-sort', 'descending');
    const rowsSwitch = page.getByRole('checkbox', { name: 'Only changed rows' });
    await rowsSwitch.uncheck();
    await expect(rowCount).not.toHaveText(changedOnly);
    const everyRow = (await rowCount.textContent()) ?? '';
    // The waterfall's find box changes in the same pause: both reach the URL.
    const service = (await table.locator('tbody tr').first().locator('td').first().textContent())?.trim() ?? '';
    await page.getByRole('searchbox', { name: 'Filter operations' }).fill(service);
    await page.getByRole('searchbox', { name: 'Find in comparison' }).fill(service);
    await expect(page).toHaveURL(/[?&]sort=-timeB(&|$)/);
    await expect(page).toHaveURL(/[?&]rows=all(&|$)/);
    const encoded = encodeURIComponent(service).replace(/%20/g, '(\\+|%20)');
    await expect(page).toHaveURL(new RegExp(`[?&]filter=${encoded}(&|$)`));
    await expect(page).toHaveURL(new RegExp(`[?&]find=${encoded}(&|$)`));
    const filtered = (await rowCount.textContent()) ?? '';
    const firstRow = await table.locator('tbody tr').first().textContent();

    await page.reload();
    await expect(table.getByRole('columnheader', { name: 'Time B' })).toHaveAttribute('aria-sort', 'descending');
    await expect(rowsSwitch).not.toBeChecked();
    await expect(page.getByRole('searchbox', { name: 'Filter operations' })).toHaveValue(service);
    await expect(rowCount).toHaveText(filtered);
    await expect(table.locator('tbody tr').first()).toHaveText(firstRow ?? '');

    // Back to the defaults: the parameters go (the default sort has none of its own).
    await page.getByRole('searchbox', { name: 'Filter operations' }).fill('');
    await rowsSwitch.check();
    await expect(page).not.toHaveURL(/[?&](filter|rows)=/);
    await expect(rowCount).toHaveText(changedOnly);
    await table.getByRole('button', { name: 'Time B' }).click();
    await expect(page).toHaveURL(/[?&]sort=timeB(&|$)/);
    expect(everyRow).not.toBe('');
    expect(await page.evaluate(() => history.length)).toBe(historyLength);
  });

  test('an empty table names what emptied it: a filter matching nothing is the filter, not "Only changed rows"', async ({ page }) => {
    await page.goto(`./compare/${traceA}/${traceB}?backend=demo`);
    await expect(page.getByRole('checkbox', { name: 'Only changed rows' })).toBeChecked();
    await page.getByRole('searchbox', { name: 'Filter operations' }).fill('zzz-no-such-operation');
    await expect(page.getByText('No operations match the filter “zzz-no-such-operation”. Change or clear the filter.')).toBeVisible();
    await expect(page.getByText(/Clear "Only changed rows"/)).toHaveCount(0);
  });

  test('warns when A and B are the same trace, and when the traces start at different operations', async ({ page }) => {
    await page.goto(`./compare/${traceA}/${traceA}?backend=demo`);
    const summary = page.getByRole('region', { name: 'Comparison summary' });
    await expect(summary.getByRole('status')).toContainText('A and B are the same trace.');

    // Two unrelated demo requests: a checkout and an order listing.
    await page.goto('./compare/000000010419467b0610000000d12711/000000030519467b0610000000d19273?backend=demo');
    // (The banner's title and body are separate spans: no space between them in textContent.)
    await expect(summary.getByRole('status')).toHaveText(
      /^The traces start at different operations \(A: web-frontend POST \/checkout, B: api-gateway GET \/api\/v1\/orders\):\s*the comparison matches spans by path and may not be meaningful\.$/,
    );
    await expect(summary.getByText('A and B are the same trace.')).toHaveCount(0);

    // Two checkouts: no notice.
    await page.goto(`./compare/${traceA}/${traceB}?backend=demo`);
    await expect(summary).toContainText(/B took /);
    await expect(summary.getByRole('status')).toHaveCount(0);
  });

  test('the diff graph zooms on Ctrl + wheel; a plain wheel scrolls the page and says how to zoom', async ({ page }) => {
    await page.goto(`./compare/${traceA}/${traceB}?backend=demo&view=graph`);
    const graph = page.getByRole('img', { name: 'Trace difference graph' });
    await expect(graph).toBeVisible();
    await expect(graph).not.toHaveAttribute('data-shown-nodes', '0');
    const zoomLevel = page.getByRole('status', { name: 'Zoom level' });
    await expect(zoomLevel).toHaveText(/^\d+ %$/);
    const level = async () => Number((await zoomLevel.textContent())?.replace(' %', ''));
    const fitted = await level();
    const box = (await graph.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);

    await page.mouse.wheel(0, 100);
    await expect(page.getByText(/\+ scroll \(or pinch\) to zoom the graph/)).toBeVisible();
    expect(await level()).toBe(fitted);

    await page.mouse.move(box.x + box.width / 2, (await graph.boundingBox())!.y + box.height / 2);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -100);
    await page.keyboard.up('Control');
    await expect.poll(level).toBeGreaterThan(fitted);
  });

  test('the diff graph is browsed node by node from the keyboard, each move announced', async ({ page }) => {
    await page.goto(`./compare/${traceA}/${traceB}?backend=demo&view=graph`);
    const graph = page.getByRole('img', { name: 'Trace difference graph' });
    await expect(graph).toBeVisible();
    await expect(graph).not.toHaveAttribute('data-shown-nodes', '0');
    const details = page.getByRole('region', { name: 'Span details' });
    const heading = details.getByRole('heading', { level: 2 });
    const announced = page.locator('[aria-live="polite"]', { hasText: /self time/ });

    await graph.focus();
    await page.keyboard.press('Home');
    await expect(heading).toContainText('POST /checkout');
    await expect(announced).toContainText(/web-frontend: POST \/checkout, self time .+, level 1, \d+ child/);

    // Right: into the first child; Down: its next sibling; Left: back to the parent.
    await page.keyboard.press('ArrowRight');
    await expect(announced).toContainText('level 2');
    // The announcement is the graph's own state; the details follow the URL's node= a render later.
    await expect(heading).not.toContainText('POST /checkout');
    const firstChild = (await heading.textContent()) ?? '';
    await page.keyboard.press('ArrowDown');
    await expect(heading).not.toHaveText(firstChild);
    await expect(announced).toContainText('level 2');
    await page.keyboard.press('ArrowUp');
    await expect(heading).toHaveText(firstChild);
    await page.keyboard.press('ArrowLeft');
    await expect(heading).toContainText('POST /checkout');

    // Enter folds the selected node (only it stays drawn of its subtree) and unfolds it again.
    const shown = Number(await graph.getAttribute('data-shown-nodes'));
    await page.keyboard.press('Enter');
    await expect(graph).toHaveAttribute('data-shown-nodes', '1');
    await expect(announced).toContainText(/child(ren)?, folded/);
    await page.keyboard.press('Enter');
    await expect(graph).toHaveAttribute('data-shown-nodes', String(shown));

    // Shift+arrows pan without moving the selection; Escape clears it.
    await page.keyboard.press('Shift+ArrowRight');
    await expect(heading).toContainText('POST /checkout');
    await page.keyboard.press('Escape');
    await expect(details).toHaveCount(0);
  });

  test('the diff graph shows the union tree, keeps view=graph in the URL and opens a node in the details', async ({ page }) => {
    await page.goto(`./compare/${traceA}/${traceB}?backend=demo`);
    const graphTab = page.getByRole('tab', { name: 'Graph' });
    await graphTab.click();
    await expect(graphTab).toHaveAttribute('aria-selected', 'true');
    await expect(page).toHaveURL(/[?&]view=graph\b/);

    const graph = page.getByRole('img', { name: 'Trace difference graph' });
    await expect(graph).toBeVisible();
    // The text alternative names the biggest changes; the table stays the way to browse.
    const descriptionId = await graph.getAttribute('aria-describedby');
    await expect(page.locator(`[id="${descriptionId}"]`)).toContainText(/Biggest self-time changes: .+ [+\u2212][\d.]+ (µs|ms|s)/);
    await expect(page.getByRole('table', { name: 'Trace differences' })).toBeVisible();
    await expect(page.getByRole('treegrid', { name: 'Comparison timeline' })).toHaveCount(0);

    // Find a drawn node: a canvas pixel in one of the node fills (grey, or a shade of orange or blue).
    const fills = [NEUTRAL_COLOUR, ...SLOWER_COLOURS, ...FASTER_COLOURS];
    const findNode = () =>
      graph.evaluate((canvas: HTMLCanvasElement, hexes: string[]) => {
        const rgb = hexes.map((h) => [1, 3, 5].map((at) => parseInt(h.slice(at, at + 2), 16)));
        const { data, width, height } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
        const dpr = window.devicePixelRatio || 1;
        const same = (o: number, c: number[]) => data[o] === c[0] && data[o + 1] === c[1] && data[o + 2] === c[2];
        for (let y = 1; y < height - 1; y++) {
          for (let x = 1; x < width - 1; x++) {
            const o = (y * width + x) * 4;
            // The middle of a node: this pixel and its right and lower neighbours have the same fill.
            const fill = rgb.find((c) => same(o, c));
            if (fill && same(o + 4, fill) && same(o + width * 4, fill)) return { x: (x + 1) / dpr, y: (y + 1) / dpr };
          }
        }
        return null;
      }, fills);
    await expect.poll(findNode).not.toBeNull();
    const point = (await findNode())!;
    await graph.click({ position: point });
    const details = page.getByRole('region', { name: 'Span details' });
    await expect(details).toBeVisible();
    await expect(details.getByRole('heading', { level: 2 })).not.toBeEmpty();
    await expect(details.getByRole('table', { name: 'Numbers in A and B' })).toBeVisible();

    // The view survives a reload; the waterfall tab takes `view` out of the URL again.
    await page.reload();
    await expect(page.getByRole('tab', { name: 'Graph' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('img', { name: 'Trace difference graph' })).toBeVisible();
    await page.getByRole('tab', { name: 'Waterfall' }).click();
    await expect(page).not.toHaveURL(/view=graph/);
    await expect(page.getByRole('treegrid', { name: 'Comparison timeline' })).toBeVisible();
  });

  test('a trace that fails to load names its side and backend, offers Retry, and the other side still shows', async ({ page }) => {
    const missing = 'ffffffffffffffffffffffffffffffff';
    await page.goto(`./compare/${traceA}/${missing}?backend=demo`);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('trace B');
    await expect(alert).toContainText('Demo');
    await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Trace A' })).toContainText('POST /checkout');
  });

  test("Jaeger UI's /trace/A...B opens the comparison", async ({ page }) => {
    await page.goto(`./trace/${traceA}...${traceB}?backend=demo`);
    await expect(page).toHaveURL(new RegExp(`/compare/${traceA}/${traceB}`));
    await expect(page.getByRole('table', { name: 'Trace differences' })).toBeVisible();
  });
});

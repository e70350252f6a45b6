// URL writes that wait for a pause in typing or clicking (find=, zoom=, fold=) must merge into the
// URL as it is when they run, not as it was when the user started: otherwise a tab switch or a span
// selected in the meantime is silently undone. Page clock control makes the timing deterministic.
// (The delayed writes in src/app/trace-url-state.ts, and the view tabs, merge into the address bar's
// URL at that moment: liveSearchParams in src/app/url-params.ts.)
import { expect, test } from '@playwright/test';
import { demoTraceId } from '../src/api/demo/demo-trace-id';

const traceId = demoTraceId({ scenario: 'checkout', seed: 3 });

test('a find query written to the URL late does not undo a tab switch made meanwhile', async ({ page }) => {
  await page.clock.install();
  await page.goto(`./trace/${traceId}?backend=demo`);
  await expect(page.getByRole('treegrid', { name: 'Trace timeline' })).toBeVisible();
  await page.clock.pauseAt(Date.now() + 60_000);
  await page.getByRole('searchbox', { name: 'Find in trace' }).fill('payments');
  // The find box reports after 150 ms; the URL write waits another 300 ms.
  await page.clock.runFor(200);
  await expect(page.getByRole('group', { name: 'Find in trace' }).getByRole('status')).toHaveText(/\d+ matches/);
  await page.getByRole('navigation', { name: 'Trace views' }).getByRole('link', { name: 'Spans' }).click();
  await expect(page).toHaveURL(/view=spans/);
  await page.clock.runFor(1000);
  await expect(page).toHaveURL(/view=spans/, { timeout: 3000 });
  await expect(page).toHaveURL(/find=payments/, { timeout: 3000 });
  await expect(page.getByRole('table', { name: 'Spans', exact: true })).toBeVisible({ timeout: 3000 });
});

test('a find query written to the URL late does not drop a span selected meanwhile', async ({ page }) => {
  await page.clock.install();
  await page.goto(`./trace/${traceId}?backend=demo`);
  const grid = page.getByRole('treegrid', { name: 'Trace timeline' });
  await expect(grid).toBeVisible();
  await page.clock.pauseAt(Date.now() + 60_000);
  await page.getByRole('searchbox', { name: 'Find in trace' }).fill('payments');
  await page.clock.runFor(200);
  await grid.getByRole('row').nth(2).click();
  await expect(page).toHaveURL(/span=/);
  await page.clock.runFor(1000);
  await expect(page).toHaveURL(/find=payments/, { timeout: 3000 });
  await expect(page).toHaveURL(/span=/, { timeout: 3000 });
  await expect(page.getByRole('region', { name: 'Span details' })).toBeVisible({ timeout: 3000 });
});

test('fold= is written once a burst of collapse clicks pauses, keeps a tab switch made meanwhile, and brings the rows back', async ({ page }) => {
  await page.clock.install();
  await page.goto(`./trace/${traceId}?backend=demo`);
  const grid = page.getByRole('treegrid', { name: 'Trace timeline' });
  await expect(grid).toBeVisible();
  await page.clock.pauseAt(Date.now() + 60_000);
  const options = page.getByRole('group', { name: 'Timeline options' });
  await options.getByRole('button', { name: 'Collapse all' }).click();
  await expect(grid).toHaveAttribute('aria-rowcount', '1');
  await options.getByRole('button', { name: '+ level' }).click();
  await expect(grid).not.toHaveAttribute('aria-rowcount', '1');
  const rowCount = (await grid.getAttribute('aria-rowcount'))!;
  // Nothing written yet: the URL waits for a pause.
  expect(new URL(page.url()).searchParams.get('fold')).toBeNull();
  const tabs = page.getByRole('navigation', { name: 'Trace views' });
  await tabs.getByRole('link', { name: 'Spans' }).click();
  await expect(page).toHaveURL(/view=spans/);
  await page.clock.runFor(1000);
  await expect(page).toHaveURL(/[?&]fold=d1(&|$)/, { timeout: 3000 });
  await expect(page).toHaveURL(/view=spans/, { timeout: 3000 });
  // Back on the timeline (a new waterfall), the same rows are collapsed.
  await tabs.getByRole('link', { name: 'Timeline' }).click();
  await expect(grid).toHaveAttribute('aria-rowcount', rowCount, { timeout: 3000 });
});

test('a trace view tab keeps a URL write that landed after its last render, and still has an href for a new tab', async ({ page }) => {
  await page.goto(`./trace/${traceId}?backend=demo&view=spans`);
  const table = page.getByRole('table', { name: 'Spans', exact: true });
  await expect(table.locator('tbody tr[data-span-id]').first()).toBeVisible();
  const statistics = page.getByRole('navigation', { name: 'Trace views' }).getByRole('link', { name: 'Statistics' });
  await expect(statistics).toHaveAttribute('href', /[?&]view=stats(&|$)/);
  // A delayed write (here: the span table's sort) changes the address bar; the tabs have not been
  // drawn again since, so their hrefs still lack it.
  await page.evaluate(() => history.replaceState(history.state, '', `${location.href}&spans.sort=-selfTime`));
  await expect(statistics).not.toHaveAttribute('href', /spans\.sort/);
  await statistics.click();
  await expect(page).toHaveURL(/[?&]view=stats(&|$)/);
  expect(new URL(page.url()).searchParams.get('spans.sort')).toBe('-selfTime');
  await expect(page.getByRole('table', { name: 'Trace statistics' })).toBeVisible();
});

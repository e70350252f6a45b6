// URL writes that wait for a pause in typing (find=, zoom=) must merge into the URL as it is when
// they run, not as it was when the user started typing: otherwise a tab switch or a span selected
// in the meantime is silently undone. Page clock control makes the timing deterministic.
// (The delayed write in src/app/trace-url-state.ts calls the newest setSearchParams through a ref.)
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

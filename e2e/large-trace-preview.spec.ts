// A large trace that arrives slowly (the Jaeger 1.x mock streams 10,001 spans, ≈ 6.7 MB, over about
// 4 s; that backend's timeout in e2e/config/backends.json is 20 s): the first rows show under the
// progress bar while the body is still arriving, labelled as a preview, and the whole trace
// replaces them when loading ends.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import {
  MOCK_BROKEN_LARGE_TRACE_ID,
  MOCK_SLOW_LARGE_SPAN_COUNT,
  MOCK_SLOW_LARGE_TRACE_ID,
  MOCK_STALLED_LARGE_TRACE_ID,
} from '../src/api/mocks/mock-slow-large-trace';
import { BACKENDS_URL } from './servers';

test.use({ baseURL: BACKENDS_URL });

test('a slow large trace shows its first rows while loading, then the whole trace', async ({ page }) => {
  await page.goto(`trace/${MOCK_SLOW_LARGE_TRACE_ID}?backend=jaeger-legacy`);
  const timeline = page.getByRole('treegrid', { name: 'Trace timeline' });
  const progress = page.getByRole('progressbar', { name: /Loading trace/ });
  const notice = page.getByRole('status').filter({ hasText: /^Preview:/ });

  // While the body streams: progress, the preview notice and real span rows, all at once.
  await expect(notice).toBeVisible();
  await expect(progress).toBeVisible();
  await expect(page.getByRole('row', { name: /GET \/batch/ })).toBeVisible();
  const previewRows = Number(await timeline.getAttribute('aria-rowcount'));
  expect(previewRows).toBeGreaterThan(0);
  expect(previewRows).toBeLessThan(MOCK_SLOW_LARGE_SPAN_COUNT);
  // The services of Jaeger spans come at the end of the body: the preview says so rather than guess.
  await expect(notice).toContainText('services read later show as “…”');
  // The page's heading names the trace while its root span is not known yet.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Trace ${MOCK_SLOW_LARGE_TRACE_ID}`);
  // A span picked in the preview stays picked in the whole trace (the selection is in the URL).
  // (In the app's own timeline: the rows drawn before the app has loaded do nothing.)
  await timeline.getByRole('row', { name: /handle item 0\b/ }).click();
  await expect(page).toHaveURL(/[?&]span=51[0-9a-f]{14}/);

  // When the body has arrived: the whole trace, with its services, and no preview left.
  await expect(timeline).toHaveAttribute('aria-rowcount', String(MOCK_SLOW_LARGE_SPAN_COUNT), { timeout: 20_000 });
  await expect(notice).toBeHidden();
  await expect(progress).toBeHidden();
  await expect(page.getByRole('region', { name: 'Trace overview' }).getByRole('heading', { level: 1 })).toContainText('frontend: GET /batch');
  await expect(page.getByRole('region', { name: 'Span details' })).toContainText('handle item 0');
  await expect(page.getByRole('region', { name: 'Span details' })).toContainText('orders');
});

test('fold= in the link applies to the whole trace once it has loaded; the preview leaves it in the URL', async ({ page }) => {
  // Every request (depth 1) collapsed except the first: the root, 100 requests and 99 queries.
  const fold = 'd1_5100000000000001';
  await page.goto(`trace/${MOCK_SLOW_LARGE_TRACE_ID}?backend=jaeger-legacy&fold=${fold}`);
  const timeline = page.getByRole('treegrid', { name: 'Trace timeline' });
  await expect(page.getByRole('status').filter({ hasText: /^Preview:/ })).toBeVisible();
  await expect(timeline).toHaveAttribute('aria-rowcount', String(1 + 100 + 99), { timeout: 20_000 });
  await expect(page.getByRole('status').filter({ hasText: /^Preview:/ })).toBeHidden();
  await expect(timeline.getByRole('row', { name: /handle item 0\b/ })).toHaveAttribute('aria-expanded', 'true');
  await expect(timeline.getByRole('row', { name: /GET \/batch/ })).toHaveAttribute('aria-expanded', 'true');
  expect(new URL(page.url()).searchParams.get('fold')).toBe(fold);
});

test('Cancel during the preview stops the load and offers to load again', async ({ page }) => {
  await page.goto(`trace/${MOCK_SLOW_LARGE_TRACE_ID}?backend=jaeger-legacy`);
  await expect(page.getByRole('status').filter({ hasText: /^Preview:/ })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('alert')).toContainText('was cancelled');
  await expect(page.getByRole('treegrid', { name: 'Trace timeline' })).toBeHidden();
  await page.getByRole('button', { name: 'Load again' }).click();
  await expect(page.getByRole('treegrid', { name: 'Trace timeline' })).toHaveAttribute('aria-rowcount', String(MOCK_SLOW_LARGE_SPAN_COUNT), {
    timeout: 20_000,
  });
});

test('a large body that breaks after the preview ends in an alert, not in a half trace', async ({ page }) => {
  await page.goto(`trace/${MOCK_BROKEN_LARGE_TRACE_ID}?backend=jaeger-legacy`);
  // The rows of the first 4 MB show while it streams…
  await expect(page.getByRole('row', { name: /GET \/batch/ })).toBeVisible();
  // …then the body is cut by a proxy's text (inside a span, so the JSON never closes): the preview
  // gives way to one alert saying the answer cannot be read and looks cut off.
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Jaeger 1.x (mock) sent an answer Skein cannot read', { timeout: 20_000 });
  await expect(alert).toContainText('the data may be cut off');
  await expect(page.getByRole('treegrid', { name: 'Trace timeline' })).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: /^Preview:/ })).toBeHidden();
  await expect(alert.getByRole('button', { name: /retry/i })).toBeVisible();
});

for (const theme of ['light', 'dark'] as const) {
  test(`the preview has no serious axe violations (${theme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    // This body stops after its first 2 MB, so the preview stays while axe looks at it.
    await page.goto(`trace/${MOCK_STALLED_LARGE_TRACE_ID}?backend=jaeger-legacy`);
    // The app's own preview (the one drawn before the app has loaded has its own test: e2e/boot-preview.spec.ts).
    const notice = page.getByRole('status').filter({ hasText: /^Preview:(?!.*while Skein starts).*services read later/ });
    await expect(notice).toBeVisible();
    await expect(page.getByRole('row', { name: /GET \/batch/ })).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    await expect(notice).toBeVisible();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
  });
}

// The app against the mock Jaeger and Tempo query APIs (scripts/mock-backends.mjs behind the
// static server, same origin, e2e/config/backends.json): backend picker, service lists, search,
// trace by link and by typed ID, API fallbacks of older servers, Tempo's partial traces and the
// Jaeger dependency graph. Expected values come from the mock data itself.
import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  MOCK_JAEGER_TRACE_IDS,
  MOCK_JAEGER_TRACES,
  MOCK_TEMPO_PARTIAL_MESSAGE,
  MOCK_TEMPO_PARTIAL_SPAN_COUNT,
  MOCK_TEMPO_TRACE_IDS,
  MOCK_TEMPO_TRACES,
  trimLeadingZeros,
} from '../src/api/mocks/mock-traces';
import { rootSpan, serviceEdges, servicesOf, type MockTrace } from '../src/api/mocks/mock-trace-model';
import { BACKENDS_URL } from './servers';

test.use({ baseURL: BACKENDS_URL });

/** Tempo search also lists one trace that 404s when fetched (see failing-backends.spec.ts). */
const TEMPO_SEARCH_HITS = MOCK_TEMPO_TRACES.length + 1;

function mockTrace(traces: readonly MockTrace[], traceId: string): MockTrace {
  const trace = traces.find((t) => t.traceId === traceId);
  if (!trace) throw new Error(`no mock trace ${traceId}`);
  return trace;
}

const timeline = (page: Page): Locator => page.getByRole('treegrid', { name: 'Trace timeline' });

/** The value of one term of the trace summary <dl>. */
function summaryValue(page: Page, term: string): Locator {
  return page.locator('dl[aria-label="Trace summary"] > div').filter({ has: page.locator('dt', { hasText: new RegExp(`^${term}$`) }) }).locator('dd');
}

/** The trace page shows the whole trace: timeline rows and summary agree with the mock. */
async function expectTraceShown(page: Page, trace: MockTrace, spanCount = trace.spans.length): Promise<void> {
  await expect(timeline(page)).toBeVisible();
  await expect(timeline(page)).toHaveAttribute('aria-rowcount', String(spanCount));
  await expect(summaryValue(page, 'Spans')).toHaveText(String(spanCount));
  await expect(summaryValue(page, 'Trace ID')).toHaveText(trace.traceId);
  const root = rootSpan(trace);
  if (root) await expect(page.getByRole('heading', { level: 1 })).toContainText(`${root.service}: ${root.name}`);
  await expect(page.getByRole('alert')).toHaveCount(0);
}

/** Types a trace ID into the header's "Go to trace" box. */
async function goToTrace(page: Page, traceId: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Go to trace' });
  await form.getByRole('textbox', { name: 'Trace ID' }).fill(traceId);
  await form.getByRole('button', { name: 'Go' }).click();
}

/** Opens the service list of the search form and returns the names offered. */
async function offeredServices(page: Page): Promise<string[]> {
  const service = page.getByRole('search').getByRole('combobox', { name: 'Service' });
  await service.click();
  const list = page.getByRole('listbox', { name: 'Service' });
  await expect(list).toBeVisible();
  const names = await list.getByRole('option').allTextContents();
  await service.press('Escape');
  return names;
}

async function search(page: Page): Promise<Locator> {
  await page.getByRole('search').getByRole('button', { name: 'Find traces' }).click();
  const results = page.getByRole('list', { name: 'Search results' });
  await expect(results).toBeVisible();
  return results;
}

test('the backend picker lists every configured backend and switches between them', async ({ page }) => {
  await page.goto('./search');
  const picker = page.getByRole('banner').getByRole('combobox', { name: 'Backend' });
  await expect(picker).toHaveValue('jaeger');
  const names = await picker.getByRole('option').allTextContents();
  expect(names).toEqual(
    expect.arrayContaining(['Jaeger (mock)', 'Tempo (mock)', 'Jaeger 1.x (mock)', 'Tempo 2.4 (mock)', 'Jaeger (down)', 'Tempo (refused)']),
  );
  await picker.selectOption({ label: 'Tempo (mock)' });
  await expect(page).toHaveURL(/[?&]backend=tempo(&|$)/);
  expect(await offeredServices(page)).toEqual(servicesOf(MOCK_TEMPO_TRACES));
});

test('Jaeger: services from the backend, search, open a result', async ({ page }) => {
  await page.goto('./search?backend=jaeger');
  expect(await offeredServices(page)).toEqual(servicesOf(MOCK_JAEGER_TRACES));

  const results = await search(page);
  await expect(page.getByText(`${MOCK_JAEGER_TRACES.length} traces`, { exact: true })).toBeVisible();
  const checkout = mockTrace(MOCK_JAEGER_TRACES, MOCK_JAEGER_TRACE_IDS.checkout);
  const row = results.locator(`[role="listitem"][data-trace-id="${checkout.traceId}"]`);
  await expect(row).toContainText(`${checkout.spans.length} spans`);
  await row.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/trace/${checkout.traceId}\\?backend=jaeger`));
  await expectTraceShown(page, checkout);
  // The error span of the mock (inventory Reserve) is counted.
  await expect(summaryValue(page, 'Errors')).toHaveText('1');

  // A service filter narrows the search on the server.
  await page.goBack();
  const service = page.getByRole('search').getByRole('combobox', { name: 'Service' });
  await service.fill('payments');
  await search(page);
  await expect(page).toHaveURL(/[?&]service=payments(&|$)/);
  await expect(page.getByText('2 traces', { exact: true })).toBeVisible();
});

test('Jaeger: a 64-bit trace ID opens, typed with or without its leading zeros', async ({ page }) => {
  await page.goto('./search?backend=jaeger');
  const refunds = mockTrace(MOCK_JAEGER_TRACES, MOCK_JAEGER_TRACE_IDS.refunds);
  await goToTrace(page, trimLeadingZeros(refunds.traceId));
  await expectTraceShown(page, refunds);
  await page.goBack();
  await goToTrace(page, refunds.traceId.toUpperCase());
  await expect(page).toHaveURL(new RegExp(`/trace/${refunds.traceId}\\?backend=jaeger`));
  await expectTraceShown(page, refunds);
});

test('Tempo: services from the tag API, search, open a result whose ID search trimmed', async ({ page }) => {
  await page.goto('./search?backend=tempo');
  expect(await offeredServices(page)).toEqual(servicesOf(MOCK_TEMPO_TRACES));

  const results = await search(page);
  await expect(page.getByText(`${TEMPO_SEARCH_HITS} traces`, { exact: true })).toBeVisible();
  // Search answers `4bf92f3577b34da6`; the result links to the full 32-character ID.
  const trimmed = mockTrace(MOCK_TEMPO_TRACES, MOCK_TEMPO_TRACE_IDS.search);
  expect(trimLeadingZeros(trimmed.traceId)).toHaveLength(16);
  const row = results.locator(`[role="listitem"][data-trace-id="${trimmed.traceId}"]`);
  await expect(row).toBeVisible();
  await row.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/trace/${trimmed.traceId}\\?backend=tempo`));
  await expectTraceShown(page, trimmed);

  // The 31-character form (one leading zero trimmed), typed by hand, opens the same way.
  const suggest = mockTrace(MOCK_TEMPO_TRACES, MOCK_TEMPO_TRACE_IDS.suggest);
  await goToTrace(page, trimLeadingZeros(suggest.traceId));
  await expectTraceShown(page, suggest);
});

test('Tempo: a PARTIAL trace shows Tempo’s message and the spans it did return', async ({ page }) => {
  await page.goto(`./trace/${MOCK_TEMPO_TRACE_IDS.partial}?backend=tempo`);
  const partial = mockTrace(MOCK_TEMPO_TRACES, MOCK_TEMPO_TRACE_IDS.partial);
  await expectTraceShown(page, partial, MOCK_TEMPO_PARTIAL_SPAN_COUNT);
  const banner = page.getByRole('status').filter({ hasText: 'Partial trace' });
  await expect(banner).toContainText(MOCK_TEMPO_PARTIAL_MESSAGE);
});

test('Jaeger 1.x (no api_v3): services, search and a typed trace ID through the v1 API', async ({ page }) => {
  const v3Requests: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/jaeger-legacy/api/v3/')) v3Requests.push(r.url());
  });
  await page.goto('./search?backend=jaeger-legacy');
  expect(await offeredServices(page)).toEqual(servicesOf(MOCK_JAEGER_TRACES));
  // v1 search needs a service.
  await page.getByRole('search').getByRole('combobox', { name: 'Service' }).fill('frontend');
  await search(page);
  await expect(page.getByText('2 traces', { exact: true })).toBeVisible();

  const products = mockTrace(MOCK_JAEGER_TRACES, MOCK_JAEGER_TRACE_IDS.products);
  await goToTrace(page, products.traceId);
  await expect(page).toHaveURL(new RegExp(`/trace/${products.traceId}\\?backend=jaeger-legacy`));
  await expectTraceShown(page, products);
  // The v3 probe happened once and was remembered: later calls went straight to v1.
  expect(v3Requests.length).toBeGreaterThan(0);
  expect(v3Requests.length).toBeLessThanOrEqual(2);
});

test('Tempo 2.4 (no /api/v2): a typed trace ID opens through /api/traces', async ({ page }) => {
  const v1TraceRequests: string[] = [];
  page.on('request', (r) => {
    if (/\/api\/tempo-legacy\/api\/traces\//.test(r.url())) v1TraceRequests.push(r.url());
  });
  await page.goto('./search?backend=tempo-legacy');
  const index = mockTrace(MOCK_TEMPO_TRACES, MOCK_TEMPO_TRACE_IDS.index);
  await goToTrace(page, index.traceId);
  await expectTraceShown(page, index);
  await expect(summaryValue(page, 'Errors')).toHaveText('2');
  expect(v1TraceRequests).toHaveLength(1);

  // The trimmed search form of an ID opens on the old API too.
  const searchTrace = mockTrace(MOCK_TEMPO_TRACES, MOCK_TEMPO_TRACE_IDS.search);
  await goToTrace(page, trimLeadingZeros(searchTrace.traceId));
  await expectTraceShown(page, searchTrace);
});

test('Jaeger dependencies: the graph and a table row per mock edge', async ({ page }) => {
  await page.goto('./dependencies?backend=jaeger');
  await expect(page.getByRole('img', { name: 'Service dependency graph' })).toBeVisible();
  const table = page.getByRole('table', { name: /Service dependencies/ });
  const rows = table.locator('tbody tr');
  const edges = serviceEdges(MOCK_JAEGER_TRACES);
  await expect(rows).toHaveCount(edges.length);
  const shown = (await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? ''))))
    .map((cells) => `${cells[0]} → ${cells[1]} × ${cells[2]}`)
    .sort();
  const expected = edges.map((e) => `${e.parent} → ${e.child} × ${e.callCount}`).sort();
  expect(shown).toEqual(expected);
  await expect(page.getByText(/Jaeger \/api\/dependencies/)).toBeVisible();
});

// Failing backends (scripts/mock-backends.mjs, e2e/config/backends.json with timeoutMs 4000):
// every failure ends in one role="alert" that names the backend, says what failed and what to do,
// and offers Retry; Retry really asks again; nothing half-loaded is shown as a trace; and the rest
// of the app keeps working afterwards. Failure trace IDs come from src/api/mocks/mock-traces.ts.
import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  MOCK_FAILURE_TRACE_IDS,
  MOCK_JAEGER_TRACE_IDS,
  MOCK_JAEGER_TRACES,
  MOCK_TEMPO_TRACE_IDS,
  MOCK_TEMPO_TRACES,
  MOCK_TEMPO_VANISHING_TRACE_ID,
} from '../src/api/mocks/mock-traces';
import { APP_CODE, holdBack } from './hold-back';
import { BACKENDS_URL } from './servers';

test.use({ baseURL: BACKENDS_URL });
// Most of the time here is spent waiting for backoffs and timeouts: let two workers share it.
test.describe.configure({ mode: 'parallel' });

/** Matches `text` literally inside a RegExp. */
function literal(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}

/** Collects the URLs of requests whose path contains `fragment`. */
function countRequests(page: Page, fragment: string): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.includes(fragment)) seen.push(request.url());
  });
  return seen;
}

const timeline = (page: Page): Locator => page.getByRole('treegrid', { name: 'Trace timeline' });
const traceSummary = (page: Page): Locator => page.locator('dl[aria-label="Trace summary"]');

interface TraceFailure {
  backendId: string;
  backendName: string;
  traceId: string;
  /** The headline: names the trace, the backend and the kind of failure. */
  title: string;
  /** What else the alert must say (the backend's own words, the advice). */
  says: (string | RegExp)[];
}

/** Opens the trace, waits for the one alert and checks it; returns the alert. */
async function expectTraceFailure(page: Page, failure: TraceFailure, timeoutMs = 10_000): Promise<Locator> {
  await page.goto(`./trace/${failure.traceId}?backend=${failure.backendId}`);
  const alert = page.getByRole('alert');
  await expect(alert).toHaveCount(1, { timeout: timeoutMs });
  await expect(alert).toContainText(failure.title);
  await expect(alert).toContainText(failure.backendName);
  for (const text of failure.says) await expect(alert).toContainText(typeof text === 'string' ? literal(text) : text);
  await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
  // The page still says which trace it is about; nothing of a trace that did not load.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Trace ${failure.traceId}`);
  await expect(timeline(page)).toHaveCount(0);
  await expect(traceSummary(page)).toHaveCount(0);
  return alert;
}

/** Leaves the failure through the header and uses the app: search on the working Jaeger, open a trace. */
async function expectAppStillWorks(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click();
  // The route's code loads on demand: wait for the page before using the header on it.
  await expect(page.getByRole('search')).toBeVisible();
  await page.getByRole('banner').getByRole('combobox', { name: 'Backend' }).selectOption({ label: 'Jaeger (mock)' });
  await page.getByRole('search').getByRole('button', { name: 'Find traces' }).click();
  await expect(page.getByText(`${MOCK_JAEGER_TRACES.length} traces`, { exact: true })).toBeVisible();
  await page.getByRole('list', { name: 'Search results' }).getByRole('link').first().click();
  await expect(timeline(page)).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
}

test.describe('a trace that cannot be loaded', () => {
  test('500 with an error body: the backend’s words, automatic retries, then Retry asks again', async ({ page }) => {
    const id = MOCK_FAILURE_TRACE_IDS.serverError;
    const requests = countRequests(page, `/api/jaeger/api/v3/traces/${id}`);
    const alert = await expectTraceFailure(page, {
      backendId: 'jaeger',
      backendName: 'Jaeger (mock)',
      traceId: id,
      title: `Could not load trace ${id}: Jaeger (mock) reported an error (HTTP 500)`,
      says: ['HTTP 500 Internal Server Error: "storage query failed: connection reset by peer"', 'Try again'],
    });
    // A 500 may be transient: asked three times before giving up.
    expect(requests).toHaveLength(3);

    const retry = alert.getByRole('button', { name: 'Retry', exact: true });
    await retry.click();
    // While it asks again the alert stays and says so (a Retry that looks dead is worse than none).
    await expect(alert.getByRole('button', { name: 'Retrying…' })).toBeVisible();
    await expect(alert).toContainText(/Attempt 1 failed \(HTTP 500\); trying again/);
    await expect(alert).toContainText('Still failing after 1 retry');
    await expect(retry).toBeVisible();
    // The same button, still focused for the keyboard user who pressed it.
    await expect(retry).toBeFocused();
    expect(requests).toHaveLength(6);
    await expect(timeline(page)).toHaveCount(0);
    await expectAppStillWorks(page);
  });

  test('500 with an empty body says so', async ({ page }) => {
    const id = MOCK_FAILURE_TRACE_IDS.serverErrorEmpty;
    await expectTraceFailure(page, {
      backendId: 'tempo',
      backendName: 'Tempo (mock)',
      traceId: id,
      title: `Could not load trace ${id}: Tempo (mock) reported an error (HTTP 500)`,
      says: ['HTTP 500 Internal Server Error with an empty body', 'Try again'],
    });
  });

  for (const backend of [
    { backendId: 'jaeger', backendName: 'Jaeger (mock)', path: '/api/jaeger/api/v3/traces/' },
    { backendId: 'tempo', backendName: 'Tempo (mock)', path: '/api/tempo/api/v2/traces/' },
  ]) {
    test(`404 on ${backend.backendName}: not found, asked once, with advice`, async ({ page }) => {
      const id = MOCK_FAILURE_TRACE_IDS.notFound;
      const requests = countRequests(page, `${backend.path}${id}`);
      await expectTraceFailure(page, {
        backendId: backend.backendId,
        backendName: backend.backendName,
        traceId: id,
        title: `Trace ${id} not found in ${backend.backendName}`,
        says: ['Check the ID', /retention/],
      });
      // Not found is not transient: no automatic retries (and the page did not ask again for the
      // answer of the load the link started before the page's code had arrived).
      expect(requests).toHaveLength(1);
      // Coming back to it later asks again, as for any failed trace.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click();
      await expect(page).toHaveURL(/\/search/);
      await page.goBack();
      await expect(page.getByRole('alert')).toContainText(`Trace ${id} not found`);
      await expect.poll(() => requests.length).toBe(2);
    });
  }

  test('a comparison link asks for both traces before the app has loaded; a missing one is asked once', async ({ page }) => {
    const found = MOCK_JAEGER_TRACE_IDS.checkout;
    const missing = MOCK_FAILURE_TRACE_IDS.notFound;
    const requestsA = countRequests(page, `/api/jaeger/api/v3/traces/${found}`);
    const requestsB = countRequests(page, `/api/jaeger/api/v3/traces/${missing}`);
    // The app's code (React, the router, the comparison page) is held back: the loads start without it.
    const release = await holdBack(page, APP_CODE);
    await page.goto(`compare/${found}/${missing}?backend=jaeger`);
    await expect.poll(() => [requestsA.length, requestsB.length]).toEqual([1, 1]);
    release();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('trace B');
    await expect(alert).toContainText(`Trace ${missing} was not found in Jaeger (mock)`);
    await expect(page.getByRole('region', { name: 'Trace A' })).toContainText('GET /checkout');
    // The page adopted both loads: nothing was asked twice (not found is not retried).
    expect([requestsA.length, requestsB.length]).toEqual([1, 1]);
  });

  test('a link whose trace ID cannot be one says what is wrong with the ID', async ({ page }) => {
    await page.goto('trace/not-a-trace-id?backend=jaeger');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Not a trace ID: not-a-trace-id');
    await expect(alert).toContainText('a trace ID has only hex characters (0–9, a–f). Check the link.');
  });

  test('401: refused, with the server’s reason and "sign in"', async ({ page }) => {
    const id = MOCK_FAILURE_TRACE_IDS.unauthorized;
    await expectTraceFailure(page, {
      backendId: 'tempo',
      backendName: 'Tempo (mock)',
      traceId: id,
      title: `Could not load trace ${id}: Tempo (mock) refused access (HTTP 401)`,
      says: ['HTTP 401 Unauthorized: "no org id"', 'Sign in again'],
    });
    await expectAppStillWorks(page);
  });

  test('403: refused, with the proxy’s reason and "ask for access"', async ({ page }) => {
    const id = MOCK_FAILURE_TRACE_IDS.forbidden;
    await expectTraceFailure(page, {
      backendId: 'jaeger',
      backendName: 'Jaeger (mock)',
      traceId: id,
      title: `Could not load trace ${id}: Jaeger (mock) refused access (HTTP 403)`,
      says: ['HTTP 403 Forbidden', 'tenant "shop" is not allowed for this user', 'ask an administrator'],
    });
  });

  test('invalid JSON and JSON of the wrong shape: unreadable answer, pointing at the config', async ({ page }) => {
    for (const id of [MOCK_FAILURE_TRACE_IDS.invalidJson, MOCK_FAILURE_TRACE_IDS.wrongShape]) {
      await expectTraceFailure(page, {
        backendId: 'jaeger',
        backendName: 'Jaeger (mock)',
        traceId: id,
        title: `Could not load trace ${id}: Jaeger (mock) sent an answer Skein cannot read`,
        says: [id === MOCK_FAILURE_TRACE_IDS.invalidJson ? 'the body is not valid JSON' : 'not a trace format Skein knows', 'config.json'],
      });
      await expect(page.getByRole('alert')).not.toContainText('..');
    }
    await expectAppStillWorks(page);
  });

  test('a response that never comes: timeout after timeoutMs, not repeated on its own; Retry asks again', async ({ page }) => {
    const id = MOCK_FAILURE_TRACE_IDS.hang;
    const requests = countRequests(page, `/api/tempo/api/v2/traces/${id}`);
    const started = Date.now();
    const alert = await expectTraceFailure(
      page,
      {
        backendId: 'tempo',
        backendName: 'Tempo (mock)',
        traceId: id,
        title: `Could not load trace ${id}: Tempo (mock) did not answer in time`,
        says: ['did not answer within 4 s', '"timeoutMs"'],
      },
      8_000,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(3_900);
    expect(requests).toHaveLength(1);
    await alert.getByRole('button', { name: 'Retry', exact: true }).click();
    await expect(alert.getByRole('button', { name: 'Retrying…' })).toBeVisible();
    await expect(alert).toContainText('Still failing after 1 retry', { timeout: 8_000 });
    await expect(alert).toContainText('did not answer within 4 s');
    expect(requests).toHaveLength(2);
    await expect(timeline(page)).toHaveCount(0);
  });

  test('a body that starts and never ends: timeout, and no half trace', async ({ page }) => {
    const id = MOCK_FAILURE_TRACE_IDS.stall;
    await expectTraceFailure(
      page,
      {
        backendId: 'jaeger',
        backendName: 'Jaeger (mock)',
        traceId: id,
        title: `Could not load trace ${id}: Jaeger (mock) did not answer in time`,
        says: ['did not answer within 4 s'],
      },
      8_000,
    );
    await expectAppStillWorks(page);
  });

  test('connection refused: unreachable, naming the URL and what to check', async ({ page }) => {
    const id = MOCK_TEMPO_TRACE_IDS.search;
    await expectTraceFailure(page, {
      backendId: 'refused',
      backendName: 'Tempo (refused)',
      traceId: id,
      title: `Could not load trace ${id}: Tempo (refused) is unreachable`,
      says: ['Could not reach Tempo (refused) at http://127.0.0.1:9/', 'Check that the server is running'],
    });
    await expectAppStillWorks(page);
  });

  test('Tempo: JSON of the wrong shape is an unreadable answer, not "not found"', async ({ page }) => {
    const id = MOCK_FAILURE_TRACE_IDS.wrongShape;
    await page.goto(`./trace/${id}?backend=tempo`);
    const alert = page.getByRole('alert');
    await expect(alert).toHaveCount(1);
    await expect(alert).toContainText(`Could not load trace ${id}: Tempo (mock) sent an answer Skein cannot read`, { timeout: 1_000 });
  });
});

test('Tempo search lists a trace that is gone when opened: not found, and the results are still there', async ({ page }) => {
  await page.goto('./search?backend=tempo');
  await page.getByRole('search').getByRole('button', { name: 'Find traces' }).click();
  const results = page.getByRole('list', { name: 'Search results' });
  await expect(page.getByText(`${MOCK_TEMPO_TRACES.length + 1} traces`, { exact: true })).toBeVisible();
  await results.locator(`[role="listitem"][data-trace-id="${MOCK_TEMPO_VANISHING_TRACE_ID}"]`).getByRole('link').click();

  const alert = page.getByRole('alert');
  await expect(alert).toContainText(`Trace ${MOCK_TEMPO_VANISHING_TRACE_ID} not found in Tempo (mock)`);
  await expect(alert).toContainText(/retention/);
  await expect(timeline(page)).toHaveCount(0);
  await expect(traceSummary(page)).toHaveCount(0);

  await page.goBack();
  await expect(results).toBeVisible();
  await results.locator(`[role="listitem"][data-trace-id="${MOCK_TEMPO_TRACE_IDS.index}"]`).getByRole('link').click();
  await expect(timeline(page)).toBeVisible();
});

test.describe('a search that fails', () => {
  for (const backend of [
    {
      id: 'jaeger-down',
      name: 'Jaeger (down)',
      searchPath: '/api/jaeger-down/api/v3/trace-summaries',
      says: ['HTTP 500', 'storage query failed: connection reset by peer', 'Try again'],
    },
    {
      id: 'tempo-down',
      name: 'Tempo (down)',
      searchPath: '/api/tempo-down/api/search',
      says: ['HTTP 500', 'error querying ingesters', 'Try again'],
    },
  ]) {
    test(`${backend.name}: services and search fail with alerts, Retry searches again, another backend works`, async ({ page }) => {
      const searches = countRequests(page, backend.searchPath);
      await page.goto(`./search?backend=${backend.id}`);
      // Search at once: the service list and the search fail (and are retried) side by side.
      await page.getByRole('search').getByRole('button', { name: 'Find traces' }).click();
      const servicesAlert = page.getByRole('alert').filter({ hasText: `Could not load the services of ${backend.name}` });
      await expect(servicesAlert).toContainText('HTTP 500');
      await expect(servicesAlert).toContainText('type a service name');
      await expect(servicesAlert.getByRole('button', { name: 'Retry' })).toBeVisible();

      const searchAlert = page.getByRole('alert').filter({ hasText: `Search on ${backend.name} failed` });
      for (const text of backend.says) await expect(searchAlert).toContainText(text);
      await expect(page.getByRole('list', { name: 'Search results' })).toHaveCount(0);
      expect(searches).toHaveLength(3);

      const retry = searchAlert.getByRole('button', { name: 'Retry', exact: true });
      await retry.click();
      await expect(searchAlert.getByRole('button', { name: 'Retrying…' })).toBeVisible();
      await expect(retry).toBeVisible();
      await expect(retry).toBeFocused();
      expect(searches).toHaveLength(6);
      await expect(page.getByRole('list', { name: 'Search results' })).toHaveCount(0);

      await expectAppStillWorks(page);
    });
  }

  test('connection refused: search says the backend is unreachable', async ({ page }) => {
    await page.goto('./search?backend=refused');
    await page.getByRole('search').getByRole('button', { name: 'Find traces' }).click();
    const servicesAlert = page.getByRole('alert').filter({ hasText: 'Could not load the services of Tempo (refused)' });
    await expect(servicesAlert).toContainText('Could not reach Tempo (refused)');
    const searchAlert = page.getByRole('alert').filter({ hasText: 'Search on Tempo (refused) failed' });
    await expect(searchAlert).toContainText('Could not reach Tempo (refused)');
    await expect(searchAlert).toContainText('Check that the server is running');
    await expect(searchAlert.getByRole('button', { name: 'Retry' })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Search results' })).toHaveCount(0);
  });
});

test('dependencies of a failing Jaeger: an alert with Retry instead of a graph', async ({ page }) => {
  const requests = countRequests(page, '/api/jaeger-down/api/dependencies');
  await page.goto('./dependencies?backend=jaeger-down');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Could not load the service dependencies from Jaeger (down)');
  await expect(alert).toContainText('HTTP 500');
  await expect(page.getByRole('img', { name: 'Service dependency graph' })).toHaveCount(0);
  const before = requests.length;
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect.poll(() => requests.length).toBeGreaterThan(before);
  await expectAppStillWorks(page);
});

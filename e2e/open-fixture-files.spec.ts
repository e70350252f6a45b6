import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { fixture, HAVE_FIXTURES, NO_FIXTURES_NOTE } from './fixtures-path';

// One file of each wire format, opened through the UI as a user would, with the span count the
// file really has (from ../shared/fixtures/PROVENANCE.md, checked by hand with jq).
const singleTraceFiles: { file: string; kind: string; spans: number }[] = [
  { file: 'jaeger-analytics-java/ui-trace.json', kind: 'Jaeger query API v1 {data:[…]}', spans: 2 },
  { file: 'jaeger-ui/genaiTestTrace.json', kind: 'bare Jaeger trace object', spans: 57 },
  { file: 'jaeger/trace_success.json', kind: 'array of Jaeger spans with inline processes', spans: 2 },
  { file: 'jaeger-ui/getTrace-response.json', kind: 'Jaeger API v3 {result:{resourceSpans}}', spans: 40 },
  { file: 'jaeger/error_timeout_masked.json', kind: 'OTLP JSON', spans: 26 },
  { file: 'tempo/trace.json', kind: 'Tempo {batches:[…]}', spans: 1 },
  { file: 'jaeger-ui/otlp2jaeger-multi-in.json', kind: 'OTLP NDJSON', spans: 4 },
  { file: 'jaeger/domain_01.json', kind: 'Jaeger api_v2 protobuf JSON', spans: 5 },
  { file: 'zipkin/smartthings-oauth-authorization.json', kind: 'Zipkin v2 array', spans: 175 },
  { file: 'zipkin/zipkin2-chinese.json', kind: 'Zipkin v2 single span', spans: 1 },
];

async function openFiles(page: Page, paths: string[]) {
  await page.goto('./search');
  await page.locator('input[type="file"]').first().setInputFiles(paths);
}

async function expectTrace(page: Page, spans: number) {
  await expect(page.locator('dl[aria-label="Trace summary"]')).toBeVisible();
  const dd = page.locator('dl[aria-label="Trace summary"] dt:text-is("Spans") + dd');
  await expect(dd).toHaveText(new RegExp(`^\\s*${spans}\\b`));
  const grid = page.getByRole('treegrid', { name: 'Trace timeline' });
  await expect(grid).toHaveAttribute('aria-rowcount', String(spans));
}

test.describe('opening trace files', () => {
  test.skip(!HAVE_FIXTURES, NO_FIXTURES_NOTE);

  for (const f of singleTraceFiles) {
    test(`${f.kind}: ${f.file} shows ${f.spans} spans`, async ({ page }) => {
      await openFiles(page, [fixture(f.file)]);
      await expect(page).toHaveURL(/\/trace\/[^?]+\?.*backend=file/);
      await expectTrace(page, f.spans);
    });
  }

  test('one trace spread over three files is merged by trace ID', async ({ page }) => {
    await openFiles(page, [
      fixture('otel-gui/sample-trace-late-root-part1.json'),
      fixture('otel-gui/sample-trace-late-root-part2.json'),
      fixture('otel-gui/sample-trace-late-root-part3.json'),
    ]);
    await expect(page).toHaveURL(/\/trace\//);
    await expectTrace(page, 9);
  });

  test('a file with several traces lists them to choose from', async ({ page }) => {
    await openFiles(page, [fixture('jaeger/otel_traces_01.json')]);
    await expect(page).toHaveURL(/\/files/);
    const links = page.getByRole('link', { name: /[0-9a-f]{8}/ });
    await expect(links).toHaveCount(2);
    await links.first().click();
    await expect(page.getByRole('treegrid', { name: 'Trace timeline' })).toBeVisible();
  });

  test('a file that is not a trace gets an alert naming it, and the app stays usable', async ({ page }) => {
    await openFiles(page, [fixture('jaeger/GetServices.json')]);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('GetServices.json');
    await page.getByRole('link', { name: 'Search' }).first().click();
    await expect(page.getByRole('search')).toBeVisible();
  });
});

test.describe('files with irregular spans', () => {
  test.skip(!HAVE_FIXTURES, NO_FIXTURES_NOTE);

  test('a span without an ID and one with an unreadable start: counted up front, and both open', async ({ page }) => {
    const doc = JSON.parse(readFileSync(fixture('jaeger-ui/spansAmongEachOther.json'), 'utf8')) as { spans: Record<string, unknown>[] };
    delete doc.spans.find((s) => s.spanID === 'a68c6983a6d81a2')!.spanID;
    doc.spans.find((s) => s.spanID === '4308efcfd216cbb0')!.startTime = 'not a number';
    await page.goto('./search');
    await page.locator('input[type="file"]').first().setInputFiles({
      name: 'damaged.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(doc)),
    });
    await expectTrace(page, 12);
    const notice = page.getByRole('status').filter({ hasText: 'Irregular trace.' });
    await expect(notice).toContainText('1 span has no span ID');
    await expect(notice).toContainText('1 span has no readable start time');

    const grid = page.getByRole('treegrid', { name: 'Trace timeline' });
    const noId = grid.locator('[role="row"][data-span-id="missing-id-1"]');
    await expect(noId).toContainText('Span ID missing');
    await noId.click();
    await expect(page).toHaveURL(/[?&]span=missing-id-1\b/);
    const details = page.getByRole('region', { name: 'Span details' });
    await expect(details).toContainText('none (stand-in: missing-id-1)');
    await expect(details).toContainText('No span ID');

    // The start was unreadable but the duration (15 µs) was not: it is kept, and the row says so.
    const noStart = grid.locator('[role="row"][data-span-id="4308efcfd216cbb0"]');
    await expect(noStart).toContainText('Start time missing');
    await expect(noStart.locator('[data-bar-label]')).toHaveText('15 µs');
    await noStart.click();
    await expect(details).toContainText(/Start\s*unknown/);
    await expect(details).toContainText(/Duration\s*15 µs/);
  });

  test('a span with no times at all: the summary does not claim 1970, the row does not claim 0 µs', async ({ page }) => {
    await openFiles(page, [fixture('jaeger/GetTrace.json')]);
    await expectTrace(page, 1);
    const summary = page.locator('dl[aria-label="Trace summary"]');
    await expect(summary.locator('dt:text-is("Start") + dd')).toHaveText(/^unknown/);
    await expect(summary.locator('dt:text-is("Duration") + dd')).toHaveText(/^unknown/);
    await expect(summary).not.toContainText('1970');
    await expect(page.getByRole('status').filter({ hasText: 'Irregular trace.' })).toContainText(
      /1 span has no readable start time.*1 span has no readable duration/,
    );
    const row = page.getByRole('treegrid', { name: 'Trace timeline' }).getByRole('row').first();
    await expect(row.locator('[data-bar-label]')).toHaveText('no duration');
    await expect(row).toContainText('Start time missing');
  });
});

test('a broken file gets an alert naming the file and what was expected', async ({ page }) => {
  await page.goto('./search');
  await page.locator('input[type="file"]').first().setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"resourceSpans": [ {"scopeSpans": '),
  });
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('broken.json');
  await expect(alert).toContainText(/JSON/i);
});

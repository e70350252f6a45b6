// Files nobody should have to open, opened anyway: each gets a clear message or a correct view, the
// page keeps answering, and a long load can be cancelled. Files are generated here, never committed.
import { expect, test, type Page } from '@playwright/test';
import { createWriteStream, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TRACE_ID = '5b8aa5a2d2c872e8321cf37308d69df2';

function otlpSpan(i: number, spanId: string, parentSpanId: string | null): string {
  const start = 1_700_000_000_000_000_000n + BigInt(i) * 1000n;
  return JSON.stringify({
    traceId: TRACE_ID,
    spanId,
    ...(parentSpanId ? { parentSpanId } : {}),
    name: `op-${i % 7}`,
    kind: 2,
    startTimeUnixNano: String(start),
    endTimeUnixNano: String(start + 500n),
  });
}

function otlpDocument(spans: string[]): string {
  return `{"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"svc"}}]},"scopeSpans":[{"spans":[${spans.join(',')}]}]}]}`;
}

const hex16 = (n: number) => n.toString(16).padStart(16, '0');

async function openFile(page: Page, file: { name: string; text: string } | string) {
  await page.goto('./search');
  const input = page.locator('input[type="file"]').first();
  if (typeof file === 'string') await input.setInputFiles(file);
  else await input.setInputFiles({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) });
}

test.describe('hostile trace files', () => {
  test('100,000 spans that all share one span ID: every span shown, the duplication reported', async ({ page }) => {
    test.setTimeout(120_000);
    const spans = Array.from({ length: 100_000 }, (_, i) => otlpSpan(i, 'aaaaaaaaaaaaaaaa', null));
    await openFile(page, { name: 'same-id.json', text: otlpDocument(spans) });
    const grid = page.getByRole('treegrid', { name: 'Trace timeline' });
    await expect(grid).toHaveAttribute('aria-rowcount', '100000', { timeout: 60_000 });
    await expect(page.locator('dl[aria-label="Trace summary"] dt:text-is("Spans") + dd')).toHaveText(/^100[,\s]?000/);
    await expect(page.getByText(/span ID occurs more than once/)).toBeVisible();
    expect(await grid.getByRole('row').count()).toBeLessThan(200);
  });

  test('100,000 spans whose parents form one cycle: the cycle is cut and reported, nothing dropped', async ({ page }) => {
    test.setTimeout(120_000);
    const n = 100_000;
    const spans = Array.from({ length: n }, (_, i) => otlpSpan(i, hex16(i + 1), hex16(((i + 1) % n) + 1)));
    await openFile(page, { name: 'cycle.json', text: otlpDocument(spans) });
    const grid = page.getByRole('treegrid', { name: 'Trace timeline' });
    await expect(grid).toHaveAttribute('aria-rowcount', String(n), { timeout: 60_000 });
    await expect(page.getByText(/formed a cycle and was cut/)).toBeVisible();
    // The page still answers: collapse everything to the one root.
    await page.getByRole('button', { name: 'Collapse all' }).click();
    await expect(grid).toHaveAttribute('aria-rowcount', '1');
  });

  test('NDJSON mixing spans with logs and metrics: the spans open', async ({ page }) => {
    const lines = [
      otlpDocument([otlpSpan(0, hex16(1), null)]),
      JSON.stringify({ resourceLogs: [{ scopeLogs: [{ logRecords: [{ body: { stringValue: 'hello' } }] }] }] }),
      otlpDocument([otlpSpan(1, hex16(2), hex16(1))]),
      JSON.stringify({ resourceMetrics: [{ scopeMetrics: [{ metrics: [{ name: 'requests' }] }] }] }),
      '',
      otlpDocument([otlpSpan(2, hex16(3), hex16(1))]),
    ];
    await openFile(page, { name: 'mixed.ndjson', text: lines.join('\n') });
    await expect(page.getByRole('treegrid', { name: 'Trace timeline' })).toHaveAttribute('aria-rowcount', '3');
  });

  test('traces whose spans have no start time: the list of opened files and the search results say so, not 1970', async ({ page }) => {
    // Two traces (so the list of opened traces shows), neither of whose spans has a start or an end.
    const untimed = (traceId: string, spanId: string) => JSON.stringify({ traceId, spanId, name: 'untimed', kind: 2 });
    const otherTraceId = 'aa' + TRACE_ID.slice(2);
    await openFile(page, { name: 'no-start.json', text: otlpDocument([untimed(TRACE_ID, hex16(1)), untimed(otherTraceId, hex16(2))]) });
    await expect(page).toHaveURL(/\/files$/);
    const table = page.getByRole('table', { name: 'Opened traces' });
    await expect(table.getByRole('row')).toHaveCount(3);
    const startColumn = await table.getByRole('columnheader').allTextContents();
    const startIndex = startColumn.indexOf('Start');
    for (const row of await table.getByRole('row').all()) {
      if ((await row.getByRole('cell').count()) === 0) continue;
      await expect(row.getByRole('cell').nth(startIndex)).toHaveText('unknown');
    }
    await expect(table).not.toContainText('1970');

    // The same traces found by a search on the opened files (navigating in the page: a reload would close them).
    await page.getByRole('link', { name: 'Search', exact: true }).click();
    const form = page.getByRole('search');
    await form.getByLabel('Backend').selectOption({ label: 'Opened files' });
    await form.getByRole('button', { name: 'Find traces' }).click();
    const rows = page.getByRole('list', { name: 'Search results' }).locator(':scope > [role="listitem"]');
    await expect(rows).toHaveCount(2);
    for (const row of await rows.all()) await expect(row).toContainText('start unknown');
    await expect(page.getByRole('list', { name: 'Search results' })).not.toContainText('1970');
  });

  for (const [name, text, expected] of [
    ['empty.json', '', /empty/i],
    ['not-json.json', 'this is not json', /JSON/],
    ['wrong-shape.json', '{"hello": [1, 2, 3]}', /Jaeger|OTLP|Zipkin/],
    ['truncated.json', otlpDocument([otlpSpan(0, hex16(1), null)]).slice(0, 120), /JSON/],
  ] as const) {
    test(`${name}: a clear message naming the file`, async ({ page }) => {
      await openFile(page, { name, text });
      const alert = page.getByRole('alert');
      await expect(alert).toContainText(name);
      await expect(alert).toContainText(expected);
      await expect(page.getByRole('search')).toBeVisible();
    });
  }

  test('a 200 MB file shows progress and can be cancelled; the app stays usable', async ({ page }) => {
    test.setTimeout(180_000);
    const dir = mkdtempSync(join(tmpdir(), 'skein-big-'));
    const path = join(dir, 'big-trace.json');
    await new Promise<void>((resolve, reject) => {
      const out = createWriteStream(path);
      out.on('error', reject);
      out.write('{"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"svc"}}]},"scopeSpans":[{"spans":[');
      const pad = 'x'.repeat(600);
      let i = 0;
      const target = 200 * 1024 * 1024;
      let written = 0;
      const writeSome = () => {
        let ok = true;
        while (ok && written < target) {
          const span = `${i === 0 ? '' : ','}{"traceId":"${TRACE_ID}","spanId":"${hex16(i + 1)}","name":"op","startTimeUnixNano":"1700000000000000000","endTimeUnixNano":"1700000000000001000","attributes":[{"key":"pad","value":{"stringValue":"${pad}"}}]}`;
          written += span.length;
          i++;
          ok = out.write(span);
        }
        if (written < target) out.once('drain', writeSome);
        else out.end(']}]}]}', resolve);
      };
      writeSome();
    });
    await openFile(page, path);
    const progress = page.getByRole('progressbar').first();
    await expect(progress).toBeVisible({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Cancel' }).first().click();
    await expect(progress).toBeHidden({ timeout: 30_000 });
    await expect(page.getByRole('treegrid')).toHaveCount(0);
    // The app answers: search on the demo backend still works.
    await page.getByRole('search').getByRole('button', { name: /find traces/i }).click();
    await expect(page.getByText(/\b\d+ traces?\b/).first()).toBeVisible();
  });
});

// Trace data is untrusted: names and values that look like HTML or script URLs must show as text, never run.
import { expect, test, type Page } from '@playwright/test';

const HOSTILE = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=2</script>',
  'javascript:window.__pwned=3',
  'bell\u0007 and\u001b[31m escape',
];

function hostileOtlp() {
  const attr = (key: string, v: string) => ({ key, value: { stringValue: v } });
  return JSON.stringify({
    resourceSpans: [
      {
        resource: { attributes: [attr('service.name', HOSTILE[0]!), attr('host.name', HOSTILE[1]!)] },
        scopeSpans: [
          {
            scope: { name: '<b>scope</b>' },
            spans: [
              {
                traceId: '0af7651916cd43dd8448eb211c80319c',
                spanId: 'b7ad6b7169203331',
                name: HOSTILE[1],
                kind: 2,
                startTimeUnixNano: '1700000000000000000',
                endTimeUnixNano: '1700000000500000000',
                attributes: HOSTILE.map((v, i) => attr(`attr.${i}`, v)),
                events: [{ timeUnixNano: '1700000000100000000', name: HOSTILE[0], attributes: [attr('link', HOSTILE[2]!)] }],
                status: { code: 2, message: HOSTILE[0] },
              },
              {
                traceId: '0af7651916cd43dd8448eb211c80319c',
                spanId: 'c7ad6b7169203332',
                parentSpanId: 'b7ad6b7169203331',
                name: HOSTILE[2],
                kind: 3,
                startTimeUnixNano: '1700000000100000000',
                endTimeUnixNano: '1700000000200000000',
              },
            ],
          },
        ],
      },
    ],
  });
}

/** Opens the hostile trace through the file picker, as a user would. */
async function openHostileFile(page: Page): Promise<void> {
  await page.goto('./search');
  await page.locator('input[type="file"]').first().setInputFiles({
    name: 'hostile.json',
    mimeType: 'application/json',
    buffer: Buffer.from(hostileOtlp()),
  });
}

test('HTML, script and javascript: URLs in trace data are shown as text and never run', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await openHostileFile(page);
  const grid = page.getByRole('treegrid', { name: 'Trace timeline' });
  await expect(grid).toHaveAttribute('aria-rowcount', '2');
  // The span name is on screen literally.
  await expect(grid.getByText(HOSTILE[1]!, { exact: false }).first()).toBeVisible();
  await grid.locator('[data-span-id="b7ad6b7169203331"]').click();
  const details = page.getByRole('region', { name: 'Span details' });
  await expect(details).toBeVisible();
  await expect(details.getByText(HOSTILE[0]!, { exact: false }).first()).toBeVisible();
  await expect(details.getByText('javascript:window.__pwned=3', { exact: false }).first()).toBeVisible();
  // Nothing ran, no element was created from the data, and no link points at a script URL.
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
  expect(dialogs).toEqual([]);
});

test('link patterns give only http(s) links with encoded values, and refuse other schemes with a warning', async ({ page }) => {
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  await page.route('**/config.json', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({
        backends: [{ id: 'demo', type: 'demo', name: 'Demo' }],
        linkPatterns: [
          { type: 'tags', key: 'attr.2', url: 'https://logs.example.com/search?q=#{attr.2}', text: 'Logs for #{attr.2}' },
          { type: 'traces', url: 'javascript:alert(#{trace.id})', text: 'Evil' },
          { type: 'traces', url: 'https://apm.example.com/trace/#{trace.id}', text: 'Open in APM' },
        ],
      }),
    }),
  );
  await openHostileFile(page);
  const grid = page.getByRole('treegrid', { name: 'Trace timeline' });
  await grid.locator('[data-span-id="b7ad6b7169203331"]').click();
  const details = page.getByRole('region', { name: 'Span details' });
  const logs = details.getByRole('link', { name: /^Logs for / });
  await expect(logs).toHaveAttribute('href', `https://logs.example.com/search?q=${encodeURIComponent(HOSTILE[2]!)}`);
  await expect(details.getByRole('link', { name: 'Open in APM' })).toHaveAttribute(
    'href',
    'https://apm.example.com/trace/0af7651916cd43dd8448eb211c80319c',
  );
  await expect(details.getByRole('link', { name: 'Evil' })).toHaveCount(0);
  expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
  expect(warnings.some((w) => /refused a link pattern/.test(w))).toBe(true);
});

// The static build behind real nginx (Debian's), with the shipped deploy/nginx.conf.template,
// at `/` and under `/tools/tracing/`, with msw-served Jaeger and Tempo behind it.
import { expect, test, type Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { renderNginxConf } from '../scripts/render-nginx-conf.mjs';

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
const MOCK_PORT = 4419;
const sites = [
  { prefix: '/', port: 4431 },
  { prefix: '/tools/tracing/', port: 4432 },
];

const processes: ChildProcess[] = [];

async function waitForHttp(url: string, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const r = await fetch(url);
      if (r.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up within ${timeoutMs} ms`);
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  if (!NGINX) {
    throw new Error(
      'nginx is not installed: these tests run the shipped config in real nginx. Install it with ' +
        '`apt-get install -y nginx` (Debian/Ubuntu; .ci/run does this) and run the tests again.',
    );
  }
  const root = mkdtempSync(join(tmpdir(), 'skein-nginx-'));
  // nginx's workers run as an unprivileged user when started as root: they must be able to read the site.
  chmodSync(root, 0o755);
  const site = join(root, 'site/');
  cpSync(resolve('dist'), site, { recursive: true });
  writeFileSync(
    join(site, 'config.json'),
    JSON.stringify({
      backends: [
        { id: 'jaeger', type: 'jaeger', name: 'Jaeger (mock)', url: 'api/jaeger' },
        { id: 'tempo', type: 'tempo', name: 'Tempo (mock)', url: 'api/tempo' },
      ],
      defaultBackend: 'jaeger',
      linkPatterns: [],
    }),
  );
  const mock = spawn('node', ['scripts/mock-backends.mjs', '--port', String(MOCK_PORT)], { stdio: 'inherit' });
  processes.push(mock);
  await waitForHttp(`http://127.0.0.1:${MOCK_PORT}/jaeger/api/v3/services`);

  for (const s of sites) {
    const runtime = join(root, `run-${s.port}`);
    mkdirSync(runtime, { recursive: true });
    const conf = renderNginxConf({
      SKEIN_LISTEN: `127.0.0.1:${s.port}`,
      SKEIN_PREFIX: s.prefix,
      SKEIN_ROOT: site,
      SKEIN_JAEGER_UPSTREAM: `http://127.0.0.1:${MOCK_PORT}/jaeger/`,
      SKEIN_TEMPO_UPSTREAM: `http://127.0.0.1:${MOCK_PORT}/tempo/`,
      SKEIN_TEMPO_TENANT: 'skein-e2e',
      SKEIN_FRAME_ANCESTORS: "'self'",
      SKEIN_RUNTIME_DIR: runtime,
    });
    const confPath = join(runtime, 'nginx.conf');
    writeFileSync(confPath, conf);
    const check = spawnSync(NGINX, ['-t', '-c', confPath, '-p', runtime], { encoding: 'utf8' });
    if (check.status !== 0) throw new Error(`nginx -t failed:\n${check.stderr}`);
    processes.push(spawn(NGINX, ['-c', confPath, '-p', runtime], { stdio: 'inherit' }));
    await waitForHttp(`http://127.0.0.1:${s.port}${s.prefix}`);
  }
});

test.afterAll(() => {
  for (const p of processes) p.kill('SIGTERM');
});

function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (m) => {
    const t = m.text();
    if (/Content Security Policy|Content-Security-Policy/i.test(t)) violations.push(t);
  });
  page.on('pageerror', (e) => violations.push(`pageerror: ${e.message}`));
  return violations;
}

for (const s of sites) {
  const base = `http://127.0.0.1:${s.port}${s.prefix}`;

  test.describe(`nginx at ${s.prefix}`, () => {
    test('the app loads with two backends from config.json, under the strict CSP', async ({ page }) => {
      const violations = watchCsp(page);
      const res = await page.goto(base);
      expect(res?.headers()['content-security-policy']).toContain("script-src 'self' 'sha256-");
      expect(res?.headers()['content-security-policy']).not.toContain('unsafe-eval');
      await expect(page.getByRole('search')).toBeVisible();
      const picker = page.getByRole('combobox', { name: /backend/i }).first();
      await expect(picker).toBeVisible();
      await expect(picker.locator('option')).toHaveText(['Jaeger (mock)', 'Tempo (mock)']);
      expect(violations).toEqual([]);
    });

    test('caching headers: hashed assets immutable, index.html and config.json not cached', async ({ request, page }) => {
      const index = await request.get(base);
      expect(index.headers()['cache-control']).toMatch(/no-cache|no-store/);
      const config = await request.get(`${base}config.json`);
      expect(config.headers()['cache-control']).toContain('no-store');
      await page.goto(base);
      const scriptSrc = await page.locator('script[type="module"]').first().getAttribute('src');
      expect(scriptSrc).toBeTruthy();
      const asset = await request.get(new URL(scriptSrc!, base).toString());
      expect(asset.status()).toBe(200);
      expect(asset.headers()['cache-control']).toContain('immutable');
    });

    // Tempo's mock search also lists a trace that 404s when fetched (retention); open a known good one.
    for (const [backend, pick] of [['jaeger', 'a[href*="trace/"]'], ['tempo', 'a[href*="4bf92f3577b34da6"]']] as const) {
      test(`search through the proxy on ${backend}, then reload a deep link to a span`, async ({ page }) => {
        const violations = watchCsp(page);
        await page.goto(`${base}search?backend=${backend}`);
        await page.getByRole('search').getByRole('button', { name: /^(find traces|search)$/i }).click();
        const results = page.getByRole('list', { name: 'Search results' }).or(page.getByRole('table', { name: 'Search results' }));
        await expect(results.first()).toBeVisible();
        await expect(page.getByText(/\b\d+ traces?\b/).first()).toBeVisible();
        await results.first().locator(pick).first().click();
        const grid = page.getByRole('treegrid', { name: 'Trace timeline' });
        await expect(grid).toBeVisible();
        const row = grid.getByRole('row').nth(1);
        const spanId = await row.getAttribute('data-span-id');
        await row.click();
        await expect(page).toHaveURL(new RegExp(`span=${spanId}`));
        const deepLink = page.url();
        expect(deepLink.startsWith(base)).toBe(true);
        await page.goto(deepLink);
        await expect(page.getByRole('region', { name: 'Span details' })).toBeVisible();
        await expect(grid.locator(`[data-span-id="${spanId}"]`)).toHaveAttribute('aria-selected', 'true');
        expect(violations).toEqual([]);
      });
    }

    if (s.prefix !== '/') {
      const underPrefixWithLookback = (address: string) => {
        const url = new URL(address);
        return url.origin + url.pathname.slice(0, s.prefix.length) === base && url.searchParams.get('lookback') === '2h';
      };

      test('the prefix typed without its trailing slash redirects to it, query kept, and the app loads', async ({ page, request }) => {
        const noSlash = base.slice(0, -1);
        const res = await request.get(`${noSlash}?lookback=2h`, { maxRedirects: 0 });
        expect(res.status()).toBe(301);
        expect(new URL(res.headers()['location'] ?? '', noSlash).toString()).toBe(`${base}?lookback=2h`);
        const violations = watchCsp(page);
        await page.goto(`${noSlash}?lookback=2h`);
        // Under the prefix, query kept (the app then moves on from the prefix to its search page at once).
        await expect.poll(() => underPrefixWithLookback(page.url())).toBe(true);
        await expect(page.getByRole('search')).toBeVisible();
        expect(violations).toEqual([]);
      });

      test('behind a proxy that serves the page at the prefix without its slash, the page itself moves to the slash', async ({ page, request }) => {
        const noSlash = base.slice(0, -1);
        const html = await (await request.get(base)).text();
        const csp = (await request.get(base)).headers()['content-security-policy'] ?? '';
        // Such a proxy answers index.html there; relative URLs then point at the parent, where nothing is.
        await page.route((url) => `${url.origin}${url.pathname}` === noSlash, (route) => route.fulfill({ status: 200, contentType: 'text/html', headers: { 'content-security-policy': csp }, body: html }));
        await page.goto(`${noSlash}?lookback=2h`);
        // Under the prefix, query kept (the app then moves on from the prefix to its search page at once).
        await expect.poll(() => underPrefixWithLookback(page.url())).toBe(true);
        await expect(page.getByRole('search')).toBeVisible();
      });
    }

    test('when the app\'s code cannot be loaded, the page says so instead of "Loading Skein…" for ever', async ({ page }) => {
      const violations = watchCsp(page);
      // (As when a deploy replaced the files under an open tab, or a proxy does not pass assets/ through.)
      await page.route('**/assets/index-*.js', (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }));
      await page.goto(`${base}search`);
      const alert = page.getByRole('alert');
      await expect(alert).toContainText('Skein could not load its code from');
      await expect(alert).toContainText(base);
      await expect(page.getByText('Loading Skein…')).toHaveCount(0);
      expect(violations).toEqual([]);
    });

    test('embed mode hides the header and keeps a link to the full view', async ({ page }) => {
      await page.goto(`${base}search?embed=1`);
      await expect(page.getByRole('search')).toBeVisible();
      await expect(page.getByRole('banner')).toHaveCount(0);
      await expect(page.getByRole('link', { name: /open in full view/i })).toBeVisible();
      await page.goto(`${base}search?uiEmbed=v0`);
      await expect(page.getByRole('banner')).toHaveCount(0);
    });
  });
}

// axe-core on every main page in light and dark theme, and a keyboard-only journey.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { HISTOGRAM_COLOURS } from '../src/search/histogram-colours';
import { brushLeftHalf } from './plot-brush';
import { BACKENDS_URL } from './servers';

async function setTheme(page: Page, theme: 'light' | 'dark') {
  await page.emulateMedia({ colorScheme: theme });
}

/** No serious or critical axe violations, nor any of `alsoRules` (rules of lesser impact). */
async function expectNoSeriousViolations(page: Page, what: string, alsoRules: readonly string[] = []) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical' || alsoRules.includes(v.id));
  const report = serious.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect(report, `${what}: serious or critical axe violations${alsoRules.length > 0 ? ` (or ${alsoRules.join(', ')})` : ''}`).toEqual([]);
}

async function firstDemoTraceIds(page: Page): Promise<string[]> {
  await page.goto('./search?lookback=1h');
  await page.getByRole('search').getByRole('button', { name: /^(find traces|search)$/i }).click();
  const results = page.getByRole('list', { name: 'Search results' }).or(page.getByRole('table', { name: 'Search results' })).first();
  await expect(results.getByRole('link').first()).toBeVisible();
  const hrefs = await results.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  return [...new Set(hrefs.map((h) => /trace\/([0-9a-f]+)/.exec(h)?.[1]).filter((x): x is string => !!x))];
}

const rgbOf = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

/**
 * The histogram's bar fills as drawn, each with the first background behind it that is not
 * transparent: what histogram-colours.ts assumes (and its unit test checks for 3:1 contrast).
 */
async function drawnHistogramColours(page: Page): Promise<{ bars: string; fill: string; background: string }[]> {
  return page.locator('[data-histogram-bars]').evaluateAll((paths) => {
    // Computed colours may be oklch() (Tailwind's): one canvas pixel gives them as sRGB.
    const context = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
    const rgb = (colour: string) => {
      context.clearRect(0, 0, 1, 1);
      context.fillStyle = colour;
      context.fillRect(0, 0, 1, 1);
      const [r, g, b, a] = context.getImageData(0, 0, 1, 1).data;
      return a === 0 ? 'transparent' : `rgb(${r}, ${g}, ${b})`;
    };
    return paths.map((path) => {
      let background = 'transparent';
      for (let el: Element | null = path; el && background === 'transparent'; el = el.parentElement) background = rgb(getComputedStyle(el).backgroundColor);
      return { bars: path.getAttribute('data-histogram-bars') ?? '', fill: rgb(getComputedStyle(path).fill), background };
    });
  });
}

// One test per page group and theme: each axe pass takes 1–7 s on 2 cores, and the eleven of them
// in one test came close to its time limit.
for (const theme of ['light', 'dark'] as const) {
  test(`no serious axe violations on search (${theme})`, async ({ page }) => {
    await setTheme(page, theme);
    const ids = await firstDemoTraceIds(page);
    expect(ids.length).toBeGreaterThanOrEqual(2);
    await expectNoSeriousViolations(page, 'search');
    // axe does not judge SVG fills: the histogram's bars are drawn in the checked colours.
    const colours = HISTOGRAM_COLOURS[theme];
    expect(await drawnHistogramColours(page)).toEqual([
      { bars: 'all', fill: rgbOf(colours.all), background: rgbOf(colours.background) },
      { bars: 'errors', fill: rgbOf(colours.errors), background: rgbOf(colours.background) },
    ]);
    // With a brush on the plot: its box, the "Plot selection" line and its Clear button.
    await brushLeftHalf(page);
    await expect(page.getByText(/Plot selection/)).toBeVisible();
    await expectNoSeriousViolations(page, 'search with a plot selection');
  });

  test(`no serious axe violations on a trace and its views (${theme})`, async ({ page }) => {
    await setTheme(page, theme);
    const ids = await firstDemoTraceIds(page);
    await page.goto(`./trace/${ids[0]}`);
    await expect(page.getByRole('treegrid', { name: 'Trace timeline' })).toBeVisible();
    await page.getByRole('treegrid', { name: 'Trace timeline' }).getByRole('row').nth(1).click();
    await expect(page.getByRole('region', { name: 'Span details' })).toBeVisible();
    await expectNoSeriousViolations(page, 'trace');
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await expectNoSeriousViolations(page, 'trace, keyboard shortcuts');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveCount(0);
    // The trace's other views (links of the "Trace views" navigation).
    const views = page.getByRole('navigation', { name: 'Trace views' });
    for (const name of ['Spans', 'Statistics', 'Flame graph', 'JSON']) {
      await views.getByRole('link', { name }).click();
      await expect(views.getByRole('link', { name })).toHaveAttribute('aria-current', 'page');
      await page.waitForTimeout(200);
      await expectNoSeriousViolations(page, `trace, ${name}`);
    }
  });

  test(`no serious axe violations on compare and dependencies (${theme})`, async ({ page }) => {
    await setTheme(page, theme);
    const ids = await firstDemoTraceIds(page);
    expect(ids.length).toBeGreaterThanOrEqual(2);
    await page.goto(`./compare/${ids[0]}/${ids[1]}`);
    await expect(page.getByRole('table', { name: 'Trace differences' })).toBeVisible();
    await expectNoSeriousViolations(page, 'compare');
    // The difference graph, with a node picked from the keyboard (details and the announcement).
    await page.getByRole('tab', { name: 'Graph' }).click();
    const graph = page.getByRole('img', { name: 'Trace difference graph' });
    await expect(graph).toBeVisible();
    await graph.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('region', { name: 'Span details' })).toBeVisible();
    await expectNoSeriousViolations(page, 'compare graph');

    await page.goto('./dependencies');
    await expect(page.getByRole('img', { name: 'Service dependency graph' })).toBeVisible();
    // Let the page settle (graph drawn, table filled, no loading text) before judging contrast.
    await expect(page.getByRole('table', { name: 'Service dependencies' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: /Loading/ })).toHaveCount(0);
    await page.waitForTimeout(300);
    await expectNoSeriousViolations(page, 'dependencies');
  });
}

test('no serious axe violations in the TraceQL box on Tempo, with its suggestions open', async ({ page }) => {
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    await page.goto(`${BACKENDS_URL}search?backend=tempo`);
    const box = page.getByLabel('TraceQL', { exact: true });
    await expect(box).toBeVisible();
    await box.fill('{ resource.service.name = "');
    await expect(page.getByRole('listbox', { name: 'TraceQL suggestions' }).getByRole('option').first()).toBeVisible();
    await expectNoSeriousViolations(page, `TraceQL suggestions (${theme})`);
  }
});

test('embedded (embed=1): everything is in a landmark (axe "region") and nothing serious', async ({ page }) => {
  // "region" is only "moderate", so the checks above would not see it; embed mode has no header,
  // and its one bar must still be in a landmark.
  const ids = await firstDemoTraceIds(page);
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    for (const [what, address] of [
      ['search', './search?lookback=1h&embed=1'],
      ['trace', `./trace/${ids[0]}?embed=1`],
    ] as const) {
      await page.goto(address);
      await expect(page.getByRole('navigation', { name: 'Skein' }).getByRole('link', { name: 'Open in full view' })).toBeVisible();
      await expect(page.getByRole('banner')).toHaveCount(0);
      if (what === 'trace') await expect(page.getByRole('treegrid', { name: 'Trace timeline' })).toBeVisible();
      else await expect(page.getByRole('search')).toBeVisible();
      await expectNoSeriousViolations(page, `${what}, embedded (${theme})`, ['region']);
    }
  }
});

test('skip link: the first Tab stop, shown when focused; Enter moves focus into the page and the address stays', async ({ page }) => {
  const ids = await firstDemoTraceIds(page);
  for (const address of ['./search?lookback=1h', `./trace/${ids[0]}`, './search?lookback=1h&embed=1', `./trace/${ids[0]}?embed=1`]) {
    await page.goto(address);
    const main = page.getByRole('main');
    await expect(main.getByRole('search').or(main.getByRole('treegrid', { name: 'Trace timeline' }))).toBeVisible();
    const pathBefore = new URL(page.url()).pathname;
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    expect((await skip.boundingBox())?.width, `${address}: hidden until focused`).toBeLessThanOrEqual(1);
    await page.keyboard.press('Tab');
    await expect(skip, address).toBeFocused();
    expect((await skip.boundingBox())?.width, `${address}: shown when focused`).toBeGreaterThan(50);
    await page.keyboard.press('Enter');
    await expect(main, address).toBeFocused();
    // No navigation: a bare "#…" href would resolve against <base href> and leave the page.
    // (The search page adds its window to the query by itself, so only the path is compared.)
    expect(new URL(page.url()).pathname, address).toBe(pathBefore);
    expect(new URL(page.url()).hash, address).toBe('');
    // The next Tab goes on inside the page, past the header's controls.
    await page.keyboard.press('Tab');
    expect(await main.evaluate((m) => m !== document.activeElement && m.contains(document.activeElement)), address).toBe(true);
  }
});

test('keyboard only: search → trace → span details → back', async ({ page }) => {
  await page.goto('./search?lookback=1h');
  const submit = page.getByRole('search').getByRole('button', { name: /^(find traces|search)$/i });
  await submit.focus();
  await page.keyboard.press('Enter');
  const results = page.getByRole('list', { name: 'Search results' }).or(page.getByRole('table', { name: 'Search results' })).first();
  const firstLink = results.getByRole('link').first();
  await expect(firstLink).toBeVisible();
  // Tab until the first result link has focus.
  for (let i = 0; i < 60; i++) {
    if (await firstLink.evaluate((el) => el === document.activeElement)) break;
    await page.keyboard.press('Tab');
  }
  await expect(firstLink).toBeFocused();
  await page.keyboard.press('Enter');
  const grid = page.getByRole('treegrid', { name: 'Trace timeline' });
  await expect(grid).toBeVisible();
  for (let i = 0; i < 60; i++) {
    const inGrid = await grid.evaluate((g) => g.contains(document.activeElement));
    if (inGrid) break;
    await page.keyboard.press('Tab');
  }
  expect(await grid.evaluate((g) => g.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Span details' })).toBeVisible();
  await expect(page).toHaveURL(/span=/);
  // Selecting spans replaces the history entry, so one step back returns to the results.
  await page.goBack();
  await expect(page).toHaveURL(/\/search/);
  await expect(results.getByRole('link').first()).toBeVisible();
});

test('an unknown address gets a page with a heading and an alert, and no serious axe violations', async ({ page }) => {
  await page.goto('./no-such-page?backend=demo');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('There is no page at /no-such-page');
  await expectNoSeriousViolations(page, 'page not found');
});

test('a file that cannot be opened: its message is in a landmark (axe region)', async ({ page }) => {
  await page.goto('./search');
  await page.locator('input[type="file"]').first().setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"data": [') });
  await expect(page.getByRole('alert').filter({ hasText: 'Could not open broken.json' })).toBeVisible();
  await expectNoSeriousViolations(page, 'search with a file message', ['region']);
});


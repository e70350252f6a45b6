// Screenshots of every trace view in light and dark theme, for a person to look at (written to
// /tmp, never into the repository). Opt-in: SKEIN_TRACE_SCREENSHOTS=1 (or a directory path).
import { expect, test, type Page } from '@playwright/test';
import { demoTraceId } from '../src/api/demo/demo-trace-id';
import { fixture, HAVE_FIXTURES } from './fixtures-path';

const target = process.env.SKEIN_TRACE_SCREENSHOTS;
const dir = target && target !== '1' ? target : '/tmp/skein-trace-screenshots';
const traceId = demoTraceId({ scenario: 'checkout', seed: 3 });

async function shoot(page: Page, name: string) {
  await page.waitForTimeout(150);
  await page.screenshot({ path: `${dir}/${name}.png` });
}

test.describe('trace view screenshots', () => {
  test.skip(!target, 'set SKEIN_TRACE_SCREENSHOTS=1 to write screenshots of the trace views to /tmp');
  for (const theme of ['light', 'dark'] as const) {
    test(`demo trace, all views (${theme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(`./trace/${traceId}?backend=demo`);
      const grid = page.getByRole('treegrid', { name: 'Trace timeline' });
      await expect(grid).toBeVisible();
      await shoot(page, `${theme}-timeline`);
      await grid.getByRole('row').nth(3).click();
      await expect(page.getByRole('region', { name: 'Span details' })).toBeVisible();
      await shoot(page, `${theme}-details`);
      await page.getByRole('checkbox', { name: 'Critical path' }).check();
      await page.getByRole('searchbox', { name: 'Find in trace' }).fill('payments');
      await expect(page).toHaveURL(/find=payments/);
      await page.getByRole('button', { name: 'Next match' }).click();
      await shoot(page, `${theme}-timeline-options`);
      for (const [tab, view] of [['Spans', 'spans'], ['Statistics', 'stats'], ['Flame graph', 'flame'], ['JSON', 'json']] as const) {
        await page.getByRole('navigation', { name: 'Trace views' }).getByRole('link', { name: tab }).click();
        await expect(page).toHaveURL(new RegExp(`view=${view}`));
        await shoot(page, `${theme}-${view}`);
      }
    });

    test(`fixtures: errors, groups, skew (${theme})`, async ({ page }) => {
      test.skip(!HAVE_FIXTURES, 'no ../shared/fixtures');
      await page.emulateMedia({ colorScheme: theme });
      await page.goto('./search');
      await page.locator('input[type="file"]').first().setInputFiles(fixture('jaeger/n_plus_one_positive.json'));
      const grid = page.getByRole('treegrid', { name: 'Trace timeline' });
      await expect(grid).toBeVisible();
      await page.getByRole('checkbox', { name: 'Group repeats' }).check();
      await grid.getByRole('row').first().click();
      await shoot(page, `${theme}-fixture-grouped`);
      await page.getByRole('button', { name: 'Collapse all' }).click();
      await shoot(page, `${theme}-fixture-collapsed`);

      await page.goto('./search');
      await page.locator('input[type="file"]').first().setInputFiles(fixture('jaeger/error_timeout_masked.json'));
      await expect(grid).toBeVisible();
      await page.getByRole('button', { name: /Next error/ }).click();
      await grid.focus();
      await page.keyboard.press('Enter');
      await shoot(page, `${theme}-fixture-error`);
      await page.keyboard.press('?');
      await shoot(page, `${theme}-fixture-shortcuts`);
      await page.keyboard.press('Escape');

      await page.goto('./search');
      await page.locator('input[type="file"]').first().setInputFiles([fixture('zipkin/skew.json')]);
      await expect(grid).toBeVisible();
      await grid.getByRole('row').nth(1).click();
      await shoot(page, `${theme}-fixture-skew`);
      await page.getByRole('checkbox', { name: /Adjust clock skew/ }).check();
      await shoot(page, `${theme}-fixture-skew-adjusted`);

      await page.goto('./search');
      await page.locator('input[type="file"]').first().setInputFiles([fixture('otel-gui/sample-trace-orphan-span.json')]);
      await expect(grid).toBeVisible();
      await shoot(page, `${theme}-fixture-orphan`);
    });
  }
});

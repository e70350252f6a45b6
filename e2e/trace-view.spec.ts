// The trace view end to end, driven by ARIA roles and keys as a user would (DESIGN.md §3, §5):
// details, keyboard, collapse, find, error jumps, grouping, orphans, clock skew, the other views
// and the 100k-span demo trace. Expected numbers come from the fixture files themselves, through
// the small tree walk below — not from Skein's model — so a wrong model or view shows up here.
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { DEMO_LARGE_TRACES, demoTraceId } from '../src/api/demo/demo-trace-id';
import { fixture, HAVE_FIXTURES, NO_FIXTURES_NOTE } from './fixtures-path';

// ---- an independent reading of OTLP JSON fixtures ----------------------------------------------

interface FixtureSpan {
  spanId: string;
  parentId: string;
  service: string;
  name: string;
  startNs: bigint;
  durationUs: number;
  isError: boolean;
  /** `key=value` lines of span, resource and event attributes (values as text). */
  attributes: Map<string, string[]>;
  children: FixtureSpan[];
}

interface FixtureTree {
  spans: FixtureSpan[];
  roots: FixtureSpan[];
  byId: Map<string, FixtureSpan>;
  raw: unknown;
}

type OtlpValue = { stringValue?: string; intValue?: string | number; boolValue?: boolean; doubleValue?: number };
type OtlpAttribute = { key: string; value: OtlpValue };
type OtlpSpan = {
  spanId: string;
  parentSpanId?: string;
  name: string;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  status?: { code?: number };
  attributes?: OtlpAttribute[];
  events?: { attributes?: OtlpAttribute[] }[];
};
type OtlpDocument = { resourceSpans: { resource: { attributes: OtlpAttribute[] }; scopeSpans: { spans: OtlpSpan[] }[] }[] };

function valueText(v: OtlpValue): string {
  return String(v.stringValue ?? v.intValue ?? v.boolValue ?? v.doubleValue ?? '');
}

function readOtlpTree(rel: string): FixtureTree {
  const raw = JSON.parse(readFileSync(fixture(rel), 'utf8')) as OtlpDocument;
  const spans: FixtureSpan[] = [];
  for (const rs of raw.resourceSpans) {
    const service = valueText(rs.resource.attributes.find((a) => a.key === 'service.name')?.value ?? {});
    for (const ss of rs.scopeSpans) {
      for (const s of ss.spans) {
        const attributes = new Map<string, string[]>();
        const add = (list: OtlpAttribute[] | undefined) => {
          for (const a of list ?? []) attributes.set(a.key, [...(attributes.get(a.key) ?? []), valueText(a.value)]);
        };
        add(s.attributes);
        add(rs.resource.attributes);
        for (const e of s.events ?? []) add(e.attributes);
        const errorTag = (attributes.get('error') ?? []).includes('true');
        spans.push({
          spanId: s.spanId,
          parentId: s.parentSpanId ?? '',
          service,
          name: s.name,
          startNs: BigInt(s.startTimeUnixNano),
          durationUs: Number(BigInt(s.endTimeUnixNano) - BigInt(s.startTimeUnixNano)) / 1000,
          isError: s.status?.code === 2 || (s.status?.code !== 1 && errorTag),
          attributes,
          children: [],
        });
      }
    }
  }
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  const roots: FixtureSpan[] = [];
  for (const s of spans) {
    const parent = s.parentId ? byId.get(s.parentId) : undefined;
    if (parent) parent.children.push(s);
    else roots.push(s);
  }
  // Children in start order, as the waterfall shows them (a stable sort keeps ties in file order).
  for (const s of spans) s.children.sort((a, b) => (a.startNs < b.startNs ? -1 : a.startNs > b.startNs ? 1 : 0));
  return { spans, roots, byId, raw };
}

function subtreeSize(span: FixtureSpan): number {
  return 1 + span.children.reduce((sum, c) => sum + subtreeSize(c), 0);
}

/** Spans shown when the first `levels` levels are open (roots are level 0). */
function rowsWithLevelsOpen(tree: FixtureTree, levels: number): number {
  const count = (s: FixtureSpan, depth: number): number => 1 + (depth < levels ? s.children.reduce((n, c) => n + count(c, depth + 1), 0) : 0);
  return tree.roots.reduce((n, r) => n + count(r, 0), 0);
}

/** What "show only matches" keeps: the matches and all their ancestors. */
function matchesWithAncestors(tree: FixtureTree, matches: FixtureSpan[]): number {
  const keep = new Set<string>();
  for (const m of matches) {
    for (let s: FixtureSpan | undefined = m; s && !keep.has(s.spanId); s = s.parentId ? tree.byId.get(s.parentId) : undefined) keep.add(s.spanId);
  }
  return keep.size;
}

// ---- page helpers ------------------------------------------------------------------------------

const ERROR_FIXTURE = 'jaeger/error_timeout_masked.json';
const N_PLUS_ONE_FIXTURE = 'jaeger/n_plus_one_positive.json';
const ORPHAN_FIXTURE = 'otel-gui/sample-trace-orphan-span.json';
const SKEW_FIXTURE = 'zipkin/skew.json';
const checkoutTraceId = demoTraceId({ scenario: 'checkout', seed: 3 });
/** A demo trace with an N+1 query loop: a run of a dozen or more `SELECT orders` siblings. */
const orderHistoryTraceId = demoTraceId({ scenario: 'order-history', seed: 3 });

async function openFiles(page: Page, rels: string[]): Promise<Locator> {
  await page.goto('./search');
  await page.locator('input[type="file"]').first().setInputFiles(rels.map(fixture));
  await expect(page).toHaveURL(/\/trace\/[^?]+\?.*backend=file/);
  const grid = timeline(page);
  await expect(grid).toBeVisible();
  return grid;
}

function timeline(page: Page): Locator {
  return page.getByRole('treegrid', { name: 'Trace timeline' });
}

function details(page: Page): Locator {
  return page.getByRole('region', { name: 'Span details' });
}

function row(grid: Locator, spanId: string): Locator {
  return grid.locator(`[role="row"][data-span-id="${spanId}"]`);
}

async function expectRowCount(grid: Locator, n: number) {
  await expect(grid).toHaveAttribute('aria-rowcount', String(n));
}

/** The span ID of the row aria-activedescendant points at. */
async function activeSpanId(grid: Locator): Promise<string | null> {
  const id = await grid.getAttribute('aria-activedescendant');
  if (!id) return null;
  return grid.page().locator(`#${id}`).getAttribute('data-span-id');
}

async function expectActiveSpan(grid: Locator, spanId: string) {
  await expect.poll(() => activeSpanId(grid)).toBe(spanId);
}

function findBox(page: Page): Locator {
  return page.getByRole('searchbox', { name: 'Find in trace' });
}

function findStatus(page: Page): Locator {
  return page.getByRole('group', { name: 'Find in trace' }).getByRole('status');
}

/** Type a find query and wait until the URL has it (the URL is written after a short pause). */
async function find(page: Page, query: string) {
  await findBox(page).fill(query);
  await expect(page).toHaveURL(new RegExp(`[?&]find=${encodeURIComponent(query).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(&|$)`));
}

/**
 * The first rows of the grid (scrolled to the top) as "span ID, level, expanded", and the grid's
 * count of rows shown. Only the first few: how many more rows are in the DOM depends on the scrolling.
 */
async function topRows(grid: Locator): Promise<{ rowCount: string | null; rows: string[] }> {
  const rows = await grid.getByRole('row').evaluateAll((els) =>
    els
      .map((r) => ({ at: Number(r.getAttribute('aria-rowindex')), text: `${r.getAttribute('data-span-id')} ${r.getAttribute('aria-level')} ${r.getAttribute('aria-expanded') ?? 'leaf'}` }))
      .filter((r) => r.at <= 15)
      .sort((a, b) => a.at - b.at)
      .map((r) => r.text),
  );
  return { rowCount: await grid.getAttribute('aria-rowcount'), rows };
}

function param(page: Page, name: string): string | null {
  return new URL(page.url()).searchParams.get(name);
}

// ---- tests on real fixture files --------------------------------------------------------------

test.describe('trace view on fixture files', () => {
  test.skip(!HAVE_FIXTURES, NO_FIXTURES_NOTE);

  test('clicking a row opens its details; Enter on the focused row too; the attribute filter filters', async ({ page }) => {
    const tree = readOtlpTree(ERROR_FIXTURE);
    const grid = await openFiles(page, [ERROR_FIXTURE]);
    await expectRowCount(grid, tree.spans.length);

    // A leaf with known attributes: product-catalog's "astronomy-db" query.
    const db = tree.spans.find((s) => s.name === 'astronomy-db')!;
    await row(grid, db.spanId).click();
    const panel = details(page);
    await expect(panel).toBeVisible();
    await expect(panel.getByRole('heading', { level: 2 })).toHaveText(db.name);
    await expect(panel.locator('dt:text-is("Service") + dd')).toHaveText(db.service);
    await expect(panel.locator('dt:text-is("Name") + dd')).toHaveText(db.name);
    await expect(panel.locator('dt:text-is("Duration") + dd')).toHaveText(`${(db.durationUs / 1000).toFixed(2)} ms`);
    await expect(panel.locator('dt:text-is("Span ID") + dd')).toHaveText(db.spanId);
    expect(param(page, 'span')).toBe(db.spanId);
    await expect(row(grid, db.spanId)).toHaveAttribute('aria-selected', 'true');

    const attributes = panel.getByRole('table', { name: 'Attributes', exact: true });
    await expect(attributes.getByRole('rowheader', { name: 'server.address' })).toBeVisible();
    await expect(attributes.getByRole('row').filter({ hasText: 'server.address' }).getByRole('cell').first()).toHaveText('astronomy-db');
    const filter = panel.getByRole('searchbox', { name: 'Filter attributes', exact: true });
    await filter.fill('db.system');
    await expect(attributes.locator('tbody tr')).toHaveCount(1);
    await expect(attributes.getByRole('rowheader')).toHaveText(['db.system.name']);
    await filter.fill('no-such-attribute-anywhere');
    await expect(attributes.locator('tbody tr')).toHaveCount(0);
    await expect(panel.getByText('No attribute matches')).toBeVisible();

    // Escape on the timeline closes the details; Enter on the active row opens them again.
    await grid.focus();
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    expect(param(page, 'span')).toBeNull();
    await page.keyboard.press('Home');
    await expectActiveSpan(grid, tree.roots[0]!.spanId);
    await page.keyboard.press('ArrowDown');
    const second = tree.roots[0]!.children[0]!;
    await expectActiveSpan(grid, second.spanId);
    await page.keyboard.press('Enter');
    await expect(panel.getByRole('heading', { level: 2 })).toHaveText(second.name);
    await expect(page).toHaveURL(new RegExp(`span=${second.spanId}`));
  });

  test('every bar label stays inside its timeline cell, also for bars that fill the whole width', async ({ page }) => {
    const tree = readOtlpTree(ERROR_FIXTURE);
    const grid = await openFiles(page, [ERROR_FIXTURE]);
    const root = tree.roots[0]!;
    const rootLabel = row(grid, root.spanId).locator('[data-bar-label]');
    await expect(rootLabel).toHaveText(`${(root.durationUs / 1e6).toFixed(1)} s`);
    await expect(rootLabel).toHaveAttribute('data-bar-label', 'inside');
    const escaped = await grid.locator('[role="row"]').evaluateAll((rows) =>
      rows.flatMap((r) => {
        const cell = r.querySelectorAll('[role="gridcell"]')[1]?.getBoundingClientRect();
        const label = r.querySelector('[data-bar-label]')?.getBoundingClientRect();
        if (!cell || !label) return [`${r.getAttribute('data-span-id')}: no label`];
        return label.left >= cell.left - 0.5 && label.right <= cell.right + 0.5 && label.width > 0 ? [] : [r.getAttribute('data-span-id')];
      }),
    );
    expect(escaped).toEqual([]);
  });

  test('keyboard: arrows move the active row, ←/→ collapse and expand, ? opens the shortcuts', async ({ page }) => {
    const tree = readOtlpTree(ERROR_FIXTURE);
    const grid = await openFiles(page, [ERROR_FIXTURE]);
    const root = tree.roots[0]!;
    const [first, second] = [root.children[0]!, root.children[1]!];
    const grandchild = first.children[0]!;

    await grid.focus();
    await expectActiveSpan(grid, root.spanId);
    await page.keyboard.press('ArrowDown');
    await expectActiveSpan(grid, first.spanId);
    await page.keyboard.press('ArrowDown');
    await expectActiveSpan(grid, grandchild.spanId);
    await page.keyboard.press('ArrowUp');
    await expectActiveSpan(grid, first.spanId);

    // ← on an open parent collapses it: its descendants leave the grid.
    const firstRow = row(grid, first.spanId);
    await expect(firstRow).toHaveAttribute('aria-expanded', 'true');
    await expect(firstRow).toHaveAttribute('aria-level', '2');
    await page.keyboard.press('ArrowLeft');
    await expect(firstRow).toHaveAttribute('aria-expanded', 'false');
    await expectRowCount(grid, tree.spans.length - (subtreeSize(first) - 1));
    await expect(row(grid, grandchild.spanId)).toHaveCount(0);
    // ↓ now skips the hidden subtree; ← on a closed row goes to the parent.
    await page.keyboard.press('ArrowDown');
    await expectActiveSpan(grid, second.spanId);
    await page.keyboard.press('ArrowLeft');
    await expect(row(grid, second.spanId)).toHaveAttribute('aria-expanded', 'false');
    await page.keyboard.press('ArrowLeft');
    await expectActiveSpan(grid, root.spanId);
    await expectRowCount(grid, 3);
    // → expands the active row; on an open row it moves to the first child.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    await expect(firstRow).toHaveAttribute('aria-expanded', 'true');
    await expectRowCount(grid, 3 + subtreeSize(first) - 1);
    await page.keyboard.press('ArrowRight');
    await expectActiveSpan(grid, grandchild.spanId);
    await page.keyboard.press('End');
    await expectActiveSpan(grid, second.spanId);

    // ? opens the shortcut list, Escape closes it and the timeline keeps the focus.
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('rowheader', { name: '← / →' }).or(dialog.getByRole('rowheader', { name: '←' }))).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(grid).toBeFocused();
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
    // ? and / also work with the focus elsewhere on the page (here: an options checkbox), but a
    // text field keeps them as text.
    await page.getByRole('checkbox', { name: 'Critical path' }).focus();
    await page.keyboard.press('?');
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await page.getByRole('checkbox', { name: 'Critical path' }).focus();
    await page.keyboard.press('/');
    const findBox = page.getByRole('searchbox').or(page.getByPlaceholder(/^Find:/)).first();
    await expect(findBox).toBeFocused();
    await page.keyboard.type('a/b?');
    await expect(findBox).toHaveValue('a/b?');
    await expect(dialog).toBeHidden();
  });

  test('collapse all, + level, − level and expand all change aria-rowcount level by level', async ({ page }) => {
    const tree = readOtlpTree(ERROR_FIXTURE);
    const grid = await openFiles(page, [ERROR_FIXTURE]);
    const options = page.getByRole('group', { name: 'Timeline options' });
    await expectRowCount(grid, tree.spans.length);
    await options.getByRole('button', { name: 'Collapse all' }).click();
    await expectRowCount(grid, tree.roots.length);
    await expect(row(grid, tree.roots[0]!.spanId)).toHaveAttribute('aria-expanded', 'false');
    await options.getByRole('button', { name: '+ level' }).click();
    await expectRowCount(grid, rowsWithLevelsOpen(tree, 1));
    await options.getByRole('button', { name: '+ level' }).click();
    await expectRowCount(grid, rowsWithLevelsOpen(tree, 2));
    // The keyboard's + does the same.
    await grid.focus();
    await page.keyboard.press('+');
    await expectRowCount(grid, rowsWithLevelsOpen(tree, 3));
    await options.getByRole('button', { name: '− level' }).click();
    await expectRowCount(grid, rowsWithLevelsOpen(tree, 2));
    await options.getByRole('button', { name: 'Expand all' }).click();
    await expectRowCount(grid, tree.spans.length);
    expect(rowsWithLevelsOpen(tree, 2)).toBeLessThan(rowsWithLevelsOpen(tree, 3));
  });

  test('find: match count, next/previous, show only matches', async ({ page }) => {
    const tree = readOtlpTree(ERROR_FIXTURE);
    const matches = tree.spans.filter((s) => (s.attributes.get('db.system') ?? []).some((v) => v.toLowerCase().includes('redis')));
    expect(matches.length).toBe(4);
    const grid = await openFiles(page, [ERROR_FIXTURE]);
    await find(page, 'db.system=redis');
    await expect(findStatus(page)).toHaveText(`${matches.length} matches`);
    // Matches are visited in tree order (children sorted by start).
    const inOrder = await grid.locator('[role="row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-span-id')));
    const expectedOrder = inOrder.filter((id) => matches.some((m) => m.spanId === id));
    expect(expectedOrder).toHaveLength(matches.length);

    const next = page.getByRole('button', { name: 'Next match' });
    const previous = page.getByRole('button', { name: 'Previous match' });
    await next.click();
    await expect(findStatus(page)).toHaveText(`1 of ${matches.length} matches`);
    await expectActiveSpan(grid, expectedOrder[0]!);
    await next.click();
    await expectActiveSpan(grid, expectedOrder[1]!);
    await previous.click();
    await expectActiveSpan(grid, expectedOrder[0]!);
    await previous.click();
    // Wraps around to the last match.
    await expect(findStatus(page)).toHaveText(`${matches.length} of ${matches.length} matches`);
    await expectActiveSpan(grid, expectedOrder[matches.length - 1]!);
    // Enter in the find box goes to the next match too.
    await findBox(page).press('Enter');
    await expectActiveSpan(grid, expectedOrder[0]!);

    await page.getByRole('checkbox', { name: 'Show only matches' }).check();
    await expectRowCount(grid, matchesWithAncestors(tree, matches));
    for (const m of matches) await expect(row(grid, m.spanId)).toHaveCount(1);
    await page.getByRole('checkbox', { name: 'Show only matches' }).uncheck();
    await expectRowCount(grid, tree.spans.length);

    await find(page, 'no-such-thing-here');
    await expect(findStatus(page)).toHaveText('No matches');
    await expect(next).toBeDisabled();
  });

  test('next error goes to an error span with an error marker; previous error goes back', async ({ page }) => {
    const tree = readOtlpTree(ERROR_FIXTURE);
    const errors = tree.spans.filter((s) => s.isError);
    expect(errors.length).toBe(2);
    const grid = await openFiles(page, [ERROR_FIXTURE]);
    await expect(page.locator('dl[aria-label="Trace summary"] dt:text-is("Errors") + dd')).toHaveText(new RegExp(`^\\s*${errors.length}\\b`));
    // Collapse everything first: the jump must reveal the span.
    await page.getByRole('button', { name: 'Collapse all' }).click();
    await expectRowCount(grid, 1);
    await page.getByRole('button', { name: /Next error/ }).click();
    await expect.poll(() => activeSpanId(grid)).not.toBeNull();
    const firstId = await activeSpanId(grid);
    expect(errors.map((e) => e.spanId)).toContain(firstId);
    const firstRow = row(grid, firstId!);
    await expect(firstRow).toBeVisible();
    await expect(firstRow.getByText('Error', { exact: true })).toHaveCount(1);
    await grid.focus();
    await page.keyboard.press('e');
    const secondId = errors.find((e) => e.spanId !== firstId)!.spanId;
    await expectActiveSpan(grid, secondId);
    await expect(row(grid, secondId).getByText('Error', { exact: true })).toHaveCount(1);
    await page.getByRole('button', { name: /Previous error/ }).click();
    await expectActiveSpan(grid, firstId!);
    // Enter opens it: the details say it failed.
    await grid.focus();
    await page.keyboard.press('Enter');
    await expect(details(page).locator('dt:text-is("Status") + dd')).toContainText('error');
  });

  test('a file-backed trace reloaded (files are not kept) offers to open the file again, not a Retry that cannot work', async ({ page }) => {
    const grid = await openFiles(page, [N_PLUS_ONE_FIXTURE]);
    const rows = await grid.getAttribute('aria-rowcount');
    await page.reload();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Open the file again');
    await expect(alert.getByRole('button', { name: 'Retry' })).toHaveCount(0);
    const chooser = page.waitForEvent('filechooser');
    await alert.getByRole('button', { name: 'Open the file again' }).click();
    await (await chooser).setFiles(fixture(N_PLUS_ONE_FIXTURE));
    await expect(timeline(page)).toHaveAttribute('aria-rowcount', rows ?? '');
  });

  test('find error=true finds the spans that failed by OTLP status code (no error=true tag in the file)', async ({ page }) => {
    const tree = readOtlpTree(N_PLUS_ONE_FIXTURE);
    const errors = tree.spans.filter((s) => s.isError);
    expect(errors.length).toBe(3);
    // Their only `error` attribute is a log's message ("redis timeout"): nothing says error=true.
    expect(errors.every((e) => !(e.attributes.get('error') ?? []).includes('true'))).toBe(true);
    const grid = await openFiles(page, [N_PLUS_ONE_FIXTURE]);
    await find(page, 'error=true');
    await expect(findStatus(page)).toHaveText('3 matches');
    await page.getByRole('button', { name: 'Next match' }).click();
    expect(errors.map((e) => e.spanId)).toContain(await activeSpanId(grid));
  });

  test('with show only matches, next/previous error move among the shown errors and are disabled when none is shown', async ({ page }) => {
    const tree = readOtlpTree(ERROR_FIXTURE);
    const errors = tree.spans.filter((s) => s.isError);
    const grid = await openFiles(page, [ERROR_FIXTURE]);
    const nextError = page.getByRole('button', { name: /Next error/ });
    const previousError = page.getByRole('button', { name: /Previous error/ });
    await expect(nextError).toBeEnabled();
    await page.getByRole('checkbox', { name: 'Show only matches' }).check();
    await find(page, 'no-such-thing-here');
    await expectRowCount(grid, 0);
    await expect(nextError).toBeDisabled();
    await expect(previousError).toBeDisabled();
    // A query that shows one error span (and its ancestors, none of them an error): the jump lands on it.
    const hasErrorAncestor = (span: FixtureSpan) => {
      for (let p = tree.byId.get(span.parentId); p; p = tree.byId.get(p.parentId)) if (p.isError) return true;
      return false;
    };
    const target = errors.find((e) => !hasErrorAncestor(e))!;
    await find(page, target.spanId);
    await expect(nextError).toBeEnabled();
    await nextError.click();
    await expectActiveSpan(grid, target.spanId);
    // Off again: every error is a target, the filter no longer hides any.
    await page.getByRole('checkbox', { name: 'Show only matches' }).uncheck();
    await find(page, 'no-such-thing-here');
    await expect(nextError).toBeEnabled();
  });

  test('Group repeats folds 13 serial GetDriver siblings into one row and back', async ({ page }) => {
    const tree = readOtlpTree(N_PLUS_ONE_FIXTURE);
    const drivers = tree.spans.filter((s) => s.name === 'GetDriver');
    expect(drivers.length).toBe(13);
    const grid = await openFiles(page, [N_PLUS_ONE_FIXTURE]);
    await expectRowCount(grid, tree.spans.length);
    const toggle = page.getByRole('checkbox', { name: 'Group repeats' });
    await toggle.check();
    await expectRowCount(grid, tree.spans.length - 12);
    const group = grid.getByRole('row', { name: /13 × .*GetDriver/ });
    await expect(group).toHaveCount(1);
    await expect(group).toHaveAttribute('aria-expanded', 'false');
    await expect(group).toHaveAttribute('aria-level', String(1 + 3));
    // The errors inside stay visible on the folded row.
    const errorCount = drivers.filter((d) => d.isError).length;
    expect(errorCount).toBe(3);
    await expect(group).toContainText(`${errorCount}!`);
    // Unfold with the keyboard: the header stays, the 13 members come back.
    await group.click();
    await grid.focus();
    await page.keyboard.press('ArrowRight');
    await expect(group).toHaveAttribute('aria-expanded', 'true');
    await expectRowCount(grid, tree.spans.length + 1);
    // The header counts rows and spans apart (it read "24 of 23 rows" here).
    await expect(page.getByText(`(${tree.spans.length + 1} rows, ${tree.spans.length} spans)`)).toBeVisible();
    await page.keyboard.press('ArrowLeft');
    await expectRowCount(grid, tree.spans.length - 12);
    await toggle.uncheck();
    await expectRowCount(grid, tree.spans.length);
    await expect(grid.getByRole('row', { name: /13 ×/ })).toHaveCount(0);
  });

  test('a trace with an orphan span says it is incomplete and marks the orphan', async ({ page }) => {
    const tree = readOtlpTree(ORPHAN_FIXTURE);
    const orphans = tree.spans.filter((s) => s.parentId !== '' && !tree.byId.has(s.parentId));
    expect(orphans.length).toBe(1);
    const grid = await openFiles(page, [ORPHAN_FIXTURE]);
    await expectRowCount(grid, tree.spans.length);
    await expect(page.getByText('Incomplete trace:')).toBeVisible();
    await expect(page.getByText(/1 span refers to a parent span that is not in the trace/)).toBeVisible();
    const orphanRow = row(grid, orphans[0]!.spanId);
    await expect(orphanRow).toHaveAttribute('aria-level', '1');
    await expect(orphanRow.getByText('Parent span missing')).toHaveCount(1);
    await page.getByRole('button', { name: 'Collapse all' }).click();
    await expectRowCount(grid, tree.roots.length);
    await orphanRow.click();
    await expect(details(page).getByText(`${orphans[0]!.parentId} (not in this trace)`)).toBeVisible();
  });

  test('clock skew is marked, and the adjustment moves the bars and moves them back', async ({ page }) => {
    const grid = await openFiles(page, [SKEW_FIXTURE]);
    const adjust = page.getByRole('checkbox', { name: /Adjust clock skew \(\d+\)/ });
    await expect(adjust).toBeEnabled();
    const skewed = grid.locator('[role="row"]').filter({ hasText: 'Clock skew: outside its parent across a process boundary' });
    const skewedCount = await skewed.count();
    expect(skewedCount).toBeGreaterThan(0);
    await expect(adjust).toHaveAccessibleName(`Adjust clock skew (${skewedCount})`);
    const bars = () => grid.locator('[data-span-bar]').evaluateAll((els) => els.map((e) => (e as HTMLElement).style.left));
    const before = await bars();
    expect(before.length).toBe(await grid.locator('[role="row"]').count());

    await adjust.check();
    await expect.poll(bars).not.toEqual(before);
    await expect(page).toHaveURL(/[?&]skew=1(&|$)/);
    await expect(grid.locator('[role="row"]').filter({ hasText: /Clock skew adjusted by/ })).toHaveCount(skewedCount);
    await adjust.uncheck();
    await expect.poll(bars).toEqual(before);
    await expect(page).not.toHaveURL(/[?&]skew=/);
    await expect(grid.locator('[role="row"]').filter({ hasText: /Clock skew adjusted by/ })).toHaveCount(0);
  });

  test('views: span table sorts by duration, statistics group by service, flame graph, JSON with download', async ({ page }) => {
    const tree = readOtlpTree(ERROR_FIXTURE);
    await openFiles(page, [ERROR_FIXTURE]);
    const tabs = page.getByRole('navigation', { name: 'Trace views' });
    await expect(tabs.getByRole('link', { name: 'Timeline' })).toHaveAttribute('aria-current', 'page');

    // Spans: sorted by duration, longest first; the header flips it.
    await tabs.getByRole('link', { name: 'Spans' }).click();
    await expect(page).toHaveURL(/[?&]view=spans/);
    await expect(tabs.getByRole('link', { name: 'Spans' })).toHaveAttribute('aria-current', 'page');
    const table = page.getByRole('table', { name: 'Spans', exact: true });
    const byDuration = [...tree.spans].sort((a, b) => b.durationUs - a.durationUs);
    const durationHeader = table.getByRole('columnheader', { name: /Duration/ });
    await table.getByRole('button', { name: /^Start/ }).click();
    await expect(table.getByRole('columnheader', { name: /Start/ })).toHaveAttribute('aria-sort', 'ascending');
    await expect(table.locator('tbody tr[data-span-id]').first()).toHaveAttribute('data-span-id', [...tree.spans].sort((a, b) => (a.startNs < b.startNs ? -1 : 1))[0]!.spanId);
    await table.getByRole('button', { name: /^Duration/ }).click();
    await expect(durationHeader).toHaveAttribute('aria-sort', 'descending');
    await expect(table.locator('tbody tr[data-span-id]').first()).toHaveAttribute('data-span-id', byDuration[0]!.spanId);
    await table.getByRole('button', { name: /^Duration/ }).click();
    await expect(durationHeader).toHaveAttribute('aria-sort', 'ascending');
    await expect(table.locator('tbody tr[data-span-id]').first()).toHaveAttribute('data-span-id', byDuration[byDuration.length - 1]!.spanId);
    await expect(table.locator('tbody tr[data-span-id]')).toHaveCount(tree.spans.length);
    // A row opens the same details panel, and span= follows; the keyboard reaches it as a button.
    await table.locator(`tbody tr[data-span-id="${byDuration[1]!.spanId}"]`).click();
    await expect(details(page).getByRole('heading', { level: 2 })).toHaveText(byDuration[1]!.name);
    expect(param(page, 'span')).toBe(byDuration[1]!.spanId);
    await table.locator(`tbody tr[data-span-id="${byDuration[0]!.spanId}"]`).getByRole('button', { name: byDuration[0]!.name }).focus();
    await page.keyboard.press('Enter');
    await expect(details(page).getByRole('heading', { level: 2 })).toHaveText(byDuration[0]!.name);
    await expect(page).toHaveURL(new RegExp(`span=${byDuration[0]!.spanId}`));

    // Statistics: one row per service with its span count.
    await tabs.getByRole('link', { name: 'Statistics' }).click();
    await expect(page).toHaveURL(/[?&]view=stats/);
    const stats = page.getByRole('table', { name: 'Trace statistics' });
    const perService = new Map<string, number>();
    for (const s of tree.spans) perService.set(s.service, (perService.get(s.service) ?? 0) + 1);
    await expect(stats.getByRole('rowheader')).toHaveCount(perService.size);
    for (const [service, count] of perService) {
      await expect(stats.getByRole('row').filter({ has: page.getByRole('rowheader', { name: service, exact: true }) }).getByRole('cell').first()).toHaveText(String(count));
    }

    // Flame graph: a canvas with something drawn on it; a click on the root opens it.
    await tabs.getByRole('link', { name: 'Flame graph' }).click();
    await expect(page).toHaveURL(/[?&]view=flame/);
    const flame = page.getByRole('img', { name: new RegExp(`^Flame graph of ${tree.spans.length} spans`) });
    await expect(flame).toBeVisible();
    await expect
      .poll(() =>
        flame.evaluate((c) => {
          const canvas = c as HTMLCanvasElement;
          const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
          let painted = 0;
          for (let i = 3; data && i < data.length; i += 4) if (data[i]! > 0) painted++;
          return painted;
        }),
      )
      .toBeGreaterThan(1000);
    await flame.click({ position: { x: 20, y: 8 } });
    await expect(details(page).getByRole('heading', { level: 2 })).toHaveText(tree.roots[0]!.name);
    expect(param(page, 'span')).toBe(tree.roots[0]!.spanId);
    // The selected box is outlined in the theme's ink, and a theme switch repaints it.
    const outlinePixel = () =>
      flame.evaluate((c) => {
        const ratio = window.devicePixelRatio || 1;
        const data = (c as HTMLCanvasElement).getContext('2d')!.getImageData(Math.round(60 * ratio), Math.round(2 * ratio), 1, 1).data;
        return [data[0], data[1], data[2]];
      });
    await expect.poll(outlinePixel).toEqual([2, 6, 23]);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(outlinePixel).toEqual([255, 255, 255]);
    await page.emulateMedia({ colorScheme: 'light' });

    // JSON: the file as received, and a download of all of it.
    await tabs.getByRole('link', { name: 'JSON' }).click();
    await expect(page).toHaveURL(/[?&]view=json/);
    const json = page.getByRole('region', { name: 'Trace JSON' }).or(page.locator('pre[aria-label="Trace JSON"]'));
    await expect(json).toContainText('"resourceSpans"');
    await expect(json).toContainText(tree.roots[0]!.spanId);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download JSON' }).click()]);
    const downloaded = readFileSync(await download.path(), 'utf8');
    expect(JSON.parse(downloaded)).toEqual(tree.raw);
    expect(download.suggestedFilename()).toMatch(/\.json$/);

    // Back to the timeline: view= leaves the URL, the selection stays.
    await tabs.getByRole('link', { name: 'Timeline' }).click();
    await expect(page).not.toHaveURL(/[?&]view=/);
    await expect(row(timeline(page), tree.roots[0]!.spanId)).toHaveAttribute('aria-selected', 'true');
  });
});

// ---- tests on the demo backend (links survive a reload) -----------------------------------------

test.describe('trace view on demo traces', () => {
  test('a search result opens its trace with every span in the timeline', async ({ page }) => {
    await page.goto('./search?lookback=1h');
    await page.getByRole('search').getByRole('button', { name: /^(find traces|search)$/i }).click();
    const results = page.getByRole('list', { name: 'Search results' }).or(page.getByRole('table', { name: 'Search results' })).first();
    const link = results.getByRole('link').first();
    await expect(link).toBeVisible();
    await link.click();
    await expect(page).toHaveURL(/\/trace\/[0-9a-f]{32}/);
    const spans = page.locator('dl[aria-label="Trace summary"] dt:text-is("Spans") + dd');
    await expect(spans).toHaveText(/^\s*\d+/);
    const count = Number(/\d+/.exec((await spans.textContent()) ?? '')?.[0]);
    expect(count).toBeGreaterThan(1);
    await expectRowCount(timeline(page), count);
    await expect(timeline(page).getByRole('row').first()).toHaveAttribute('aria-level', '1');
  });

  test('in a narrow window with the span details open, the bars keep half of the waterfall', async ({ page }) => {
    await page.setViewportSize({ width: 800, height: 700 });
    await page.goto(`./trace/${checkoutTraceId}?backend=demo`);
    const grid = timeline(page);
    await grid.getByRole('row').nth(2).click();
    await expect(details(page)).toBeVisible();
    const cells = grid.getByRole('row').nth(2).getByRole('gridcell');
    await expect
      .poll(async () => {
        const [name, bars] = [await cells.nth(0).boundingBox(), await cells.nth(1).boundingBox()];
        return name && bars ? bars.width / (name.width + bars.width) : 0;
      })
      .toBeGreaterThanOrEqual(0.49);
  });

  test('span= selects the span after a reload', async ({ page }) => {
    await page.goto(`./trace/${checkoutTraceId}?backend=demo`);
    const grid = timeline(page);
    await expect(grid).toBeVisible();
    const fourth = grid.getByRole('row').nth(3);
    const spanId = (await fourth.getAttribute('data-span-id'))!;
    await fourth.click();
    const name = (await details(page).getByRole('heading', { level: 2 }).textContent())!;
    await expect(page).toHaveURL(new RegExp(`span=${spanId}`));
    await page.reload();
    await expect(details(page).getByRole('heading', { level: 2 })).toHaveText(name);
    await expect(details(page).locator('dt:text-is("Span ID") + dd')).toHaveText(spanId);
    await expect(row(timeline(page), spanId)).toHaveAttribute('aria-selected', 'true');
    // The same span deep in a collapsed tree (fold=all in the link): the link opens its ancestors.
    await page.getByRole('button', { name: 'Collapse all' }).click();
    await expect(row(timeline(page), spanId)).toHaveCount(0);
    await expect(page).toHaveURL(/[?&]fold=all(&|$)/);
    await page.reload();
    await expect(row(timeline(page), spanId)).toHaveAttribute('aria-selected', 'true');
    await expect.poll(async () => Number(await timeline(page).getAttribute('aria-rowcount'))).toBeLessThan(44);
  });

  test('fold= keeps collapsed rows over a reload: − level and a subtree, then Collapse all but one; Expand all removes it', async ({ page }) => {
    await page.goto(`./trace/${checkoutTraceId}?backend=demo`);
    const grid = timeline(page);
    await expect(grid).toBeVisible();
    const total = Number(await grid.getAttribute('aria-rowcount'));
    const options = page.getByRole('group', { name: 'Timeline options' });
    const rootId = (await grid.getByRole('row').first().getAttribute('data-span-id'))!;
    const shownCount = async () => Number(await grid.getAttribute('aria-rowcount'));

    // Close the two deepest levels: one rule, "collapsed from depth N on".
    await options.getByRole('button', { name: '− level' }).click();
    await expect.poll(shownCount).toBeLessThan(total);
    const afterOneLevel = await shownCount();
    await options.getByRole('button', { name: '− level' }).click();
    await expect.poll(shownCount).toBeLessThan(afterOneLevel);
    await expect.poll(() => param(page, 'fold')).toMatch(/^d\d+$/);
    const byLevel = param(page, 'fold');

    // Then collapse one subtree that is still open with the keyboard: the last open row below the root.
    const parent = grid.locator('[role="row"][aria-expanded="true"]:not([aria-level="1"])').last();
    const parentId = (await parent.getAttribute('data-span-id'))!;
    const parentAt = Number(await parent.getAttribute('aria-rowindex')) - 1;
    await grid.focus();
    await page.keyboard.press('Home');
    await expectActiveSpan(grid, rootId);
    for (let i = 0; i < parentAt; i++) await page.keyboard.press('ArrowDown');
    await expectActiveSpan(grid, parentId);
    const beforeSubtree = await shownCount();
    await page.keyboard.press('ArrowLeft');
    await expect(row(grid, parentId)).toHaveAttribute('aria-expanded', 'false');
    await expect.poll(shownCount).toBeLessThan(beforeSubtree);
    await expect.poll(() => param(page, 'fold')).not.toBe(byLevel);
    expect(param(page, 'fold')).not.toBeNull();
    await page.keyboard.press('Home');
    const folded = await topRows(grid);
    await page.reload();
    await expect(row(grid, parentId)).toHaveAttribute('aria-expanded', 'false');
    await expect.poll(() => topRows(grid)).toEqual(folded);

    // Collapse all, then open the root (keyboard) and one of its children (its toggle).
    await options.getByRole('button', { name: 'Collapse all' }).click();
    await expectRowCount(grid, 1);
    await expect.poll(() => param(page, 'fold')).toBe('all');
    await grid.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await expect(row(grid, rootId)).toHaveAttribute('aria-expanded', 'true');
    const child = grid.locator('[role="row"][aria-level="2"][aria-expanded="false"]').first();
    const childId = (await child.getAttribute('data-span-id'))!;
    await child.getByRole('button', { name: /^Expand / }).click();
    await expect(row(grid, childId)).toHaveAttribute('aria-expanded', 'true');
    await expect.poll(() => param(page, 'fold')).not.toBe('all');
    expect(param(page, 'fold')).not.toBeNull();
    const openedOne = await topRows(grid);
    expect(Number(openedOne.rowCount)).toBeLessThan(total);
    await page.reload();
    await expect(row(grid, childId)).toHaveAttribute('aria-expanded', 'true');
    await expect.poll(() => topRows(grid)).toEqual(openedOne);

    // Expand all: nothing is collapsed, so the parameter goes; a reload shows every span.
    await options.getByRole('button', { name: 'Expand all' }).click();
    await expectRowCount(grid, total);
    await expect(page).not.toHaveURL(/[?&]fold=/);
    await page.reload();
    await expectRowCount(grid, total);
  });

  test('find= survives a reload and Jaeger uiFind= links work', async ({ page }) => {
    await page.goto(`./trace/${checkoutTraceId}?backend=demo`);
    await expect(timeline(page)).toBeVisible();
    await find(page, 'payments');
    const status = await findStatus(page).textContent();
    expect(status).toMatch(/^\d+ match(es)?$/);
    await page.reload();
    await expect(findBox(page)).toHaveValue('payments');
    await expect(findStatus(page)).toHaveText(status!);

    await page.goto(`./trace/${checkoutTraceId}?backend=demo&uiFind=payments`);
    await expect(findBox(page)).toHaveValue('payments');
    await expect(findStatus(page)).toHaveText(status!);
    await page.getByRole('checkbox', { name: 'Show only matches' }).check();
    const shown = Number(await timeline(page).getAttribute('aria-rowcount'));
    expect(shown).toBeGreaterThanOrEqual(Number(status!.split(' ')[0]));
    expect(shown).toBeLessThan(44);
  });

  test('the view switches are in the URL (critical=1, group=repeats, label=, findmode=filter) and a reload keeps them', async ({ page }) => {
    await page.goto(`./trace/${checkoutTraceId}?backend=demo`);
    const grid = timeline(page);
    await expect(grid).toBeVisible();
    const historyLength = await page.evaluate(() => history.length);
    const options = page.getByRole('group', { name: 'Timeline options' });
    const critical = options.getByRole('checkbox', { name: 'Critical path' });
    const repeats = options.getByRole('checkbox', { name: 'Group repeats' });
    const label = options.getByRole('combobox', { name: /^Bar label/ });
    const onlyMatches = page.getByRole('checkbox', { name: 'Show only matches' });
    await expect(grid.locator('[data-critical-path]')).toHaveCount(0);
    await critical.check();
    await expect(grid.locator('[data-critical-path]').first()).toBeVisible();
    await repeats.check();
    const key = (await label.locator('option').nth(1).getAttribute('value'))!;
    await label.selectOption(key);
    await find(page, 'payments');
    await onlyMatches.check();
    await expect(page).toHaveURL(/[?&]findmode=filter(&|$)/);
    expect(param(page, 'critical')).toBe('1');
    expect(param(page, 'group')).toBe('repeats');
    expect(param(page, 'label')).toBe(key);
    const before = await topRows(grid);
    expect(Number(before.rowCount)).toBeLessThan(44);
    const criticalBars = await grid.locator('[data-critical-path]').count();

    await page.reload();
    await expect(grid).toBeVisible();
    await expect(critical).toBeChecked();
    await expect(repeats).toBeChecked();
    await expect(label).toHaveValue(key);
    await expect(onlyMatches).toBeChecked();
    await expect(findBox(page)).toHaveValue('payments');
    await expect.poll(() => topRows(grid)).toEqual(before);
    await expect(grid.locator('[data-critical-path]')).toHaveCount(criticalBars);

    // Back to the defaults: the parameters go, and no history entry was added on the way.
    await critical.uncheck();
    await repeats.uncheck();
    await label.selectOption('');
    await onlyMatches.uncheck();
    await expect(page).not.toHaveURL(/[?&](critical|group|label|findmode)=/);
    await expect(grid.locator('[data-critical-path]')).toHaveCount(0);
    expect(param(page, 'find')).toBe('payments');
    expect(await page.evaluate(() => history.length)).toBe(historyLength);
  });

  test('unfolded repeat groups are in the URL (group=repeats_<first member>) and a reload keeps them', async ({ page }) => {
    await page.goto(`./trace/${orderHistoryTraceId}?backend=demo&group=repeats`);
    const grid = timeline(page);
    const group = grid.getByRole('row', { name: /\d+ × / }).first();
    await expect(group).toHaveAttribute('aria-expanded', 'false');
    const historyLength = await page.evaluate(() => history.length);
    const folded = Number(await grid.getAttribute('aria-rowcount'));
    const members = Number(/(\d+) × /.exec((await group.getAttribute('aria-label')) ?? (await group.textContent()) ?? '')?.[1]);
    expect(members).toBeGreaterThanOrEqual(3);

    await group.click();
    await grid.focus();
    await page.keyboard.press('ArrowRight');
    await expect(group).toHaveAttribute('aria-expanded', 'true');
    await expectRowCount(grid, folded + members);
    await expect(page).toHaveURL(/[?&]group=repeats_[0-9a-f]+(&|$)/);
    // The list names the group by its first member: the row right under the header.
    const headerAt = Number(await group.getAttribute('aria-rowindex'));
    const firstMember = grid.locator(`[role="row"][aria-rowindex="${headerAt + 1}"]`);
    expect(param(page, 'group')).toBe(`repeats_${await firstMember.getAttribute('data-span-id')}`);
    const before = await topRows(grid);

    await page.reload();
    await expect(group).toHaveAttribute('aria-expanded', 'true');
    await expectRowCount(grid, folded + members);
    await expect.poll(() => topRows(grid)).toEqual(before);

    // Folded again: the list goes; grouping off and on again starts with every group folded.
    await group.click();
    await grid.focus();
    await page.keyboard.press('ArrowLeft');
    await expectRowCount(grid, folded);
    await expect.poll(() => param(page, 'group')).toBe('repeats');
    await page.keyboard.press('ArrowRight');
    await expect(page).toHaveURL(/[?&]group=repeats_/);
    const repeats = page.getByRole('group', { name: 'Timeline options' }).getByRole('checkbox', { name: 'Group repeats' });
    await repeats.uncheck();
    await expect(page).not.toHaveURL(/[?&]group=/);
    await repeats.check();
    await expect(group).toHaveAttribute('aria-expanded', 'false');
    await expect.poll(() => param(page, 'group')).toBe('repeats');
    expect(await page.evaluate(() => history.length)).toBe(historyLength);
  });

  test('a label= the trace does not have shows the durations, and the link keeps it', async ({ page }) => {
    await page.goto(`./trace/${checkoutTraceId}?backend=demo`);
    const grid = timeline(page);
    const labels = () => grid.locator('[data-bar-label]').allTextContents();
    await expect(grid.locator('[data-bar-label]').first()).toBeVisible();
    const durations = await labels();
    expect(durations.every((text) => /\d/.test(text))).toBe(true);

    await page.goto(`./trace/${checkoutTraceId}?backend=demo&label=no.such.attribute`);
    await expect(grid.locator('[data-bar-label]').first()).toBeVisible();
    expect(await labels()).toEqual(durations);
    await expect(page.getByRole('group', { name: 'Timeline options' }).getByRole('combobox', { name: /^Bar label/ })).toHaveValue('');
    expect(param(page, 'label')).toBe('no.such.attribute');
  });

  test('view= links open each view directly, and a reload stays in it', async ({ page }) => {
    await page.goto(`./trace/${checkoutTraceId}?backend=demo&view=stats`);
    await expect(page.getByRole('table', { name: 'Trace statistics' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('table', { name: 'Trace statistics' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Trace views' }).getByRole('link', { name: 'Statistics' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('table', { name: 'Trace statistics' }).getByRole('rowheader', { name: 'web-frontend', exact: true })).toBeVisible();
    await page.goto(`./trace/${checkoutTraceId}?backend=demo&view=spans`);
    const table = page.getByRole('table', { name: 'Spans', exact: true });
    await expect(table).toBeVisible();
    // A link to the shortest span (last in the default longest-first order) scrolls it into view.
    await table.getByRole('button', { name: /^Duration/ }).click();
    const shortestId = (await table.locator('tbody tr[data-span-id]').first().getAttribute('data-span-id'))!;
    await page.goto(`./trace/${checkoutTraceId}?backend=demo&view=spans&span=${shortestId}`);
    await expect(table.getByRole('columnheader', { name: /Duration/ })).toHaveAttribute('aria-sort', 'descending');
    await expect(table.locator(`tbody tr[data-span-id="${shortestId}"]`)).toBeInViewport({ ratio: 1 });
    await expect(table.locator(`tbody tr[data-span-id="${shortestId}"]`)).toHaveAttribute('aria-selected', 'true');
    await page.goto(`./trace/${checkoutTraceId}?backend=demo&view=flame`);
    await expect(page.getByRole('img', { name: /^Flame graph of 44 spans/ })).toBeVisible();
    await page.goto(`./trace/${checkoutTraceId}?backend=demo&view=json`);
    await expect(page.locator('pre[aria-label="Trace JSON"]')).toContainText(checkoutTraceId);
    await expect(page.getByRole('link', { name: 'Download JSON' })).toHaveAttribute('download', /\.json$/);
    await page.goto(`./trace/${checkoutTraceId}?backend=demo&view=nonsense`);
    await expect(timeline(page)).toBeVisible();
  });

  test('the span table and statistics keep their sort, service and grouping in the URL (spans.*, stats.*) across reloads and tabs', async ({ page }) => {
    await page.goto(`./trace/${checkoutTraceId}?backend=demo&view=spans`);
    const tabs = page.getByRole('navigation', { name: 'Trace views' });
    const table = page.getByRole('table', { name: 'Spans', exact: true });
    const spanRows = table.locator('tbody tr[data-span-id]');
    const service = page.getByRole('combobox', { name: /^Service/ });
    await expect(spanRows.first()).toBeVisible();
    const historyLength = await page.evaluate(() => history.length);
    const allSpans = await spanRows.count();

    // Self time, shortest first, only one service's spans.
    await table.getByRole('button', { name: /^Self time/ }).click();
    await table.getByRole('button', { name: /^Self time/ }).click();
    await expect(table.getByRole('columnheader', { name: /Self time/ })).toHaveAttribute('aria-sort', 'ascending');
    const serviceName = (await service.locator('option').nth(1).textContent())!.replace(/ \(\d+\)$/, '');
    await service.selectOption({ index: 1 });
    await expect(page).toHaveURL(/[?&]spans\.service=/);
    expect(param(page, 'spans.sort')).toBe('selfTime');
    expect(param(page, 'spans.service')).toBe(serviceName);
    const filtered = await spanRows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-span-id')));
    expect(filtered.length).toBeLessThan(allSpans);

    // Statistics: by operation, p95 first.
    await tabs.getByRole('link', { name: 'Statistics' }).click();
    const stats = page.getByRole('table', { name: 'Trace statistics' });
    await page.getByRole('combobox', { name: 'Group by' }).selectOption('operation');
    await stats.getByRole('button', { name: /^p95/ }).click();
    await expect(stats.getByRole('columnheader', { name: /p95/ })).toHaveAttribute('aria-sort', 'descending');
    await expect(page).toHaveURL(/[?&]stats\.sort=-p95(&|$)/);
    expect(param(page, 'stats.by')).toBe('operation');
    const statsRows = () => stats.getByRole('rowheader').allTextContents();
    const byOperation = await statsRows();

    await page.reload();
    await expect(stats.getByRole('columnheader', { name: /p95/ })).toHaveAttribute('aria-sort', 'descending');
    await expect(page.getByRole('combobox', { name: 'Group by' })).toHaveValue('operation');
    await expect.poll(statsRows).toEqual(byOperation);
    // The span table's own parameters were kept beside them.
    await tabs.getByRole('link', { name: 'Spans' }).click();
    await expect(table.getByRole('columnheader', { name: /Self time/ })).toHaveAttribute('aria-sort', 'ascending');
    await expect(service).toHaveValue('0');
    await expect.poll(() => spanRows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-span-id')))).toEqual(filtered);
    expect(await page.evaluate(() => history.length)).toBe(historyLength); // (tabs and controls replace the entry)

    // A service the trace lacks shows every span, and the link keeps it; defaults write nothing.
    await page.goto(`./trace/${checkoutTraceId}?backend=demo&view=spans&spans.service=no-such-service`);
    await expect(spanRows).toHaveCount(allSpans);
    await expect(service).toHaveValue('');
    expect(param(page, 'spans.service')).toBe('no-such-service');
    await service.selectOption({ index: 1 });
    await service.selectOption('');
    await expect(page).not.toHaveURL(/spans\.service=/);
  });

  test('zoom: a drag on the minimap zooms, zoom= is in the URL, a reload keeps it, 0 resets it', async ({ page }) => {
    await page.goto(`./trace/${checkoutTraceId}?backend=demo`);
    const grid = timeline(page);
    await expect(grid).toBeVisible();
    const minimap = page.getByRole('img', { name: 'Trace minimap: drag to zoom' });
    const box = (await minimap.boundingBox())!;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width * 0.1, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.2, y, { steps: 4 });
    await page.mouse.move(box.x + box.width * 0.3, y, { steps: 4 });
    await page.mouse.up();
    await expect(page).toHaveURL(/[?&]zoom=/);
    const [fromUs, toUs] = param(page, 'zoom')!.split(',').map(Number) as [number, number];
    // One third of the window, a tenth of the way in: the ratio holds whatever the trace length.
    expect(fromUs / toUs).toBeCloseTo(1 / 3, 1);
    const reset = page.getByRole('button', { name: /^Reset zoom/ });
    await expect(reset).toBeVisible();
    await page.reload();
    await expect(reset).toBeVisible();
    expect(param(page, 'zoom')).toBe(`${fromUs},${toUs}`);
    await timeline(page).focus();
    await page.keyboard.press('0');
    await expect(reset).toBeHidden();
    await expect(page).not.toHaveURL(/[?&]zoom=/);
  });

  test('a delayed URL write merges into the address bar, so a navigation React has not drawn yet is kept', async ({ page }) => {
    await page.goto(`./trace/${checkoutTraceId}?backend=demo&view=spans`);
    const table = page.getByRole('table', { name: 'Spans', exact: true });
    await expect(table.locator('tbody tr[data-span-id]').first()).toBeVisible();
    // The sort's URL write waits for a pause. Within it the address bar changes behind React's back,
    // as it does when a tab switch has been navigated but its render is still under way.
    await table.getByRole('button', { name: /^Self time/ }).click();
    await page.evaluate(() => history.replaceState(history.state, '', location.href.replace('view=spans', 'view=stats')));
    await expect.poll(() => param(page, 'spans.sort')).toBe('-selfTime');
    expect(param(page, 'view')).toBe('stats');
  });

  test('the 100k-span demo trace opens virtualised, collapses and navigates', async ({ page }) => {
    test.setTimeout(90_000);
    const big = DEMO_LARGE_TRACES.find((t) => t.spanCount === 100_000)!;
    await page.goto(`./trace/${big.id}?backend=demo`);
    const grid = timeline(page);
    await expect(grid).toHaveAttribute('aria-rowcount', '100000', { timeout: 45_000 });
    const rendered = await grid.getByRole('row').count();
    expect(rendered).toBeGreaterThan(10);
    expect(rendered).toBeLessThan(200);
    await grid.focus();
    await page.keyboard.press('End');
    await expect(grid).toHaveAttribute('aria-activedescendant', 'skein-row-99999');
    await expect(page.locator('#skein-row-99999')).toBeInViewport();
    expect(await grid.getByRole('row').count()).toBeLessThan(200);
    await page.getByRole('button', { name: 'Collapse all' }).click();
    await expectRowCount(grid, 1);
    await page.getByRole('button', { name: 'Expand all' }).click();
    await expectRowCount(grid, 100_000);
  });
});

import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { formatBytes, LoadProgress, percentDone } from './load-progress';

describe('LoadProgress', () => {
  it('shows a determinate bar with bytes, items and a Cancel button', () => {
    const html = renderToStaticMarkup(
      <LoadProgress label="Loading trace ab12" stepLabel="Downloading" bytesLoaded={42_000_000} bytesTotal={84_000_000} itemsDone={50_000} itemsLabel="spans" onCancel={() => {}} />,
    );
    expect(html).toContain('role="progressbar"');
    expect(html).toContain('aria-valuenow="50"');
    expect(html).toContain('aria-valuetext="Downloading, 42 MB of 84 MB, 50,000 spans"');
    expect(html).toMatch(/<button[^>]*>Cancel<\/button>/);
  });

  it('is indeterminate (no aria-valuenow) when the total is unknown, and has no Cancel without a handler', () => {
    const html = renderToStaticMarkup(<LoadProgress label="Loading" bytesLoaded={1500} bytesTotal={null} />);
    expect(html).toContain('role="progressbar"');
    expect(html).not.toContain('aria-valuenow');
    expect(html).toContain('aria-valuetext="2 kB"');
    expect(html).not.toContain('<button');
  });

  it('formats sizes and clamps percentages', () => {
    expect([formatBytes(999), formatBytes(1500), formatBytes(2_500_000), formatBytes(860_000_000), formatBytes(1.2e9)]).toEqual([
      '999 B',
      '2 kB',
      '2.5 MB',
      '860 MB',
      '1.20 GB',
    ]);
    expect([percentDone(5, 10), percentDone(11, 10), percentDone(1, 0), percentDone(1, null)]).toEqual([50, 100, null, null]);
  });
});

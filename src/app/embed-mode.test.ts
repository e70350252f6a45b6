import { afterEach, describe, expect, it } from 'vitest';
import { fullViewHref, isEmbedded, isEmbedRequested, keepEmbedParam, resetEmbedMode } from './embed-mode';

describe('embed mode', () => {
  afterEach(resetEmbedMode);

  it('is asked for by embed=1 or Jaeger UI uiEmbed=v0', () => {
    expect(isEmbedRequested(new URLSearchParams('embed=1'))).toBe(true);
    expect(isEmbedRequested(new URLSearchParams('uiEmbed=v0'))).toBe(true);
    expect(isEmbedRequested(new URLSearchParams('embed=0'))).toBe(false);
    expect(isEmbedRequested(new URLSearchParams(''))).toBe(false);
  });

  it('stays on for links followed inside the frame', () => {
    expect(isEmbedded(new URLSearchParams(''))).toBe(false);
    expect(isEmbedded(new URLSearchParams('embed=1'))).toBe(true);
    expect(isEmbedded(new URLSearchParams('backend=demo'))).toBe(true);
  });

  it('is carried over to a rewritten query string, as embed=1', () => {
    const next = new URLSearchParams('service=a&lookback=1h');
    expect(keepEmbedParam(next, new URLSearchParams('embed=1&service=b')).toString()).toBe('service=a&lookback=1h&embed=1');
    expect(keepEmbedParam(next, new URLSearchParams('uiEmbed=v0')).toString()).toBe('service=a&lookback=1h&embed=1');
    expect(keepEmbedParam(next, new URLSearchParams('service=b')).toString()).toBe('service=a&lookback=1h');
    expect(next.toString()).toBe('service=a&lookback=1h');
  });

  it('links to the same view without the embed parameters', () => {
    expect(fullViewHref('https://x.example/t/trace/ab?embed=1&span=cd&uiEmbed=v0')).toBe('https://x.example/t/trace/ab?span=cd');
  });
});

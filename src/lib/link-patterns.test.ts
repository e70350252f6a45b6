import { describe, expect, it, vi } from 'vitest';
import { fillLinkTemplate, isSafeLink, linksForSpan, readLinkPatterns, type LinkPattern } from './link-patterns';

const base = 'https://skein.example.com/tools/tracing/';

describe('link patterns', () => {
  const logs: LinkPattern = { type: 'tags', key: 'user.id', url: 'https://logs.example.com/search?q=#{user.id}&t=#{trace.id}', text: 'Logs of #{user.id}' };

  it('fills placeholders with URL-encoded values and keeps the text as text', () => {
    const v = new Map([['user.id', 'a b&c=<script>'], ['trace.id', 'abc123']]);
    expect(fillLinkTemplate(logs, v, base)).toEqual({
      url: 'https://logs.example.com/search?q=a%20b%26c%3D%3Cscript%3E&t=abc123',
      text: 'Logs of a b&c=<script>',
    });
  });

  it('gives no link when a placeholder has no value', () => {
    expect(fillLinkTemplate(logs, new Map([['trace.id', 'x']]), base)).toBeNull();
  });

  it('refuses javascript:, data: and other schemes with a warning, also when hidden by control characters', () => {
    const warn = vi.fn();
    for (const url of ['javascript:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<b>x</b>', 'vbscript:x', 'file:///etc/passwd']) {
      expect(fillLinkTemplate({ type: 'traces', url, text: 'x' }, new Map(), base, warn)).toBeNull();
    }
    expect(warn).toHaveBeenCalledTimes(6);
  });

  it('a value cannot turn a relative or http link into another scheme', () => {
    const v = new Map([['x', 'javascript:alert(1)']]);
    const link = fillLinkTemplate({ type: 'traces', url: '#{x}', text: 'go' }, v, base);
    // Encoded, the value is a relative path under the app, not a script URL.
    expect(link?.url).toBe('javascript%3Aalert(1)');
    expect(new URL(link!.url, base).protocol).toBe('https:');
  });

  it('accepts http, https and relative URLs', () => {
    expect(isSafeLink('http://a.example/x', base)).toBe(true);
    expect(isSafeLink('https://a.example/x', base)).toBe(true);
    expect(isSafeLink('../search?service=a', base)).toBe(true);
    expect(isSafeLink('//evil.example/x', base)).toBe(true); // protocol-relative stays https
    expect(isSafeLink('mailto:a@b.c', base)).toBe(false);
  });

  it('reads patterns from untrusted config, skipping bad entries', () => {
    const warn = vi.fn();
    const ps = readLinkPatterns([{ type: 'tags', key: 'k', url: 'https://x/#{k}', text: 't' }, { type: 'nope', url: 1 }, null], warn);
    expect(ps).toHaveLength(1);
    expect(warn).toHaveBeenCalledTimes(2);
    expect(readLinkPatterns({}, warn)).toEqual([]);
  });
});

describe('links for a span', () => {
  const span = {
    traceId: 't1',
    spanId: 's1',
    serviceName: 'cart',
    name: 'GET /cart',
    attributes: [{ key: 'user.id', value: 'u 7' }],
    resourceAttributes: [{ key: 'host.name', value: 'h1' }],
    events: [{ attributes: [{ key: 'log.id', value: 42 }] }],
  };
  it('applies patterns whose key the span has, in the right place, and trace patterns always', () => {
    const links = linksForSpan(
      [
        { type: 'tags', key: 'user.id', url: 'https://logs.example/?u=#{user.id}&t=#{trace.id}', text: 'user #{user.id}' },
        { type: 'tags', key: 'host.name', url: 'https://x/#{host.name}', text: 'not a span attribute' },
        { type: 'process', key: 'host.name', url: 'https://hosts.example/#{host.name}', text: 'host' },
        { type: 'logs', key: 'log.id', url: 'https://logs.example/#{log.id}', text: 'log' },
        { type: 'traces', url: 'https://apm.example/trace/#{traceID}', text: 'APM' },
      ],
      span,
      base,
    );
    expect(links.map((l) => l.url)).toEqual([
      'https://logs.example/?u=u%207&t=t1',
      'https://hosts.example/h1',
      'https://logs.example/42',
      'https://apm.example/trace/t1',
    ]);
  });
});

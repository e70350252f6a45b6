import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { computeAppBase, routerBasename } from './app-base';

const indexHtml = readFileSync(path.resolve(__dirname, '../../index.html'), 'utf8');

/** The one inline (classic, no src) script of index.html. */
function inlineScript(): string {
  const scripts = [...indexHtml.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter((m) => !/\bsrc=/.test(m[1] ?? ''));
  expect(scripts).toHaveLength(1);
  return scripts[0]?.[2] ?? '';
}

/** Runs the inline script against a fake document and returns the <base href> it inserted. */
function baseFromInlineScript(pathname: string): string | undefined {
  const appended: { href?: string }[] = [];
  const document = {
    createElement: (tag: string) => ({ tag, href: undefined as string | undefined }),
    head: { appendChild: (el: { href?: string }) => appended.push(el) },
  };
  runInNewContext(inlineScript(), { location: { pathname }, document });
  expect(appended).toHaveLength(1);
  return appended[0]?.href;
}

const cases: [string, string][] = [
  ['/', '/'],
  ['/index.html', '/'],
  ['/search', '/'],
  ['/trace/abc', '/'],
  ['/tracing/', '/tracing/'],
  ['/tracing/trace/abc', '/tracing/'],
  ['/tracing/trace/abc/', '/tracing/'],
  ['/a/b/c/', '/a/b/c/'],
  ['/a/b/c/compare/x/y', '/a/b/c/'],
  ['/a/b/c/dependencies', '/a/b/c/'],
  ['/a/b/c/files', '/a/b/c/'],
  ['/tracing/search/trace/x', '/tracing/'],
  ['/tracing/unknown-page', '/tracing/'],
];

describe('app base', () => {
  it.each(cases)('computeAppBase(%s) = %s', (pathname, expected) => {
    expect(computeAppBase(pathname)).toBe(expected);
  });

  it.each(cases)('the inline script in index.html gives the same base for %s', (pathname, expected) => {
    expect(baseFromInlineScript(pathname)).toBe(expected);
  });

  it('puts the script before every tag that carries a URL', () => {
    const scriptAt = indexHtml.indexOf('<script>');
    expect(scriptAt).toBeGreaterThan(0);
    const firstUrlTag = indexHtml.search(/<(link|script)\b[^>]*\b(href|src)=/);
    expect(firstUrlTag).toBeGreaterThan(scriptAt);
  });

  it('has no inline event handlers or style attributes', () => {
    expect(indexHtml).not.toMatch(/\son[a-z]+=/i);
    expect(indexHtml).not.toMatch(/\sstyle=/i);
  });

  it('derives the router basename from the document base', () => {
    expect(routerBasename('https://x.org/')).toBe('');
    expect(routerBasename('https://x.org/tracing/')).toBe('/tracing');
    expect(routerBasename('https://x.org/a/b/c/')).toBe('/a/b/c');
  });
});

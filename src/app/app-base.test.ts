import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { computeAppBase, routerBasename } from './app-base';
import { compareLinkOf, traceLinkOf } from './early-trace-load';

const indexHtml = readFileSync(path.resolve(__dirname, '../../index.html'), 'utf8');

/** The one inline (classic, no src) script of index.html. */
function inlineScript(): string {
  const scripts = [...indexHtml.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter((m) => !/\bsrc=/.test(m[1] ?? ''));
  expect(scripts).toHaveLength(1);
  return scripts[0]?.[2] ?? '';
}

interface FakeElement {
  tag: string;
  href?: string;
  attributes: Record<string, string>;
}

/** The build's <meta name="skein-boot"> (vite.config.ts), as a fake element. */
type BootFiles = Record<string, string>;

/** Runs the inline script against a fake document; returns the elements it added to <head>. */
function runInlineScript(pathname: string, search = '', bootFiles: BootFiles | null = null): FakeElement[] {
  const appended: FakeElement[] = [];
  const document = {
    createElement: (tag: string): FakeElement & { setAttribute: (name: string, value: string) => void } => {
      const element: FakeElement = { tag, attributes: {} };
      return Object.assign(element, { setAttribute: (name: string, value: string) => void (element.attributes[name] = value) });
    },
    head: { appendChild: (el: FakeElement) => appended.push(el) },
    querySelector: (selector: string) =>
      selector === 'meta[name="skein-boot"]' && bootFiles !== null
        ? { getAttribute: (name: string) => bootFiles[name.replace(/^data-/, '')] ?? null }
        : null,
  };
  const fetch = () => Promise.resolve();
  runInNewContext(inlineScript(), { location: { pathname, search }, document, fetch, window: {} });
  return appended;
}

/** The <base href> the inline script inserted (in development: nothing else). */
function baseFromInlineScript(pathname: string): string | undefined {
  const appended = runInlineScript(pathname);
  expect(appended).toHaveLength(1);
  return appended[0]?.href;
}

const BOOT_FILES: BootFiles = {
  entry: 'assets/index-1.js',
  styles: 'assets/index-2.css',
  load: 'assets/load-3.js assets/load-4.js',
  'first-view': 'assets/first-5.js',
};

/** What the inline script asks for with a build's file list: "rel href" or "script src". */
function filesAskedFor(pathname: string, search = ''): string[] {
  return runInlineScript(pathname, search, BOOT_FILES)
    .filter((el) => el.tag !== 'base')
    .map((el) => (el.tag === 'script' ? `script ${el.attributes.src}` : `${el.attributes.rel} ${el.attributes.href}`));
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

  it('asks for the stylesheet (render-blocking) and the entry on every page of a build', () => {
    expect(filesAskedFor('/tracing/search')).toEqual(['stylesheet assets/index-2.css', 'script assets/index-1.js']);
    const [style, entry] = runInlineScript('/tracing/search', '', BOOT_FILES).slice(1);
    expect(style?.attributes).toMatchObject({ blocking: 'render', crossorigin: '' });
    expect(entry?.attributes).toMatchObject({ type: 'module', async: '', crossorigin: '' });
  });

  it('preloads the code that loads a trace on trace and comparison links, and the first view on waterfall links', () => {
    const always = ['stylesheet assets/index-2.css', 'script assets/index-1.js'];
    const load = ['modulepreload assets/load-3.js', 'modulepreload assets/load-4.js'];
    const firstView = ['modulepreload assets/first-5.js'];
    expect(filesAskedFor('/tracing/trace/abc')).toEqual([...always, ...load, ...firstView]);
    expect(filesAskedFor('/trace/abc/', '?span=1&view=timeline')).toEqual([...always, ...load, ...firstView]);
    expect(filesAskedFor('/trace/abc', '?view=flame')).toEqual([...always, ...load]);
    expect(filesAskedFor('/trace/abc', '?backend=x&view=')).toEqual([...always, ...load]);
    expect(filesAskedFor('/tracing/compare/a/b')).toEqual([...always, ...load]);
    // Not a single trace (a comparison written with "..."), or not a trace at all:
    expect(filesAskedFor('/trace/a...b')).toEqual(always);
    expect(filesAskedFor('/trace/abc/extra')).toEqual(always);
    expect(filesAskedFor('/trace/')).toEqual(always);
    expect(filesAskedFor('/compare/a')).toEqual(always);
    expect(filesAskedFor('/tracing/')).toEqual(always);
  });

  // The inline script cannot import src/main.ts's rules for which links load a trace early
  // (traceLinkOf, compareLinkOf): its own copy of them must agree.
  it.each([
    ['/trace/abc', ''],
    ['/tracing/trace/abc/', '?span=1'],
    ['/trace/abc', '?view=timeline&span=2'],
    ['/trace/abc', '?view=spans'],
    ['/trace/abc', '?view='],
    ['/trace/abc', '?uiFind=x&view=flame'],
    ['/a/b/trace/abc', '?backend=tempo'],
    ['/trace/a...b', ''],
    ['/trace/abc/extra', ''],
    ['/trace/', ''],
    ['/trace', ''],
    ['/compare/a/b', ''],
    ['/tracing/compare/a/b/', '?view=graph'],
    ['/compare/a', ''],
    ['/compare/a/b/c', ''],
    ['/tracing/search/trace/abc', ''],
    ['/search', '?service=x'],
    ['/', ''],
  ])('preloads for %s%s exactly what src/main.ts loads early', (pathname, search) => {
    const basename = routerBasename(`https://x.org${computeAppBase(pathname)}`);
    const trace = traceLinkOf(pathname, search, basename);
    const compare = trace === null ? compareLinkOf(pathname, search, basename) : null;
    const preloads = filesAskedFor(pathname, search).filter((file) => file.startsWith('modulepreload'));
    expect(preloads.includes('modulepreload assets/load-3.js')).toBe(trace !== null || compare !== null);
    expect(preloads.includes('modulepreload assets/first-5.js')).toBe(trace?.timeline === true);
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

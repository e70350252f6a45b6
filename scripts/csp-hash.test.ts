import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without type declarations
import { inlineScriptHashes } from './csp-hash.mjs';

describe('csp-hash', () => {
  it('hashes exactly the body of each inline script and skips scripts with src', () => {
    const body = "(function(){var a=1})()";
    const html = `<head><script>${body}</script><script type="module" crossorigin src="./assets/x.js"></script><script type="application/ld+json">{}</script></head>`;
    const expected = `'sha256-${createHash('sha256').update(body).digest('base64')}'`;
    const hashes = (inlineScriptHashes as (html: string) => string[])(html);
    expect(hashes).toEqual([expected, `'sha256-${createHash('sha256').update('{}').digest('base64')}'`]);
  });
});

describe('the shipped nginx CSP', () => {
  it('allows exactly the inline scripts of index.html (rebuild the hash when the script changes)', async () => {
    const { readFileSync } = await import('node:fs');
    const html = readFileSync('index.html', 'utf8');
    const template = readFileSync('deploy/nginx.conf.template', 'utf8');
    const hashes = (inlineScriptHashes as (html: string) => string[])(html);
    expect(hashes).toHaveLength(1);
    const cspLine = template.split("\n").find((l) => l.includes("set $skein_csp")) ?? "";
    const scriptSrc = /script-src ([^;]+);/.exec(cspLine)?.[1] ?? "";
    expect(scriptSrc.split(' ').filter((s) => s.startsWith("'sha256-"))).toEqual(hashes);
    expect(cspLine).not.toContain('unsafe-eval');
    expect(scriptSrc).not.toContain('unsafe-inline');
  });
});

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

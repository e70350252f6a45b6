#!/usr/bin/env node
// Prints the CSP source ('sha256-…') of every inline <script> in the built index.html, one per line,
// so a deployment can allow exactly those scripts: `script-src 'self' 'sha256-…'`.
// Usage: node scripts/csp-hash.mjs [path/to/index.html]   (default: dist/index.html)
import { createHash } from 'node:crypto';
import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The CSP hash sources of the inline scripts in an HTML document, in document order. */
export function inlineScriptHashes(html) {
  const hashes = [];
  // A script with a src attribute is not inline; its (empty) body is not hashed by browsers' CSP check.
  const scriptPattern = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
  for (const match of html.matchAll(scriptPattern)) {
    const attributes = match[1] ?? '';
    if (/\bsrc\s*=/i.test(attributes)) continue;
    const body = match[2] ?? '';
    const digest = createHash('sha256').update(body, 'utf8').digest('base64');
    hashes.push(`'sha256-${digest}'`);
  }
  return hashes;
}

const isMain = process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname);
if (isMain) {
  const file = resolve(process.argv[2] ?? 'dist/index.html');
  if (!existsSync(file)) {
    console.error(`${file} does not exist: run \`npm run build\` first.`);
    process.exit(1);
  }
  const hashes = inlineScriptHashes(readFileSync(file, 'utf8'));
  if (hashes.length === 0) {
    console.error(`No inline scripts in ${file}.`);
    process.exit(1);
  }
  for (const hash of hashes) console.log(hash);
}

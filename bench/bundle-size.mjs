// Gzip size of the JavaScript files a page loaded, read back from dist/.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** @param {string} distDir @param {string} prefix URL prefix dist/ is served under @param {string[]} urlPaths */
export function gzipBytesOf(distDir, prefix, urlPaths) {
  let sum = 0;
  for (const p of new Set(urlPaths)) {
    if (!p.startsWith(prefix)) continue;
    const file = join(distDir, p.slice(prefix.length));
    if (existsSync(file)) sum += gzipSync(readFileSync(file), { level: 9 }).length;
  }
  return sum;
}

// `npm run test:e2e`: finds (or installs) Chromium, makes sure dist/ is built, then runs Playwright.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { findChromium } from './find-chromium.mjs';

let chromium;
try {
  chromium = findChromium();
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
console.log(`[e2e] using Chromium at ${chromium}`);

if (!existsSync('dist/index.html')) {
  console.log('[e2e] dist/ is missing: building it first (npm run build)…');
  const b = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}

const args = ['playwright', 'test', ...process.argv.slice(2)];
const r = spawnSync('npx', args, {
  stdio: 'inherit',
  env: { ...process.env, SKEIN_CHROMIUM_PATH: chromium },
});
process.exit(r.status ?? 1);

// Finds a Chromium for the end-to-end tests, installing one when none is present.
// Order: $SKEIN_CHROMIUM_PATH / $CHROMIUM_PATH, Debian's /usr/bin/chromium, Playwright's own download,
// then `npx playwright install chromium`, then `apt-get install -y chromium` when running as root on Debian.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function playwrightBundledChromium() {
  try {
    const { chromium } = require('playwright-core');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function firstExisting(paths) {
  return paths.find((p) => p && existsSync(p)) ?? null;
}

const systemPaths = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

function run(cmd, args) {
  console.log(`[e2e] running: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  return r.status === 0;
}

export function findChromium({ install = true } = {}) {
  const fromEnv = process.env.SKEIN_CHROMIUM_PATH || process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`[e2e] SKEIN_CHROMIUM_PATH/CHROMIUM_PATH points to ${fromEnv}, which does not exist.`);
  }
  const found = firstExisting(systemPaths) ?? playwrightBundledChromium();
  if (found || !install) return found;

  console.log('[e2e] No Chromium found. Trying Playwright\'s installer (npx playwright install chromium)…');
  if (run('npx', ['playwright', 'install', 'chromium'])) {
    const p = playwrightBundledChromium();
    if (p) return p;
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('[e2e] Playwright could not download a browser. Installing Debian\'s chromium with apt-get…');
    run('apt-get', ['update']);
    if (run('apt-get', ['install', '-y', 'chromium'])) {
      const p = firstExisting(systemPaths);
      if (p) return p;
    }
  }
  throw new Error(
    '[e2e] Could not find or install Chromium. Install it (Debian: `apt-get install -y chromium`; ' +
      'elsewhere: `npx playwright install chromium`) or set SKEIN_CHROMIUM_PATH to a Chromium binary.',
  );
}

import { defineConfig, devices } from '@playwright/test';
import { BACKENDS_PORT, DEMO_PORT, MOCK_MOUNTS, MOCK_PORT } from './e2e/servers';

// Chromium comes from scripts/run-e2e.mjs (Debian's /usr/bin/chromium here, or Playwright's own elsewhere).
const executablePath = process.env.SKEIN_CHROMIUM_PATH || undefined;
const PORT = DEMO_PORT;
const proxies = MOCK_MOUNTS
  .map((m) => `--proxy /api/${m}=http://127.0.0.1:${MOCK_PORT}/${m}`)
  .join(' ');

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    viewport: { width: 1440, height: 900 },
    trace: 'off',
    launchOptions: {
      executablePath,
      args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 1440, height: 900 } } }],
  webServer: [
    {
      command: `node scripts/serve-dist.mjs --port ${PORT}`,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
    {
      command: `node scripts/mock-backends.mjs --port ${MOCK_PORT}`,
      url: `http://127.0.0.1:${MOCK_PORT}/healthz`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: `node scripts/serve-dist.mjs --port ${BACKENDS_PORT} --config e2e/config/backends.json ${proxies}`,
      url: `http://127.0.0.1:${BACKENDS_PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
  ],
});

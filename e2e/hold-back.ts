// Holds back the responses of some requests until the test lets them go: e2e tests use it to see
// what a page does before a chunk of its code (e.g. the start-app chunk) has arrived.
import type { Page } from '@playwright/test';

/** Holds requests whose URL matches `pattern`; call the returned function to let them through. */
export async function holdBack(page: Page, pattern: RegExp): Promise<() => void> {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(pattern, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** The app's own code (React, the router and the pages), as src/main.ts imports it. */
export const APP_CODE = /\/assets\/start-app-[^/]+\.js$/;

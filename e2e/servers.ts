// Where the end-to-end servers listen (started by playwright.config.ts). SKEIN_E2E_PORT_OFFSET
// moves them all, so that two checkouts can run their e2e tests at once: outside CI, Playwright
// reuses a server already listening on a port, which would be the other checkout's build.
const OFFSET = Number(process.env.SKEIN_E2E_PORT_OFFSET ?? 0) || 0;
/** The built app on the demo backend (no config.json); also the default baseURL. */
export const DEMO_PORT = 4400 + OFFSET;
/** The same build with e2e/config/backends.json, fronting the mock backends same-origin under /api/<mount>. */
export const BACKENDS_PORT = 4401 + OFFSET;
export const BACKENDS_URL = `http://127.0.0.1:${BACKENDS_PORT}/`;
/** scripts/mock-backends.mjs: msw handlers over HTTP (see the mounts at the top of that file). */
export const MOCK_PORT = 4319 + OFFSET;
export const MOCK_MOUNTS = ['jaeger', 'jaeger-legacy', 'jaeger-down', 'tempo', 'tempo-legacy', 'tempo-down'];

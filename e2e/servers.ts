// Where the end-to-end servers listen (started by playwright.config.ts).
/** The built app on the demo backend (no config.json); also the default baseURL. */
export const DEMO_PORT = 4400;
/** The same build with e2e/config/backends.json, fronting the mock backends same-origin under /api/<mount>. */
export const BACKENDS_PORT = 4401;
export const BACKENDS_URL = `http://127.0.0.1:${BACKENDS_PORT}/`;
/** scripts/mock-backends.mjs: msw handlers over HTTP (see the mounts at the top of that file). */
export const MOCK_PORT = 4319;
export const MOCK_MOUNTS = ['jaeger', 'jaeger-legacy', 'jaeger-down', 'tempo', 'tempo-legacy', 'tempo-down'];

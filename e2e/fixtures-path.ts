import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shared fixtures of other projects sit beside the checkout (../shared/fixtures); they are never copied in. */
export const FIXTURES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../shared/fixtures');
export const HAVE_FIXTURES = existsSync(FIXTURES_DIR);
export const NO_FIXTURES_NOTE = `../shared/fixtures not found at ${FIXTURES_DIR}: skipping tests on other projects' trace files`;

export function fixture(rel: string): string {
  return resolve(FIXTURES_DIR, rel);
}

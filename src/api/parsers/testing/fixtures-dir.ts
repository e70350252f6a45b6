import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Shared real-world fixtures live beside the repository (../shared/fixtures); they are never
// copied into it. Tests that read them skip, with a note, when the folder is absent.

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/** `SKEIN_FIXTURES_DIR` overrides the location (e.g. to check that the tests skip cleanly). */
export const FIXTURES_DIR = process.env.SKEIN_FIXTURES_DIR ?? resolve(repoRoot, '../shared/fixtures');
export const FIXTURES_EXIST = existsSync(FIXTURES_DIR);

if (!FIXTURES_EXIST) console.warn(`[fixtures] ${FIXTURES_DIR} not found: real-fixture tests are skipped.`);

/** Every .json file under the fixtures folder, as paths relative to it, sorted. */
export function listFixtures(): string[] {
  if (!FIXTURES_EXIST) return [];
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
  return walk(FIXTURES_DIR)
    .filter((p) => p.endsWith('.json'))
    .map((p) => relative(FIXTURES_DIR, p))
    .sort();
}

export function readFixture(relPath: string): string {
  return readFileSync(join(FIXTURES_DIR, relPath), 'utf8');
}

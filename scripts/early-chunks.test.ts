// The build preloads the chunks a trace link needs first (vite.config.ts: TRACE_LOAD_MODULES and
// FIRST_VIEW_MODULES), while the code that needs them imports them by itself. Nothing breaks when
// the two drift apart, the first rows only come later, so this test holds them together.
import { readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIRST_VIEW_MODULES, TRACE_LOAD_MODULES } from '../vite.config';

/** The modules a function's body imports dynamically, as paths from the project root with `.ts`. */
function dynamicImportsOf(file: string, functionName: string): string[] {
  const source = readFileSync(file, 'utf8');
  const start = source.indexOf(`function ${functionName}(`);
  if (start < 0) throw new Error(`${file} has no function ${functionName}`);
  // The body ends at the first line that closes a top-level block.
  const end = source.indexOf('\n}\n', start);
  const body = source.slice(start, end < 0 ? undefined : end);
  return [...body.matchAll(/import\('(\.[^']+)'\)/g)].map((m) => relative(process.cwd(), normalize(join(dirname(file), `${m[1]!}.ts`))));
}

describe('early chunks named by the build', () => {
  it('TRACE_LOAD_MODULES are what prepareTraceLoading imports', () => {
    expect(dynamicImportsOf('src/app/early-trace-load.ts', 'prepareTraceLoading').sort()).toEqual([...TRACE_LOAD_MODULES].sort());
  });

  it("FIRST_VIEW_MODULES is main.ts's import of the code that draws a trace link's first rows", () => {
    const source = readFileSync('src/main.ts', 'utf8');
    const specifier = /const bootPreview = [^;]*import\('(\.[^']+)'\)/.exec(source)?.[1];
    expect(specifier, 'main.ts assigns bootPreview from a dynamic import').toBeDefined();
    expect(FIRST_VIEW_MODULES).toEqual([relative(process.cwd(), normalize(join('src', `${specifier!}.ts`)))]);
  });
});

// The layer table of DESIGN.md §1 is enforced by ESLint; this proves the rule really fires (an import
// resolver problem once made it silently pass everything).
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'import-x/no-restricted-paths').map((m) => m.message);
}

describe('layer rule (DESIGN.md §1)', () => {
  it('refuses imports across the layer table', async () => {
    expect(await layerErrors('src/model/probe.ts', "import { BackendError } from '../api/backend';\nexport const x = BackendError;\n")).toEqual([
      expect.stringContaining('src/model may not import src/api'),
    ]);
    expect(await layerErrors('src/search/probe.ts', "import { TraceTimeline } from '../timeline/trace-timeline';\nexport const y = TraceTimeline;\n")).toEqual([
      expect.stringContaining('src/search may not import src/timeline'),
    ]);
    expect(await layerErrors('src/lib/probe.ts', "import type { Trace } from '../model/types';\nexport type T = Trace;\n")).toHaveLength(1);
  });

  it('allows what the table allows', async () => {
    expect(await layerErrors('src/api/probe.ts', "import type { Trace } from '../model/types';\nexport type T = Trace;\n")).toEqual([]);
    expect(await layerErrors('src/routes/probe.ts', "import { TraceTimeline } from '../timeline/trace-timeline';\nexport const z = TraceTimeline;\n")).toEqual([]);
  });
});

// Layout time of a generated dependency graph (default 1,200 services / 4,000 edges, with cycles),
// measured in Node with the same TypeScript the layout worker runs.
//   node bench/graph-layout-bench.mjs [--services 1200] [--edges 4000] [--runs 5]
// bench/run.mjs can import { runGraphLayoutBench } and print its result.
import { build } from 'esbuild';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** Bundles the layout modules (TypeScript) into one ES module in memory and imports it. */
export async function loadLayoutModules() {
  const entry = `
    export { generateDependencyLinks } from './src/dependency-graph/testing/generate-links';
    export { buildServiceGraph } from './src/dependency-graph/graph-model';
    export { toLayoutInput } from './src/dependency-graph/graph-style';
    export { layeredLayout } from './src/dependency-graph/layered-layout';
    export { forceLayout } from './src/dependency-graph/force-layout';
    export { buildScene } from './src/dependency-graph/graph-scene';
  `;
  const result = await build({
    stdin: { contents: entry, resolveDir: repoRoot, loader: 'ts', sourcefile: 'graph-layout-bench-entry.ts' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/**
 * Returns median times in ms over `runs` (after one warm-up run) for the layered layout, the
 * force layout, and building the drawing scene, plus the graph size and layered bounds.
 */
export async function runGraphLayoutBench({ services = 1200, edges = 4000, runs = 5, seed = 42 } = {}) {
  const m = await loadLayoutModules();
  const graph = m.buildServiceGraph(m.generateDependencyLinks({ services, edges, seed }));
  const input = m.toLayoutInput(graph);
  const time = (fn) => {
    fn(); // warm-up (JIT)
    const samples = [];
    let last;
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      last = fn();
      samples.push(performance.now() - started);
    }
    return { ms: median(samples), last };
  };
  const layered = time(() => m.layeredLayout(input));
  const force = time(() => m.forceLayout(input));
  const scene = time(() => m.buildScene(graph, layered.last));
  let backEdges = 0;
  let selfLoops = 0;
  for (const role of layered.last.edgeRole) {
    if (role === 1) backEdges++;
    if (role === 2) selfLoops++;
  }
  return {
    services: graph.nodes.length,
    edges: graph.edges.length,
    backEdges,
    selfLoops,
    layers: Math.max(...layered.last.layer) + 1,
    layeredMs: layered.ms,
    forceMs: force.ms,
    sceneMs: scene.ms,
    layeredSizePx: [Math.round(layered.last.widthPx), Math.round(layered.last.heightPx)],
  };
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  const r = await runGraphLayoutBench({ services: opt('services', 1200), edges: opt('edges', 4000), runs: opt('runs', 5) });
  console.log(`Dependency graph layout, ${r.services} services / ${r.edges} edges (${r.backEdges} back edges, ${r.selfLoops} self loops), Node ${process.version}`);
  console.log(`  layered (cycle breaking, ${r.layers} layers, ordering, coordinates): ${r.layeredMs.toFixed(1)} ms  (${r.layeredSizePx.join(' × ')} px)`);
  console.log(`  force (d3-force, fixed ticks):                                ${r.forceMs.toFixed(1)} ms`);
  console.log(`  drawing scene (curves, hit-test samples, edge groups):        ${r.sceneMs.toFixed(1)} ms`);
}

// A vertex order in which few edges point backwards: the greedy heuristic of Eades, Lin and Smyth
// (1993). Repeatedly peel off sinks (to the end) and sources (to the front); when neither exists,
// move the node with the largest out-degree minus in-degree to the front. Self loops are ignored.
// O((V + E) log V) with a lazy max-heap.

export function greedyOrder(nodeCount: number, edgeSource: Int32Array, edgeTarget: Int32Array): Int32Array {
  const out: number[][] = Array.from({ length: nodeCount }, () => []);
  const inc: number[][] = Array.from({ length: nodeCount }, () => []);
  const outDegree = new Int32Array(nodeCount);
  const inDegree = new Int32Array(nodeCount);
  for (let e = 0; e < edgeSource.length; e++) {
    const s = edgeSource[e] ?? 0;
    const t = edgeTarget[e] ?? 0;
    if (s === t) continue;
    out[s]?.push(t);
    inc[t]?.push(s);
    outDegree[s] = (outDegree[s] ?? 0) + 1;
    inDegree[t] = (inDegree[t] ?? 0) + 1;
  }
  const removed = new Uint8Array(nodeCount);
  const front: number[] = [];
  const back: number[] = [];
  const sinks: number[] = [];
  const sources: number[] = [];
  // Max-heap of [delta, node]; stale entries (delta changed, or node removed) are skipped on pop.
  const heap: [number, number][] = [];
  const delta = (v: number) => (outDegree[v] ?? 0) - (inDegree[v] ?? 0);
  const push = (v: number) => {
    heap.push([delta(v), v]);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((heap[parent]?.[0] ?? 0) > (heap[i]?.[0] ?? 0) || ((heap[parent]?.[0] ?? 0) === (heap[i]?.[0] ?? 0) && (heap[parent]?.[1] ?? 0) < (heap[i]?.[1] ?? 0))) break;
      [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
      i = parent;
    }
  };
  const pop = (): [number, number] | undefined => {
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let best = i;
        const better = (a: number, b: number) =>
          (heap[a]?.[0] ?? 0) > (heap[b]?.[0] ?? 0) || ((heap[a]?.[0] ?? 0) === (heap[b]?.[0] ?? 0) && (heap[a]?.[1] ?? 0) < (heap[b]?.[1] ?? 0));
        if (l < heap.length && better(l, best)) best = l;
        if (r < heap.length && better(r, best)) best = r;
        if (best === i) break;
        [heap[best], heap[i]] = [heap[i]!, heap[best]!];
        i = best;
      }
    }
    return top;
  };
  const classify = (v: number) => {
    if (removed[v]) return;
    if (outDegree[v] === 0) sinks.push(v);
    else if (inDegree[v] === 0) sources.push(v);
    else push(v);
  };
  const remove = (v: number) => {
    removed[v] = 1;
    for (const w of out[v] ?? []) {
      if (removed[w]) continue;
      inDegree[w] = (inDegree[w] ?? 0) - 1;
      classify(w);
    }
    for (const w of inc[v] ?? []) {
      if (removed[w]) continue;
      outDegree[w] = (outDegree[w] ?? 0) - 1;
      classify(w);
    }
  };
  for (let v = 0; v < nodeCount; v++) classify(v);
  let left = nodeCount;
  while (left > 0) {
    let v = sinks.pop();
    if (v !== undefined) {
      if (removed[v]) continue;
      back.push(v);
      remove(v);
      left--;
      continue;
    }
    v = sources.pop();
    if (v !== undefined) {
      if (removed[v]) continue;
      front.push(v);
      remove(v);
      left--;
      continue;
    }
    const entry = pop();
    if (!entry) break;
    const [d, u] = entry;
    if (removed[u] || d !== delta(u)) continue;
    front.push(u);
    remove(u);
    left--;
  }
  return Int32Array.from([...front, ...back.reverse()]);
}

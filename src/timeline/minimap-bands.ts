// What the minimap draws for a large trace: spans fall into horizontal bands (many spans per
// band once there are more spans than the canvas has half-pixels of height), and per band and
// service the union of their bars is drawn as runs of whole pixel columns. That is O(spans +
// bands × services in them × width) and a few thousand fillRects, where one fillRect per span
// cost ~250 ms at 500k spans, in one task.

export interface MinimapRun {
  band: number;
  service: number;
  /** Pixel columns [fromPx, toPx). */
  fromPx: number;
  toPx: number;
}

export interface MinimapBandInput {
  /** Start of each span (DFS order), µs, on the same clock as `rangeStartUs`. */
  startUs: Float64Array;
  durationUs: Float64Array;
  /** Service index of each span. */
  service: Uint32Array;
  serviceCount: number;
  rangeStartUs: number;
  rangeEndUs: number;
  widthPx: number;
  bands: number;
}

/** Band of span `i` of `n`: spans keep their DFS order from top to bottom. */
export function bandOfSpan(i: number, n: number, bands: number): number {
  return Math.min(bands - 1, Math.floor((i * bands) / n));
}

export function minimapRuns(input: MinimapBandInput): MinimapRun[] {
  const { startUs, durationUs, service, widthPx, bands } = input;
  const n = startUs.length;
  const runs: MinimapRun[] = [];
  if (n === 0 || widthPx <= 0 || bands <= 0) return runs;
  const scaleX = widthPx / Math.max(input.rangeEndUs - input.rangeStartUs, 1e-9);
  // Per service, a difference array over the columns of the current band (one cell past the
  // last column takes the ends of bars that reach the right edge); only services seen in the
  // band are scanned and cleared.
  const diff: (Int32Array | undefined)[] = new Array(input.serviceCount);
  const seen = new Uint8Array(input.serviceCount);
  const touched: number[] = [];
  let i = 0;
  for (let band = 0; band < bands && i < n; band++) {
    touched.length = 0;
    for (; i < n && bandOfSpan(i, n, bands) === band; i++) {
      const s = service[i]!;
      const d = (diff[s] ??= new Int32Array(widthPx + 1));
      if (seen[s] === 0) {
        seen[s] = 1;
        touched.push(s);
      }
      const x = ((startUs[i] ?? 0) - input.rangeStartUs) * scaleX;
      const from = Math.min(widthPx - 1, Math.max(0, Math.floor(x)));
      const to = Math.min(widthPx, Math.max(from + 1, Math.ceil(x + (durationUs[i] ?? 0) * scaleX)));
      d[from]!++;
      d[to]!--;
    }
    touched.sort((a, b) => a - b);
    for (const s of touched) {
      seen[s] = 0;
      const d = diff[s]!;
      let depth = 0;
      let runFrom = -1;
      for (let x = 0; x <= widthPx; x++) {
        depth += d[x]!;
        d[x] = 0;
        if (depth > 0 && runFrom < 0) runFrom = x;
        else if (depth === 0 && runFrom >= 0) {
          runs.push({ band, service: s, fromPx: runFrom, toPx: x });
          runFrom = -1;
        }
      }
    }
  }
  return runs;
}

// Round tick values for the comparison's time axis (1, 2 or 5 × a power of ten).

/** Ticks from 0 up to `maxUs`, about `targetCount` of them, at a round step. */
export function niceTicks(maxUs: number, targetCount: number): number[] {
  if (!(maxUs > 0) || targetCount < 1) return [0];
  const rough = maxUs / targetCount;
  const power = 10 ** Math.floor(Math.log10(rough));
  const unit = rough / power;
  const step = (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10) * power;
  const ticks: number[] = [];
  for (let k = 0; k * step <= maxUs * (1 + 1e-9); k++) ticks.push(k * step);
  return ticks;
}

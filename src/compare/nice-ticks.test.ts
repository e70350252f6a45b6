import { expect, it } from 'vitest';
import { niceTicks } from './nice-ticks';

it('picks round steps', () => {
  expect(niceTicks(1000, 5)).toEqual([0, 200, 400, 600, 800, 1000]);
  expect(niceTicks(1_820_000, 6)).toEqual([0, 500_000, 1_000_000, 1_500_000]);
  expect(niceTicks(0, 5)).toEqual([0]);
});

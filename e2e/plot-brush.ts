// Drags a box on the search page's scatter plot (its brush), as a user does with the mouse.
import type { Page } from '@playwright/test';

/** Drags a rectangle over the left half of the scatter plot, full height, from `fromXPx` in the canvas. */
export async function brushLeftHalf(page: Page, fromXPx = 8): Promise<void> {
  const canvas = page.getByRole('img', { name: 'Trace durations over time' }).locator('canvas');
  const box = await canvas.boundingBox();
  if (!box) throw new Error('the scatter plot canvas has no box');
  await page.mouse.move(box.x + fromXPx, box.y + 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2, { steps: 4 });
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height - 28, { steps: 4 });
  await page.mouse.up();
}

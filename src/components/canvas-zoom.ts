// Zooming and panning a d3-zoomed canvas from buttons and keys, shared by the dependency graph
// and the diff graph: + / = zoom in, - zoom out, 0 fits, the arrows pan by a step.

import { select, type ZoomBehavior, type ZoomTransform } from 'd3';

type CanvasZoomBehaviour = ZoomBehavior<HTMLCanvasElement, unknown>;

/** Pan step of one arrow key press, px on screen. */
const PAN_STEP_PX = 60;

export function zoomCanvasBy(canvas: HTMLCanvasElement | null, behaviour: CanvasZoomBehaviour | null, factor: number): void {
  if (canvas && behaviour) select(canvas).call(behaviour.scaleBy, factor);
}

/** Moves the picture by (dxPx, dyPx) on screen at the current scale `transform.k`. */
export function panCanvasBy(
  canvas: HTMLCanvasElement | null,
  behaviour: CanvasZoomBehaviour | null,
  transform: ZoomTransform,
  dxPx: number,
  dyPx: number,
): void {
  if (canvas && behaviour) select(canvas).call(behaviour.translateBy, dxPx / transform.k, dyPx / transform.k);
}

export interface ZoomKeyControls {
  zoomBy(factor: number): void;
  panBy(dxPx: number, dyPx: number): void;
  fit(): void;
}

/** What a key does to the zoom, if anything (callers add their own keys, such as Escape). */
export function zoomKeyAction(key: string, controls: ZoomKeyControls): (() => void) | undefined {
  switch (key) {
    case '+':
    case '=':
      return () => controls.zoomBy(1.25);
    case '-':
      return () => controls.zoomBy(0.8);
    case '0':
      return controls.fit;
    case 'ArrowLeft':
      return () => controls.panBy(PAN_STEP_PX, 0);
    case 'ArrowRight':
      return () => controls.panBy(-PAN_STEP_PX, 0);
    case 'ArrowUp':
      return () => controls.panBy(0, PAN_STEP_PX);
    case 'ArrowDown':
      return () => controls.panBy(0, -PAN_STEP_PX);
    default:
      return undefined;
  }
}

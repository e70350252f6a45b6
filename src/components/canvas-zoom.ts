// Zooming and panning a d3-zoomed canvas from buttons, keys and the wheel, shared by the dependency
// graph and the diff graph: + / = zoom in, - zoom out, 0 fits, the arrows pan by a step.

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

/** The zoom factor of one button or key press, and at most of one wheel notch. */
export const ZOOM_STEP = 1.25;

/** The parts of a d3-zoom source event (mouse, touch or wheel) that decide what it does. */
export interface ZoomGestureEvent {
  type: string;
  ctrlKey: boolean;
  metaKey: boolean;
  button?: number;
}

/**
 * d3-zoom filter for a canvas inside a scrolling page: the wheel zooms only with Ctrl or ⌘ held,
 * or as a trackpad pinch (which browsers send as wheel events with ctrlKey). A plain wheel or
 * two-finger swipe is left to the page, so a graph that fills most of the window does not trap
 * the user scrolling down to what is below it. Dragging with the primary button pans, as in
 * d3-zoom's default (Ctrl+click is a secondary click on macOS).
 */
export function zoomGestureAllowed(event: ZoomGestureEvent): boolean {
  if (event.type === 'wheel') return event.ctrlKey || event.metaKey;
  return !event.ctrlKey && !event.button;
}

/** True for a wheel event that scrolls the page rather than zooming (see zoomGestureAllowed). */
export function wheelScrollsPage(event: ZoomGestureEvent): boolean {
  return event.type === 'wheel' && !zoomGestureAllowed(event);
}

/**
 * log2 of the zoom factor for one wheel event (d3-zoom's wheelDelta). d3's default multiplies
 * Ctrl+wheel by 10 to make small pinch deltas usable, which makes one Ctrl+wheel notch of a mouse
 * (100 px) a 4× jump; here pinches keep that speed and any one event zooms by at most ZOOM_STEP.
 */
export function wheelZoomExponent(event: { deltaY: number; deltaMode: number; ctrlKey: boolean }): number {
  const unit = event.deltaMode === 1 ? 0.05 : event.deltaMode ? 1 : 0.002;
  const exponent = -event.deltaY * unit * (event.ctrlKey ? 10 : 1);
  const limit = Math.log2(ZOOM_STEP);
  return Math.max(-limit, Math.min(limit, exponent));
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
      return () => controls.zoomBy(ZOOM_STEP);
    case '-':
      return () => controls.zoomBy(1 / ZOOM_STEP);
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

// The focus and layout parts of the /dependencies URL: `service`, `depth`, `direction`, `layout`.
import type { FocusState } from './dependency-graph-view';
import type { FocusDirection } from './focus-filter';
import type { LayoutKind } from './layout-types';

/** Hops shown around a focused service when the URL does not say. */
export const DEFAULT_FOCUS_DEPTH = 2;

export function focusFromParams(params: URLSearchParams): FocusState {
  const service = params.get('service')?.trim() || null;
  const depthText = params.get('depth');
  const depthNumber = depthText === null ? NaN : Number(depthText);
  const depth = Number.isInteger(depthNumber) && depthNumber >= 0 ? Math.min(depthNumber, 50) : DEFAULT_FOCUS_DEPTH;
  const directionText = params.get('direction');
  const direction: FocusDirection = directionText === 'upstream' || directionText === 'downstream' ? directionText : 'both';
  return { service, depth, direction };
}

export function writeFocusParams(params: URLSearchParams, focus: FocusState): void {
  if (focus.service === null) {
    params.delete('service');
    params.delete('depth');
    params.delete('direction');
    return;
  }
  params.set('service', focus.service);
  params.set('depth', String(focus.depth));
  if (focus.direction === 'both') params.delete('direction');
  else params.set('direction', focus.direction);
}

export function layoutFromParams(params: URLSearchParams): LayoutKind {
  return params.get('layout') === 'force' ? 'force' : 'layered';
}

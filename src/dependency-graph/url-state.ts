// The focus and layout parts of the /dependencies URL: `service`, `depth`, `direction`, `layout`.
import type { FocusState } from './dependency-graph-view';
import type { FocusDirection } from './focus-filter';
import type { LayoutKind } from './layout-types';

/** Hops shown around a focused service when the URL does not say. */
export const DEFAULT_FOCUS_DEPTH = 2;
/** A larger `depth=` is read as this many hops (and the Depth select says so). */
export const MAX_FOCUS_DEPTH = 50;

const DEPTH_CHOICES = [1, 2, 3, 4, 5, 0];

/**
 * The Depth select's options: the usual choices plus `current` when a URL asked for another
 * depth (depth=7), so the select always shows the depth the graph uses. "All hops" (0) stays last.
 */
export function depthChoices(current: number): number[] {
  if (DEPTH_CHOICES.includes(current)) return DEPTH_CHOICES;
  const limited = [...DEPTH_CHOICES.filter((d) => d > 0), current].sort((a, b) => a - b);
  return [...limited, 0];
}

export function describeDepth(depth: number): string {
  return depth === 0 ? 'All hops' : depth === 1 ? '1 hop' : `${depth} hops`;
}

export function focusFromParams(params: URLSearchParams): FocusState {
  const service = params.get('service')?.trim() || null;
  // Digits only: Number('') is 0, which would read an empty depth= as "All hops".
  const depthText = params.get('depth')?.trim() ?? '';
  const depth = /^\d+$/.test(depthText) ? Math.min(Number(depthText), MAX_FOCUS_DEPTH) : DEFAULT_FOCUS_DEPTH;
  const directionText = params.get('direction');
  const direction: FocusDirection = directionText === 'upstream' || directionText === 'downstream' ? directionText : 'both';
  return { service, depth, direction };
}

/**
 * The URL with `depth` and `direction` written as the page reads them, or null when they already
 * are: depth=99 is used as 50 hops and depth=abc as the default, so a link copied from the address
 * bar must say so too; an unknown direction is the default (both), which the URL leaves out.
 */
export function canonicalFocusParams(params: URLSearchParams): URLSearchParams | null {
  const focus = focusFromParams(params);
  const depthText = params.get('depth');
  const directionText = params.get('direction');
  const depthWrong = depthText !== null && depthText !== String(focus.depth);
  const directionWrong = directionText !== null && directionText !== focus.direction;
  if (!depthWrong && !directionWrong) return null;
  const next = new URLSearchParams(params);
  if (depthWrong) next.set('depth', String(focus.depth));
  if (directionWrong) next.delete('direction');
  return next;
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

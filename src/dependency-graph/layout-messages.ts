// The messages between the page and the layout worker.
import type { GraphLayout, LayoutInput, LayoutKind } from './layout-types';

export interface LayoutRequest {
  id: number;
  kind: LayoutKind;
  input: LayoutInput;
}

export type LayoutResponse = { id: number; layout: GraphLayout } | { id: number; error: string };

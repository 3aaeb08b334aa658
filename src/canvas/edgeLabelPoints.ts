/**
 * Where each edge label goes, published by EdgeLabelLayout (loaded just after the canvas) and read by each
 * JourneyEdge for its own id. Until a label is placed, the edge draws it at the curve's midpoint.
 */
import type { ReactFlowState } from '@xyflow/react';
import { create } from 'zustand';
import type { LabelPoint } from './edgeLabels';

/** Below this zoom an 11 px label is under 8 px on screen: unreadable, and hundreds of them cost every pan frame. */
export const LABEL_MIN_ZOOM = 0.7;
export const labelsReadable = (s: ReactFlowState) => s.transform[2] >= LABEL_MIN_ZOOM;

export const useEdgeLabels = create<{ points: ReadonlyMap<string, LabelPoint> }>()(() => ({ points: new Map() }));

/** Where this edge's label goes, in flow coordinates; undefined until placed (then use the curve's midpoint). */
export const useEdgeLabelPoint = (id: string): LabelPoint | undefined => useEdgeLabels((s) => s.points.get(id));

/** "60% · asks a question": the share (when shown) and the label. */
export function edgeLabelText(share: number | null, label: string | undefined): string {
  return [share !== null ? `${Math.round(share * 100)}%` : null, label].filter(Boolean).join(' · ');
}

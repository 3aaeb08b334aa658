/**
 * React Flow's own layers inside the viewport (the edge label layer, the viewport portal), looked up once per
 * flow. React Flow's EdgeLabelRenderer and ViewportPortal query the DOM for them on every store update, that is
 * on every pan step, once per label shown: hundreds of DOM queries a frame at a readable zoom.
 */
import { useStore as useFlowStore, type ReactFlowState } from '@xyflow/react';

export type FlowLayer = 'react-flow__edgelabel-renderer' | 'react-flow__viewport-portal';

const found = new WeakMap<HTMLElement, Map<FlowLayer, HTMLElement>>();

/** The layer, once React Flow has rendered it; the same element from then on, unless React Flow replaces it. */
function flowLayer(root: HTMLElement | null, layer: FlowLayer): HTMLElement | null {
  if (!root) return null;
  let layers = found.get(root);
  const known = layers?.get(layer);
  if (known?.isConnected) return known;
  const element = root.querySelector<HTMLElement>(`.${layer}`);
  if (element) {
    if (!layers) found.set(root, (layers = new Map()));
    layers.set(layer, element);
  }
  return element;
}

const selectors: Record<FlowLayer, (s: ReactFlowState) => HTMLElement | null> = {
  'react-flow__edgelabel-renderer': (s) => flowLayer(s.domNode, 'react-flow__edgelabel-renderer'),
  'react-flow__viewport-portal': (s) => flowLayer(s.domNode, 'react-flow__viewport-portal'),
};

/** The layer to portal into; null until React Flow has rendered it (the component renders again then). */
export function useFlowLayer(layer: FlowLayer): HTMLElement | null {
  return useFlowStore(selectors[layer]);
}

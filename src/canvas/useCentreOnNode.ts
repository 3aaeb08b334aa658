import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { NODE_WIDTH } from '../domain/layout';
import { editorActions, useEditor } from '../store/editorStore';

/** Zoom at least this far when centring on a node, so its card is readable. */
const READABLE_ZOOM = 0.9;

/** Selects a node and centres the canvas on it (Find, the map check, results lists). */
export function useCentreOnNode(): (id: string) => void {
  const flow = useReactFlow();
  return useCallback(
    (id: string) => {
      const node = useEditor.getState().map.nodes.find((n) => n.id === id);
      if (!node) return;
      editorActions.select({ nodes: [id], edges: [] });
      const size = flow.getInternalNode(id)?.measured;
      const width = size?.width ?? NODE_WIDTH;
      const height = size?.height ?? 80;
      const zoom = Math.max(flow.getZoom(), READABLE_ZOOM);
      void flow.setCenter(node.position.x + width / 2, node.position.y + height / 2, { zoom, duration: 250 });
    },
    [flow],
  );
}

import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { bandsRight, NODE_WIDTH, STAGE_TOP, STAGE_WIDTH, STICKY_WIDTH } from '../domain/layout';
import type { JourneyMap } from '../domain/types';
import { useEditor } from '../store/editorStore';

const NODE_HEIGHT_ESTIMATE = 130;
const MARGIN = 16;
const ADD_STAGE_ROOM = 60;
const MAX_ZOOM = 1.2;
const MIN_ZOOM = 0.05;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What "the whole journey" is: every stage band from its label down, and every node. */
export function journeyBounds(map: Pick<JourneyMap, 'nodes' | 'stages' | 'notes'>): Rect {
  let minX = 0;
  // An "Add stage" button sits right of the last band.
  let maxX = Math.max(STAGE_WIDTH, bandsRight(map)) + ADD_STAGE_ROOM;
  let minY = STAGE_TOP;
  let maxY = STAGE_TOP + 400;
  for (const n of map.nodes) {
    minX = Math.min(minX, n.position.x);
    maxX = Math.max(maxX, n.position.x + NODE_WIDTH);
    minY = Math.min(minY, n.position.y);
    maxY = Math.max(maxY, n.position.y + NODE_HEIGHT_ESTIMATE);
  }
  for (const n of map.notes) {
    minX = Math.min(minX, n.position.x);
    maxX = Math.max(maxX, n.position.x + (n.width ?? STICKY_WIDTH));
    minY = Math.min(minY, n.position.y);
    maxY = Math.max(maxY, n.position.y + NODE_HEIGHT_ESTIMATE);
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/** A viewport that shows `bounds` whole, centred across and aligned to the top (stage labels first). */
export function viewportFor(bounds: Rect, canvas: { width: number; height: number }): { x: number; y: number; zoom: number } {
  const zoom = Math.max(
    MIN_ZOOM,
    Math.min(MAX_ZOOM, (canvas.width - 2 * MARGIN) / bounds.width, (canvas.height - 2 * MARGIN) / bounds.height),
  );
  return {
    x: (canvas.width - bounds.width * zoom) / 2 - bounds.x * zoom,
    y: MARGIN - bounds.y * zoom,
    zoom,
  };
}

/** Fits the whole journey into the canvas. */
export function useFitJourney(): (animate?: boolean) => void {
  const flow = useReactFlow();
  return useCallback(
    (animate = false) => {
      const pane = document.querySelector('.jd-canvas .react-flow');
      if (!pane) return;
      const { width, height } = pane.getBoundingClientRect();
      if (width === 0 || height === 0) return;
      const viewport = viewportFor(journeyBounds(useEditor.getState().map), { width, height });
      void flow.setViewport(viewport, animate ? { duration: 200 } : undefined);
    },
    [flow],
  );
}

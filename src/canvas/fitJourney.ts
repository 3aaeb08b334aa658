import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { bandsRight, GRID, LANE_CARD_HEIGHT, LANE_GAP, LANE_HEIGHT, NODE_WIDTH, STAGE_TOP, STAGE_WIDTH, STICKY_WIDTH } from '../domain/layout';
import type { JourneyMap } from '../domain/types';
import { useEditor } from '../store/editorStore';
import { useViewPrefs } from '../store/viewPrefs';
import { LABEL_MIN_ZOOM } from './edgeLabelPoints';

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

/** Room kept free at the bottom for the zoom controls, which would cover the emotion lane's scale. */
const CONTROLS_ROOM = 100;

/** True when the emotion curve lane has something to draw: a touchpoint with an emotion, the map's or a persona's. */
export function hasEmotionLane(map: Pick<JourneyMap, 'nodes' | 'personas'>): boolean {
  return map.nodes.some((n) => n.kind === 'touchpoint' && n.emotion !== undefined) || map.personas.some((p) => p.nodes.some((o) => o.emotion !== undefined));
}

/** What "the whole journey" is: every stage band from its label down, every node, and the emotion lane when shown. */
export function journeyBounds(map: Pick<JourneyMap, 'nodes' | 'stages' | 'notes'> & Partial<Pick<JourneyMap, 'personas'>>, withLane = false): Rect {
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
  if (withLane && hasEmotionLane({ nodes: map.nodes, personas: map.personas ?? [] })) {
    let bottom = 0;
    for (const n of [...map.nodes, ...map.notes]) bottom = Math.max(bottom, n.position.y + LANE_CARD_HEIGHT);
    maxY = Math.max(maxY, Math.ceil((bottom + LANE_GAP) / GRID) * GRID + LANE_HEIGHT + CONTROLS_ROOM);
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

/** The viewport at `zoom` that centres `bounds` across and aligns them to the top, like viewportFor. */
function recentre(bounds: Rect, canvas: { width: number; height: number }, zoom: number): { x: number; y: number; zoom: number } {
  return { x: (canvas.width - bounds.width * zoom) / 2 - bounds.x * zoom, y: MARGIN - bounds.y * zoom, zoom };
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
      const { map } = useEditor.getState();
      const canvas = { width, height };
      // The emotion lane is fitted in too, unless that would shrink the cards below the zoom at which edge
      // percentages are shown: then the cards come first and the lane is a scroll away.
      let viewport = viewportFor(journeyBounds(map, useViewPrefs.getState().emotionCurve), canvas);
      if (viewport.zoom < LABEL_MIN_ZOOM) {
        const cards = journeyBounds(map);
        // The largest zoom that still shows the percentages (and as much of the lane as fits), or the cards alone.
        const cardsOnly = viewportFor(cards, canvas);
        if (cardsOnly.zoom > viewport.zoom) viewport = recentre(cards, canvas, Math.min(cardsOnly.zoom, LABEL_MIN_ZOOM));
      }
      void flow.setViewport(viewport, animate ? { duration: 200 } : undefined);
    },
    [flow],
  );
}

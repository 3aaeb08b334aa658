/**
 * What lies under the edges and cards, in flow coordinates: the ground (the canvas colour, and the dot grid
 * once dots are readable), then the stage bands. Both move with the viewport, so panning redraws none of them.
 */
import { useStore as useFlowStore, type ReactFlowState } from '@xyflow/react';
import { memo } from 'react';
import { createPortal } from 'react-dom';
import { GRID } from '../domain/layout';
import { useFlowLayer } from './flowLayers';
import { StageBandsLayer } from './StageBands';

/** Below this zoom the dots are noise. */
export const GRID_MIN_ZOOM = 0.75;
const showGrid = (s: ReactFlowState) => s.transform[2] >= GRID_MIN_ZOOM;

/** Half the ground's side: far beyond any journey, and a whole number of grid cells so dots sit on grid points. */
const GROUND_HALF = GRID * 50_000;
const DOTS = `url("data:image/svg+xml,${encodeURIComponent(
  `<svg xmlns="http://www.w3.org/2000/svg" width="${GRID}" height="${GRID}"><circle cx="0.5" cy="0.5" r="0.5" fill="#cbd5e1"/></svg>`,
)}")`;
const GROUND_STYLE = { left: -GROUND_HALF, top: -GROUND_HALF, width: 2 * GROUND_HALF, height: 2 * GROUND_HALF };
const DOTTED_STYLE = { ...GROUND_STYLE, backgroundImage: DOTS, backgroundSize: `${GRID}px ${GRID}px` };

/**
 * The canvas colour over the whole plane, painted first in the viewport. The viewport is one composited layer
 * (canvas.css); Chromium splits a layer whose content is sparse (cards far apart) into many layers, and then
 * re-layerizes all of them on every frame that changes anything. Under an opaque ground the content is dense:
 * one layer, and an opaque one.
 */
export const CanvasGround = memo(function CanvasGround() {
  const dots = useFlowStore(showGrid);
  return <div className="jd-ground" style={dots ? DOTTED_STYLE : GROUND_STYLE} aria-hidden="true" />;
});

/** The ground and the stage bands, in React Flow's viewport portal (under the edges and cards). */
export const FlowUnderlay = memo(function FlowUnderlay() {
  const portal = useFlowLayer('react-flow__viewport-portal');
  if (!portal) return null;
  return createPortal(
    <>
      <CanvasGround />
      <StageBandsLayer />
    </>,
    portal,
  );
});

/**
 * The whole journey with the emotion curve lane under it, for the image export: the lane lies below the
 * cards, outside what "fit view" shows, so an export fits the two together.
 */
import { emotionLane, type Rect } from '../../simulation/emotionCurve';
import { useEditor } from '../../store/editorStore';
import { activePersona } from '../../store/selectors';
import { useViewPrefs } from '../../store/viewPrefs';
import { journeyBounds, viewportFor } from '../fitJourney';

/** The lane's box in flow coordinates, when the lane is shown and has something to draw. */
export function shownLaneBox(): Rect | null {
  if (!useViewPrefs.getState().emotionCurve) return null;
  const state = useEditor.getState();
  return emotionLane(state.map, activePersona(state))?.box ?? null;
}

/** A viewport showing the whole journey and the lane on a canvas of this size, or null without a lane shown. */
export function viewportWithLane(canvas: { width: number; height: number }): { x: number; y: number; zoom: number } | null {
  const lane = shownLaneBox();
  if (!lane || canvas.width === 0 || canvas.height === 0) return null;
  const journey = journeyBounds(useEditor.getState().map);
  const x = Math.min(journey.x, lane.x);
  const y = Math.min(journey.y, lane.y);
  const right = Math.max(journey.x + journey.width, lane.x + lane.width);
  const bottom = Math.max(journey.y + journey.height, lane.y + lane.height);
  return viewportFor({ x, y, width: right - x, height: bottom - y }, canvas);
}

/**
 * When the canvas shows a big map as one picture (the far view, FarView.tsx and farScene.ts), and which card
 * a click on it picks. Kept apart from the picture so that the canvas decides without loading it.
 */
import { NODE_WIDTH } from '../../domain/layout';
import type { JourneyMap } from '../../domain/types';

/** Below this zoom a big map is drawn as a picture. (Cards are simplified from 0.45 and unreadable below 0.3.) */
export const FAR_VIEW_ZOOM = 0.3;
/** Maps with fewer cards than this stay React Flow cards at every zoom. */
export const FAR_VIEW_MIN_CARDS = 400;
/** A card's height before React Flow has measured it (the same guess as Fit view's). */
export const CARD_HEIGHT_ESTIMATE = 130;

export const isFarView = (cards: number, zoom: number): boolean => cards >= FAR_VIEW_MIN_CARDS && zoom < FAR_VIEW_ZOOM;

export type CardSizes = ReadonlyMap<string, { width: number; height: number }>;

/** Flow-space box of a node or note. */
export function boxOf(id: string, x: number, y: number, width: number, sizes?: CardSizes): { x: number; y: number; width: number; height: number } {
  const size = sizes?.get(id);
  return { x, y, width: size?.width ?? width, height: size?.height ?? CARD_HEIGHT_ESTIMATE };
}

/**
 * The node or note under a point of the flow (the last in the map's order, as drawn on top), within `slack`
 * flow px of its box so that a card a few pixels tall can still be clicked; null when there is none.
 */
export function cardAt(
  map: Pick<JourneyMap, 'nodes' | 'notes'>,
  point: { x: number; y: number },
  slack: number,
  sizes?: CardSizes,
): { id: string; note: boolean } | null {
  const inside = (b: { x: number; y: number; width: number; height: number }) =>
    point.x >= b.x - slack && point.x <= b.x + b.width + slack && point.y >= b.y - slack && point.y <= b.y + b.height + slack;
  for (let i = map.notes.length - 1; i >= 0; i--) {
    const note = map.notes[i];
    if (inside(boxOf(note.id, note.position.x, note.position.y, note.width ?? NODE_WIDTH, sizes))) return { id: note.id, note: true };
  }
  for (let i = map.nodes.length - 1; i >= 0; i--) {
    const node = map.nodes[i];
    if (inside(boxOf(node.id, node.position.x, node.position.y, NODE_WIDTH, sizes))) return { id: node.id, note: false };
  }
  return null;
}

import type { JourneyMap, Position } from './types';

/** Stages are drawn as vertical bands of this width, left to right, starting at x = 0. */
export const STAGE_WIDTH = 280;
export const STAGE_TOP = -90;
export const NODE_WIDTH = 190;
export const GRID = 20;

/** The stage id whose band contains x (the node's centre), or undefined outside every band. */
export function stageAtX(map: Pick<JourneyMap, 'stages'>, x: number): string | undefined {
  if (x < 0) return undefined;
  const index = Math.floor(x / STAGE_WIDTH);
  return map.stages[index]?.id;
}

/** The stage for a node whose top-left corner is at `position`. */
export function stageForPosition(map: Pick<JourneyMap, 'stages'>, position: Position): string | undefined {
  return stageAtX(map, position.x + NODE_WIDTH / 2);
}

export function stageBand(index: number): { x: number; width: number } {
  return { x: index * STAGE_WIDTH, width: STAGE_WIDTH };
}

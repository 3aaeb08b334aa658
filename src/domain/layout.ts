import type { JourneyMap, Position, Stage } from './types';

/** Default width of a stage band; bands sit left to right, the first starting at x = 0. */
export const STAGE_WIDTH = 280;
/** A stage is never narrower than one card with a margin, nor wider than 40 columns. */
export const STAGE_MIN_WIDTH = 220;
export const STAGE_MAX_WIDTH = 40 * STAGE_WIDTH;
export const STAGE_TOP = -90;
export const NODE_WIDTH = 190;
export const STICKY_WIDTH = 200;
export const GRID = 20;

export interface StageBand {
  id: string;
  index: number;
  x: number;
  width: number;
}

export const stageWidth = (stage: Pick<Stage, 'width'>): number => stage.width ?? STAGE_WIDTH;

const bandCache = new WeakMap<readonly Stage[], StageBand[]>();

/** Every stage's band, left to right (cached per stages array: immer gives a new one only on change). */
export function stageBands(map: Pick<JourneyMap, 'stages'>): StageBand[] {
  let bands = bandCache.get(map.stages);
  // A stage edited in place (outside the edits, which replace the array) must not leave stale bands.
  if (bands && !bands.every((b, i) => map.stages[i]?.id === b.id && stageWidth(map.stages[i]) === b.width)) bands = undefined;
  if (!bands) {
    let x = 0;
    bands = map.stages.map((stage, index) => {
      const band = { id: stage.id, index, x, width: stageWidth(stage) };
      x += band.width;
      return band;
    });
    bandCache.set(map.stages, bands);
  }
  return bands;
}

/** Right edge of the last band (0 when there is no stage). */
export function bandsRight(map: Pick<JourneyMap, 'stages'>): number {
  const bands = stageBands(map);
  const last = bands[bands.length - 1];
  return last ? last.x + last.width : 0;
}

/** The stage id whose band contains x (the node's centre), or undefined outside every band. */
export function stageAtX(map: Pick<JourneyMap, 'stages'>, x: number): string | undefined {
  if (!(x >= 0)) return undefined;
  for (const band of stageBands(map)) if (x < band.x + band.width) return band.id;
  return undefined;
}

/** The stage for a node whose top-left corner is at `position`. */
export function stageForPosition(map: Pick<JourneyMap, 'stages'>, position: Position): string | undefined {
  return stageAtX(map, position.x + NODE_WIDTH / 2);
}

/** The band of the stage at `index` in the map's order. */
export function stageBand(map: Pick<JourneyMap, 'stages'>, index: number): { x: number; width: number } {
  const band = stageBands(map)[index];
  return band ? { x: band.x, width: band.width } : { x: bandsRight(map), width: STAGE_WIDTH };
}

/** Left x for a card centred in a band. */
export function centredInBand(band: { x: number; width: number }): number {
  return band.x + (band.width - NODE_WIDTH) / 2;
}

/**
 * The emotion curve lane under the cards (src/simulation/emotionCurve.ts draws it): it starts LANE_GAP below
 * the lowest card (cards' height estimated as LANE_CARD_HEIGHT) and is LANE_HEIGHT tall. Here so that
 * "fit the whole journey" can make room for it without loading the curve code.
 */
export const LANE_CARD_HEIGHT = 140;
export const LANE_GAP = 40;
export const LANE_HEIGHT = 216;

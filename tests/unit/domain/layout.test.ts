import { NODE_WIDTH, STAGE_WIDTH, stageAtX, stageBand, stageForPosition } from '../../../src/domain/layout';
import { DEFAULT_STAGES } from '../../../src/domain/types';

const map = { stages: DEFAULT_STAGES };

describe('stageAtX', () => {
  it('finds the band holding x, bands running left to right from 0', () => {
    expect(stageAtX(map, 0)).toBe('awareness');
    expect(stageAtX(map, STAGE_WIDTH - 0.001)).toBe('awareness');
    expect(stageAtX(map, STAGE_WIDTH)).toBe('consideration');
    expect(stageAtX(map, 2.5 * STAGE_WIDTH)).toBe('purchase');
    expect(stageAtX(map, 5 * STAGE_WIDTH - 1)).toBe('advocacy');
  });

  it('is undefined left of the first band and right of the last', () => {
    expect(stageAtX(map, -0.001)).toBeUndefined();
    expect(stageAtX(map, -STAGE_WIDTH)).toBeUndefined();
    expect(stageAtX(map, 5 * STAGE_WIDTH)).toBeUndefined();
  });

  it('is undefined when the map has no stages, and for NaN', () => {
    expect(stageAtX({ stages: [] }, 10)).toBeUndefined();
    expect(stageAtX(map, Number.NaN)).toBeUndefined();
  });
});

describe('stageForPosition', () => {
  it('uses the node’s centre, half a node width right of its left edge', () => {
    expect(stageForPosition(map, { x: STAGE_WIDTH - NODE_WIDTH / 2 - 1, y: 0 })).toBe('awareness');
    expect(stageForPosition(map, { x: STAGE_WIDTH - NODE_WIDTH / 2, y: 0 })).toBe('consideration');
    expect(stageForPosition(map, { x: -NODE_WIDTH / 2, y: 999 })).toBe('awareness');
  });
});

describe('stageBand', () => {
  it('places band i at i × STAGE_WIDTH', () => {
    expect(stageBand(0)).toEqual({ x: 0, width: STAGE_WIDTH });
    expect(stageBand(3)).toEqual({ x: 3 * STAGE_WIDTH, width: STAGE_WIDTH });
  });
});

import {
  bandsRight,
  centredInBand,
  NODE_WIDTH,
  STAGE_WIDTH,
  stageAtX,
  stageBand,
  stageBands,
  stageForPosition,
} from '../../../src/domain/layout';
import { DEFAULT_STAGES, type Stage } from '../../../src/domain/types';

const map = { stages: DEFAULT_STAGES };

/** Stages of widths 280 (default), 600 and 220: bands [0, 280), [280, 880), [880, 1100). */
const mixed = (): { stages: Stage[] } => ({
  stages: [
    { id: 'awareness', name: 'Awareness' },
    { id: 'purchase', name: 'Purchase', width: 600 },
    { id: 'retention', name: 'Retention', width: 220 },
  ],
});

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

  it('follows each stage’s own width', () => {
    const stages = mixed();
    expect(stageAtX(stages, 279.999)).toBe('awareness');
    expect(stageAtX(stages, 280)).toBe('purchase');
    expect(stageAtX(stages, 879.999)).toBe('purchase');
    expect(stageAtX(stages, 880)).toBe('retention');
    expect(stageAtX(stages, 1099.999)).toBe('retention');
    expect(stageAtX(stages, 1100)).toBeUndefined();
  });
});

describe('stageForPosition', () => {
  it('uses the node’s centre, half a node width right of its left edge', () => {
    expect(stageForPosition(map, { x: STAGE_WIDTH - NODE_WIDTH / 2 - 1, y: 0 })).toBe('awareness');
    expect(stageForPosition(map, { x: STAGE_WIDTH - NODE_WIDTH / 2, y: 0 })).toBe('consideration');
    expect(stageForPosition(map, { x: -NODE_WIDTH / 2, y: 999 })).toBe('awareness');
  });

  it('uses the stages’ own widths', () => {
    expect(stageForPosition(mixed(), { x: 880 - NODE_WIDTH / 2 - 1, y: 0 })).toBe('purchase');
    expect(stageForPosition(mixed(), { x: 880 - NODE_WIDTH / 2, y: 0 })).toBe('retention');
    expect(stageForPosition(mixed(), { x: 1100 - NODE_WIDTH / 2, y: 0 })).toBeUndefined();
  });
});

describe('stageBands', () => {
  it('places default-width bands at i × STAGE_WIDTH', () => {
    expect(stageBands(map).map((b) => [b.id, b.index, b.x, b.width])).toEqual(
      DEFAULT_STAGES.map((s, i) => [s.id, i, i * STAGE_WIDTH, STAGE_WIDTH]),
    );
  });

  it('starts each band where the one before ends', () => {
    expect(stageBands(mixed())).toEqual([
      { id: 'awareness', index: 0, x: 0, width: 280 },
      { id: 'purchase', index: 1, x: 280, width: 600 },
      { id: 'retention', index: 2, x: 880, width: 220 },
    ]);
  });

  it('is empty without stages', () => {
    expect(stageBands({ stages: [] })).toEqual([]);
  });

  it('answers a new stages list with new bands', () => {
    const stages = mixed();
    expect(stageBands(stages)[2].x).toBe(880);
    stages.stages = stages.stages.map((s) => (s.id === 'purchase' ? { ...s, width: 300 } : s));
    expect(stageBands(stages)[2].x).toBe(580);
  });
});

describe('stageBand', () => {
  it('places band i at i × STAGE_WIDTH when no stage sets a width', () => {
    expect(stageBand(map, 0)).toEqual({ x: 0, width: STAGE_WIDTH });
    expect(stageBand(map, 3)).toEqual({ x: 3 * STAGE_WIDTH, width: STAGE_WIDTH });
  });

  it('uses the widths of the stages before it', () => {
    expect(stageBand(mixed(), 1)).toEqual({ x: 280, width: 600 });
    expect(stageBand(mixed(), 2)).toEqual({ x: 880, width: 220 });
  });

  it('gives a default-width band just right of the last for an index past the end', () => {
    expect(stageBand(mixed(), 3)).toEqual({ x: 1100, width: STAGE_WIDTH });
    expect(stageBand({ stages: [] }, 0)).toEqual({ x: 0, width: STAGE_WIDTH });
  });
});

describe('bandsRight', () => {
  it('is the right edge of the last band, or 0 without stages', () => {
    expect(bandsRight(map)).toBe(5 * STAGE_WIDTH);
    expect(bandsRight(mixed())).toBe(1100);
    expect(bandsRight({ stages: [] })).toBe(0);
  });
});

describe('centredInBand', () => {
  it('puts a card’s centre on the band’s centre', () => {
    expect(centredInBand({ x: 0, width: STAGE_WIDTH })).toBe((STAGE_WIDTH - NODE_WIDTH) / 2);
    const band = stageBand(mixed(), 1);
    expect(centredInBand(band) + NODE_WIDTH / 2).toBe(band.x + band.width / 2);
    expect(stageForPosition(mixed(), { x: centredInBand(band), y: 0 })).toBe('purchase');
  });
});

import { MAX_PIXELS, MAX_SIDE, rasterPlan, SLIDE_SIZES } from '../../../src/render/rasterSize';

describe('rasterPlan', () => {
  test('a slide size is exact, with the picture fitted inside and centred', () => {
    const plan = rasterPlan({ width: 1000, height: 1000 }, SLIDE_SIZES.fullHd);
    expect(plan).toMatchObject({ width: 1920, height: 1080, reduced: false });
    expect(plan.image).toEqual({ x: 420, y: 0, width: 1080, height: 1080 });
    const wide = rasterPlan({ width: 4000, height: 1000 }, SLIDE_SIZES.uhd);
    expect(wide.image).toEqual({ x: 0, y: (2160 - 960) / 2, width: 3840, height: 960 });
  });

  test('natural size and twice it', () => {
    expect(rasterPlan({ width: 1544, height: 717 }, 'natural')).toMatchObject({ width: 1544, height: 717, reduced: false });
    expect(rasterPlan({ width: 1544, height: 717 }, 'double')).toMatchObject({ width: 3088, height: 1434, reduced: false });
  });

  test('a picture too large for a browser canvas is scaled down, and says so', () => {
    const long = rasterPlan({ width: 12_000, height: 800 }, 'double');
    expect(long.width).toBeLessThanOrEqual(MAX_SIDE);
    expect(long.reduced).toBe(true);
    const big = rasterPlan({ width: 12_000, height: 12_000 }, 'natural');
    expect(big.width * big.height).toBeLessThanOrEqual(MAX_PIXELS);
    expect(big.reduced).toBe(true);
  });
});

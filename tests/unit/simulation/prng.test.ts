import { seedState, Xoshiro128 } from '../../../src/simulation/prng';

describe('xoshiro128**', () => {
  it('follows the reference algorithm from state 1, 2, 3, 4', () => {
    const rng = new Xoshiro128(Uint32Array.from([1, 2, 3, 4]));
    expect([rng.nextUint32(), rng.nextUint32(), rng.nextUint32()]).toEqual([11520, 0, 5927040]);
  });

  it('is reproducible from a seed and differs between nearby seeds', () => {
    const draw = (seed: number) => {
      const rng = new Xoshiro128(seed);
      return Array.from({ length: 5 }, () => rng.nextUint32());
    };
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
    expect(draw(2 ** 32 + 1)).not.toEqual(draw(1));
    expect(draw(1.5)).not.toEqual(draw(1));
  });

  it('never seeds the all-zero state and rejects non-finite seeds', () => {
    for (const seed of [0, -1, 2 ** 53, 0.25]) expect(Array.from(seedState(seed)).some((w) => w !== 0)).toBe(true);
    expect(() => seedState(NaN)).toThrow(RangeError);
  });

  it('produces doubles in [0, 1) with the right mean and spread', () => {
    const rng = new Xoshiro128(99);
    let sum = 0, sumSq = 0, min = 1, max = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const x = rng.nextDouble();
      sum += x;
      sumSq += x * x;
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(sumSq / n - sum ** 2 / n ** 2 - 1 / 12)).toBeLessThan(0.002);
  });
});

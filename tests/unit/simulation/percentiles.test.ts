import { CentralIntervals } from '../../../src/simulation/percentiles';
import { Xoshiro128 } from '../../../src/simulation/prng';

/** The type-7 percentile (linear between order statistics, numpy's default) by sorting every value. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const i = Math.floor(h);
  return i + 1 < sorted.length ? sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]) : sorted[i];
}

describe('central intervals of many columns of draws', () => {
  it.each([1, 2, 3, 40, 41, 999, 1000, 20_001])('keeps only the tails of %i draws and gives the same percentiles as sorting them all', (draws) => {
    const rng = new Xoshiro128(draws);
    // Column 0 has ties and zeros, column 1 is smooth, column 2 runs downwards, column 3 is constant.
    const columns = [() => Math.floor(rng.nextDouble() * 5) - 2, () => rng.nextDouble() ** 3, (k: number) => -k, () => 0.25];
    const intervals = new CentralIntervals(columns.length, draws);
    const values = columns.map(() => [] as number[]);
    for (let k = 0; k < draws; k++) {
      const row = columns.map((draw) => draw(k));
      row.forEach((x, c) => values[c].push(x));
      intervals.add(row);
    }
    values.forEach((column, c) => {
      const { low, high } = intervals.interval(c);
      expect(low).toBeCloseTo(percentile(column, 0.025), 12);
      // The high tail is read as the low tail of the negated draws: the same up to rounding of (K − 1)·p.
      expect(high).toBeCloseTo(percentile(column, 0.975), 12);
    });
    expect(Object.is(intervals.interval(3).high, 0.25)).toBe(true);
  });

  it('takes exactly the draws it was made for', () => {
    const intervals = new CentralIntervals(1, 2);
    intervals.add([1]);
    expect(() => intervals.interval(0)).toThrow(RangeError);
    intervals.add([2]);
    expect(() => intervals.add([3])).toThrow(RangeError);
    expect(intervals.interval(0)).toEqual({ low: 1.025, high: 1.975 });
  });
});

import { Xoshiro128 } from '../../../src/simulation/prng';
import { beta, dirichlet, gamma, openUniform, standardNormal } from '../../../src/simulation/sampling';

/** Sample mean and variance, with the standard error of each (the variance's from the fourth central moment). */
function moments(draw: () => number, count: number) {
  const xs = new Float64Array(count);
  let sum = 0;
  for (let i = 0; i < count; i++) sum += xs[i] = draw();
  const mean = sum / count;
  let m2 = 0, m4 = 0;
  for (const x of xs) {
    const d2 = (x - mean) ** 2;
    m2 += d2;
    m4 += d2 * d2;
  }
  m2 /= count;
  m4 /= count;
  return { mean, variance: m2, meanError: Math.sqrt(m2 / count), varianceError: Math.sqrt((m4 - m2 * m2) / count) };
}

/** Within `z` standard errors: with fixed seeds each check is one fixed outcome, and 5 SE is a wide margin. */
function expectMoments(draw: () => number, mean: number, variance: number, count = 200_000, z = 5) {
  const m = moments(draw, count);
  expect(Math.abs(m.mean - mean)).toBeLessThan(z * m.meanError);
  expect(Math.abs(m.variance - variance)).toBeLessThan(z * m.varianceError);
}

/** Φ(x) from erf by Abramowitz & Stegun 7.1.26 (error below 1.5·10⁻⁷, far below the counts' noise here). */
function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const erf = 1 - t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) * Math.exp(-z * z);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

describe('standard normal (ziggurat)', () => {
  it('has mean 0 and variance 1', () => {
    const rng = new Xoshiro128(11);
    expectMoments(() => standardNormal(rng), 0, 1, 400_000);
  });

  it('fills 40 bins from −4 to 4 and both tails as the normal curve does (χ², 41 degrees of freedom)', () => {
    const rng = new Xoshiro128(12);
    const count = 1_000_000;
    const edges = Array.from({ length: 41 }, (_, k) => -4 + k * 0.2);
    const observed = new Float64Array(42);
    for (let i = 0; i < count; i++) {
      const x = standardNormal(rng);
      observed[x < -4 ? 0 : x >= 4 ? 41 : 1 + Math.floor((x + 4) / 0.2)]++;
    }
    let chiSquare = 0;
    for (let b = 0; b < 42; b++) {
      const low = b === 0 ? -Infinity : edges[b - 1];
      const high = b === 41 ? Infinity : edges[b];
      const expected = count * ((high === Infinity ? 1 : normalCdf(high)) - (low === -Infinity ? 0 : normalCdf(low)));
      chiSquare += (observed[b] - expected) ** 2 / expected;
    }
    // The 99.9th percentile of χ² with 41 degrees of freedom is 74.7.
    expect(chiSquare).toBeLessThan(74.7);
  });

  it('reaches into the tail beyond the ziggurat\'s base strip (3.44) as often as the curve says', () => {
    const rng = new Xoshiro128(13);
    const count = 2_000_000;
    let beyond = 0;
    for (let i = 0; i < count; i++) if (Math.abs(standardNormal(rng)) > 3.442619855899) beyond++;
    const p = 2 * (1 - normalCdf(3.442619855899));
    expect(Math.abs(beyond - count * p)).toBeLessThan(5 * Math.sqrt(count * p));
  });
});

describe('Gamma, Beta and Dirichlet deviates', () => {
  it.each([0.05, 0.3, 0.7, 1, 2.5, 30, 701])('Gamma(%s) has mean and variance equal to its shape', (shape) => {
    const rng = new Xoshiro128(20 + shape);
    expectMoments(() => gamma(rng, shape), shape, shape);
  });

  it.each([
    [1, 1],
    [0.5, 0.5],
    [0.3, 4],
    [2, 7],
    [701, 301],
    [1, 1001],
  ])('Beta(%s, %s) has mean a/(a+b) and variance ab/((a+b)²(a+b+1))', (a, b) => {
    const rng = new Xoshiro128(30 + a + b);
    const s = a + b;
    expectMoments(() => beta(rng, a, b), a / s, (a * b) / (s * s * (s + 1)));
  });

  it.each([[[1, 1, 1]], [[0.4, 2, 5, 0.9]], [[301, 12, 700]]])('Dirichlet(%j) components have the Beta(αᵢ, α₀ − αᵢ) moments and sum to 1', (alpha) => {
    const rng = new Xoshiro128(40 + alpha.length);
    const count = 100_000;
    const draws = Array.from({ length: count }, () => dirichlet(rng, alpha));
    const total = alpha.reduce((x, y) => x + y, 0);
    const worstSum = draws.reduce((worst, draw) => Math.max(worst, Math.abs(draw.reduce((x, y) => x + y, 0) - 1)), 0);
    expect(worstSum).toBeLessThan(1e-12);
    alpha.forEach((a, i) => {
      let k = 0;
      expectMoments(() => draws[k++][i], a / total, (a * (total - a)) / (total * total * (total + 1)), count);
    });
  });

  it('draws a Dirichlet into part of an array and leaves the rest', () => {
    const out = Float64Array.from([7, 0, 0, 0, 7]);
    dirichlet(new Xoshiro128(1), [9, 2, 3, 4, 9], out, 1, 4);
    expect(out[0]).toBe(7);
    expect(out[4]).toBe(7);
    expect(out[1] + out[2] + out[3]).toBeCloseTo(1, 14);
  });

  it('gives the same deviates for the same seed', () => {
    const sequence = (seed: number) => {
      const rng = new Xoshiro128(seed);
      return [standardNormal(rng), gamma(rng, 0.5), gamma(rng, 3), beta(rng, 2, 5), ...dirichlet(rng, [1, 2, 3])];
    };
    expect(sequence(5)).toEqual(sequence(5));
    expect(sequence(5)).not.toEqual(sequence(6));
  });

  it('draws uniforms strictly inside (0, 1), and refuses a shape that is not a positive number', () => {
    const rng = new Xoshiro128(3);
    for (let i = 0; i < 10_000; i++) {
      const u = openUniform(rng);
      expect(u > 0 && u < 1).toBe(true);
    }
    expect(() => gamma(rng, 0)).toThrow(RangeError);
    expect(() => gamma(rng, Number.NaN)).toThrow(RangeError);
    expect(() => gamma(rng, Infinity)).toThrow(RangeError);
  });
});

/** Small statistics helpers for the Monte Carlo estimates. */

/** z for a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

export interface Interval {
  readonly rate: number;
  readonly low: number;
  readonly high: number;
}

/**
 * Wilson score interval for a binomial proportion: unlike the normal approximation it stays inside [0, 1]
 * and behaves at rates near 0 or 1 and for small n.
 */
export function wilsonInterval(successes: number, trials: number, z = Z95): Interval {
  if (trials <= 0) return { rate: 0, low: 0, high: 1 };
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  return { rate: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** Standard error of an estimated proportion when the true proportion is p. */
export function proportionStandardError(p: number, trials: number): number {
  return Math.sqrt((p * (1 - p)) / trials);
}

export interface LengthSummary {
  /** histogram[L] = journeys that ended (outcome or abandonment) after exactly L steps. */
  readonly histogram: number[];
  readonly mean: number;
  readonly median: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
}

export function summariseLengths(histogram: ArrayLike<number>): LengthSummary {
  let total = 0, sum = 0, max = 0;
  for (let L = 0; L < histogram.length; L++) {
    const c = histogram[L];
    if (c === 0) continue;
    total += c;
    sum += c * L;
    max = L;
  }
  const quantile = (q: number): number => {
    if (total === 0) return 0;
    const rank = q * total;
    let seen = 0;
    for (let L = 0; L <= max; L++) {
      seen += histogram[L];
      if (seen >= rank) return L;
    }
    return max;
  };
  return {
    histogram: Array.from({ length: max + 1 }, (_, L) => histogram[L]),
    mean: total === 0 ? 0 : sum / total,
    median: quantile(0.5),
    p90: quantile(0.9),
    p99: quantile(0.99),
    max,
  };
}

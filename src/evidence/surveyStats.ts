/**
 * A score and its 95% interval from survey answers, in the units the map stores:
 *
 * - NPS = % promoters (9–10) − % detractors (0–6); SE = 100·√((p + d − (p − d)²)/n), interval
 *   NPS ± z·SE clamped to [−100, 100].
 * - A share (CSAT top-2-box: 4–5 of 1–5; CES top-3: 5–7 of 1–7) in percent, with the Wilson score interval,
 *   which stays inside 0–100 and behaves for small n and shares near 0 or 100.
 * - A mean (CSAT 1–5, CES 1–7): mean ± z·s/√n with the sample standard deviation s, clamped to the scale
 *   (the normal approximation can reach past the scale's ends for small n or skewed answers, and a mean
 *   outside the scale is impossible). One answer has no spread, so its interval is the whole scale.
 *
 * Values are rounded as they are stored: percentages and NPS to 0.1, means to 0.01, intervals likewise.
 */
import { wilsonInterval, Z95 } from '../simulation/stats';
import type { Scale } from './surveyAnswers';

export interface Estimate {
  value: number;
  /** Answers counted. */
  n: number;
  low: number;
  high: number;
}

export function npsEstimate(promoters: number, detractors: number, n: number): Estimate {
  const p = promoters / n;
  const d = detractors / n;
  const value = 100 * (p - d);
  const standardError = 100 * Math.sqrt((p + d - (p - d) ** 2) / n);
  return { value, n, low: clamp(value - Z95 * standardError, -100, 100), high: clamp(value + Z95 * standardError, -100, 100) };
}

/** `hits` of `n` answers, in percent, with the Wilson interval. */
export function shareEstimate(hits: number, n: number): Estimate {
  const { rate, low, high } = wilsonInterval(hits, n);
  return { value: 100 * rate, n, low: 100 * low, high: 100 * high };
}

export function meanEstimate(answers: readonly number[], scale: Scale): Estimate {
  const n = answers.length;
  const value = answers.reduce((sum, a) => sum + a, 0) / n;
  if (n < 2) return { value, n, low: scale.min, high: scale.max };
  const variance = answers.reduce((sum, a) => sum + (a - value) ** 2, 0) / (n - 1);
  const half = (Z95 * Math.sqrt(variance)) / Math.sqrt(n);
  return { value, n, low: clamp(value - half, scale.min, scale.max), high: clamp(value + half, scale.min, scale.max) };
}

/** The estimate as stored: value and interval rounded to `decimals` places (no −0). */
export function roundEstimate(estimate: Estimate, decimals: number): Estimate {
  const round = (x: number) => {
    const factor = 10 ** decimals;
    return Math.round(x * factor) / factor + 0;
  };
  return { value: round(estimate.value), n: estimate.n, low: round(estimate.low), high: round(estimate.high) };
}

const clamp = (x: number, min: number, max: number): number => Math.min(max, Math.max(min, x));

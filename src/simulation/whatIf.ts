/**
 * What-if analysis per node, from one exact solve, using first-passage identities instead of re-solving the
 * chain once per node. For node k with drop-off d, expected visits v(k), success probability h(k) from k and
 * G(k,k) = expected visits to k by a customer who starts at k (the diagonal of the fundamental matrix):
 *
 *   reach(k)         = v(k) / G(k,k)                 probability of ever arriving at k
 *   removalEffect(k) = reach(k) · h(k)              success lost if everyone arriving at k abandoned
 *   uplift(k)        = v(k) · d · h(k) / (1 − d·G(k,k))   success gained if k's drop-off were 0
 *
 * docs/simulation.md derives them. G(k,k) is 1 outside cycles and the diagonal of (I − Q_CC)⁻¹ inside a
 * cyclic component C, so the cost is O(Σ m³) over the cyclic components, the same order as the solve.
 */
import { KIND_OUTCOME, withDropOff, type CompiledJourney } from './compile';
import { inverseDiagonal } from './dense';
import { analyseExact, type ExactChain } from './exact';

export interface WhatIf {
  /** Rise in success probability if the node's drop-off were 0. */
  readonly uplift: Float64Array;
  /** Success probability lost if the node were removed and customers arriving there abandoned. */
  readonly removalEffect: Float64Array;
  /** Probability that a customer ever arrives at the node. */
  readonly reach: Float64Array;
  /** Expected visits to the node by a customer who starts there (≥ 1). */
  readonly returnVisits: Float64Array;
}

export function analyseWhatIf(chain: ExactChain): WhatIf {
  const { journey, components, visits, reachSuccess, closed, deadEnd, factors, localIndex } = chain;
  const { n, kind, dropOff } = journey;
  const returnVisits = new Float64Array(n).fill(1);
  for (let c = 0; c < components.count; c++) {
    const factor = factors[c];
    if (factor === null) continue;
    const diagonal = inverseDiagonal(factor);
    for (let k = components.start[c]; k < components.start[c + 1]; k++) {
      const i = components.members[k];
      returnVisits[i] = diagonal[localIndex[i]];
    }
  }

  const uplift = new Float64Array(n);
  const removalEffect = new Float64Array(n);
  const reach = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    if (kind[k] === KIND_OUTCOME) {
      reach[k] = visits[k];
      continue;
    }
    if (closed[k]) {
      returnVisits[k] = Infinity;
      reach[k] = visits[k] > 0 ? 1 : 0;
      continue;
    }
    const g = returnVisits[k];
    reach[k] = visits[k] / g;
    removalEffect[k] = reach[k] * reachSuccess[k];
    const d = dropOff[k];
    if (deadEnd[k] || d === 0 || visits[k] === 0) continue;
    const denominator = 1 - d * g;
    uplift[k] =
      d < 1 && denominator > 1e-9
        ? (visits[k] * d * reachSuccess[k]) / denominator
        : successWithDropOff(journey, k, 0) - chain.success;
  }
  return { uplift, removalEffect, reach, returnVisits };
}

/**
 * Success probability with node k's drop-off replaced, by a full re-solve: the reference the identities
 * are tested against, and the fallback when removing k's drop-off would close a loop.
 */
export function successWithDropOff(journey: CompiledJourney, k: number, d: number): number {
  return analyseExact(withDropOff(journey, new Map([[k, d]]))).success;
}

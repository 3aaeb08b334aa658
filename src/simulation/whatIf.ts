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
 * cyclic component C, by selected inversion of the sparse LU the solve already made (sparse.ts): about
 * the cost of the solve itself. A WhatIfWorkspace keeps the arrays, to analyse the same journey again with
 * other values (uncertainty draws) without allocating.
 */
import { KIND_OUTCOME, withDropOff, type CompiledJourney } from './compile';
import { analyseExact, componentMatrix, outsideSuccess, solveComponentSuccess, type ExactChain } from './exact';
import { Meter, runToEnd, type Pausable } from './pausable';
import { factorComponent, inverseDiagonal, InverseBuffers } from './sparse';

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

/**
 * Below this, 1 − d·G(k,k) is too close to cancelling for the uplift identity to keep ~10 digits, and the
 * node's component is solved again with its drop-off at 0 instead (a loop that nearly closes without k).
 */
const IDENTITY_MARGIN = 1e-6;

/** Progress units of analyseWhatIfSteps: one per node. */
export const whatIfWork = (chain: ExactChain) => chain.journey.n;

export function analyseWhatIf(chain: ExactChain): WhatIf {
  return runToEnd(analyseWhatIfSteps(chain, new Meter()));
}

/**
 * The arrays of a what-if analysis and buffers for each loop's inverse diagonal, to analyse one journey
 * (the same structure) again and again: each analysis overwrites the arrays the previous one returned.
 */
export class WhatIfWorkspace implements WhatIf {
  readonly uplift: Float64Array;
  readonly removalEffect: Float64Array;
  readonly reach: Float64Array;
  readonly returnVisits: Float64Array;
  /** By component, from the first time its inverse diagonal is needed. */
  readonly inverse: (InverseBuffers | undefined)[] = [];

  constructor(n: number) {
    this.uplift = new Float64Array(n);
    this.removalEffect = new Float64Array(n);
    this.reach = new Float64Array(n);
    this.returnVisits = new Float64Array(n);
  }
}

/** The what-if analysis of `chain`, in the arrays of `workspace` (new ones unless given). */
export function* analyseWhatIfSteps(chain: ExactChain, meter: Meter, workspace = new WhatIfWorkspace(chain.journey.n)): Pausable<WhatIf> {
  const { journey, components, visits, reachSuccess, closed, closedReach, deadEnd, factors, localIndex } = chain;
  const { n, kind, dropOff } = journey;
  const { uplift, removalEffect, reach, returnVisits, inverse } = workspace;
  returnVisits.fill(1);
  uplift.fill(0);
  removalEffect.fill(0);
  for (let c = 0; c < components.count; c++) {
    const factor = factors[c];
    if (factor === null) {
      meter.progress += components.start[c + 1] - components.start[c];
      continue;
    }
    const diagonal = yield* inverseDiagonal(factor, meter, (inverse[c] ??= new InverseBuffers(factor.elimination)));
    for (let k = components.start[c]; k < components.start[c + 1]; k++) {
      const i = components.members[k];
      returnVisits[i] = diagonal[localIndex[i]];
    }
  }

  for (let k = 0; k < n; k++) {
    if (kind[k] === KIND_OUTCOME) {
      reach[k] = visits[k];
      continue;
    }
    if (closed[k]) {
      returnVisits[k] = Infinity;
      reach[k] = closedReach[k];
      continue;
    }
    const g = returnVisits[k];
    reach[k] = visits[k] / g;
    removalEffect[k] = reach[k] * reachSuccess[k];
    const d = dropOff[k];
    if (deadEnd[k] || d === 0 || visits[k] === 0) continue;
    const denominator = 1 - d * g;
    if (d < 1 && denominator > IDENTITY_MARGIN * d * g) {
      uplift[k] = (visits[k] * d * reachSuccess[k]) / denominator;
    } else {
      uplift[k] = reach[k] * ((yield* successFromWithDropOff(chain, k, 0, meter)) - reachSuccess[k]);
    }
    if (meter.spend(1)) yield;
  }
  return { uplift, removalEffect, reach, returnVisits };
}

/**
 * h(k) if k's drop-off were `d`: only k's component changes (what comes after it does not depend on k,
 * and P(success) = success on paths that avoid k + reach(k)·h(k), where reach(k) does not depend on d
 * either). The component is factorised again in the order it already has.
 */
function* successFromWithDropOff(chain: ExactChain, k: number, d: number, meter: Meter): Pausable<number> {
  const { journey, components, factors, localIndex, reachSuccess } = chain;
  const c = components.componentOf[k];
  const changed = journey.dropOff.slice();
  changed[k] = d;
  const factor = factors[c];
  if (factor === null) return (1 - d) * outsideSuccess(journey, components, c, k, reachSuccess);
  const matrix = componentMatrix(journey, components, c, localIndex, changed);
  if (matrix.leak.every((l) => l === 0)) return 0; // without k's drop-off the loop closes: nobody gets out
  const refactored = yield* factorComponent(factor.elimination, matrix, new Meter());
  const h = yield* solveComponentSuccess(journey, components, c, refactored, changed, reachSuccess, meter);
  return h[localIndex[k]];
}

/**
 * Success probability with node k's drop-off replaced, by a full re-solve: the reference the identities
 * are tested against.
 */
export function successWithDropOff(journey: CompiledJourney, k: number, d: number): number {
  return analyseExact(withDropOff(journey, new Map([[k, d]]))).success;
}

/** Turns the typed arrays of the exact engine into records keyed by node id. */
import { KIND_OUTCOME, type CompiledJourney } from './compile';
import type { ExactChain } from './exact';
import type { ExactResult } from './types';
import type { WhatIf } from './whatIf';

/** Per-node arrays (node index order) and totals of an exact analysis with what-if. */
export interface ExactColumns {
  readonly visits: ArrayLike<number>;
  readonly abandon: ArrayLike<number>;
  readonly reachSuccess: ArrayLike<number>;
  readonly uplift: ArrayLike<number>;
  readonly removalEffect: ArrayLike<number>;
  readonly reach: ArrayLike<number>;
  /** Non-zero for nodes in a closed loop, and for dead ends. */
  readonly closed: ArrayLike<number>;
  readonly deadEnd: ArrayLike<number>;
  readonly expectedSteps: number;
  readonly success: number;
  readonly failure: number;
  readonly abandoned: number;
  readonly looping: number;
}

export function exactResult(chain: ExactChain, whatIf: WhatIf): ExactResult {
  const { uplift, removalEffect, reach } = whatIf;
  return exactResultOf(chain.journey, { ...chain, uplift, removalEffect, reach });
}

export function exactResultOf(journey: CompiledJourney, columns: ExactColumns): ExactResult {
  const result: ExactResult = {
    outcomes: {},
    abandon: {},
    expectedVisits: {},
    reachSuccess: {},
    expectedSteps: columns.expectedSteps,
    success: columns.success,
    failure: columns.failure,
    abandoned: columns.abandoned,
    looping: columns.looping,
    loopingNodes: [],
    deadEnds: [],
    uplift: {},
    removalEffect: {},
    reach: {},
  };
  for (let i = 0; i < journey.n; i++) {
    const id = journey.ids[i];
    result.expectedVisits[id] = columns.visits[i];
    result.reachSuccess[id] = columns.reachSuccess[i];
    result.reach[id] = columns.reach[i];
    if (journey.kind[i] === KIND_OUTCOME) {
      result.outcomes[id] = columns.visits[i];
      continue;
    }
    result.abandon[id] = columns.abandon[i];
    result.uplift[id] = columns.uplift[i];
    result.removalEffect[id] = columns.removalEffect[i];
    if (columns.closed[i]) result.loopingNodes.push(id);
    if (columns.deadEnd[i]) result.deadEnds.push(id);
  }
  return result;
}

/** Turns the typed arrays of the exact engine into records keyed by node id. */
import { KIND_OUTCOME } from './compile';
import type { ExactChain } from './exact';
import type { ExactResult } from './types';
import type { WhatIf } from './whatIf';

export function exactResult(chain: ExactChain, whatIf: WhatIf): ExactResult {
  const { journey } = chain;
  const result: ExactResult = {
    outcomes: {},
    abandon: {},
    expectedVisits: {},
    reachSuccess: {},
    expectedSteps: chain.expectedSteps,
    success: chain.success,
    failure: chain.failure,
    abandoned: chain.abandoned,
    looping: chain.looping,
    loopingNodes: [],
    deadEnds: [],
    uplift: {},
    removalEffect: {},
    reach: {},
  };
  for (let i = 0; i < journey.n; i++) {
    const id = journey.ids[i];
    result.expectedVisits[id] = chain.visits[i];
    result.reachSuccess[id] = chain.reachSuccess[i];
    result.reach[id] = whatIf.reach[i];
    if (journey.kind[i] === KIND_OUTCOME) {
      result.outcomes[id] = chain.visits[i];
      continue;
    }
    result.abandon[id] = chain.abandon[i];
    result.uplift[id] = whatIf.uplift[i];
    result.removalEffect[id] = whatIf.removalEffect[i];
    if (chain.closed[i]) result.loopingNodes.push(id);
    if (chain.deadEnd[i]) result.deadEnds.push(id);
  }
  return result;
}

/**
 * Exact analysis of the journey as an absorbing Markov chain (infinite horizon). Transient states are the
 * non-outcome nodes; from node i a customer moves to j with probability Q[i][j] = (1 − d(i))·share(i→j),
 * abandons with probability d(i) (or 1 at a dead end) and stops at an outcome. Components are solved one at
 * a time in topological order, so the only dense systems are those of the cyclic components.
 */
import { KIND_OUTCOME, type CompiledJourney } from './compile';
import { luFactor, luSolve, luSolveTransposed, type LU } from './dense';
import { stronglyConnectedComponents, type Components } from './scc';

export interface ExactChain {
  readonly journey: CompiledJourney;
  readonly components: Components;
  /** Expected visits per node (for an outcome: the probability of ending there); Infinity inside a closed loop that customers reach. */
  readonly visits: Float64Array;
  /** Probability of abandoning at each node (drop-off, or everyone who reaches a dead end). */
  readonly abandon: Float64Array;
  /** h(i): probability of eventually reaching a success outcome from node i. */
  readonly reachSuccess: Float64Array;
  /** 1 for nodes in a closed loop: a cycle with no drop-off and no way out, where customers stay forever. */
  readonly closed: Uint8Array;
  /** 1 for non-outcome nodes without an outgoing edge. */
  readonly deadEnd: Uint8Array;
  /** LU factors of (I − Q_CC) per component, for cyclic components that are not closed (null otherwise). */
  readonly factors: readonly (LU | null)[];
  /** Position of each node inside its component's matrix. */
  readonly localIndex: Int32Array;
  readonly success: number;
  readonly failure: number;
  readonly abandoned: number;
  /** Probability of never ending: customers caught in a closed loop. */
  readonly looping: number;
  /** Expected number of visits to non-outcome nodes per customer, entry included (Infinity when looping > 0). */
  readonly expectedSteps: number;
}

export function analyseExact(journey: CompiledJourney): ExactChain {
  const { n, kind, dropOff, rowStart, target, share } = journey;
  const components = stronglyConnectedComponents(n, rowStart, target);
  const { count, componentOf, members, start, cyclic } = components;

  const visits = new Float64Array(n);
  const abandon = new Float64Array(n);
  const reachSuccess = new Float64Array(n);
  const closed = new Uint8Array(n);
  const deadEnd = new Uint8Array(n);
  const localIndex = new Int32Array(n);
  const factors: (LU | null)[] = new Array(count).fill(null);
  for (let i = 0; i < n; i++) if (kind[i] !== KIND_OUTCOME && rowStart[i] === rowStart[i + 1]) deadEnd[i] = 1;

  const inflow = new Float64Array(n);
  for (let e = 0; e < journey.entries.length; e++) inflow[journey.entries[e]] += journey.entryProbability[e];

  let looping = 0;
  for (let c = 0; c < count; c++) {
    const first = start[c], m = start[c + 1] - first;
    if (!cyclic[c]) {
      const v = members[first];
      visits[v] = inflow[v];
    } else if (isClosed(journey, components, c)) {
      let mass = 0;
      for (let k = 0; k < m; k++) mass += inflow[members[first + k]];
      looping += mass;
      for (let k = 0; k < m; k++) {
        const v = members[first + k];
        closed[v] = 1;
        visits[v] = mass > 0 ? Infinity : 0;
      }
      continue;
    } else {
      const factor = factorComponent(journey, components, c, localIndex);
      factors[c] = factor;
      const b = new Float64Array(m);
      for (let k = 0; k < m; k++) b[k] = inflow[members[first + k]];
      const x = luSolveTransposed(factor, b);
      for (let k = 0; k < m; k++) visits[members[first + k]] = x[k];
    }
    for (let k = 0; k < m; k++) {
      const i = members[first + k];
      if (kind[i] === KIND_OUTCOME) continue;
      const v = visits[i];
      abandon[i] = deadEnd[i] ? v : v * dropOff[i];
      const pass = v * (1 - dropOff[i]);
      if (pass === 0) continue;
      for (let p = rowStart[i]; p < rowStart[i + 1]; p++) {
        const j = target[p];
        if (componentOf[j] !== c) inflow[j] += pass * share[p];
      }
    }
  }

  for (let c = count - 1; c >= 0; c--) {
    const first = start[c], m = start[c + 1] - first;
    const factor = factors[c];
    if (factor === null) {
      if (m !== 1 || cyclic[c]) continue; // closed loop: never reaches success, h stays 0
      const i = members[first];
      reachSuccess[i] = kind[i] === KIND_OUTCOME ? journey.success[i] : (1 - dropOff[i]) * outsideSuccess(journey, components, c, i, reachSuccess);
      continue;
    }
    const rhs = new Float64Array(m);
    for (let k = 0; k < m; k++) {
      const i = members[first + k];
      rhs[k] = (1 - dropOff[i]) * outsideSuccess(journey, components, c, i, reachSuccess);
    }
    const h = luSolve(factor, rhs);
    for (let k = 0; k < m; k++) reachSuccess[members[first + k]] = h[k];
  }

  let success = 0, failure = 0, abandoned = 0, expectedSteps = 0;
  for (let i = 0; i < n; i++) {
    if (kind[i] === KIND_OUTCOME) {
      if (journey.success[i]) success += visits[i];
      else failure += visits[i];
    } else {
      abandoned += abandon[i];
      expectedSteps += visits[i];
    }
  }
  return {
    journey, components, visits, abandon, reachSuccess, closed, deadEnd, factors, localIndex,
    success, failure, abandoned, looping, expectedSteps,
  };
}

/** A cyclic component is closed when nothing leaks: no drop-off anywhere and no edge leaving it. */
function isClosed(journey: CompiledJourney, { componentOf, members, start }: Components, c: number): boolean {
  for (let k = start[c]; k < start[c + 1]; k++) {
    const i = members[k];
    if (journey.dropOff[i] > 0) return false;
    for (let p = journey.rowStart[i]; p < journey.rowStart[i + 1]; p++) if (componentOf[journey.target[p]] !== c) return false;
  }
  return true;
}

/** I − Q restricted to component c, factorised. Fills localIndex for the component's members. */
function factorComponent(journey: CompiledJourney, { componentOf, members, start }: Components, c: number, localIndex: Int32Array): LU {
  const first = start[c], m = start[c + 1] - first;
  for (let k = 0; k < m; k++) localIndex[members[first + k]] = k;
  const a = new Float64Array(m * m);
  for (let k = 0; k < m; k++) {
    const i = members[first + k];
    a[k * m + k] += 1;
    const stay = 1 - journey.dropOff[i];
    for (let p = journey.rowStart[i]; p < journey.rowStart[i + 1]; p++) {
      const j = journey.target[p];
      if (componentOf[j] === c) a[k * m + localIndex[j]] -= stay * journey.share[p];
    }
  }
  return luFactor(a, m);
}

/** Σ share(i→j)·h(j) over edges leaving component c (their h is already known). */
function outsideSuccess(journey: CompiledJourney, { componentOf }: Components, c: number, i: number, h: Float64Array): number {
  let s = 0;
  for (let p = journey.rowStart[i]; p < journey.rowStart[i + 1]; p++) {
    const j = journey.target[p];
    if (componentOf[j] !== c) s += journey.share[p] * h[j];
  }
  return s;
}

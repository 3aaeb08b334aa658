/**
 * Exact analysis of the journey as an absorbing Markov chain (infinite horizon). Transient states are the
 * non-outcome nodes; from node i a customer moves to j with probability Q[i][j] = (1 − d(i))·share(i→j),
 * abandons with probability d(i) (or 1 at a dead end) and stops at an outcome. Components are solved one at
 * a time in topological order; a cyclic component is solved with a sparse LU (sparse.ts) in a
 * minimum-degree order (ordering.ts). The components, the orders and the buffers are kept in an
 * ExactWorkspace, so that a journey whose drop-offs and shares change can be solved again without
 * recomputing or allocating them (uncertainty draws, uncertainty.ts).
 */
import { KIND_OUTCOME, SimulationError, type CompiledJourney } from './compile';
import { withDenseTail } from './denseTail';
import { minimumDegreeOrder } from './ordering';
import { Meter, runToEnd, type Pausable } from './pausable';
import { stronglyConnectedComponents, type Components } from './scc';
import { ComponentBuffers, factorComponent, solveColumn, solveRow, type ComponentMatrix, type SparseFactor } from './sparse';

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
  /**
   * For a node in a closed loop, the probability that a customer enters its loop (and so, circling forever
   * in a strongly connected loop, arrives at every node of it); 0 for other nodes.
   */
  readonly closedReach: Float64Array;
  /** 1 for non-outcome nodes without an outgoing edge. */
  readonly deadEnd: Uint8Array;
  /** Sparse LU of (I − Q_CC) per component, for cyclic components that are not closed (null otherwise). */
  readonly factors: readonly (SparseFactor | null)[];
  /** Position of each node inside its component (its row of the component's matrix). */
  readonly localIndex: Int32Array;
  readonly success: number;
  readonly failure: number;
  readonly abandoned: number;
  /** Probability of never ending: customers caught in a closed loop. */
  readonly looping: number;
  /** Expected number of visits to non-outcome nodes per customer, entry included (Infinity when looping > 0). */
  readonly expectedSteps: number;
}

/** Progress units of analyseExactSteps and solveExactSteps: three per node (order and factor a loop, then success). */
export const exactWork = (journey: CompiledJourney) => 3 * journey.n;

/**
 * A journey's components and buffers for solving it, again and again if its dropOff and share values change
 * (its structure must not). Each solve overwrites the arrays of the chain the previous one returned.
 */
export interface ExactWorkspace {
  readonly journey: CompiledJourney;
  readonly components: Components;
  readonly localIndex: Int32Array;
  readonly deadEnd: Uint8Array;
  /** Per cyclic component, from the first time it is factorised: its matrix, elimination order and buffers. */
  readonly loops: (ComponentLoop | undefined)[];
  readonly factors: (SparseFactor | null)[];
  readonly visits: Float64Array;
  readonly abandon: Float64Array;
  readonly reachSuccess: Float64Array;
  readonly closed: Uint8Array;
  readonly closedReach: Float64Array;
  readonly inflow: Float64Array;
}

/** A cyclic component's matrix (its pattern fixed, its values refilled) and its LU buffers. */
interface ComponentLoop {
  readonly matrix: ComponentMatrix;
  readonly buffers: ComponentBuffers;
}

export function exactWorkspace(journey: CompiledJourney): ExactWorkspace {
  const { n, kind, rowStart, target } = journey;
  const components = stronglyConnectedComponents(n, rowStart, target);
  const { count, members, start } = components;
  const deadEnd = new Uint8Array(n);
  const localIndex = new Int32Array(n);
  for (let i = 0; i < n; i++) if (kind[i] !== KIND_OUTCOME && rowStart[i] === rowStart[i + 1]) deadEnd[i] = 1;
  for (let c = 0; c < count; c++) for (let k = start[c]; k < start[c + 1]; k++) localIndex[members[k]] = k - start[c];
  return {
    journey, components, localIndex, deadEnd,
    loops: new Array<ComponentLoop | undefined>(count),
    factors: new Array<SparseFactor | null>(count).fill(null),
    visits: new Float64Array(n),
    abandon: new Float64Array(n),
    reachSuccess: new Float64Array(n),
    closed: new Uint8Array(n),
    closedReach: new Float64Array(n),
    inflow: new Float64Array(n),
  };
}

export function analyseExact(journey: CompiledJourney): ExactChain {
  return runToEnd(analyseExactSteps(journey, new Meter()));
}

/** analyseExact, pausing every ~10⁵ operations; meter.progress runs up to exactWork(journey). */
export function* analyseExactSteps(journey: CompiledJourney, meter: Meter): Pausable<ExactChain> {
  const workspace = exactWorkspace(journey);
  if (meter.spend(journey.n + journey.rowStart[journey.n])) yield;
  return yield* solveExactSteps(workspace, meter);
}

/** The exact analysis of workspace.journey with its current values, in the workspace's arrays. */
export function* solveExactSteps(workspace: ExactWorkspace, meter: Meter): Pausable<ExactChain> {
  const { journey, components, localIndex, deadEnd, factors, visits, abandon, reachSuccess, closed, closedReach, inflow } = workspace;
  const { n, kind, dropOff, rowStart, target, share } = journey;
  const { count, componentOf, members, start, cyclic } = components;
  abandon.fill(0);
  reachSuccess.fill(0);
  closed.fill(0);
  closedReach.fill(0);
  inflow.fill(0);
  factors.fill(null);
  for (let e = 0; e < journey.entries.length; e++) inflow[journey.entries[e]] += journey.entryProbability[e];

  let looping = 0;
  for (let c = 0; c < count; c++) {
    const first = start[c], m = start[c + 1] - first;
    if (!cyclic[c]) {
      const v = members[first];
      visits[v] = inflow[v];
      meter.progress += 2;
    } else if (isClosed(journey, components, c)) {
      let mass = 0;
      for (let k = 0; k < m; k++) mass += inflow[members[first + k]];
      looping += mass;
      for (let k = 0; k < m; k++) {
        const v = members[first + k];
        closed[v] = 1;
        closedReach[v] = mass;
        visits[v] = mass > 0 ? Infinity : 0;
      }
      meter.progress += 2 * m;
      continue;
    } else {
      let loop = workspace.loops[c];
      if (loop) {
        fillComponentMatrix(journey, components, c, loop.matrix);
        meter.progress += m;
      } else loop = yield* newComponentLoop(workspace, c, meter);
      const { matrix, buffers } = loop;
      const factor = yield* factorComponent(buffers.factor.elimination, matrix, meter, buffers);
      factors[c] = factor;
      const b = buffers.right;
      for (let k = 0; k < m; k++) b[k] = inflow[members[first + k]];
      const x = yield* solveRow(factor, b, meter, buffers);
      for (let k = 0; k < m; k++) visits[members[first + k]] = x[k];
    }
    let operations = m;
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
      operations += rowStart[i + 1] - rowStart[i];
    }
    if (meter.spend(operations)) yield;
  }

  for (let c = count - 1; c >= 0; c--) {
    const first = start[c], m = start[c + 1] - first;
    meter.progress += m;
    const factor = factors[c];
    if (factor === null) {
      if (m !== 1 || cyclic[c]) continue; // closed loop: never reaches success, h stays 0
      const i = members[first];
      reachSuccess[i] = kind[i] === KIND_OUTCOME ? journey.success[i] : (1 - dropOff[i]) * outsideSuccess(journey, components, c, i, reachSuccess);
      if (meter.spend(1 + rowStart[i + 1] - rowStart[i])) yield;
      continue;
    }
    const h = yield* solveComponentSuccess(journey, components, c, factor, dropOff, reachSuccess, meter, workspace.loops[c]!.buffers);
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
  // Never a silent disagreement with Monte Carlo: every customer ends somewhere, or loops.
  const accounted = success + failure + abandoned + looping;
  if (!(Math.abs(accounted - 1) < 1e-6)) {
    throw new SimulationError(`The exact analysis accounts for ${accounted} of the customers instead of all of them`);
  }
  return {
    journey, components, visits, abandon, reachSuccess, closed, closedReach, deadEnd, factors, localIndex,
    success, failure, abandoned, looping, expectedSteps,
  };
}

/** Component c's matrix, elimination order (meter.progress + m) and LU buffers, the first time it is solved. */
function* newComponentLoop(workspace: ExactWorkspace, c: number, meter: Meter): Pausable<ComponentLoop> {
  const { journey, components, localIndex, loops } = workspace;
  const m = components.start[c + 1] - components.start[c];
  const matrix = componentMatrix(journey, components, c, localIndex);
  const elimination = withDenseTail(yield* minimumDegreeOrder(m, matrix.rowStart, matrix.col, meter));
  return (loops[c] = { matrix, buffers: new ComponentBuffers(elimination, matrix.rowStart[m]) });
}

/** h on component c: (I − Q_CC)·h = (1 − d)·(success reached straight out of C), with h known outside C. */
export function* solveComponentSuccess(
  journey: CompiledJourney,
  components: Components,
  c: number,
  factor: SparseFactor,
  dropOff: Float64Array,
  reachSuccess: Float64Array,
  meter: Meter,
  buffers?: ComponentBuffers,
): Pausable<Float64Array> {
  const first = components.start[c], m = components.start[c + 1] - first;
  const rhs = buffers?.right ?? new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const i = components.members[first + k];
    rhs[k] = (1 - dropOff[i]) * outsideSuccess(journey, components, c, i, reachSuccess);
  }
  return yield* solveColumn(factor, rhs, meter, buffers);
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

/**
 * The moves between the members of component c (local indices, self-loops left out) and each member's leak:
 * its drop-off plus its moves out of c, added as non-negative terms (see sparse.ts). `dropOff` may differ
 * from the journey's (what-if).
 */
export function componentMatrix(
  journey: CompiledJourney,
  components: Components,
  c: number,
  localIndex: Int32Array,
  dropOff: Float64Array = journey.dropOff,
): ComponentMatrix {
  const { componentOf, members, start } = components;
  const first = start[c], m = start[c + 1] - first;
  const rowStart = new Int32Array(m + 1);
  let entries = 0;
  for (let k = 0; k < m; k++) {
    const i = members[first + k];
    for (let p = journey.rowStart[i]; p < journey.rowStart[i + 1]; p++) {
      const j = journey.target[p];
      if (j !== i && componentOf[j] === c) entries++;
    }
    rowStart[k + 1] = entries;
  }
  const col = new Int32Array(entries);
  for (let k = 0; k < m; k++) {
    const i = members[first + k];
    let at = rowStart[k];
    for (let p = journey.rowStart[i]; p < journey.rowStart[i + 1]; p++) {
      const j = journey.target[p];
      if (j !== i && componentOf[j] === c) col[at++] = localIndex[j];
    }
  }
  const matrix = { rowStart, col, value: new Float64Array(entries), leak: new Float64Array(m) };
  fillComponentMatrix(journey, components, c, matrix, dropOff);
  return matrix;
}

/** The values of componentMatrix (moves and leaks) into a matrix that already has the component's pattern. */
export function fillComponentMatrix(
  journey: CompiledJourney,
  { componentOf, members, start }: Components,
  c: number,
  { rowStart, value, leak }: ComponentMatrix,
  dropOff: Float64Array = journey.dropOff,
): void {
  const first = start[c], m = start[c + 1] - first;
  for (let k = 0; k < m; k++) {
    const i = members[first + k];
    const stay = 1 - dropOff[i];
    let out = 0;
    let at = rowStart[k];
    for (let p = journey.rowStart[i]; p < journey.rowStart[i + 1]; p++) {
      const j = journey.target[p];
      if (componentOf[j] !== c) out += journey.share[p];
      else if (j !== i) value[at++] = stay * journey.share[p];
    }
    leak[k] = dropOff[i] + stay * out;
  }
}

/** Σ share(i→j)·h(j) over edges leaving component c (their h is already known). */
export function outsideSuccess(journey: CompiledJourney, { componentOf }: Components, c: number, i: number, h: Float64Array): number {
  let s = 0;
  for (let p = journey.rowStart[i]; p < journey.rowStart[i + 1]; p++) {
    const j = journey.target[p];
    if (componentOf[j] !== c) s += journey.share[p] * h[j];
  }
  return s;
}

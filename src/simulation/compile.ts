/**
 * Compiles a journey map once into flat typed arrays (CSR adjacency) that both engines read. Node i of the
 * compiled journey is map.nodes[i]. Outcomes are absorbing: edges leaving an outcome are ignored.
 */
import { DEFAULT_SEVERITY_DROP_OFF, effectiveDropOff, type JourneyMap } from '../domain';

export class SimulationError extends Error {
  override name = 'SimulationError';
}

export const KIND_ENTRY = 0;
export const KIND_TOUCHPOINT = 1;
export const KIND_OUTCOME = 2;

export interface CompiledJourney {
  readonly n: number;
  readonly ids: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
  /** KIND_ENTRY, KIND_TOUCHPOINT or KIND_OUTCOME per node. */
  readonly kind: Uint8Array;
  /** 1 for outcomes whose result is success (an outcome without a result counts as success). */
  readonly success: Uint8Array;
  /** d(v): probability of abandoning on arrival, before moving on (0 for outcomes). */
  readonly dropOff: Float64Array;
  /** CSR: the edges leaving node i are rowStart[i] .. rowStart[i+1]-1. */
  readonly rowStart: Int32Array;
  readonly target: Int32Array;
  /** weight / (sum of the source's outgoing weights). */
  readonly share: Float64Array;
  /** The map edge (index in map.edges) of each CSR slot. */
  readonly edgeIndex: Int32Array;
  /** Start distribution: entry node indices and their probabilities (share / total share). */
  readonly entries: Int32Array;
  readonly entryProbability: Float64Array;
}

export interface CompileOptions {
  severityDropOff?: readonly number[];
  /** Replaces d(v) for the given node ids (used by what-if analysis and tests). */
  dropOffOverrides?: Readonly<Record<string, number>>;
}

export function compileJourney(map: JourneyMap, options: CompileOptions = {}): CompiledJourney {
  const severity = options.severityDropOff ?? map.simulation?.severityDropOff ?? DEFAULT_SEVERITY_DROP_OFF;
  const n = map.nodes.length;
  const ids = map.nodes.map((node) => node.id);
  const indexOf = new Map<string, number>();
  ids.forEach((id, i) => {
    if (indexOf.has(id)) throw new SimulationError(`Two nodes share the id "${id}"`);
    indexOf.set(id, i);
  });

  const kind = new Uint8Array(n);
  const success = new Uint8Array(n);
  const dropOff = new Float64Array(n);
  map.nodes.forEach((node, i) => {
    kind[i] = node.kind === 'entry' ? KIND_ENTRY : node.kind === 'outcome' ? KIND_OUTCOME : KIND_TOUCHPOINT;
    if (node.kind === 'outcome') {
      success[i] = node.result === 'failure' ? 0 : 1;
      return;
    }
    const d = options.dropOffOverrides?.[node.id] ?? effectiveDropOff(node, severity);
    if (!(d >= 0 && d <= 1)) throw new SimulationError(`"${node.label}" has a drop-off of ${d}; it must be between 0 and 1`);
    dropOff[i] = d;
  });

  const rowStart = new Int32Array(n + 1);
  const kept: { source: number; target: number; weight: number; index: number }[] = [];
  for (const [index, edge] of map.edges.entries()) {
    const source = indexOf.get(edge.source);
    const target = indexOf.get(edge.target);
    if (source === undefined) throw new SimulationError(`Edge "${edge.id}" leaves a node that does not exist ("${edge.source}")`);
    if (target === undefined) throw new SimulationError(`Edge "${edge.id}" leads to a node that does not exist ("${edge.target}")`);
    if (!(edge.weight > 0 && Number.isFinite(edge.weight))) {
      throw new SimulationError(`Edge "${edge.id}" has weight ${edge.weight}; it must be above 0`);
    }
    if (kind[source] === KIND_OUTCOME) continue;
    kept.push({ source, target, weight: edge.weight, index });
    rowStart[source + 1]++;
  }
  for (let i = 0; i < n; i++) rowStart[i + 1] += rowStart[i];
  const fill = rowStart.slice(0, n);
  const target = new Int32Array(kept.length);
  const share = new Float64Array(kept.length);
  const edgeIndex = new Int32Array(kept.length);
  // Weights are scaled by the source's largest before they are added up: two weights of 1.7e308 would sum
  // to Infinity and every share would become 0 (the exact engine then lost everyone, Monte Carlo did not).
  const maxWeight = new Float64Array(n);
  for (const e of kept) maxWeight[e.source] = Math.max(maxWeight[e.source], e.weight);
  const weightSum = new Float64Array(n);
  for (const e of kept) weightSum[e.source] += e.weight / maxWeight[e.source];
  for (const e of kept) {
    const at = fill[e.source]++;
    target[at] = e.target;
    edgeIndex[at] = e.index;
    share[at] = e.weight / maxWeight[e.source] / weightSum[e.source];
  }
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let p = rowStart[i]; p < rowStart[i + 1]; p++) sum += share[p];
    if (rowStart[i] < rowStart[i + 1] && !(Math.abs(sum - 1) < 1e-9)) {
      throw new SimulationError(`The connections out of "${map.nodes[i].label}" do not add up to 100% (${sum})`);
    }
  }

  const entryNodes: number[] = [];
  const entryShares: number[] = [];
  map.nodes.forEach((node, i) => {
    if (node.kind !== 'entry') return;
    const s = node.share ?? 1;
    if (!(s > 0 && Number.isFinite(s))) throw new SimulationError(`Entry "${node.label}" has share ${s}; it must be above 0`);
    entryNodes.push(i);
    entryShares.push(s);
  });
  if (entryNodes.length === 0) {
    throw new SimulationError('The map has no entry node, so no customer can start a journey');
  }
  const maxShare = entryShares.reduce((a, b) => Math.max(a, b), 0);
  const totalShare = entryShares.reduce((a, b) => a + b / maxShare, 0);

  return {
    n,
    ids,
    indexOf,
    kind,
    success,
    dropOff,
    rowStart,
    target,
    share,
    edgeIndex,
    entries: Int32Array.from(entryNodes),
    entryProbability: Float64Array.from(entryShares, (s) => s / maxShare / totalShare),
  };
}

/** A copy of `journey` with d(v) replaced at some node indices (cheap: the adjacency is shared). */
export function withDropOff(journey: CompiledJourney, changes: ReadonlyMap<number, number>): CompiledJourney {
  const dropOff = journey.dropOff.slice();
  for (const [i, d] of changes) if (journey.kind[i] !== KIND_OUTCOME) dropOff[i] = d;
  return { ...journey, dropOff };
}

/**
 * How sure the results are, given the counts behind the map's values. A drop-off calibrated from counts
 * (node.observed: `left` of `entered` abandoned) has the posterior Beta(left + 1, entered − left + 1); a node
 * whose every outgoing edge has a count has weights with the posterior Dirichlet(count + 1, …) (uniform
 * priors). K parameter draws from those posteriors go through the exact engine, and the result gives 95%
 * intervals (2.5% and 97.5% percentiles of the draws) of completion, of each outcome and of each hotspot's
 * uplift (whatIf.ts), and how often each hotspot ranks first. Values typed by hand are held fixed, and so
 * is a persona's override of a value, for that persona.
 *
 * The structure never changes between draws, so the journey is compiled and its components and elimination
 * orders are found once (ExactWorkspace, WhatIfWorkspace); a draw only refills the dropOff and share arrays
 * and solves numerically in the same buffers. With personas, each draw blends the personas' results by
 * their shares, as blend.ts does; the personas share the draw of every value none of them overrides.
 */
import type { JourneyMap, Persona } from '../domain';
import { KIND_OUTCOME, SimulationError, type CompiledJourney } from './compile';
import { exactWorkspace, solveExactSteps, type ExactWorkspace } from './exact';
import { CANCELLED, Meter, runInSlices, runToEnd, type Pausable } from './pausable';
import { CentralIntervals, type PercentileInterval } from './percentiles';
import { compilePopulation, populations, type Population } from './personas';
import { Xoshiro128 } from './prng';
import { beta, dirichlet } from './sampling';
import { resolveSettings } from './settings';
import { macrotask, type ChunkedRunOptions } from './simulate';
import { analyseWhatIfSteps, WhatIfWorkspace } from './whatIf';

export const DEFAULT_DRAWS = 1000;
export const MAX_DRAWS = 100_000;

export interface UncertaintyOptions {
  /** Parameter draws (default DEFAULT_DRAWS, at most MAX_DRAWS). */
  draws?: number;
  /** Seed of the draws (default: the map's simulation seed, as for Monte Carlo). */
  seed?: number;
  /**
   * The persona `map` already is the view of, as the command line's --persona simulates it: its overrides
   * are held fixed. Leave out for a map simulated as it is (with its personas blended, if it has any).
   */
  persona?: Persona;
}

/** Drop-offs and edge weights: those that matter (below) drawn from counts, or typed by hand and held fixed. */
export interface ParameterCounts {
  /** Drop-offs of entries and touchpoints with a way on (at a dead end everyone abandons anyway). */
  dropOffs: number;
  /** Weights of edges that leave an entry or touchpoint with two or more edges (a lone edge takes everyone). */
  weights: number;
}

export interface UncertaintyResult {
  /** Draws made: 0 when no value that matters comes from counts, so every draw would give the same results. */
  draws: number;
  seed: number;
  /** A value counts as uncertain if any persona takes it from the draws. */
  uncertain: ParameterCounts;
  fixed: ParameterCounts;
  /** Completion (probability of a success outcome): 2.5% and 97.5% percentiles over the draws. */
  success: PercentileInterval;
  /** Outcome id → the interval of the probability of ending there. */
  outcomes: Record<string, PercentileInterval>;
  /** Per map node, in map order: the interval of its uplift (NaN for outcomes). */
  upliftLow: Float64Array;
  upliftHigh: Float64Array;
  /** Per map node: the share of draws in which it is the top hotspot (ranks first by uplift as rankHotspots ranks). */
  topHotspotShare: Float64Array;
}

/** Progress units of analyseUncertaintySteps: the draws asked for. */
export const uncertaintyWork = (options: UncertaintyOptions) => options.draws ?? DEFAULT_DRAWS;

export function analyseUncertainty(map: JourneyMap, options: UncertaintyOptions = {}): UncertaintyResult {
  return runToEnd(analyseUncertaintySteps(map, options, new Meter()));
}

/** analyseUncertainty, pausing every ~10⁵ operations; meter.progress counts the draws made. */
export function* analyseUncertaintySteps(map: JourneyMap, options: UncertaintyOptions, meter: Meter): Pausable<UncertaintyResult> {
  const draws = uncertaintyWork(options);
  if (!(Number.isInteger(draws) && draws >= 1 && draws <= MAX_DRAWS)) {
    throw new SimulationError(`draws must be a whole number from 1 to ${MAX_DRAWS.toLocaleString('en')}`);
  }
  const settings = resolveSettings(map, options.seed === undefined ? {} : { seed: options.seed });
  const pops: Population[] = options.persona ? [{ persona: options.persona, share: 1, view: map }] : populations(map);
  const parts = pops.map((population) => drawnPopulation(population, compilePopulation(population, settings)));
  const posteriors = findPosteriors(map, parts);
  const nothingUncertain = posteriors.uncertain.dropOffs + posteriors.uncertain.weights === 0;
  const made = nothingUncertain ? 1 : draws;
  const draw = new Draw(map, parts[0].journey, made);
  const rng = new Xoshiro128(settings.seed);
  const work = new Meter();
  yield;
  for (let k = 0; k < made; k++) {
    posteriors.sample(rng);
    draw.start();
    for (const [t, part] of parts.entries()) {
      posteriors.fill(part.journey, t);
      const chain = yield* solveExactSteps(part.exact, work);
      const whatIf = yield* analyseWhatIfSteps(chain, work, part.whatIf);
      draw.blend(part.share, chain.success, chain.visits, chain.abandon, whatIf.uplift);
    }
    draw.finish();
    meter.progress = nothingUncertain ? draws : k + 1;
    if (work.spend(posteriors.size + draw.size)) yield;
  }
  return { draws: nothingUncertain ? 0 : draws, seed: settings.seed, uncertain: posteriors.uncertain, fixed: posteriors.fixed, ...draw.result() };
}

/** As for a simulation run, but progress counts draws: `done` of the `total` asked for. */
export type UncertaintyRunOptions = Omit<ChunkedRunOptions, 'onProgress'> & {
  onProgress?: (done: number, total: number) => void;
};

/** analyseUncertainty in slices with a pause between them (for the worker and the command line); null if cancelled. */
export async function analyseUncertaintyInChunks(
  map: JourneyMap,
  options: UncertaintyOptions = {},
  run: UncertaintyRunOptions = {},
): Promise<UncertaintyResult | null> {
  const isCancelled = () => run.signal?.aborted === true || run.isCancelled?.() === true;
  if (isCancelled()) return null;
  const meter = new Meter();
  const total = uncertaintyWork(options);
  const result = await runInSlices(analyseUncertaintySteps(map, options, meter), {
    sliceMs: run.chunkMs ?? 25,
    tick: run.tick ?? macrotask,
    isCancelled,
    onPause: () => run.onProgress?.(meter.progress, total),
  });
  return result === CANCELLED ? null : result;
}

/** One population's journey, with its buffers for solving it again and again. */
interface DrawnPopulation {
  share: number;
  /** The population's own compiled journey: the draws overwrite its dropOff and share values. */
  journey: CompiledJourney;
  exact: ExactWorkspace;
  whatIf: WhatIfWorkspace;
  /** Node ids whose drop-off, and edge ids whose weight, the population's persona overrides. */
  overridden: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> };
}

function drawnPopulation({ persona, share, view }: Population, journey: CompiledJourney): DrawnPopulation {
  return {
    share,
    journey,
    exact: exactWorkspace(journey),
    whatIf: new WhatIfWorkspace(view.nodes.length),
    overridden: {
      nodes: new Set(persona?.nodes.filter((o) => o.dropOff !== undefined).map((o) => o.node)),
      edges: new Set(persona?.edges.map((o) => o.edge)),
    },
  };
}

/** The drawn drop-offs and weight sets (indices into Posteriors' lists) one population takes. */
interface Taker {
  readonly dropOffs: Int32Array;
  readonly weightSets: Int32Array;
}

/** Where a draw goes: drop-offs by node, shares by compiled edge slot (a journey's own arrays, or buffers). */
interface DrawnValues {
  readonly dropOff: Float64Array;
  readonly share: Float64Array;
}

/**
 * The map's values that come from counts, drawn in a fixed order: the drop-offs (Beta) in node order, then
 * the weight sets (Dirichlet over a node's edges in compiled order) in node order.
 */
class Posteriors {
  constructor(
    readonly uncertain: ParameterCounts,
    readonly fixed: ParameterCounts,
    private readonly rowStart: Int32Array,
    /** Drawn drop-offs: their node and Beta shapes. */
    private readonly dropOffNode: Int32Array,
    private readonly a: Float64Array,
    private readonly b: Float64Array,
    /** Drawn weight sets: their node, and the Dirichlet shape of every edge (by compiled slot). */
    private readonly weightNode: Int32Array,
    private readonly alpha: Float64Array,
    private readonly takers: readonly Taker[],
    private readonly drawn: DrawnValues,
  ) {}

  /** Deviates per draw (for pausing). */
  get size(): number {
    return this.dropOffNode.length + this.alpha.length;
  }

  sample(rng: Xoshiro128): void {
    const { dropOffNode, a, b, weightNode, rowStart, alpha, drawn } = this;
    for (let p = 0; p < dropOffNode.length; p++) drawn.dropOff[dropOffNode[p]] = beta(rng, a[p], b[p]);
    for (let s = 0; s < weightNode.length; s++) {
      const i = weightNode[s];
      dirichlet(rng, alpha, drawn.share, rowStart[i], rowStart[i + 1]);
    }
  }

  /** The current draw into population t's journey, where it takes the drawn values (nothing to do if drawn in place). */
  fill(journey: CompiledJourney, t: number): void {
    const { dropOffNode, weightNode, rowStart, drawn } = this;
    if (journey.dropOff === drawn.dropOff) return;
    const { dropOffs, weightSets } = this.takers[t];
    for (let q = 0; q < dropOffs.length; q++) {
      const i = dropOffNode[dropOffs[q]];
      journey.dropOff[i] = drawn.dropOff[i];
    }
    for (let q = 0; q < weightSets.length; q++) {
      const i = weightNode[weightSets[q]];
      for (let p = rowStart[i]; p < rowStart[i + 1]; p++) journey.share[p] = drawn.share[p];
    }
  }
}

/**
 * Finds the map's drawn values and counts the fixed ones, and which drawn values each population takes (all
 * but those its persona overrides). A single population that takes them all is drawn into in place.
 */
function findPosteriors(map: JourneyMap, parts: DrawnPopulation[]): Posteriors {
  const { journey } = parts[0];
  const { n, kind, rowStart, edgeIndex } = journey;
  const dropOffs: { node: number; a: number; b: number }[] = [];
  const weightNodes: number[] = [];
  const alpha = new Float64Array(edgeIndex.length);
  const takers = parts.map(() => ({ dropOffs: [] as number[], weightSets: [] as number[] }));
  const uncertain = { dropOffs: 0, weights: 0 };
  const fixed = { dropOffs: 0, weights: 0 };
  for (let i = 0; i < n; i++) {
    const edges = rowStart[i + 1] - rowStart[i];
    if (kind[i] === KIND_OUTCOME || edges === 0) continue;
    const node = map.nodes[i];
    const takesDropOff = parts.map((part) => node.observed !== undefined && !part.overridden.nodes.has(node.id));
    if (takesDropOff.some(Boolean)) {
      takesDropOff.forEach((takes, t) => takes && takers[t].dropOffs.push(dropOffs.length));
      dropOffs.push({ node: i, ...betaShapes(node) });
      uncertain.dropOffs++;
    } else fixed.dropOffs++;
    if (edges < 2) continue;
    const mapEdges = Array.from(edgeIndex.subarray(rowStart[i], rowStart[i + 1]), (e) => map.edges[e]);
    const counted = mapEdges.every((edge) => edge.observed !== undefined);
    const takesWeights = parts.map((part) => counted && mapEdges.every((edge) => !part.overridden.edges.has(edge.id)));
    if (takesWeights.some(Boolean)) {
      takesWeights.forEach((takes, t) => takes && takers[t].weightSets.push(weightNodes.length));
      weightNodes.push(i);
      mapEdges.forEach((edge, k) => (alpha[rowStart[i] + k] = dirichletShape(edge.id, edge.observed!.count)));
      uncertain.weights += edges;
    } else fixed.weights += edges;
  }
  const inPlace = parts.length === 1 && takers[0].dropOffs.length === dropOffs.length && takers[0].weightSets.length === weightNodes.length;
  return new Posteriors(
    uncertain,
    fixed,
    rowStart,
    Int32Array.from(dropOffs, (d) => d.node),
    Float64Array.from(dropOffs, (d) => d.a),
    Float64Array.from(dropOffs, (d) => d.b),
    Int32Array.from(weightNodes),
    alpha,
    takers.map((t) => ({ dropOffs: Int32Array.from(t.dropOffs), weightSets: Int32Array.from(t.weightSets) })),
    inPlace ? journey : { dropOff: new Float64Array(n), share: new Float64Array(edgeIndex.length) },
  );
}

/** Beta(left + 1, entered − left + 1), after checking the counts make sense. */
function betaShapes({ label, observed }: JourneyMap['nodes'][number]): { a: number; b: number } {
  const { entered, left } = observed!;
  if (!(Number.isFinite(entered) && Number.isFinite(left) && left >= 0 && left <= entered)) {
    throw new SimulationError(`"${label}" was calibrated from ${left} of ${entered} customers leaving; the counts must be 0 ≤ left ≤ entered`);
  }
  return { a: left + 1, b: entered - left + 1 };
}

function dirichletShape(edgeId: string, count: number): number {
  if (!(Number.isFinite(count) && count >= 0)) throw new SimulationError(`Edge "${edgeId}" was calibrated from ${count} customers; a count must be 0 or more`);
  return count + 1;
}

/**
 * One draw's blended results (success, outcomes, uplift, abandonment), added to the intervals and the count
 * of top hotspots when the draw is finished.
 */
class Draw {
  private readonly outcomeNodes: Int32Array;
  private readonly hotspotNodes: Int32Array;
  /** The values of the current draw: success, then the outcomes, then the hotspots' uplift (the intervals' columns). */
  private readonly row: Float64Array;
  private readonly abandon: Float64Array;
  private readonly intervals: CentralIntervals;
  private readonly topCount: Float64Array;

  constructor(
    private readonly map: JourneyMap,
    journey: CompiledJourney,
    private readonly draws: number,
  ) {
    const outcomes: number[] = [];
    const hotspots: number[] = [];
    for (let i = 0; i < journey.n; i++) (journey.kind[i] === KIND_OUTCOME ? outcomes : hotspots).push(i);
    this.outcomeNodes = Int32Array.from(outcomes);
    this.hotspotNodes = Int32Array.from(hotspots);
    this.row = new Float64Array(1 + outcomes.length + hotspots.length);
    this.abandon = new Float64Array(hotspots.length);
    this.intervals = new CentralIntervals(this.row.length, draws);
    this.topCount = new Float64Array(journey.n);
  }

  /** Work per draw besides the engine's (for pausing). */
  get size(): number {
    return this.row.length;
  }

  start(): void {
    this.row.fill(0);
    this.abandon.fill(0);
  }

  blend(share: number, success: number, visits: Float64Array, abandon: Float64Array, uplift: Float64Array): void {
    const { row, outcomeNodes, hotspotNodes } = this;
    row[0] += share * success;
    const firstHotspot = 1 + outcomeNodes.length;
    for (let j = 0; j < outcomeNodes.length; j++) row[1 + j] += share * visits[outcomeNodes[j]];
    for (let j = 0; j < hotspotNodes.length; j++) {
      const i = hotspotNodes[j];
      row[firstHotspot + j] += share * uplift[i];
      this.abandon[j] += share * abandon[i];
    }
  }

  finish(): void {
    this.intervals.add(this.row);
    if (this.hotspotNodes.length > 0) this.topCount[this.hotspotNodes[this.top()]]++;
  }

  /** The hotspot ranked first: most uplift, then most customers lost, then by label and id (as rankHotspots). */
  private top(): number {
    const { row, abandon, hotspotNodes, map } = this;
    const first = 1 + this.outcomeNodes.length;
    let best = 0;
    for (let j = 1; j < hotspotNodes.length; j++) {
      const difference = row[first + j] - row[first + best];
      if (difference > 0 || (difference === 0 && ranksAbove(map, hotspotNodes[j], abandon[j], hotspotNodes[best], abandon[best]))) best = j;
    }
    return best;
  }

  result(): Pick<UncertaintyResult, 'success' | 'outcomes' | 'upliftLow' | 'upliftHigh' | 'topHotspotShare'> {
    const { map, intervals, outcomeNodes, hotspotNodes } = this;
    const n = map.nodes.length;
    const outcomes: Record<string, PercentileInterval> = {};
    outcomeNodes.forEach((i, j) => (outcomes[map.nodes[i].id] = intervals.interval(1 + j)));
    const upliftLow = new Float64Array(n).fill(NaN);
    const upliftHigh = new Float64Array(n).fill(NaN);
    hotspotNodes.forEach((i, j) => {
      const { low, high } = intervals.interval(1 + outcomeNodes.length + j);
      upliftLow[i] = low;
      upliftHigh[i] = high;
    });
    const topHotspotShare = this.topCount.map((count) => count / this.draws);
    return { success: intervals.interval(0), outcomes, upliftLow, upliftHigh, topHotspotShare };
  }
}

/** Between hotspots of equal uplift: more customers lost, then label, then id first (rankHotspots' order). */
function ranksAbove(map: JourneyMap, i: number, abandonI: number, j: number, abandonJ: number): boolean {
  if (abandonI !== abandonJ) return abandonI > abandonJ;
  const a = map.nodes[i], b = map.nodes[j];
  return a.label !== b.label ? a.label < b.label : a.id < b.id;
}

/**
 * Results of the simulation engines, shaped for the UI and the worker: plain objects, numbers and arrays
 * (structured-clone and JSON friendly), per-node values keyed by node id.
 */
import type { FrictionNote, NodeKind, Scores } from '../domain';
import type { Interval, LengthSummary } from './stats';

/** Settings of one run, after defaults from the map's `simulation` block and any overrides. */
export interface RunSettings {
  customers: number;
  seed: number;
  maxSteps: number;
  severityDropOff: [number, number, number, number, number];
}

export interface ExactResult {
  /** Outcome node id → probability of ending there. */
  outcomes: Record<string, number>;
  /** Non-outcome node id → probability of abandoning there (drop-off, or everyone at a dead end). */
  abandon: Record<string, number>;
  /** Node id → expected visits per customer (outcomes: the probability of reaching them). Infinity inside a closed loop. */
  expectedVisits: Record<string, number>;
  /** Node id → probability of eventually reaching a success outcome from there. */
  reachSuccess: Record<string, number>;
  /** Expected visits to non-outcome nodes per customer, entry included; Infinity when looping > 0. */
  expectedSteps: number;
  success: number;
  failure: number;
  abandoned: number;
  /** Probability of being caught forever in a closed loop (a cycle with no drop-off and no way out). */
  looping: number;
  loopingNodes: string[];
  deadEnds: string[];
  /** Node id → rise in success probability if the node's drop-off were 0 (non-outcome nodes). */
  uplift: Record<string, number>;
  /** Node id → success probability lost if the node were removed and customers arriving there abandoned. */
  removalEffect: Record<string, number>;
  /** Node id → probability that a customer ever arrives there. */
  reach: Record<string, number>;
}

export interface PathCount {
  /** Node ids from the entry to the outcome (or to the node where the customer abandoned). */
  path: string[];
  count: number;
  /** count / customers. */
  share: number;
}

export interface CountAndShare {
  count: number;
  share: number;
}

export interface MonteCarloResult {
  customers: number;
  seed: number;
  maxSteps: number;
  /** Steps taken in total (visits to non-outcome nodes). */
  transitions: number;
  /** Outcome node id → share of customers ending there. */
  outcomes: Record<string, number>;
  outcomeCounts: Record<string, number>;
  /** Non-outcome node id → share of customers abandoning there. */
  abandon: Record<string, number>;
  abandonCounts: Record<string, number>;
  /** Node id → total visits (outcomes: customers who ended there). */
  visits: Record<string, number>;
  /** Share of customers ending at a success outcome, with a 95% Wilson interval. */
  success: Interval & { count: number };
  failure: CountAndShare;
  abandoned: CountAndShare;
  /** Customers stopped after maxSteps steps without ending. */
  looping: CountAndShare;
  /** Steps per journey, over journeys that ended (looping ones excluded). */
  journeyLength: LengthSummary;
  /** Most frequent paths that reach an outcome. */
  topPaths: PathCount[];
  /** Most frequent paths that end in abandonment (the last id is where the customer left). */
  topAbandonPaths: PathCount[];
  /** False once the path table was pruned to bound memory; counts may then be short by up to pathUndercountBound. */
  topPathsExact: boolean;
  pathUndercountBound: number;
  distinctPathsTracked: number;
}

export interface Hotspot {
  nodeId: string;
  label: string;
  kind: NodeKind;
  dropOff: number;
  /** Customers lost at this node per 1,000 starts (exact). */
  lostPer1000: number;
  uplift: number;
  removalEffect: number;
  reach: number;
  scores?: Scores;
  worstFriction?: FrictionNote;
}

/** The phases of a run, in order. */
export type SimulationPhase = 'exact' | 'whatIf' | 'monteCarlo';

/**
 * How far a run is: `done` of `total` in the phase's units (work units for the exact analysis and what-if,
 * where they only measure the share done; customers for Monte Carlo).
 */
export interface SimulationProgress {
  phase: SimulationPhase;
  done: number;
  total: number;
}

export interface SimulationTimings {
  compileMs: number;
  exactMs: number;
  whatIfMs: number;
  monteCarloMs: number;
}

/** Monte Carlo figures of one persona's customers within a blended run. */
export interface PersonaMonteCarlo {
  /** Customers of this persona in the run (the run's customers split by persona share). */
  customers: number;
  /** Outcome node id → share of this persona's customers ending there. */
  outcomes: Record<string, number>;
  outcomeCounts: Record<string, number>;
  /** Non-outcome node id → share of this persona's customers abandoning there. */
  abandon: Record<string, number>;
  success: Interval & { count: number };
  abandoned: CountAndShare;
  looping: CountAndShare;
}

/** One persona's results: its exact analysis on the map as it sees it, its Monte Carlo customers, its hotspots. */
export interface PersonaResult {
  personaId: string;
  name: string;
  colour?: string;
  /** Share of all customers (persona shares normalised to sum to 1). */
  share: number;
  exact: ExactResult;
  monteCarlo: PersonaMonteCarlo;
  hotspots: Hotspot[];
}

export interface SimulationResult {
  mapId: string;
  settings: RunSettings;
  /** With personas: the blend (share-weighted mixture) of the personas' exact results. */
  exact: ExactResult;
  /** With personas: every customer of every persona together. */
  monteCarlo: MonteCarloResult;
  /** With personas: ranked on the blended exact results. */
  hotspots: Hotspot[];
  timings: SimulationTimings;
  /** Per persona, in the map's persona order; absent when the map has no personas. */
  personas?: PersonaResult[];
}

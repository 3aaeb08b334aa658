/**
 * Runs both engines on a map: the exact analysis with what-if and hotspots, then Monte Carlo, either in one
 * call or in slices that pause between them (for a worker or a command line that reports progress and
 * honours cancel in every phase). A map with personas is run once per persona, on the map as that persona
 * sees it, and blended (blend.ts); a map without personas runs as one population, exactly as before.
 */
import type { JourneyMap, Persona } from '../domain';
import { buildWalkTablesSteps } from './alias';
import { blendExact, mergeMonteCarlo } from './blend';
import type { CompiledJourney } from './compile';
import { analyseExactSteps, exactWork, type ExactChain } from './exact';
import { rankHotspots } from './hotspots';
import { MonteCarloRunner, type MonteCarloOptions } from './monteCarlo';
import { CANCELLED, Meter, runInSlices, runToEnd, type Pausable } from './pausable';
import { compilePopulation, personaSeed, populations, splitCustomers, type Population } from './personas';
import { resolveSettings } from './settings';
import { exactResult } from './summary';
import type {
  ExactResult,
  Hotspot,
  MonteCarloResult,
  PersonaMonteCarlo,
  PersonaResult,
  RunSettings,
  SimulationPhase,
  SimulationProgress,
  SimulationResult,
} from './types';
import { analyseWhatIfSteps, whatIfWork, type WhatIf } from './whatIf';

const now = () => performance.now();

export interface ExactAnalysis {
  journey: CompiledJourney;
  exact: ExactResult;
  hotspots: Hotspot[];
  timings: ExactTimings;
}

export interface ExactTimings {
  compileMs: number;
  exactMs: number;
  whatIfMs: number;
}

/** One persona's exact analysis, on the map as it sees it. */
export interface PersonaAnalysis extends ExactAnalysis {
  persona: Persona;
  /** Share of all customers (persona shares normalised to sum to 1). */
  share: number;
  /** The map as the persona sees it (personaView). */
  view: JourneyMap;
}

/** The exact analysis of a map blended over its personas (without personas: the map's own). */
export interface BlendedAnalysis {
  exact: ExactResult;
  /** Ranked on the blended exact results. */
  hotspots: Hotspot[];
  /** Summed over the personas; whatIfMs includes blending. */
  timings: ExactTimings;
  /** Per persona, in the map's order; empty without personas. */
  personas: PersonaAnalysis[];
}

/** Top paths each persona's runner is asked for, to merge into the run's top 10 (blend.ts, mergeMonteCarlo). */
export const PATHS_PER_PERSONA = 100;

/** Where a pausable analysis is: its phase, the phase's progress, and time spent paused (not working). */
class Tracker {
  phase: SimulationPhase = 'exact';
  total = 1;
  meter = new Meter();
  pausedMs = 0;

  start(phase: SimulationPhase, total: number): void {
    this.phase = phase;
    this.total = total;
    this.meter = new Meter();
  }

  progress(): SimulationProgress {
    return { phase: this.phase, done: Math.min(this.meter.progress, this.total), total: this.total };
  }

  /** Working time since `since` (a now() reading and the pausedMs of that moment). */
  busySince([t, paused]: [number, number]): number {
    return now() - t - (this.pausedMs - paused);
  }

  mark(): [number, number] {
    return [now(), this.pausedMs];
  }
}

/**
 * Exact analysis, what-if and hotspots of each population: all of them through the exact phase, then all
 * through what-if, so that progress goes through the phases once, its work units summed over populations.
 */
function* analysePopulationsSteps(
  pops: readonly Population[],
  settings: Pick<RunSettings, 'severityDropOff'>,
  tracker: Tracker,
): Pausable<PopulationAnalysis[]> {
  const journeys: CompiledJourney[] = [];
  const compileMs: number[] = [];
  for (const population of pops) {
    const t = tracker.mark();
    journeys.push(compilePopulation(population, settings));
    compileMs.push(tracker.busySince(t));
  }
  tracker.start('exact', journeys.reduce((sum, journey) => sum + exactWork(journey), 0));
  yield;
  const chains: ExactChain[] = [];
  const exactMs: number[] = [];
  for (const journey of journeys) {
    const t = tracker.mark();
    chains.push(yield* analyseExactSteps(journey, tracker.meter));
    exactMs.push(tracker.busySince(t));
  }
  tracker.start('whatIf', chains.reduce((sum, chain) => sum + whatIfWork(chain), 0));
  yield;
  const analyses: PopulationAnalysis[] = [];
  for (let k = 0; k < pops.length; k++) {
    const t = tracker.mark();
    const whatIf = yield* analyseWhatIfSteps(chains[k], tracker.meter);
    yield;
    const exact = exactResult(chains[k], whatIf);
    yield;
    const hotspots = rankHotspots(pops[k].view, journeys[k], exact);
    const timings = { compileMs: compileMs[k], exactMs: exactMs[k], whatIfMs: tracker.busySince(t) };
    analyses.push({ journey: journeys[k], exact, hotspots, timings, chain: chains[k], whatIf });
  }
  return analyses;
}

/** An exact analysis with the engine's arrays, for blending. */
interface PopulationAnalysis extends ExactAnalysis {
  chain: ExactChain;
  whatIf: WhatIf;
}

interface MapAnalysis {
  pops: Population[];
  analyses: ExactAnalysis[];
  blended: BlendedAnalysis;
}

function* analyseMapSteps(map: JourneyMap, settings: Pick<RunSettings, 'severityDropOff'>, tracker: Tracker): Pausable<MapAnalysis> {
  const pops = populations(map);
  const full = yield* analysePopulationsSteps(pops, settings, tracker);
  // The engine's arrays (and LU factors) are only needed to blend.
  const analyses = full.map(({ journey, exact, hotspots, timings }): ExactAnalysis => ({ journey, exact, hotspots, timings }));
  if (pops.length === 1 && pops[0].persona === null) {
    const [{ exact, hotspots, timings }] = analyses;
    return { pops, analyses, blended: { exact, hotspots, timings, personas: [] } };
  }
  yield;
  const t = tracker.mark();
  const { exact, dropOff } = blendExact(full.map((a, k) => ({ share: pops[k].share, chain: a.chain, whatIf: a.whatIf, exact: a.exact })));
  const hotspots = rankHotspots(map, { dropOff }, exact);
  const blendMs = tracker.busySince(t);
  const total = (key: keyof ExactTimings) => analyses.reduce((sum, a) => sum + a.timings[key], 0);
  const personas = analyses.map((a, k): PersonaAnalysis => ({ ...a, persona: pops[k].persona!, share: pops[k].share, view: pops[k].view }));
  return {
    pops,
    analyses,
    blended: { exact, hotspots, timings: { compileMs: total('compileMs'), exactMs: total('exactMs'), whatIfMs: total('whatIfMs') + blendMs }, personas },
  };
}

/** The exact engine alone on the map as given, one population, personas not applied (see analyseBlend). */
export function analyseJourney(map: JourneyMap, settings: Pick<RunSettings, 'severityDropOff'> = resolveSettings(map)): ExactAnalysis {
  return runToEnd(analysePopulationsSteps([{ persona: null, share: 1, view: map }], settings, new Tracker()))[0];
}

/**
 * The exact engine on a map blended over its personas, each on the map as it sees it (suitable for live
 * updates while the map is edited). Without personas, analyseJourney's exact results and hotspots.
 */
export function analyseBlend(map: JourneyMap, settings: Pick<RunSettings, 'severityDropOff'> = resolveSettings(map)): BlendedAnalysis {
  return runToEnd(analyseMapSteps(map, settings, new Tracker())).blended;
}

/** Who walks in a run: each population's customers, runner options and how many top paths to keep. */
interface WalkPlan {
  customers: number[];
  options: MonteCarloOptions[];
  topCount: number;
}

function walkPlan(pops: readonly Population[], settings: RunSettings): WalkPlan {
  const blended = pops[0].persona !== null;
  return {
    customers: blended ? splitCustomers(settings.customers, pops.map((p) => p.share)) : [settings.customers],
    options: pops.map((_, k) => ({ seed: personaSeed(settings.seed, k), maxSteps: settings.maxSteps })),
    topCount: blended ? PATHS_PER_PERSONA : 10,
  };
}

/** Both engines, synchronously. */
export function simulateJourney(map: JourneyMap, overrides: Partial<RunSettings> = {}): SimulationResult {
  const settings = resolveSettings(map, overrides);
  const analysis = runToEnd(analyseMapSteps(map, settings, new Tracker()));
  const t0 = now();
  const plan = walkPlan(analysis.pops, settings);
  const parts = analysis.analyses.map((a, k): WalkedPart => {
    const runner = new MonteCarloRunner(a.journey, plan.options[k]);
    runner.step(plan.customers[k]);
    return { runner, result: runner.finish(plan.topCount) };
  });
  return assemble(map, settings, analysis, parts, now() - t0);
}

export interface ChunkedRunOptions {
  /**
   * Called after each slice of work (about chunkMs), and when Monte Carlo starts: the exact analysis and
   * what-if count work units (only their share means anything), Monte Carlo counts customers. With
   * personas, each phase counts the work of all personas.
   */
  onProgress?: (progress: SimulationProgress) => void;
  /** Checked between slices; when it returns true the run stops and resolves to null. */
  isCancelled?: () => boolean;
  /** The same, as an AbortSignal (e.g. from Ctrl+C in the command line). */
  signal?: AbortSignal;
  /** Wall time to aim for per slice (default 25 ms). */
  chunkMs?: number;
  /** Lets other work run between slices (default: a MessageChannel tick, or setTimeout 0). */
  tick?: () => Promise<void>;
}

/**
 * Both engines, in slices of about chunkMs with a pause between them, in every phase and for every
 * persona: the result is the same as simulateJourney's, or null if cancelled. Cancel is seen within one
 * slice of work.
 */
export async function simulateInChunks(
  map: JourneyMap,
  overrides: Partial<RunSettings> = {},
  options: ChunkedRunOptions = {},
): Promise<SimulationResult | null> {
  const settings = resolveSettings(map, overrides);
  const tick = options.tick ?? macrotask;
  const chunkMs = options.chunkMs ?? 25;
  const isCancelled = () => options.signal?.aborted === true || options.isCancelled?.() === true;
  const tracker = new Tracker();
  const pause = async () => {
    const t = now();
    await tick();
    tracker.pausedMs += now() - t;
  };

  if (isCancelled()) return null;
  const analysis = await runInSlices(analyseMapSteps(map, settings, tracker), {
    sliceMs: chunkMs,
    tick: pause,
    isCancelled,
    onPause: () => options.onProgress?.(tracker.progress()),
  });
  if (analysis === CANCELLED) return null;

  const total = settings.customers;
  tracker.start('monteCarlo', total);
  const plan = walkPlan(analysis.pops, settings);
  const parts: WalkedPart[] = [];
  let busyMs = 0;
  // Customers of the populations already walked.
  let before = 0;
  for (let k = 0; k < analysis.analyses.length; k++) {
    const { journey, exact } = analysis.analyses[k];
    const customers = plan.customers[k];
    const t0 = tracker.mark();
    const tables = await runInSlices(buildWalkTablesSteps(journey, new Meter()), {
      sliceMs: chunkMs,
      tick: pause,
      isCancelled,
      onPause: () => options.onProgress?.({ phase: 'monteCarlo', done: before, total }),
    });
    if (tables === CANCELLED) return null;
    const runner = new MonteCarloRunner(journey, plan.options[k], tables);
    busyMs += tracker.busySince(t0);
    // The first chunk is sized from the exact expected journey length (≈ 2·10⁵ steps, a few ms), so that even
    // customers who walk up to 10,000 steps each keep chunks short; later chunks aim at chunkMs.
    const stepsEach = Math.max(1, Math.min(settings.maxSteps, exact.expectedSteps));
    let chunk = Math.max(1, Math.min(1000, Math.floor(200_000 / stepsEach)));
    if (k === 0) options.onProgress?.({ phase: 'monteCarlo', done: 0, total });
    while (runner.done < customers) {
      await tick();
      if (isCancelled()) return null;
      const size = Math.min(chunk, customers - runner.done);
      const t = now();
      runner.step(size);
      const elapsed = now() - t;
      busyMs += elapsed;
      // Aim the next chunk at chunkMs, growing or shrinking by at most 4×.
      chunk = Math.max(1, Math.round(size * Math.min(4, Math.max(0.25, chunkMs / Math.max(elapsed, 0.01)))));
      options.onProgress?.({ phase: 'monteCarlo', done: before + runner.done, total });
    }
    await tick();
    if (isCancelled()) return null;
    const t1 = now();
    parts.push({ runner, result: runner.finish(plan.topCount) });
    busyMs += now() - t1;
    before += customers;
  }
  return assemble(map, settings, analysis, parts, busyMs);
}

/**
 * One population's customers, walked: its results, and its runner, whose path table counts the paths of
 * the other personas' lists when they are merged (and is let go with the run).
 */
interface WalkedPart {
  runner: MonteCarloRunner;
  result: MonteCarloResult;
}

function assemble(
  map: JourneyMap,
  settings: RunSettings,
  { pops, analyses, blended }: MapAnalysis,
  parts: readonly WalkedPart[],
  monteCarloMs: number,
): SimulationResult {
  const timings = { ...blended.timings, monteCarloMs };
  if (blended.personas.length === 0) {
    return { mapId: map.id, settings, exact: blended.exact, monteCarlo: parts[0].result, hotspots: blended.hotspots, timings };
  }
  const t = now();
  const monteCarlo = mergeMonteCarlo(
    parts.map(({ runner, result }) => ({ result, pathsAsked: PATHS_PER_PERSONA, countOf: (path: string[]) => runner.pathCount(path) })),
    settings.seed,
  );
  timings.monteCarloMs += now() - t;
  const personas = pops.map((population, k): PersonaResult => {
    const persona = population.persona!;
    return {
      personaId: persona.id,
      name: persona.name,
      ...(persona.colour !== undefined ? { colour: persona.colour } : {}),
      share: population.share,
      exact: analyses[k].exact,
      monteCarlo: personaMonteCarlo(parts[k].result),
      hotspots: analyses[k].hotspots,
    };
  });
  return { mapId: map.id, settings, exact: blended.exact, monteCarlo, hotspots: blended.hotspots, timings, personas };
}

function personaMonteCarlo(result: MonteCarloResult): PersonaMonteCarlo {
  const { customers, outcomes, outcomeCounts, abandon, success, abandoned, looping } = result;
  return { customers, outcomes, outcomeCounts, abandon, success, abandoned, looping };
}

/** A macrotask boundary without setTimeout's 4 ms clamp, so queued messages (cancel) are handled. */
export function macrotask(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

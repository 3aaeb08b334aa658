/**
 * Runs both engines on a map: the exact analysis with what-if and hotspots, then Monte Carlo, either in one
 * call or in slices that pause between them (for a worker or a command line that reports progress and
 * honours cancel in every phase).
 */
import type { JourneyMap } from '../domain';
import { buildWalkTablesSteps } from './alias';
import { compileJourney, type CompiledJourney } from './compile';
import { analyseExactSteps, exactWork } from './exact';
import { rankHotspots } from './hotspots';
import { MonteCarloRunner } from './monteCarlo';
import { CANCELLED, Meter, runInSlices, runToEnd, type Pausable } from './pausable';
import { resolveSettings } from './settings';
import { exactResult } from './summary';
import type { ExactResult, Hotspot, MonteCarloResult, RunSettings, SimulationPhase, SimulationProgress, SimulationResult } from './types';
import { analyseWhatIfSteps, whatIfWork } from './whatIf';

const now = () => performance.now();

export interface ExactAnalysis {
  journey: CompiledJourney;
  exact: ExactResult;
  hotspots: Hotspot[];
  timings: { compileMs: number; exactMs: number; whatIfMs: number };
}

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

function* analyseJourneySteps(map: JourneyMap, settings: Pick<RunSettings, 'severityDropOff'>, tracker: Tracker): Pausable<ExactAnalysis> {
  const t0 = tracker.mark();
  const journey = compileJourney(map, { severityDropOff: settings.severityDropOff });
  const compileMs = tracker.busySince(t0);
  tracker.start('exact', exactWork(journey));
  yield;
  const t1 = tracker.mark();
  const chain = yield* analyseExactSteps(journey, tracker.meter);
  const exactMs = tracker.busySince(t1);
  tracker.start('whatIf', whatIfWork(chain));
  yield;
  const t2 = tracker.mark();
  const whatIf = yield* analyseWhatIfSteps(chain, tracker.meter);
  yield;
  const exact = exactResult(chain, whatIf);
  yield;
  const hotspots = rankHotspots(map, journey, exact);
  const whatIfMs = tracker.busySince(t2);
  return { journey, exact, hotspots, timings: { compileMs, exactMs, whatIfMs } };
}

/** The exact engine alone (suitable for live updates while the map is edited). */
export function analyseJourney(map: JourneyMap, settings: Pick<RunSettings, 'severityDropOff'> = resolveSettings(map)): ExactAnalysis {
  return runToEnd(analyseJourneySteps(map, settings, new Tracker()));
}

/** Both engines, synchronously. */
export function simulateJourney(map: JourneyMap, overrides: Partial<RunSettings> = {}): SimulationResult {
  const settings = resolveSettings(map, overrides);
  const analysis = analyseJourney(map, settings);
  const t0 = now();
  const runner = new MonteCarloRunner(analysis.journey, settings);
  runner.step(settings.customers);
  const monteCarlo = runner.finish();
  return assemble(map, settings, analysis, monteCarlo, now() - t0);
}

export interface ChunkedRunOptions {
  /**
   * Called after each slice of work (about chunkMs), and with done 0 when Monte Carlo starts: the exact
   * analysis and what-if count work units (only their share means anything), Monte Carlo counts customers.
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
 * Both engines, in slices of about chunkMs with a pause between them, in every phase: the result is the
 * same as simulateJourney's, or null if cancelled. Cancel is seen within one slice of work.
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
  const analysis = await runInSlices(analyseJourneySteps(map, settings, tracker), {
    sliceMs: chunkMs,
    tick: pause,
    isCancelled,
    onPause: () => options.onProgress?.(tracker.progress()),
  });
  if (analysis === CANCELLED) return null;

  const total = settings.customers;
  tracker.start('monteCarlo', total);
  const t0 = tracker.mark();
  const tables = await runInSlices(buildWalkTablesSteps(analysis.journey, new Meter()), {
    sliceMs: chunkMs,
    tick: pause,
    isCancelled,
    onPause: () => options.onProgress?.({ phase: 'monteCarlo', done: 0, total }),
  });
  if (tables === CANCELLED) return null;
  const runner = new MonteCarloRunner(analysis.journey, settings, tables);
  let busyMs = tracker.busySince(t0);
  // The first chunk is sized from the exact expected journey length (≈ 2·10⁵ steps, a few ms), so that even
  // customers who walk up to 10,000 steps each keep chunks short; later chunks aim at chunkMs.
  const stepsEach = Math.max(1, Math.min(settings.maxSteps, analysis.exact.expectedSteps));
  let chunk = Math.max(1, Math.min(1000, Math.floor(200_000 / stepsEach)));
  options.onProgress?.({ phase: 'monteCarlo', done: 0, total });
  while (runner.done < total) {
    await tick();
    if (isCancelled()) return null;
    const size = Math.min(chunk, total - runner.done);
    const t = now();
    runner.step(size);
    const elapsed = now() - t;
    busyMs += elapsed;
    // Aim the next chunk at chunkMs, growing or shrinking by at most 4×.
    chunk = Math.max(1, Math.round(size * Math.min(4, Math.max(0.25, chunkMs / Math.max(elapsed, 0.01)))));
    options.onProgress?.({ phase: 'monteCarlo', done: runner.done, total });
  }
  await tick();
  if (isCancelled()) return null;
  const t1 = now();
  const monteCarlo = runner.finish();
  busyMs += now() - t1;
  return assemble(map, settings, analysis, monteCarlo, busyMs);
}

function assemble(
  map: JourneyMap,
  settings: RunSettings,
  analysis: ExactAnalysis,
  monteCarlo: MonteCarloResult,
  monteCarloMs: number,
): SimulationResult {
  return {
    mapId: map.id,
    settings,
    exact: analysis.exact,
    monteCarlo,
    hotspots: analysis.hotspots,
    timings: { ...analysis.timings, monteCarloMs },
  };
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

/**
 * Runs both engines on a map: the exact analysis with what-if and hotspots, then Monte Carlo, either in one
 * call or in chunks that yield between them (for a worker that reports progress and honours cancel).
 */
import type { JourneyMap } from '../domain';
import { compileJourney, type CompiledJourney } from './compile';
import { analyseExact } from './exact';
import { rankHotspots } from './hotspots';
import { MonteCarloRunner } from './monteCarlo';
import { resolveSettings } from './settings';
import { exactResult } from './summary';
import type { ExactResult, Hotspot, MonteCarloResult, RunSettings, SimulationResult } from './types';
import { analyseWhatIf } from './whatIf';

const now = () => performance.now();

export interface ExactAnalysis {
  journey: CompiledJourney;
  exact: ExactResult;
  hotspots: Hotspot[];
  timings: { compileMs: number; exactMs: number; whatIfMs: number };
}

/** The exact engine alone (fast: suitable for live updates while the map is edited). */
export function analyseJourney(map: JourneyMap, settings: Pick<RunSettings, 'severityDropOff'> = resolveSettings(map)): ExactAnalysis {
  const t0 = now();
  const journey = compileJourney(map, { severityDropOff: settings.severityDropOff });
  const t1 = now();
  const chain = analyseExact(journey);
  const t2 = now();
  const whatIf = analyseWhatIf(chain);
  const exact = exactResult(chain, whatIf);
  const hotspots = rankHotspots(map, journey, exact);
  const t3 = now();
  return { journey, exact, hotspots, timings: { compileMs: t1 - t0, exactMs: t2 - t1, whatIfMs: t3 - t2 } };
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
  /** Called after each chunk with customers done so far. */
  onProgress?: (done: number, total: number) => void;
  /** Checked between chunks; when it returns true the run stops and resolves to null. */
  isCancelled?: () => boolean;
  /** Wall time to aim for per chunk (default 50 ms). */
  chunkMs?: number;
  /** Lets other work run between chunks (default: a MessageChannel tick, or setTimeout 0). */
  tick?: () => Promise<void>;
}

/** Both engines, with Monte Carlo in chunks sized to about chunkMs each. Same result as simulateJourney. */
export async function simulateInChunks(
  map: JourneyMap,
  overrides: Partial<RunSettings> = {},
  options: ChunkedRunOptions = {},
): Promise<SimulationResult | null> {
  const settings = resolveSettings(map, overrides);
  const analysis = analyseJourney(map, settings);
  const tick = options.tick ?? macrotask;
  const chunkMs = options.chunkMs ?? 50;
  const runner = new MonteCarloRunner(analysis.journey, settings);
  let chunk = 1000;
  let busyMs = 0;
  while (runner.done < settings.customers) {
    await tick();
    if (options.isCancelled?.()) return null;
    const size = Math.min(chunk, settings.customers - runner.done);
    const t0 = now();
    runner.step(size);
    const elapsed = now() - t0;
    busyMs += elapsed;
    // Aim the next chunk at chunkMs, growing or shrinking by at most 4×.
    chunk = Math.max(100, Math.round(size * Math.min(4, Math.max(0.25, chunkMs / Math.max(elapsed, 0.01)))));
    options.onProgress?.(runner.done, settings.customers);
  }
  return assemble(map, settings, analysis, runner.finish(), busyMs);
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
function macrotask(): Promise<void> {
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

/**
 * As-is against its scenarios, side by side: each one simulated with the same settings and the same seed
 * (common random numbers: the runs differ only where the journeys differ, so differences are not noise of
 * two unrelated runs), and exactly. The difference in points is exact; its Monte Carlo interval treats the
 * two runs as independent samples, which with common random numbers is conservative (the true interval of
 * the difference is narrower).
 */
import { applyScenario, type JourneyMap } from '../domain';
import { lossesByStage, type StageLoss } from './losses';
import { resolveSettings } from './settings';
import { simulateInChunks, simulateJourney, type ChunkedRunOptions } from './simulate';
import { Z95, type Interval } from './stats';
import type { RunSettings, SimulationResult } from './types';

export interface ComparedPersona {
  personaId: string;
  name: string;
  exact: number;
  monteCarlo: Interval;
}

export interface ComparedRun {
  /** null for the as-is map. */
  scenarioId: string | null;
  name: string;
  exact: { success: number; failure: number; abandoned: number; outcomes: Record<string, number> };
  monteCarlo: { customers: number; success: Interval; outcomes: Record<string, number> };
  lossesByStage: StageLoss[];
  personas: ComparedPersona[];
  /** Against the as-is (absent for the as-is itself): points of completion, exact and with a 95% interval. */
  difference?: { exactPoints: number; monteCarloPoints: number; lowPoints: number; highPoints: number };
}

export interface ScenarioComparison {
  seed: number;
  customers: number;
  runs: ComparedRun[];
  /** Outcome ids → names, over every run (a scenario may add an outcome). */
  outcomeNames: Record<string, string>;
}

function summarise(map: JourneyMap, scenarioId: string | null, name: string, result: SimulationResult): ComparedRun {
  const { exact, monteCarlo } = result;
  return {
    scenarioId,
    name,
    exact: { success: exact.success, failure: exact.failure, abandoned: exact.abandoned, outcomes: { ...exact.outcomes } },
    monteCarlo: {
      customers: monteCarlo.customers,
      success: { rate: monteCarlo.success.rate, low: monteCarlo.success.low, high: monteCarlo.success.high },
      outcomes: { ...monteCarlo.outcomes },
    },
    lossesByStage: lossesByStage(map, exact.abandon),
    personas: (result.personas ?? []).map((p) => ({
      personaId: p.personaId,
      name: p.name,
      exact: p.exact.success,
      monteCarlo: { rate: p.monteCarlo.success.rate, low: p.monteCarlo.success.low, high: p.monteCarlo.success.high },
    })),
  };
}

/** Difference of two simulated rates in points, with a 95% interval (independent-samples; conservative here). */
export function differenceInterval(a: { rate: number }, na: number, b: { rate: number }, nb: number): { points: number; low: number; high: number } {
  const d = b.rate - a.rate;
  const se = Math.sqrt((a.rate * (1 - a.rate)) / Math.max(1, na) + (b.rate * (1 - b.rate)) / Math.max(1, nb));
  return { points: 100 * d, low: 100 * (d - Z95 * se), high: 100 * (d + Z95 * se) };
}

function withDifferences(runs: ComparedRun[]): ComparedRun[] {
  const [asIs] = runs;
  return runs.map((run, i) => {
    if (i === 0) return run;
    const mc = differenceInterval(asIs.monteCarlo.success, asIs.monteCarlo.customers, run.monteCarlo.success, run.monteCarlo.customers);
    return {
      ...run,
      difference: { exactPoints: 100 * (run.exact.success - asIs.exact.success), monteCarloPoints: mc.points, lowPoints: mc.low, highPoints: mc.high },
    };
  });
}

function outcomeNames(map: JourneyMap): Record<string, string> {
  const names: Record<string, string> = {};
  const add = (m: JourneyMap) => {
    for (const n of m.nodes) if (n.kind === 'outcome') names[n.id] = n.label;
  };
  add(map);
  for (const s of map.scenarios) add(applyScenario(map, s.id));
  return names;
}

/** The maps compared: the as-is, then each scenario (or only those listed), in map order. */
function compared(map: JourneyMap, only?: readonly string[]): { id: string | null; name: string; map: JourneyMap }[] {
  const scenarios = map.scenarios.filter((s) => !only || only.includes(s.id));
  return [{ id: null, name: 'As-is', map }, ...scenarios.map((s) => ({ id: s.id, name: s.name, map: applyScenario(map, s.id) }))];
}

/** As-is and every scenario (or those listed), both engines, one call. */
export function compareScenarios(map: JourneyMap, overrides: Partial<RunSettings> = {}, only?: readonly string[]): ScenarioComparison {
  const runs = compared(map, only).map((c) => summarise(c.map, c.id, c.name, simulateJourney(c.map, overrides)));
  return { seed: runs.length > 0 ? simulateSeed(map, overrides) : 0, customers: runs[0].monteCarlo.customers, runs: withDifferences(runs), outcomeNames: outcomeNames(map) };
}

/** The same in slices (see simulateInChunks); null when cancelled. Progress counts runs done and the run's own progress. */
export async function compareScenariosInChunks(
  map: JourneyMap,
  overrides: Partial<RunSettings> = {},
  options: ChunkedRunOptions & { onRun?: (index: number, total: number) => void } = {},
): Promise<ScenarioComparison | null> {
  const maps = compared(map);
  const runs: ComparedRun[] = [];
  for (let i = 0; i < maps.length; i++) {
    options.onRun?.(i, maps.length);
    const result = await simulateInChunks(maps[i].map, overrides, options);
    if (result === null) return null;
    runs.push(summarise(maps[i].map, maps[i].id, maps[i].name, result));
  }
  return { seed: simulateSeed(map, overrides), customers: runs[0].monteCarlo.customers, runs: withDifferences(runs), outcomeNames: outcomeNames(map) };
}

const simulateSeed = (map: JourneyMap, overrides: Partial<RunSettings>): number => resolveSettings(map, overrides).seed;
